import Foundation
import Testing
@testable import Brief

/// Invariants that hold for every article in every language Brief has a fixture for.
@Suite("Invariants")
struct PropertyTests {
    static let languages = Fixtures.languages(in: "articles", suffix: ".txt")

    @Test("sentences tile the text: in order, never overlapping, only spaces between them, and each slices the input exactly",
          arguments: languages)
    func sentencesTile(_ language: String) throws {
        let text = Fixtures.text("articles/\(language).txt")
        let document = try Document(text: text, language: language).segmented()
        #expect(!document.sentences.isEmpty)
        var end = 0
        for sentence in document.sentences {
            #expect(sentence.range.lowerBound >= end && sentence.range.upperBound > sentence.range.lowerBound)
            let gap = document.string(end..<sentence.range.lowerBound)
            #expect(gap.allSatisfy { $0.isWhitespace }, "only spaces between sentences: \(gap)")
            end = sentence.range.upperBound
        }
        let tail = document.string(end..<document.text.utf8.count)
        #expect(tail.allSatisfy { $0.isWhitespace })
        #expect(document.sentencesInSource == document.sentences.map { String(document.string(of: $0)) })
    }

    @Test("a summary is a subset of the article's sentences, in reading order, for every method", arguments: languages)
    func summaryIsSubset(_ language: String) throws {
        let text = Fixtures.text("articles/\(language).txt")
        for method in ["default", "lead", "textrank", "lexrank", "centroid"] {
            let pipeline = try Run.pipeline("version: 1\nsource: \(language)\nstages:\n  - use: normalize\n  - use: segment\n"
                + "  - use: summarize\n    with: { method: \(method), sentences: 3 }\n")
            let document = try pipeline.run(Document(text: text))
            let picked = try #require(document.summary?.picked)
            #expect(!picked.isEmpty && picked.count <= 3)
            #expect(picked == picked.sorted() && Set(picked).count == picked.count, "\(method): in reading order")
            #expect(picked.allSatisfy { document.sentences.indices.contains($0) })
        }
    }

    @Test("normalization is idempotent", arguments: languages)
    func normalizeIdempotent(_ language: String) throws {
        let once = try Run.document(Fixtures.text("articles/\(language).txt"), language: language, stages: ["normalize"]).text
        let twice = try Run.document(once, language: language, stages: ["normalize"]).text
        #expect(once == twice)
    }
}
