import Foundation
import Testing
@testable import Brief

/// A data folder of its own for one test, with the files given (relative path → contents).
func dataFolder(_ files: [String: String]) throws -> DataDirectory {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-data-\(UUID().uuidString)")
    for (path, contents) in files {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file, atomically: true, encoding: .utf8)
    }
    return DataDirectory(url: root)
}

@Suite("The language table")
struct LanguageTests {
    /// tag, words written with spaces, sentences start with a capital, right to left, sentence punctuation.
    static let traits: [(String, Bool, Bool, Bool, Bool)] = [
        ("en", true, true, false, true), ("ru", true, true, false, true), ("hy", true, true, false, true),
        ("ka", true, false, false, true), ("am", true, false, false, true), ("fa", true, false, true, true),
        ("ur", true, false, true, true), ("km", false, false, false, true), ("zh-Hans", false, false, false, true),
        ("th", false, false, false, false), ("lo", false, false, false, false),
    ]

    @Test("each script's traits: spaces, capitals, direction, sentence punctuation", arguments: traits)
    func scriptTraits(tag: String, spaces: Bool, capitals: Bool, rightToLeft: Bool, punctuation: Bool) throws {
        let language = try Language.resolve(tag)
        #expect(language.traits.writesWordsWithSpaces == spaces)
        #expect(language.writesWithoutSpaces == !spaces)
        #expect(language.traits.startsSentencesWithCapital == capitals)
        #expect(language.isRightToLeft == rightToLeft)
        #expect(language.traits.hasSentencePunctuation == punctuation)
    }

    @Test("a script one supported language writes decides it; a shared script does not")
    func onlyLanguage() {
        #expect(Language.onlyLanguage(writtenIn: "Thai")?.tag == "th")
        #expect(Language.onlyLanguage(writtenIn: "Hang")?.tag == "ko")
        #expect(Language.onlyLanguage(writtenIn: "Geor")?.tag == "ka")
        #expect(Language.onlyLanguage(writtenIn: "Ethi") == nil)  // Amharic and Tigrinya
        #expect(Language.onlyLanguage(writtenIn: "Latn") == nil)
    }

    @Test("brief languages describes the segmenter by the rules it applies to the language")
    func segmentationDescription() throws {
        let rows = Dictionary(uniqueKeysWithValues: try LanguageSupport.table().map { ($0.language.tag, $0.segmentation) })
        #expect(rows["en"] == "ICU + abbreviations")
        #expect(rows["th"] == "ICU + thaiSpace + abbreviations")
        #expect(rows["bo"] == "ICU + tibetanShad + tibetanSpace")
        #expect(rows["km"] == "ICU + khmerKhan")
        #expect(rows["my"] == "ICU + burmeseStandIn + burmeseComma")
        #expect(rows["hy"] == "ICU + armenianColon + abbreviations")
        let names = Set(SentenceBreakRule.allCases.map(\.rawValue) + SentenceJoinRule.allCases.map(\.rawValue))
        for description in rows.values {
            let parts = description.components(separatedBy: " + ").dropFirst().filter { $0 != "abbreviations" }
            #expect(parts.allSatisfy(names.contains), "\(description)")
        }
    }

    @Test("one stopword list serves both: the summarizer's folded words and the detector's entries as written")
    func stopwords() throws {
        let data = try dataFolder(["stopwords/fr.txt": "# test list\nLe\nL'\n  ÉTÉ \n\nde\n"])
        let stopwords = try Stopwords.load(for: Language.resolve("fr"), data: data)
        #expect(stopwords.entries == ["Le", "L'", "ÉTÉ", "de"])
        #expect(stopwords.folded == Set(["le", "l'", "été", "de"].map { ByteKey(Array($0.utf8)) }))
        #expect(try Stopwords.load(for: Language.resolve("en"), data: data).count == 0)  // no list: none
    }

    @Test("an abbreviation line of an unknown kind names the file, the line and the valid kinds")
    func unknownKind() throws {
        let data = try dataFolder(["abbreviations/fr.txt": "# test list\nM.\ttitle\n\nMme\ttitel\netc.\n"])
        let file = data.url.appendingPathComponent("abbreviations/fr.txt").path
        let error = #expect(throws: BriefError.self) { try SentenceRules.load(for: Language.resolve("fr"), data: data) }
        #expect(error?.kind == .config)
        #expect(error?.message == "\(file):4:5: unknown kind 'titel' for 'Mme'; expected one of: abbr, clause, "
            + "continuation, final, list, starter, title, unit")
    }

    @Test("a bad data file fails when the pipeline is built, not on the first article")
    func failsAtBuild() throws {
        let data = try dataFolder(["abbreviations/sw.txt": "Bw.\ttitle\nDkt.\tttle\n", "stopwords/sw.txt": "na\n"])
        let spec = try PipelineSpec(yaml: "version: 1\nstages:\n  - use: segment\n  - use: summarize\n", file: "p.yaml")
        let error = #expect(throws: BriefError.self) {
            try StageRegistry.standard.pipeline(spec, context: StageContext(data: data))
        }
        #expect(error?.kind == .config)
        #expect(error?.message.contains("abbreviations/sw.txt:2:6: unknown kind 'ttle'") == true, "\(error?.message ?? "")")
        #expect(throws: BriefError.self) { try SegmentStage.validateData(for: Language.resolve("sw"), data: data) }
        try SegmentStage.validateData(for: Language.resolve("fr"), data: data)  // a language without a file is fine
        try SummarizeStage.validateData(for: nil, data: data)
    }

    @Test("brief pipeline validate exits 78 on a malformed abbreviation file")
    func validateCommand() throws {
        // `stopwords/` makes the folder a data folder that BRIEF_DATA may name.
        let data = try dataFolder(["abbreviations/sw.txt": "Bw.\ttitle\nDkt.\tttle\n", "stopwords/sw.txt": "na\n"])
        let pipeline = data.url.appendingPathComponent("segment.yaml")
        try "version: 1\nstages:\n  - use: segment\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try CLI.run(["pipeline", "validate", pipeline.path], environment: ["BRIEF_DATA": data.url.path])
        #expect(result.status == 78, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("sw.txt:2:6: unknown kind 'ttle' for 'Dkt.'"), "\(result.stderr)")
    }
}
