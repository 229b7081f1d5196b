/// Sentence splitting as a library call: Brief's corrected segmentation, or ICU's sentence break alone (for
/// comparison), on plain text.
///
/// ```swift
/// let splitter = try SentenceSplitter(language: "fr")
/// splitter.sentences(in: "M. Dupont est arrivé. Il a parlé.")   // ["M. Dupont est arrivé.", "Il a parlé."]
/// ```
public struct SentenceSplitter: Sendable {
    /// Which segmentation to run.
    public enum Mode: Sendable { case brief, icuOnly }

    let language: Language
    let segmenter: Segmenter
    let mode: Mode

    public init(language tag: String, mode: Mode = .brief, data: DataDirectory = .default) throws {
        language = try Language.resolve(tag)
        segmenter = mode == .brief ? try Segmenter.load(for: language, data: data)
            : Segmenter(language: language, rules: SentenceRules())
        self.mode = mode
    }

    /// The sentences of `text`, whitespace-trimmed.
    public func sentences(in text: String) throws -> [Substring] {
        let ranges = try ranges(in: text)
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[start..<utf8.index(start, offsetBy: range.count)]
        }
    }

    /// The sentences of `text` with the rule that ended each, and the breaks the drop and join rules removed (Brief's
    /// segmentation, whatever the mode).
    public func explain(_ text: String) throws -> SegmentationExplanation {
        var copy = text
        return try copy.withUTF8 { bytes in
            let segmentation = try segmenter.segment(bytes, explain: true)
            let sentences = zip(segmentation.ranges, segmentation.rules).map { range, rule in
                var sentence = Sentence(range: range)
                sentence.rule = rule.rawValue
                return sentence
            }
            return SegmentationExplanation(sentences: sentences, segmentation.joins)
        }
    }

    /// The sentences of `text` as UTF-8 offset ranges.
    public func ranges(in text: String) throws -> [Range<Int>] {
        switch mode {
        case .brief:
            return try segmenter.sentences(in: text)
        case .icuOnly:
            var copy = text
            return try copy.withUTF8 { bytes in
                let iterator = try BreakIterator(.sentence, locale: language.icuLocale)
                var result: [Range<Int>] = []
                var start = 0
                iterator.forEachBoundary(in: bytes) { boundary, _ in
                    result.append(start..<boundary)
                    start = boundary
                }
                return result
            }
        }
    }
}
