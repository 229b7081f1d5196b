/// `segment` — splits the text into sentences and words, both as offsets into the text.
///
/// Sentences come from ICU's sentence break for the document's language with the CLDR `ss=standard` abbreviation
/// suppressions, corrected by `Segmenter` with the language's data in `Dictionaries/abbreviations/` and Brief's
/// extra terminators (see `Segmenter`). Words come from ICU's word break (dictionary-based for Thai, Lao, Khmer,
/// Burmese, Chinese and Japanese); punctuation and spaces are not words.
///
/// The language is the document's (`--lang`, the pipeline's `source`, or `detect`); without one, ICU's root rules apply.
///
/// Options:
/// - `words`: `true` (default) to record word tokens, `false` for sentences only.
///
/// ```yaml
/// - use: segment
///   with: { words: true }
/// ```
public struct SegmentStage: Stage {
    public static let name = "segment"
    public static let summary = "sentence and word segmentation (ICU break iterators with per-language rules)"
    public static let optionKeys = ["words"]
    public static let requires: Set<Facet> = []
    public static let assigns: Set<Facet> = [.sentences]

    public let words: Bool
    private let data: DataDirectory

    public init(options: StageOptions, context: StageContext) throws {
        words = try options.bool("words", default: true)
        data = context.data
    }

    public func run(_ document: inout Document) throws {
        let language = try document.language.map(Language.resolve) ?? .undetermined
        let segmenter = try Segmenter.load(for: language, data: data)
        var text = document.text
        document.sentences = try text.withUTF8 { bytes in
            let ranges = try segmenter.sentences(in: bytes)
            guard words else { return ranges.map { Sentence(range: $0) } }
            return try Self.attachWords(ranges, bytes: bytes, locale: language.icuLocale)
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
