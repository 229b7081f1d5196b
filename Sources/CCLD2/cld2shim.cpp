#include "CCLD2.h"
#include <cstdio>
#include <encodings.h>
#include <compact_lang_det.h>
#include <lang_script.h>

extern "C" int brief_cld2_detect(const char *utf8, int length, brief_cld2_result *result) {
    CLD2::Language language3[3];
    int percent3[3];
    double scores3[3];
    int textBytes = 0;
    bool reliable = false;
    int validPrefix = 0;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, length, true, &hints, 0, language3, percent3, scores3,
                                            nullptr, &textBytes, &reliable, &validPrefix);
    for (int i = 0; i < 3; i++) {
        result->codes[i] = CLD2::LanguageCode(language3[i]);
        result->percents[i] = percent3[i];
        result->scores[i] = scores3[i];
    }
    result->textBytes = textBytes;
    result->reliable = reliable ? 1 : 0;
    return 0;
}
