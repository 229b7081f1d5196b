#ifndef BRIEF_CCLD2_H
#define BRIEF_CCLD2_H
#ifdef __cplusplus
extern "C" {
#endif

/// The result of one CLD2 detection: up to three languages with their share of the text.
typedef struct {
    const char *codes[3];   // CLD2 language codes ("en", "fa", "zh-Hant", "un" for unknown)
    int percents[3];        // percent of text bytes per language
    double scores[3];       // normalized scores (≈1.0 for ordinary text)
    int textBytes;          // bytes of letters scored
    int reliable;           // CLD2's own reliability verdict
} brief_cld2_result;

/// Detects the language of UTF-8 plain text with CLD2 (full tables). Returns 0 on success.
int brief_cld2_detect(const char *utf8, int length, brief_cld2_result *result);

#ifdef __cplusplus
}
#endif
#endif
