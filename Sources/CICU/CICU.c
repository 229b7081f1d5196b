// Forwards CICU.h's stable names to ICU 72's versioned functions (and a few libc helpers).
#define _GNU_SOURCE
#include <string.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "CICU.h"
#include <stdlib.h>
#include <unicode/utypes.h>
#include <unicode/uldnames.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>

/// ICU's break iterators run fastest over UTF-16, so the text is converted once and every UTF-16 boundary is
/// mapped back to its UTF-8 byte offset (`map`, one entry per UTF-16 unit plus the end).
struct BriefBreaker {
    UBreakIterator *iterator;
    UChar *utf16;
    int32_t *map;
    int64_t capacity;
};

static BriefBreaker *brief_breaker_wrap(UBreakIterator *iterator) {
    BriefBreaker *breaker = calloc(1, sizeof(BriefBreaker));
    breaker->iterator = iterator;
    return breaker;
}

/// Converts UTF-8 to UTF-16 with the byte offset of each unit; an invalid byte becomes U+FFFD.
static int32_t brief_utf8_to_utf16(const uint8_t *s, int32_t length, UChar *out, int32_t *map) {
    int32_t i = 0, n = 0;
    while (i < length) {
        if (s[i] < 0x80) {  // a run of ASCII: one unit per byte, in a loop the compiler vectorizes
            int32_t end = i;
            while (end < length && s[end] < 0x80) end++;
            for (int32_t k = 0; k < end - i; k++) {
                out[n + k] = s[i + k];
                map[n + k] = i + k;
            }
            n += end - i;
            i = end;
            continue;
        }
        uint32_t c = s[i];  // a lead byte (or a stray one, which becomes U+FFFD)
        int32_t width = 1;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < length && (s[i + 1] & 0xC0) == 0x80) {
            c = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); width = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < length && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            c = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F); width = 3;
        } else if (c >= 0xF0 && c <= 0xF4 && i + 3 < length && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80
                   && (s[i + 3] & 0xC0) == 0x80) {
            c = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F); width = 4;
        } else {
            c = 0xFFFD;
        }
        if (c >= 0x10000) {
            map[n] = i; out[n++] = (UChar)(0xD7C0 + (c >> 10));
            map[n] = i; out[n++] = (UChar)(0xDC00 | (c & 0x3FF));
        } else {
            map[n] = i; out[n++] = (UChar)c;
        }
        i += width;
    }
    map[n] = length;
    return n;
}

const char *brief_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const void *brief_norm_instance(int32_t form, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = form == 0 ? unorm2_getNFCInstance(&code)
                          : form == 1 ? unorm2_getNFKCInstance(&code)
                          : form == 3 ? unorm2_getNFDInstance(&code) : unorm2_getNFKCCasefoldInstance(&code);
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
    // ASCII (most words and lines of most texts): lowercasing is folding, without a call into ICU.
    int32_t ascii = 0;
    while (ascii < length && (unsigned char)source[ascii] < 0x80) ascii++;
    if (ascii == length && length <= capacity) {
        for (int32_t i = 0; i < length; i++) {
            char c = source[i];
            dest[i] = (c >= 'A' && c <= 'Z') ? (char)(c | 0x20) : c;
        }
        *status = U_ZERO_ERROR;
        return length;
    }
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = ucasemap_utf8FoldCase((const UCaseMap *)casemap, dest, capacity, source, length, &code);
    *status = code;
    return result;
}

BriefBreaker *brief_breaker_open(int32_t type, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(type == 0 ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &code);
    *status = code;
    return U_FAILURE(code) ? NULL : brief_breaker_wrap(iterator);
}

BriefBreaker *brief_breaker_clone(const BriefBreaker *prototype, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(prototype->iterator, &code);
    *status = code;
    return U_FAILURE(code) ? NULL : brief_breaker_wrap(iterator);
}

void brief_breaker_close(BriefBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker->utf16);
    free(breaker->map);
    free(breaker);
}

void brief_breaker_set_text(BriefBreaker *breaker, const char *utf8, int64_t length, int32_t *status) {
    if (length > INT32_MAX / 2) { *status = U_BUFFER_OVERFLOW_ERROR; return; }
    // At most one UTF-16 unit per byte. A buffer grown for a huge text is not kept for the short ones after it.
    if (length + 1 > breaker->capacity || (breaker->capacity > (1 << 20) && breaker->capacity > 4 * (length + 1))) {
        free(breaker->utf16);
        free(breaker->map);
        breaker->capacity = length + 1;
        breaker->utf16 = malloc(sizeof(UChar) * (size_t)breaker->capacity);
        breaker->map = malloc(sizeof(int32_t) * (size_t)breaker->capacity);
        if (!breaker->utf16 || !breaker->map) { breaker->capacity = 0; *status = U_MEMORY_ALLOCATION_ERROR; return; }
    }
    int32_t units = brief_utf8_to_utf16((const uint8_t *)utf8, (int32_t)length, breaker->utf16, breaker->map);
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, breaker->utf16, units, &code);
    if (U_SUCCESS(code)) ubrk_first(breaker->iterator);
    *status = code;
}

