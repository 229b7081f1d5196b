/// `segment` — splits the text into sentences and words, both as offsets into the text.
///
/// Sentences come from ICU's sentence break for the document's language with the CLDR `ss=standard` abbreviation
/// suppressions, corrected by `Segmenter` with the language's data in `Dictionaries/abbreviations/` and Brief's
/// extra terminators (see `Segmenter`). Words come from ICU's word break (dictionary-based for Thai, Lao, Khmer,
/// Burmese, Chinese and Japanese); punctuation and spaces are not words.
///
/// The language is the document's (`--lang`, the pipeline's `source`, or `detect`); without one, ICU's root rules apply.
///
/// Building the stage reads the abbreviation data of every language (once per process), so a malformed file fails
/// when the pipeline is built (`brief pipeline validate`), not in the middle of a batch.
///
/// Options:
/// - `words`: `true` (default) to record word tokens, `false` for sentences only.
/// - `explain`: `false` (default); `true` to name on each sentence the rule that ended it (`Sentence.rule`: `icu`,
///   `end`, or a `SentenceBreakRule`). `explanation(of:)` also lists the breaks that join rules removed.
/// - `headline`: `true` (default): a first line that stands alone is the headline (`Document.title`, see
///   `Headline`), not a sentence; when the document already has a title (a record's), a first line repeating it is
///   left out too. `false` keeps every line a sentence (`brief segment`).
///
/// ```yaml
/// - use: segment
///   with: { words: true, explain: false, headline: true }
/// ```
public struct SegmentStage: Stage {
    public static let name = "segment"
    public static let summary = "sentence and word segmentation (ICU break iterators with per-language rules)"
    public static let optionKeys = ["words", "explain", "headline"]
    public static let requires: Set<Facet> = []
    public static let assigns: Set<Facet> = [.sentences]

    /// Whether word tokens are recorded.
    public let words: Bool
    /// Whether each sentence names the rule that ended it.
    public let explain: Bool
    /// Whether a standalone first line is taken as the headline.
    public let headline: Bool
    private let data: DataDirectory

    public init(options: StageOptions, context: StageContext) throws {
        words = try options.bool("words", default: true)
        explain = try options.bool("explain", default: false)
        headline = try options.bool("headline", default: true)
        data = context.data
        try Self.validateData(for: context.source, data: data)
    }

    /// Reads the segmentation data `run` will need, so a bad file fails now: the segmenter of `language` when the
    /// pipeline fixes it, else every language's abbreviation file (once per process).
    public static func validateData(for language: Language?, data: DataDirectory) throws {
        if let language { _ = try Segmenter.load(for: language, data: data) } else { try SentenceRules.validateAll(data: data) }
    }

    public func run(_ document: inout Document) throws {
        let segmentation = try segment(document, explain: explain)
        document.sentences = segmentation.sentences
        if document.title == nil, let title = segmentation.headline { document.title = title }
    }

    /// The segmentation of `document`'s text with every decision named: each sentence's `rule`, and each break
    /// a drop or join rule removed (whatever `explain` is set to).
    public func explanation(of document: Document) throws -> SegmentationExplanation {
        try segment(document, explain: true)
    }

    private func segment(_ document: Document, explain: Bool) throws -> SegmentationExplanation {
        let language = try document.language.map(Language.resolve) ?? .undetermined
        let segmenter = try Segmenter.load(for: language, data: data)
        var text = document.text
        return try text.withUTF8 { bytes in
            // The headline line is left out of the sentences; the body is segmented on its own.
            var body = 0
            var headline: String?
            if self.headline, let found = Headline.find(in: bytes, language: language) {
                let line = String(decoding: bytes[found.line], as: UTF8.self)
                if document.title == nil || document.title == line {
                    body = found.body
                    headline = line
                }
            }
            let segmentation = try segmenter.segment(UnsafeBufferPointer(rebasing: bytes[body...]), explain: explain)
            let ranges = segmentation.ranges.map { ($0.lowerBound + body)..<($0.upperBound + body) }
            var sentences = words ? try Self.attachWords(ranges, bytes: bytes, locale: language.icuLocale)
                : ranges.map { Sentence(range: $0) }
            if explain {
                for (index, rule) in segmentation.rules.enumerated() { sentences[index].rule = rule.rawValue }
            }
            var explanation = SegmentationExplanation(
                sentences: sentences, segmentation.joins.map { ($0.offset + body, $0.rule) })
            explanation.headline = headline
            return explanation
        }
    }

    /// Sentences with the ICU word tokens that fall inside each.
    static func attachWords(_ ranges: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>, locale: String) throws
        -> [Sentence] {
        let iterator = try BreakIterator.forThisThread(.word, locale: locale)
        var sentences = ranges.map { Sentence(range: $0) }
        var current = 0
        var start = 0
        iterator.forEachBoundary(in: bytes) { end, status in
            defer { start = end }
            guard status >= 100 else { return }  // UBRK_WORD_NONE: spaces and punctuation
            while current < sentences.count && sentences[current].range.upperBound <= start { current += 1 }
            guard current < sentences.count, sentences[current].range.lowerBound <= start else { return }
            sentences[current].words.append(start..<min(end, sentences[current].range.upperBound))
        }
        return sentences
    }
}

/// What the segmenter decided and why: each sentence with the rule that ended it, and each break removed.
public struct SegmentationExplanation: Sendable, Equatable {
    /// A break that a drop or join rule removed.
    public struct Join: Sendable, Equatable, Hashable {
        /// Where the break was, as a UTF-8 offset into the text.
        public var offset: Int
        /// The name of the `SentenceJoinRule` that removed it.
        public var rule: String
    }

    /// The sentences, each with `rule` set.
    public var sentences: [Sentence]
    /// The removed breaks, in the order they were decided.
    public var joins: [Join]
    /// The first line, when it stands alone as the headline and is left out of the sentences.
    public var headline: String?

    init(sentences: [Sentence], _ joins: [(offset: Int, rule: SentenceJoinRule)]) {
        self.sentences = sentences
        self.joins = joins.map { Join(offset: $0.offset, rule: $0.rule.rawValue) }
    }

    /// How many breaks each join rule removed, by rule name.
    public var joinCounts: [String: Int] { joins.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 } }
}
