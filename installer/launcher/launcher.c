/* yiye.exe and yiye-cli.exe: run the app inside this process with the bundled Python.
 *
 * The launcher loads runtime\python3XX.dll from its own folder and hands the command line to
 * Py_Main with this file itself as the script: Python runs the zip appended to the file (its
 * __main__.py, written by installer/winbuild/launchers.py). One process instead of a stub that
 * starts python.exe: a second process start costs 50-100 ms under Wine and some on every PC.
 * The runtime's python3XX._pth beside the DLL fixes sys.path, as for python.exe.
 *
 * Built twice by the MinGW-w64 cross compiler: the console one (yiye-cli.exe) and, with
 * YIYE_GUI defined, the GUI one (yiye.exe: no console, like pythonw.exe). PYTHON_DLL names the
 * runtime's DLL. Exit codes are Python's; 1 when the runtime cannot be loaded (said in a message
 * box or on standard error).
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#ifndef PYTHON_DLL
#error "PYTHON_DLL must name the runtime's DLL, e.g. L\"python313.dll\""
#endif

#define PATH_CHARS 32768 /* the longest path Windows allows */

typedef int(__cdecl *py_main_t)(int, wchar_t **);

static void say(const wchar_t *what, const wchar_t *path)
{
    static wchar_t text[PATH_CHARS + 256];
#ifdef YIYE_GUI
    const wchar_t *format = L"一业一证无法启动：%ls\n%ls\n\n安装不完整，请重新运行安装程序。"
                            L"\nThe installation is incomplete: run the installer again.";
#else /* one line, as every error of the yiye command */
    const wchar_t *format = L"yiye：无法启动：%ls %ls（安装不完整，请重新运行安装程序）";
#endif
    _snwprintf(text, sizeof text / sizeof text[0] - 3, format, what, path); /* -3: line end */
    text[sizeof text / sizeof text[0] - 3] = L'\0';
#ifdef YIYE_GUI
    MessageBoxW(NULL, text, L"一业一证", MB_OK | MB_ICONERROR);
#else
    /* A console shows the characters as they are; a pipe or file gets UTF-8, as from Python. */
    HANDLE error = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode, written;
    wcscat(text, L"\r\n");
    if (GetConsoleMode(error, &mode)) {
        WriteConsoleW(error, text, (DWORD)wcslen(text), &written, NULL);
    } else {
        static char utf8[(PATH_CHARS + 256) * 3];
        int bytes = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL);
        if (bytes > 1) {
            WriteFile(error, utf8, (DWORD)bytes - 1, &written, NULL);
        }
    }
#endif
}

static int run(void)
{
    static wchar_t exe[PATH_CHARS], dll[PATH_CHARS];
    DWORD length = GetModuleFileNameW(NULL, exe, PATH_CHARS);
    if (length == 0 || length >= PATH_CHARS) {
        say(L"找不到程序自身的路径", L"");
        return 1;
    }
    wcscpy(dll, exe);
    wchar_t *slash = wcsrchr(dll, L'\\');
    size_t room = PATH_CHARS - (size_t)(slash - dll) - 1;
    if (slash == NULL || room <= wcslen(L"runtime\\" PYTHON_DLL)) {
        say(L"路径太长", exe);
        return 1;
    }
    wcscpy(slash + 1, L"runtime\\" PYTHON_DLL);
    /* Its dependencies (vcruntime140.dll) are looked for beside it, not beside the launcher. */
    HMODULE python = LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (python == NULL) {
        say(L"无法加载", dll);
        return 1;
    }
    py_main_t py_main = (py_main_t)(void (*)(void))GetProcAddress(python, "Py_Main");
    if (py_main == NULL) {
        say(L"运行时缺少 Py_Main", dll);
        return 1;
    }
    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    wchar_t **arguments = calloc((size_t)argc + 2, sizeof(wchar_t *));
    if (argv == NULL || arguments == NULL) {
        say(L"内存不足", L"");
        return 1;
    }
    /* python <this file> <the user's arguments>: sys.argv is [this file, arguments...]. */
    arguments[0] = exe;
    arguments[1] = exe;
    for (int i = 1; i < argc; i++) {
        arguments[i + 1] = argv[i];
    }
    return py_main(argc + 1, arguments);
}

#ifdef YIYE_GUI
int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show)
{
    (void)instance;
    (void)previous;
    (void)command_line;
    (void)show;
    return run();
}
#else
int wmain(void)
{
    return run();
}
#endif
