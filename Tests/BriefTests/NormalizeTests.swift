import Foundation
import Testing
@testable import Brief

@Suite("Normalization")
struct NormalizeTests {
    func normalize(_ document: Document, _ options: String = "") throws -> Document {
        let with = options.isEmpty ? "" : "\n    with: { \(options) }"
        let source = document.language.map { "source: \($0)\n" } ?? ""
        return try Run.pipeline("version: 1\n\(source)stages:\n  - use: normalize\(with)\n").run(document)
    }

    @Test("the letter-variant and script options need the language: an error before detect, applied after it")
    func languageOptionsNeedTheLanguage() throws {
        #expect(throws: BriefError.self) {
            try Run.pipeline("version: 1\nstages:\n  - use: normalize\n    with: { arabicLetters: true }\n  - use: detect\n")
        }
        let detected = try Run.pipeline("""
            version: 1
            source: auto
            stages:
              - use: detect
              - use: normalize
                with: { arabicLetters: true }
            """).run(Document(text: "دولت ايران روز پنجشنبه گفت که مذاكرات هسته‌ای با کشورهای اروپایی در ژنو ادامه خواهد یافت."))
        #expect(detected.language == "fa")
        #expect(detected.text.contains("ایران") && detected.text.contains("مذاکرات"))
    }

    @Test("decomposed Vietnamese and French become NFC")
    func nfc() throws {
        let decomposed = "Vie\u{0323}\u{0302}t Nam et l'e\u{0301}te\u{0301}"
        let document = try normalize(Document(text: decomposed))
        #expect(document.text == "Việt Nam et l'été")
        #expect(document.text.unicodeScalars.count < decomposed.unicodeScalars.count)
        #expect(document.repairs["nfc"] == 2)
    }

    @Test("NFKC folds compatibility forms; case folding lowercases too")
    func nfkcAndCaseFolding() throws {
        #expect(try normalize(Document(text: "Ｈｅｌｌｏ ﬁnal ①"), "form: nfkc").text == "Hello final 1")
        #expect(try normalize(Document(text: "Straße İstanbul"), "form: nfkcCasefold").text == "strasse i̇stanbul")
    }

    @Test("invalid UTF-8 is replaced and counted, nothing else is lost")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("Kabul ".utf8) + [0xFF, 0xFE] + Array(" news".utf8)
        let document = Document(bytes: bytes)
        #expect(document.source == "Kabul \u{FFFD}\u{FFFD} news")
        #expect(document.repairs["invalid-utf8"] == 2)
    }

    @Test("BOM, control characters, zero-width spaces, odd spaces and CRLF are repaired and counted")
    func repairs() throws {
        let text = "\u{FEFF}Ceasefire\u{00A0}holds\u{200B} in\u{0007} Gaza.\r\nTalks\u{2009}resume."
        let document = try normalize(Document(text: text))
        #expect(document.text == "Ceasefire holds in Gaza.\nTalks resume.")
        #expect(document.repairs == ["bom": 1, "space": 2, "zero-width": 1, "control": 1, "line-ending": 1])
    }

    @Test("ZWNJ in Persian is kept")
    func zwnjKept() throws {
        let persian = "می\u{200C}خواهم"
        #expect(try normalize(Document(text: persian)).text == persian)
    }

    @Test("Arabic letter variants are unified for Persian on request, Pashto keeps its ي")
    func arabicLetters() throws {
        let persian = try normalize(Document(text: "كشور عربي", language: "fa"), "arabicLetters: true")
        #expect(persian.text == "کشور عربی")
        let pashto = try normalize(Document(text: "كلي ښځي", language: "ps"), "arabicLetters: true")
        #expect(pashto.text == "کلي ښځي")
    }

    @Test("Serbian switches script with ICU transforms")
    func serbianScript() throws {
        let latin = try normalize(Document(text: "Влада Србије је усвојила закон.", language: "sr-Cyrl"), "script: latin")
        #expect(latin.text == "Vlada Srbije je usvojila zakon.")
        #expect(latin.language == "sr-Latn")
        let cyrillic = try normalize(Document(text: "Vlada Srbije", language: "sr-Latn"), "script: cyrillic")
        #expect(cyrillic.text == "Влада Србије")
    }

    @Test("Uzbek switches script with ICU transforms")
    func uzbekScript() throws {
        let cyrillic = try normalize(Document(text: "Toshkent shahri", language: "uz"), "script: cyrillic")
        #expect(cyrillic.text == "Тошкент шаҳри")
    }

    @Test("Zawgyi-encoded Burmese is detected and converted to Unicode")
    func zawgyi() throws {
        // "မြန်မာ" (Myanmar) typed in Zawgyi: the medial ra and the vowel sign E are stored before the consonant.
        let zawgyi = "ျမန္မာႏိုင္ငံ ေရြးေကာက္ပြဲ"
        let document = try normalize(Document(text: zawgyi, language: "my"))
        #expect(document.text == "မြန်မာနိုင်ငံ ရွေးကောက်ပွဲ")
        #expect(document.repairs["zawgyi"] != nil)
        let unicode = "မြန်မာနိုင်ငံ ရွေးကောက်ပွဲ"
        #expect(try normalize(Document(text: unicode, language: "my")).text == unicode)
    }

    @Test("offsets of sentences after normalization point back into the input as given")
    func offsetsMapBack() throws {
        let text = "\u{FEFF}Cafe\u{0301} owners protest.\r\nPolice watch."
        let document = try Run.document(text, language: "en", stages: ["normalize", "segment"])
        #expect(document.text == "Café owners protest.\nPolice watch.")
        #expect(document.sentencesInSource == ["Cafe\u{0301} owners protest.", "Police watch."])
    }
}
