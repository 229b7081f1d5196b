import Foundation
import Testing
@testable import Brief

@Suite("Language detection")
struct DetectTests {
    static let detector = try! LanguageDetector()

    @Test("each language's article is detected as that language", arguments: Fixtures.languages(in: "articles", suffix: ".txt"))
    func article(language: String) throws {
        let text = Fixtures.text("articles/\(language).txt")
        let detection = Self.detector.detect(text)
        #expect(detection.language == language)
        #expect(detection.confidence > 0.5)
        #expect(detection.script == (try Language.resolve(language)).script
            || ["Kore", "Hang"].contains(detection.script) && language == "ko")
    }

    @Test("every VOA service language has a detection article")
    func everyLanguageCovered() {
        let covered = Set(Fixtures.languages(in: "articles", suffix: ".txt"))
        #expect(Language.supported.map(\.tag).filter { !covered.contains($0) }.isEmpty)
    }

    @Test("a long text is judged by its opening paragraphs")
    func opening() {
        let english = Fixtures.text("articles/en.txt")
        let french = Fixtures.text("articles/fr.txt")
        #expect(english.count > LanguageDetector.sampleCharacters)
        #expect(Self.detector.detect(english + "\n\n" + String(repeating: french, count: 5)).language == "en")
        #expect(Self.detector.detect(french + "\n\n" + String(repeating: english, count: 5)).language == "fr")
    }

    @Test("a text too short to tell is undetermined, with the reason")
    func tooShort() {
        let detection = Self.detector.detect("OK 123")
        #expect(detection.language == "und")
        #expect(detection.reason?.contains("too short") == true)
    }

    @Test("a short text in a script of its own is still decided by the script")
    func scriptDecides() {
        #expect(Self.detector.detect("ქართული").language == "ka")
        #expect(Self.detector.detect("한국어 뉴스").language == "ko")
    }

    @Test("the detect stage leaves a given language alone and notes an undetermined one")
    func stage() throws {
        let given = try Run.document("Bonjour tout le monde, le gouvernement a annoncé.", language: "fr", stages: ["detect"])
        #expect(given.language == "fr")
        let short = try Run.document("?? !!", stages: ["detect"])
        #expect(short.language == nil)
        #expect(short.notes.first?.hasPrefix("language undetermined") == true)
    }
}
