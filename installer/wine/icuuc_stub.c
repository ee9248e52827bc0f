/* Test-only stand-in for Windows 10's system icuuc.dll, which Wine 8 lacks.
 *
 * Qt6Core imports ICU's converter API for codecs beyond UTF-8/UTF-16/Latin-1. Every function
 * here answers "not available", so Qt falls back to its built-in codecs. Built by
 * installer/wine/prepare_prefix.sh into a Wine prefix for CI; never shipped to a counter PC.
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16

#define API __declspec(dllexport)

static void refuse(UErrorCode *err) {
    if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR;
}

API void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
API void ucnv_close(void *cnv) { (void)cnv; }
API void ucnv_reset(void *cnv) { (void)cnv; }
API int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 4; }
API const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; refuse(err); return ""; }
API void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
API void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
API void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                             const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; refuse(err);
}
API void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                               const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; refuse(err);
}
API void ucnv_cbToUWriteUChars(void *args, const uint16_t *source, int32_t length, int32_t offset,
                               UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; refuse(err);
}
API void ucnv_cbFromUWriteUChars(void *args, const uint16_t **source, const uint16_t *limit,
                                 int32_t offset, UErrorCode *err) {
    (void)args; (void)source; (void)limit; (void)offset; refuse(err);
}
API void ucnv_toUnicode(void *cnv, uint16_t **target, const uint16_t *target_limit,
                        const char **source, const char *source_limit, int32_t *offsets,
                        int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; refuse(err);
}
API void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit,
                          const uint16_t **source, const uint16_t *source_limit, int32_t *offsets,
                          int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; refuse(err);
}
API int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; refuse(err); return 0; }
API int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; refuse(err); return 0; }
API const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; refuse(err); return NULL;
}
API const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
API int32_t ucnv_countAvailable(void) { return 0; }
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const uint16_t *units,
                                         int32_t length, int32_t code_point, int32_t reason,
                                         UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason;
    refuse(err);
}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                       int32_t length, int32_t reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; refuse(err);
}
