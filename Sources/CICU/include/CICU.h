#ifndef BRIEF_CICU_H
#define BRIEF_CICU_H
// Stable, unversioned names for the parts of ICU 72 (Debian's libicu-dev) that Brief uses.
//
// ICU's headers rename every function to a versioned symbol with macros (ubrk_open -> ubrk_open_72), which Swift
// cannot import, and Swift's Foundation carries its own copy of ICU's types. So this header exposes only plain C
// types and opaque pointers; CICU.c includes ICU's headers and forwards each call.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for a UErrorCode value ("U_ZERO_ERROR", "U_BUFFER_OVERFLOW_ERROR", ...). Failures are > 0.
const char *brief_icu_error_name(int32_t status);
enum { BRIEF_ICU_BUFFER_OVERFLOW = 15 };

// MARK: Character sets
/// ICU's charset detector (ucsdet) on `bytes`: the best match's name (into `name`, NUL-terminated) and confidence
/// (0-100), or -1 when it finds none.
int32_t brief_charset_detect(const char *bytes, int32_t length, char *name, int32_t capacity);
/// `bytes` in `charset` converted to UTF-8 (ucnv_convert): the UTF-8 length, or -1 for an unknown charset or a
/// failed conversion; when the result is longer than `capacity`, its length and nothing written.
int64_t brief_charset_to_utf8(const char *charset, const char *bytes, int32_t length, char *output, int64_t capacity);

// MARK: Normalization (UTF-16)
/// 0 = NFC, 1 = NFKC, 2 = NFKC_Casefold.
const void *brief_norm_instance(int32_t form, int32_t *status);
int32_t brief_norm_normalize(const void *normalizer, const uint16_t *source, int32_t length, uint16_t *dest,
                             int32_t capacity, int32_t *status);
int32_t brief_norm_span_quick_check_yes(const void *normalizer, const uint16_t *source, int32_t length,
                                        int32_t *status);

// MARK: Case folding (UTF-8)
void *brief_casemap_open(const char *locale, int32_t *status);
void brief_casemap_close(void *casemap);
int32_t brief_casemap_fold_utf8(const void *casemap, char *dest, int32_t capacity, const char *source, int32_t length,
                                int32_t *status);

// MARK: Break iteration over UTF-8 (boundaries are byte offsets)
typedef struct BriefBreaker BriefBreaker;
/// type 0 = sentence, 1 = word.
BriefBreaker *brief_breaker_open(int32_t type, const char *locale, int32_t *status);
BriefBreaker *brief_breaker_clone(const BriefBreaker *prototype, int32_t *status);
void brief_breaker_close(BriefBreaker *breaker);
void brief_breaker_set_text(BriefBreaker *breaker, const char *utf8, int64_t length, int32_t *status);
/// The next boundary, or -1 when done.
int32_t brief_breaker_next(BriefBreaker *breaker);
/// The rule status of the segment that ends at the current boundary (word break: >= 100 for words).
int32_t brief_breaker_rule_status(const BriefBreaker *breaker);

// MARK: Transliteration (UTF-16, in place)
void *brief_trans_open(const uint16_t *id, int32_t length, int32_t *status);
/// A transliterator from rules in ICU's transform syntax.
void *brief_trans_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                             int32_t *status);
void brief_trans_close(void *transliterator);
/// Transliterates text[0..<length] in place; returns the new length (needs capacity; overflow sets status 15).
int32_t brief_trans_apply(const void *transliterator, uint16_t *text, int32_t length, int32_t capacity, int32_t *status);

// MARK: Locales
int32_t brief_loc_for_language_tag(const char *tag, char *locale, int32_t capacity, int32_t *parsed, int32_t *status);
int32_t brief_loc_language(const char *locale, char *dest, int32_t capacity, int32_t *status);
int32_t brief_loc_add_likely_subtags(const char *locale, char *dest, int32_t capacity, int32_t *status);
int32_t brief_loc_script(const char *locale, char *dest, int32_t capacity, int32_t *status);
int32_t brief_loc_display_name(const char *locale, const char *display, uint16_t *dest, int32_t capacity,
                               int32_t *status);
const char *const *brief_loc_iso_languages(void);
/// The ISO 3166 region codes ICU knows (uloc_getISOCountries).
const char *const *brief_loc_iso_countries(void);
/// CLDR region names in `display`'s language, full or short ("United States" / "US"), without substitution.
void *brief_region_names_open(const char *display, int32_t shortForm, int32_t *status);
/// A region's name (uldn_regionDisplayName); 0 with a failure status when CLDR has none.
int32_t brief_region_name(const void *names, const char *region, uint16_t *dest, int32_t capacity, int32_t *status);
void brief_region_names_close(void *names);

// MARK: Character properties
int32_t brief_char_script(int32_t c);
const char *brief_script_short_name(int32_t script);
int32_t brief_char_is_alpha(int32_t c);
int32_t brief_char_is_upper(int32_t c);
int32_t brief_char_is_lower(int32_t c);

// MARK: Regular expressions (ICU syntax; text in UTF-16)
void *brief_regex_open(const uint16_t *pattern, int32_t length, int32_t caseInsensitive, int32_t *errorOffset,
                       int32_t *status);
void *brief_regex_clone(const void *regex, int32_t *status);
void brief_regex_close(void *regex);
/// Whether the whole of `text` matches, or with `orPrefix`, whether some text starting with it could (ICU's hitEnd:
/// the matcher wanted to read past its end).
int32_t brief_regex_matches(void *regex, const uint16_t *text, int32_t length, int32_t orPrefix, int32_t *status);

// MARK: Bytes
/// Whether `needle` occurs in `haystack` (glibc's memmem).
int32_t brief_bytes_contain(const void *haystack, size_t haystackLength, const void *needle, size_t needleLength);

// MARK: Files (Linux)
/// An unnamed file in `folder` (O_TMPFILE), open for writing; -1 with errno set when the file system cannot.
int brief_open_unnamed(const char *folder, unsigned int mode);
/// Gives the unnamed file open as `descriptor` the name `path` (linkat through /proc/self/fd); fails with EEXIST when
/// `path` exists.
int brief_link_unnamed(int descriptor, const char *path);

#ifdef __cplusplus
}
#endif
#endif
