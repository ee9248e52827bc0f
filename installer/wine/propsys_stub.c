/* Test-only stand-in for propsys.dll, whose Wine 8 build lacks VariantToString.
 *
 * CPython 3.13's _wmi module (behind platform.machine() and friends, which SQLAlchemy calls on
 * import) needs only this function; Windows 10/11 have it. Converts through oleaut32 like the
 * real one. CI only, loaded for python.exe/pythonw.exe alone; never shipped.
 */
#include <windows.h>
#include <oleauto.h>

#ifndef STRSAFE_E_INSUFFICIENT_BUFFER
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#endif

__declspec(dllexport) HRESULT WINAPI VariantToString(const VARIANT *value, PWSTR buffer,
                                                     UINT size) {
    VARIANT text;
    HRESULT result;
    UINT length;
    if (buffer == NULL || size == 0) return E_INVALIDARG;
    buffer[0] = 0;
    VariantInit(&text);
    result = VariantChangeType(&text, (VARIANT *)value, 0, VT_BSTR);
    if (FAILED(result)) return result;
    length = SysStringLen(text.bstrVal);
    if (length >= size) {
        VariantClear(&text);
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    }
    CopyMemory(buffer, text.bstrVal, (length + 1) * sizeof(WCHAR));
    VariantClear(&text);
    return S_OK;
}
