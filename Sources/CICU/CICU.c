// Forwards CICU.h's stable names to ICU 72's versioned functions.
#include "CICU.h"
#include <stdlib.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>

struct BriefBreaker {
    UBreakIterator *iterator;
    UText text;
};

const char *brief_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const void *brief_norm_instance(int32_t form, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = form == 0 ? unorm2_getNFCInstance(&code)
                          : form == 1 ? unorm2_getNFKCInstance(&code) : unorm2_getNFKCCasefoldInstance(&code);
    *status = code;
    return n;
}

int32_t brief_norm_normalize(const void *normalizer, const uint16_t *source, int32_t length, uint16_t *dest,
                             int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = unorm2_normalize((const UNormalizer2 *)normalizer, source, length, dest, capacity, &code);
    *status = code;
    return result;
}

int32_t brief_norm_span_quick_check_yes(const void *normalizer, const uint16_t *source, int32_t length,
                                        int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, source, length, &code);
    *status = code;
    return result;
}

void *brief_casemap_open(const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCaseMap *map = ucasemap_open(locale, 0, &code);
    *status = code;
    return map;
}

void brief_casemap_close(void *casemap) { ucasemap_close((UCaseMap *)casemap); }

int32_t brief_casemap_fold_utf8(const void *casemap, char *dest, int32_t capacity, const char *source, int32_t length,
                                int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = ucasemap_utf8FoldCase((const UCaseMap *)casemap, dest, capacity, source, length, &code);
    *status = code;
    return result;
}

BriefBreaker *brief_breaker_open(int32_t type, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(type == 0 ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &code);
    *status = code;
    if (U_FAILURE(code)) return NULL;
    BriefBreaker *breaker = calloc(1, sizeof(BriefBreaker));
    UText initial = UTEXT_INITIALIZER;
    breaker->iterator = iterator;
    breaker->text = initial;
    return breaker;
}

BriefBreaker *brief_breaker_clone(const BriefBreaker *prototype, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(prototype->iterator, &code);
    *status = code;
    if (U_FAILURE(code)) return NULL;
    BriefBreaker *breaker = calloc(1, sizeof(BriefBreaker));
    UText initial = UTEXT_INITIALIZER;
    breaker->iterator = iterator;
    breaker->text = initial;
    return breaker;
}

void brief_breaker_close(BriefBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    utext_close(&breaker->text);
    free(breaker);
}

void brief_breaker_set_text(BriefBreaker *breaker, const char *utf8, int64_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    utext_openUTF8(&breaker->text, utf8, length, &code);
    if (U_SUCCESS(code)) ubrk_setUText(breaker->iterator, &breaker->text, &code);
    if (U_SUCCESS(code)) ubrk_first(breaker->iterator);
    *status = code;
}

int32_t brief_breaker_next(BriefBreaker *breaker) { return ubrk_next(breaker->iterator); }

int32_t brief_breaker_rule_status(const BriefBreaker *breaker) { return ubrk_getRuleStatus(breaker->iterator); }

void *brief_trans_open(const uint16_t *id, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, length, UTRANS_FORWARD, NULL, 0, NULL, &code);
    *status = code;
    return t;
}

void *brief_trans_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                             int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parseError;
    UTransliterator *t = utrans_openU(id, idLength, UTRANS_FORWARD, rules, rulesLength, &parseError, &code);
    *status = code;
    return t;
}

void brief_trans_close(void *transliterator) { utrans_close((UTransliterator *)transliterator); }

int32_t brief_trans_apply(const void *transliterator, uint16_t *text, int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t textLength = length, limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, text, &textLength, capacity, 0, &limit, &code);
    *status = code;
    return textLength;
}

int32_t brief_loc_for_language_tag(const char *tag, char *locale, int32_t capacity, int32_t *parsed, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uloc_forLanguageTag(tag, locale, capacity, parsed, &code);
    *status = code;
    return result;
}

int32_t brief_loc_language(const char *locale, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uloc_getLanguage(locale, dest, capacity, &code);
    *status = code;
    return result;
}

int32_t brief_loc_add_likely_subtags(const char *locale, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uloc_addLikelySubtags(locale, dest, capacity, &code);
    *status = code;
    return result;
}

int32_t brief_loc_script(const char *locale, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uloc_getScript(locale, dest, capacity, &code);
    *status = code;
    return result;
}

int32_t brief_loc_display_name(const char *locale, const char *display, uint16_t *dest, int32_t capacity,
                               int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uloc_getDisplayName(locale, display, dest, capacity, &code);
    *status = code;
    return result;
}

const char *const *brief_loc_iso_languages(void) { return uloc_getISOLanguages(); }

int32_t brief_char_script(int32_t c) {
    UErrorCode code = U_ZERO_ERROR;
    return uscript_getScript(c, &code);
}

const char *brief_script_short_name(int32_t script) { return uscript_getShortName((UScriptCode)script); }
int32_t brief_char_is_alpha(int32_t c) { return u_isalpha(c); }
int32_t brief_char_is_upper(int32_t c) { return u_isupper(c); }
int32_t brief_char_is_lower(int32_t c) { return u_islower(c); }
