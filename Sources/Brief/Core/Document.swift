/// One article on its way through a pipeline: the original text, untouched, and everything stages add to it.
///
/// Stages enrich a document in place. `normalize` and `clean` may rewrite the working `text`; every rewrite records
/// how its offsets map back, so sentences (UTF-8 offsets into `text`) can always be reported as offsets into
/// `source`, the input as given.
public struct Document: Sendable {
    /// An identifier (a file path or a stream record's `id`), carried into the output.
    public var id: String?
    /// The input as given (invalid UTF-8 already replaced by U+FFFD, nothing else changed).
    public let source: String
    /// The working text, after any normalization and cleaning.
    public private(set) var text: String
    /// The headline: from the input (a record's `title`, a page's), or the first line of a plain text when it stands
    /// alone (see `Headline`). It is not among the sentences, so no summary ever picks it.
    public var title: String?
    /// The BCP 47 tag of the text's language, once known.
    public var language: String?
    /// How sure language detection was, 0…1 (1 when the language was given).
    public var languageConfidence: Double?
    /// The ISO 15924 code of the text's main script, once known.
    public var script: String?
    /// Sentences in reading order, as UTF-8 offsets into `text`, each with its word tokens.
    public var sentences: [Sentence] = []
    /// Lines the cleaner dropped, with the rule that dropped each.
    public var removedLines: [RemovedLine] = []
    /// Repairs made to the text, by kind ("invalid-utf8", "control", "bom", "space", …).
    public var repairs: [String: Int] = [:]
    /// Notes for the reader (a too-short text returned whole, an undetermined language, …).
    public var notes: [String] = []

    private var rewrites: [OffsetMap] = []
    /// What stages outside Core add (a summary, a translation, page metadata), by key type.
    private var results: [ObjectIdentifier: any Sendable] = [:]

    /// The value a stage stored under `key`, if any: `document[SummaryKey.self]`.
    public subscript<Key: DocumentKey>(key: Key.Type) -> Key.Value? {
        get { results[ObjectIdentifier(key)] as? Key.Value }
        set { results[ObjectIdentifier(key)] = newValue }
    }

    /// A document from text that is already valid Unicode.
    public init(text: String, id: String? = nil, language: String? = nil) {
        self.source = text
        self.text = text
        self.id = id
        self.language = language
        if language != nil { languageConfidence = 1 }
    }

    /// A document from raw bytes: invalid UTF-8 is replaced by U+FFFD and counted in `repairs`.
    public init(bytes: some Collection<UInt8>, id: String? = nil, language: String? = nil) {
        let (text, invalid) = UTF8Repair.decode(bytes)
        self.init(text: text, id: id, language: language)
        if invalid > 0 { repairs["invalid-utf8"] = invalid }
    }

    /// The text of a UTF-8 range of `text`.
    public func string(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }

    /// The text of one sentence.
    public func string(of sentence: Sentence) -> Substring { string(sentence.range) }

    /// Replaces the working text through `edit`, keeping offsets traceable to `source`.
    /// Text can only be rewritten before it is segmented.
    mutating func rewrite(_ edit: (inout TextEditor) throws -> Void) rethrows {
        precondition(sentences.isEmpty, "the text of a segmented document cannot be rewritten")
        var editor = TextEditor(Array(text.utf8))
        try edit(&editor)
        guard editor.changed else { return }
        editor.copyRest()
        var map = editor.map
        map.finish(oldLength: editor.old.count)
        rewrites.append(map)
        text = String(decoding: editor.bytes, as: UTF8.self)
    }

    /// Offsets in `source`, counted in Unicode scalars, for UTF-8 offsets in `text`.
    public func sourceScalarOffsets(_ offsets: [Int]) -> [Int] {
        let sourceBytes = offsets.map { offset in rewrites.reversed().reduce(offset) { $1.oldOffset($0) } }
        let order = sourceBytes.indices.sorted { sourceBytes[$0] < sourceBytes[$1] }
        var result = [Int](repeating: 0, count: offsets.count)
        var scalars = 0, byte = 0
        var utf8 = source.utf8.makeIterator()
        let count = source.utf8.count
        for index in order {
            let target = min(sourceBytes[index], count)
            while byte < target, let next = utf8.next() {  // one pass, no copy of the source
                if next & 0xC0 != 0x80 { scalars += 1 }
                byte += 1
            }
            result[index] = scalars
        }
        return result
    }
}

/// The key of one kind of result a stage adds to a document; the stage's folder declares it, with a typed accessor:
///
/// ```swift
/// enum TranslationKey: DocumentKey { typealias Value = Translation }
/// extension Document {
///     public var translation: Translation? { get { self[TranslationKey.self] } set { self[TranslationKey.self] = newValue } }
/// }
/// ```
public protocol DocumentKey {
    /// The type of the stored value.
    associatedtype Value: Sendable
}

/// A sentence: a UTF-8 range of the document's `text`, and the ranges of its word tokens.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public var words: [Range<Int>]
    /// The name of the segmentation rule that ended the sentence (`icu`, `end`, or a `SentenceBreakRule`), when the
    /// `segment` stage was built with `explain: true`.
    public var rule: String? = nil

    public init(range: Range<Int>, words: [Range<Int>] = []) {
        self.range = range
        self.words = words
    }
}

/// A line the cleaner removed.
public struct RemovedLine: Sendable, Equatable {
    /// 1-based line number in the text the cleaner saw.
    public var line: Int
    /// The rule that matched (`navigation`, `share`, `caption`, …).
    public var rule: String
    /// The line's text.
    public var text: String
}

/// Decoding of UTF-8 with each invalid sequence replaced by U+FFFD and counted.
enum UTF8Repair {
    static func decode(_ bytes: some Collection<UInt8>) -> (String, Int) {
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, 0) }
        var invalid = 0
        var output = String()
        output.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                invalid += 1
                scalars.append("\u{FFFD}")
            }
        }
        output.unicodeScalars = scalars
        return (output, invalid)
    }
}
