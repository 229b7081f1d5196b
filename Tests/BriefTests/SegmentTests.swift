import Foundation
import Testing
@testable import Brief

@Suite("Sentence segmentation")
struct SegmentTests {
    /// Every language with a case file: each case's text must split into exactly its sentences.
    @Test("per-language cases split into the expected sentences", arguments: Fixtures.languages(in: "segmentation", suffix: ".jsonl"))
    func languageCases(language: String) throws {
        let cases = Fixtures.segmentationCases(language)
        #expect(cases.count >= 8, "at least 8 cases per language")
        for item in cases {
            let sentences = try Run.sentences(item.text, language: language)
            #expect(sentences == item.sentences, "\(item.note ?? "")")
        }
    }

    @Test("every VOA service language has segmentation cases")
    func everyLanguageCovered() {
        let covered = Set(Fixtures.languages(in: "segmentation", suffix: ".jsonl"))
        let missing = Language.supported.map(\.tag).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no cases for \(missing)")
    }

    @Test("VOA wire copy: titles, dates, money and quotes do not end sentences")
    func wireCopy() throws {
        let text = """
            WASHINGTON — U.S. Secretary of State Daniel Whitmore arrived on Sept. 30, 2017, with $1.5 billion in aid. \
            "We are here to help," he said. Dr. Amina Yusuf of the U.N. agency welcomed him.
            """
        #expect(try Run.sentences(text, language: "en") == [
            "WASHINGTON — U.S. Secretary of State Daniel Whitmore arrived on Sept. 30, 2017, with $1.5 billion in aid.",
            "\"We are here to help,\" he said.",
            "Dr. Amina Yusuf of the U.N. agency welcomed him.",
        ])
    }

    @Test("a headline line stands apart from the body's sentences; with headline: false it is a sentence of its own")
    func headline() throws {
        let text = "Floods Displace Thousands in Kenya\n\nNAIROBI — Heavy rains have forced thousands from their homes."
        let document = try Document(text: text, language: "en").segmented(headline: true)
        #expect(document.title == "Floods Displace Thousands in Kenya")
        #expect(document.sentences.map { String(document.string(of: $0)) }
            == ["NAIROBI — Heavy rains have forced thousands from their homes."])
        var options = StageOptions(stage: "segment")
        options.set("headline", "false")
        var whole = Document(text: text, language: "en")
        try SegmentStage(options: options, context: StageContext()).run(&whole)
        #expect(whole.title == nil)
        #expect(whole.sentences.map { String(whole.string(of: $0)) } == [
            "Floods Displace Thousands in Kenya", "NAIROBI — Heavy rains have forced thousands from their homes.",
        ])
    }

    @Test("sentence offsets slice the text exactly, and words fall inside their sentence")
    func offsets() throws {
        let text = "  Ceasefire holds.  Talks resume Monday in Geneva!\nOfficials are hopeful. "
        let document = try Document(text: text, language: "en").segmented()
        #expect(document.sentences.map { String(document.string(of: $0)) } == [
            "Ceasefire holds.", "Talks resume Monday in Geneva!", "Officials are hopeful.",
        ])
        for sentence in document.sentences {
            #expect(sentence.words.allSatisfy { sentence.range.contains($0.lowerBound) && $0.upperBound <= sentence.range.upperBound })
        }
        #expect(document.sentences[1].words.map { String(document.string($0)) } == ["Talks", "resume", "Monday", "in", "Geneva"])
    }

    @Test("offsets stay exact around characters outside the Basic Multilingual Plane (emoji, rare Han)")
    func astralOffsets() throws {
        let text = "Rescuers 🚒 reached 𠀋village on Monday. Officials 👏 said aid is coming!"
        let document = try Document(text: text, language: "en").segmented()
        #expect(document.sentences.map { String(document.string(of: $0)) } == [
            "Rescuers 🚒 reached 𠀋village on Monday.", "Officials 👏 said aid is coming!",
        ])
        let words = document.sentences.flatMap(\.words).map { String(document.string($0)) }
        #expect(words.contains("reached") && words.contains("Monday") && words.contains("coming"))
        #expect(words.allSatisfy { !$0.isEmpty && !$0.contains(" ") })
    }

    @Test("Thai words come from ICU's dictionary word break")
    func thaiWords() throws {
        let document = try Document(text: "รัฐบาลไทยประกาศมาตรการใหม่", language: "th").segmented()
        let words = document.sentences.flatMap(\.words).map { String(document.string($0)) }
        #expect(words.count >= 3)
        #expect(words.joined() == "รัฐบาลไทยประกาศมาตรการใหม่")
    }

    @Test("an unknown language tag is a usage error that lists the supported ones")
    func unknownLanguage() {
        #expect(throws: BriefError.self) { try Language.resolve("xx-Qqqq-nonsense") }
        #expect((try? Language.resolve("de"))?.isService == false)
        #expect((try? Language.resolve("fa-AF"))?.tag == "prs")
    }
}
