/* Test-only stand-in for bcryptprimitives.dll's ProcessPrng (Windows 10+), which Wine 8 lacks.
 *
 * Rust's standard library (inside cryptography and cbor2) takes its random bytes from it.
 * Answered from RtlGenRandom (advapi32!SystemFunction036). CI only; never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
