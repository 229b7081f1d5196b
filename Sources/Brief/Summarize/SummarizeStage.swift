/// `summarize` — picks the sentences that make the brief, in reading order, with a score per sentence and keywords.
///
/// See `Summarizer` for the methods. Length is set by exactly one of `sentences`, `ratio`, `words` or `chars`; a
/// text no longer than that comes back whole, with a note.
///
/// Options:
/// - `method`: `default` (lead-aware centrality with MMR), `lead`, `textrank`, `lexrank`, `centroid`. Default `default`.
/// - `sentences`: number of sentences (default 3). `ratio`: share of the sentences, 0–1. `words` / `chars`: a ceiling.
/// - `keywords`: how many keywords to report (default 8).
///
/// ```yaml
/// - use: summarize
///   with: { method: default, sentences: 3 }
/// ```
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public static let summary = "extractive summary (lead, textrank, lexrank, centroid, default) with scores and keywords"
    public static let optionKeys = ["method", "sentences", "ratio", "words", "chars", "keywords", "headline"]
    public static let requires: Set<Facet> = [.sentences]
    public static let assigns: Set<Facet> = [.summary]

    let summarizer: Summarizer
    private let data: DataDirectory

    public init(options: StageOptions, context: StageContext) throws {
        let method: Summarizer.Method = try options.choice("method", default: .default)
        let lengths = ["sentences", "ratio", "words", "chars"].filter { options.keys.contains($0) }
        if lengths.count > 1 {
            throw options.error(lengths[1], "left out: set only one of sentences, ratio, words, chars")
        }
        let budget: Summarizer.Budget
        if let ratio = try options.double("ratio", in: 0.01...1) {
            budget = .ratio(ratio)
        } else if let words = try options.int("words", in: 1...1_000_000) {
            budget = .words(words)
        } else if let chars = try options.int("chars", in: 1...100_000_000) {
            budget = .characters(chars)
        } else {
            budget = .sentences(try options.int("sentences", default: 3, in: 1...10_000))
        }
        var summarizer = Summarizer(
            method: method, budget: budget, keywordCount: try options.int("keywords", default: 8, in: 0...100))
        if let weight = try options.double("headline", in: 0...5) { summarizer.parameters.headlineWeight = weight }
        self.summarizer = summarizer
        data = context.data
        try Self.validateData(for: context.source, data: data)
    }

    /// Reads the stopwords `run` will need, so a bad data file fails now: those of `language` when the pipeline
    /// fixes it, else every language's (once per process).
    public static func validateData(for language: Language?, data: DataDirectory) throws {
        if let language { _ = try Stopwords.load(for: language, data: data) } else { try Stopwords.validateAll(data: data) }
    }

    public func run(_ document: inout Document) throws {
        let (input, _) = try input(for: [document])
        let result = summarizer.summarize(input)
        document.summary = Summary(method: summarizer.method.rawValue, picked: result.picked, scores: result.scores,
                                   keywords: result.keywords)
        if result.whole && !document.sentences.isEmpty {
            document.notes.append("the text is no longer than the requested summary, so it is returned whole")
        }
    }

    /// One summary of several related, already segmented articles (in the language of the first), without
    /// repeating what several of them say: all their sentences compete, each keeps its lead position within its own
    /// article, and MMR with the near-duplicate filter keeps a second report of the same fact out.
    public func summarize(_ documents: [Document]) throws -> MultiDocumentSummary {
        let (input, owners) = try input(for: documents)
        let result = summarizer.summarize(input)
        return MultiDocumentSummary(
            method: summarizer.method.rawValue,
            picked: result.picked.map { owners[$0] },
            scores: result.picked.map { result.scores[$0] },
            keywords: result.keywords)
    }

    /// The summarizer's input for the sentences of `documents`, and which document and sentence each came from.
    private func input(for documents: [Document]) throws -> (Summarizer.Input, [(document: Int, sentence: Int)]) {
        let language = try documents.first?.language.map(Language.resolve) ?? .undetermined
        let analyzer = try TermAnalyzer.forThisThread(language: language, data: data)
        var input = Summarizer.Input(
            texts: [], terms: [], termCount: 0, positions: [], eligible: [], wordCounts: [], surface: { _ in "" },
            isWordTerm: [])
        var owners: [(document: Int, sentence: Int)] = []
        for (number, document) in documents.enumerated() {
            var text = document.text
            text.withUTF8 { bytes in
                for (index, sentence) in document.sentences.enumerated() {
                    let string = document.string(of: sentence)
                    input.texts.append(string)
                    let dateline = index < 3 ? Self.datelineEnd(of: sentence, in: bytes) ?? 0 : 0
                    input.terms.append(analyzer.terms(of: sentence, in: bytes, document: number, from: dateline))
                    input.positions.append(index)
                    input.wordCounts.append(sentence.words.count)
                    input.eligible.append(Self.isWholeSentence(
                        string, words: sentence.words.count, language: language,
                        followedBy: Self.nextByte(after: sentence, in: bytes), isFirst: index == 0))
                    owners.append((number, index))
                }
            }
        }
        // Each article's headline, read with the same analyzer once its sentences are (so it numbers no terms).
        let headlines = try documents.map { document -> [Int] in
            guard var title = document.title else { return [] }
            return try title.withUTF8 { bytes in
                let words = try SegmentStage.attachWords([0..<bytes.count], bytes: bytes, locale: language.icuLocale)[0]
                return analyzer.knownTerms(of: words, in: bytes)
            }
        }
        if headlines.contains(where: { !$0.isEmpty }) { input.headlines = owners.map { headlines[$0.document] } }
        input.termCount = analyzer.termCount
        let surfaces = analyzer.surfaces
        input.surface = { documents[surfaces[$0].document].string(surfaces[$0].range) }
        input.isWordTerm = analyzer.isWordTerm
        let phrases = KeywordPhrases(
            documents: documents, owners: owners, wordCounts: input.wordCounts, wordTerms: analyzer.wordTerms,
            isWordTerm: analyzer.isWordTerm, elided: analyzer.elided)
        input.phrases = phrases.phrases(of:)
        return (input, owners)
    }

    /// The byte after a sentence's trailing spaces (a newline there marks a headline line). A sentence glued to the
    /// next with no space at all lost its line break (`Condamné à huit ans de prisonCe…`): it counts as a newline.
    static func nextByte(after sentence: Sentence, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var index = sentence.range.upperBound
        if index < bytes.count && bytes[index] > 0x20 { return 0x0A }
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        return index < bytes.count ? bytes[index] : nil
    }

    /// Where the dateline opening a sentence ends (`NAIROBI —`, `NOVI SAD —`, `WASHINGTON (Reuters) -`): words in
    /// capitals, perhaps a parenthesis, then a dash. It says where the story was filed, not what it is about, so its
    /// words are no terms (and no keywords).
    static func datelineEnd(of sentence: Sentence, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Most sentences start with a word that has an ASCII lowercase letter: not a dateline.
        if let first = sentence.words.first, bytes[first].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nil }
        var gapStart = sentence.range.lowerBound, capitals = 0, inParenthesis = false
        for word in sentence.words.prefix(6) {
            let gap = String(decoding: bytes[gapStart..<word.lowerBound], as: UTF8.self)
            if capitals > 0 && !inParenthesis && gap.contains(where: { $0 == "—" || $0 == "–" || $0 == "-" }) {
                return word.lowerBound
            }
            if gap.contains("(") { inParenthesis = true }
            if gap.contains(")") { inParenthesis = false }
            if !inParenthesis {
                let scalars = String(decoding: bytes[word], as: UTF8.self).unicodeScalars
                guard scalars.contains(where: ICU.isUppercase), !scalars.contains(where: ICU.isLowercase) else { return nil }
                capitals += 1
            }
            gapStart = word.upperBound
        }
        return nil
    }

    /// The last character of a sentence that is not a space, closing quote or closing bracket.
    static func finalMark(_ text: Substring) -> Unicode.Scalar? {
        text.unicodeScalars.last { !Punctuation.trailing.contains($0) }
    }

    /// Whether a sentence is a whole sentence rather than a headline, dateline, byline or fragment.
    static func isWholeSentence(_ text: Substring, words: Int, language: Language, followedBy next: UInt8?,
                                isFirst: Bool = false) -> Bool {
        if words < 4 && !language.writesWithoutSpaces { return false }
        if text.utf8.count < 12 { return false }
        if text.hasPrefix("By ") && words <= 5 { return false }
        let unpunctuated = !language.traits.hasSentencePunctuation
        let ended = finalMark(text).map { Punctuation.sentenceFinal.contains($0) } ?? false
        if !ended && !unpunctuated && (next == 0x0A || next == nil) { return false }
        // Thai and Lao have no punctuation to tell: a first line of its own is the headline.
        if unpunctuated && isFirst && next == 0x0A { return false }
        return true
    }
}