int32_t brief_breaker_next(BriefBreaker *breaker) {
    int32_t boundary = ubrk_next(breaker->iterator);
    return boundary == UBRK_DONE ? -1 : breaker->map[boundary];
}

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

const char *const *brief_loc_iso_countries(void) { return uloc_getISOCountries(); }

void *brief_region_names_open(const char *display, int32_t shortForm, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UDisplayContext contexts[] = {
        shortForm ? UDISPCTX_LENGTH_SHORT : UDISPCTX_LENGTH_FULL, UDISPCTX_NO_SUBSTITUTE,
        UDISPCTX_CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE,
    };
    ULocaleDisplayNames *names = uldn_openForContext(display, contexts, 3, &code);
    *status = code;
    return names;
}

int32_t brief_region_name(const void *names, const char *region, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uldn_regionDisplayName((const ULocaleDisplayNames *)names, region, dest, capacity, &code);
    *status = code;
    return result;
}

void brief_region_names_close(void *names) { uldn_close((ULocaleDisplayNames *)names); }

int32_t brief_char_script(int32_t c) {
    UErrorCode code = U_ZERO_ERROR;
    return uscript_getScript(c, &code);
}

const char *brief_script_short_name(int32_t script) { return uscript_getShortName((UScriptCode)script); }
int32_t brief_char_is_alpha(int32_t c) { return u_isalpha(c); }
int32_t brief_char_is_upper(int32_t c) { return u_isupper(c); }
int32_t brief_char_is_lower(int32_t c) { return u_islower(c); }

void *brief_regex_open(const uint16_t *pattern, int32_t length, int32_t caseInsensitive, int32_t *errorOffset,
                       int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parseError;
    URegularExpression *regex = uregex_open(pattern, length, caseInsensitive ? UREGEX_CASE_INSENSITIVE : 0,
                                            &parseError, &code);
    *errorOffset = parseError.offset;
    *status = code;
    return regex;
}

void *brief_regex_clone(const void *regex, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &code);
    *status = code;
    return clone;
}

void brief_regex_close(void *regex) { uregex_close((URegularExpression *)regex); }

int32_t brief_regex_matches(void *regex, const uint16_t *text, int32_t length, int32_t orPrefix, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *r = (URegularExpression *)regex;
    uregex_setText(r, text, length, &code);
    int32_t result = U_SUCCESS(code) && (uregex_matches(r, 0, &code) || (orPrefix && uregex_hitEnd(r, &code)));
    *status = code;
    static const UChar empty[1] = {0};
    UErrorCode ignored = U_ZERO_ERROR;
    uregex_setText(r, empty, 0, &ignored);  // keep no pointer to the caller's buffer
    return result;
}

int32_t brief_bytes_contain(const void *haystack, size_t haystackLength, const void *needle, size_t needleLength) {
    return memmem(haystack, haystackLength, needle, needleLength) != NULL;
}

int brief_open_unnamed(const char *folder, unsigned int mode) {
    return open(folder, O_WRONLY | O_TMPFILE | O_CLOEXEC, (mode_t)mode);
}

int brief_link_unnamed(int descriptor, const char *path) {
    char source[64];
    snprintf(source, sizeof source, "/proc/self/fd/%d", descriptor);
    return linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}

int32_t brief_charset_detect(const char *bytes, int32_t length, char *name, int32_t capacity) {
    UErrorCode code = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&code);
    if (U_FAILURE(code)) return -1;
    ucsdet_setText(detector, bytes, length, &code);
    const UCharsetMatch *match = ucsdet_detect(detector, &code);
    int32_t confidence = -1;
    if (U_SUCCESS(code) && match != NULL) {
        const char *found = ucsdet_getName(match, &code);
        confidence = ucsdet_getConfidence(match, &code);
        if (U_FAILURE(code) || found == NULL || capacity < 1) {
            confidence = -1;
        } else {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = 0;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

int64_t brief_charset_to_utf8(const char *charset, const char *bytes, int32_t length, char *output, int64_t capacity) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t limit = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    int32_t needed = ucnv_convert("UTF-8", charset, output, limit, bytes, length, &code);
    if (code == U_BUFFER_OVERFLOW_ERROR || code == U_STRING_NOT_TERMINATED_WARNING) return needed;
    return U_FAILURE(code) ? -1 : needed;
}
