extension Facet {
    /// A translation draft is present.
    public static let translation: Facet = "translation"
}

/// A glossary translation draft: every glossary term rendered the house way, everything else marked, and a report.
public struct Translation: Sendable, Equatable {
    /// What a stretch of the draft is.
    public enum Kind: String, Sendable {
        /// A glossary term, rendered.
        case term
        /// A term kept as written (do-not-translate).
        case dnt
        /// A name no glossary has, kept in the source script.
        case name
        /// Source text still to translate.
        case untranslated
    }

    /// One marked stretch of a draft sentence, as offsets in Unicode scalars into its `text`.
    public struct Span: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var kind: Kind
        /// The glossary entry (`glossary:concept`), for terms.
        public var entry: String?
        /// The glossary it came from, for terms.
        public var glossary: String?
        /// The rendering's status when it is not the house's preferred one (`admitted`, `unverified`).
        public var status: Term.Status?
    }

    /// The draft of one source sentence.
    public struct Sentence: Sendable, Equatable {
        /// The index of the source sentence in the document.
        public var index: Int
        /// The source sentence.
        public var source: String
        /// The draft.
        public var text: String
        public var spans: [Span]
    }

    /// One glossary entry as applied, with how often.
    public struct Use: Sendable, Equatable {
        public var entry: String
        public var glossary: String
        public var source: String
        public var target: String
        public var count: Int
    }

    /// What was and was not translated.
    public struct Report: Sendable, Equatable {
        /// The share of the source's content words (not stopwords, not numbers) that glossary terms covered, 0…1.
        public var coverage: Double
        /// The entries applied, in order of first use.
        public var applied: [Use]
        /// Applied (or, with `unverified: skip`, withheld) renderings that nobody has verified.
        public var unverified: [Use]
        /// Source terms the glossary forbids (a rendering the house does not use, met in the source).
        public var forbidden: [Use]
        /// Content words no glossary covered, in order of first appearance.
        public var unknown: [String]
        /// Names no glossary has, kept as written.
        public var names: [String]
        /// Notes for the translator (target morphology, borrowed glossaries).
        public var notes: [String]
    }

    /// The target language (BCP 47).
    public var language: String
    /// `ltr` or `rtl`.
    public var direction: String
    /// `summary` or `article`.
    public var scope: String
    /// The draft of the headline, when the document has one (its `index` is -1: it is not a body sentence).
    public var title: Sentence?
    public var sentences: [Sentence]
    public var report: Report
}

/// Where a document keeps its translation draft.
enum TranslationKey: DocumentKey { typealias Value = Translation }

extension Document {
    /// The glossary translation draft, once a translate stage has run.
    public var translation: Translation? {
        get { self[TranslationKey.self] }
        set { self[TranslationKey.self] = newValue }
    }
}