/// A summary drawn from several articles.
public struct MultiDocumentSummary: Sendable {
    /// The method that produced it.
    public var method: String
    /// The picked sentences: which document, and which sentence of it.
    public var picked: [(document: Int, sentence: Int)]
    /// The score of each picked sentence.
    public var scores: [Double]
    /// The most characteristic words across the articles.
    public var keywords: [String]
}

extension PipelineSpec {
    /// A summary length as the command line gives it.
    public enum SummaryLength: Sendable {
        case sentences(Int), ratio(Double), words(Int), chars(Int)

        var option: (key: String, value: String) {
            switch self {
            case .sentences(let count): ("sentences", String(count))
            case .ratio(let ratio): ("ratio", String(ratio))
            case .words(let count): ("words", String(count))
            case .chars(let count): ("chars", String(count))
            }
        }
    }

    /// Sets the length of every summarize stage, replacing whichever length its file set.
    public mutating func setSummaryLength(_ length: SummaryLength) {
        for key in ["sentences", "ratio", "words", "chars"] { remove(key, of: SummarizeStage.name) }
        set(length.option.key, length.option.value, of: SummarizeStage.name)
    }

    /// Sets the method of every summarize stage.
    public mutating func setSummaryMethod(_ method: String) {
        set("method", method, of: SummarizeStage.name)
    }
}

extension Pipeline {
    /// One summary of several related articles, each already run through this pipeline, by its last summarize stage.
    public func summarizeTogether(_ documents: [Document]) throws -> MultiDocumentSummary {
        guard let summarizer = stages.lazy.compactMap({ $0 as? SummarizeStage }).last else {
            throw BriefError(.config, "pipeline '\(name)' has no summarize stage to summarize several articles with")
        }
        return try summarizer.summarize(documents)
    }
}
