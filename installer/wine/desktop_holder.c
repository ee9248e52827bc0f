/* Test-only: keeps the Wine prefix's desktop up for the whole check, as on a counter PC where
 * the clerk's session is open. Without it every GUI program's exit makes Wine wind its desktop
 * process down, and that process, started from the program, holds the program's output pipe
 * for another second: each timed start would pay it. Ended by wineserver -k. Never shipped.
 */
#include <windows.h>

int main(void)
{
    GetDesktopWindow();
    Sleep(INFINITE);
    return 0;
}
