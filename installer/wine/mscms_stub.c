/* Test-only stand-in for mscms.dll, whose Wine 8 build lacks WcsCreateIccProfile.
 *
 * Only Qt's on-screen qwindows plugin imports it (colour profiles of a screen). Every call
 * answers "no profile", so Qt uses sRGB. CI only; never shipped.
 */
#include <windows.h>

#define API __declspec(dllexport)

API HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
API BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }
API BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
API HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options) {
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
