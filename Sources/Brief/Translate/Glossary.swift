/// A terminology glossary: concepts, each with its terms in several languages, so that en→X and X→en (and X→Y
/// through the same concepts) come from one set of data.
///
/// Glossaries are stacked by name in a translate stage (`[cldr, core, names, places, my-terms.tsv]`); for the same
/// source term, a later glossary wins. Shipped glossaries live in `Dictionaries/glossaries/NAME/TAG.tsv`, one file per
/// language against the English pivot; `cldr` is built from ICU's CLDR region names.
public struct Glossary: Sendable, Equatable {
    /// The glossary's name (`core`, `names`, a file's name without extension).
    public var name: String
    /// Where it was read from, for messages.
    public var file: String
    /// The provenance and licence line of the file, if it had one.
    public var provenance: String?
    /// The concepts, in file order.
    public var concepts: [Concept]

    public init(name: String, file: String, provenance: String? = nil, concepts: [Concept] = []) {
        self.name = name
        self.file = file
        self.provenance = provenance
        self.concepts = concepts
    }

    /// The language tags that have terms, in first-seen order.
    public var languages: [String] {
        var seen: [String] = []
        for concept in concepts {
            for tag in concept.languages where !seen.contains(tag) { seen.append(tag) }
        }
        return seen
    }
}

/// One concept: an identifier, and its terms per language (BCP 47 tag), each list in preference order.
public struct Concept: Sendable, Equatable {
    /// Unique within its glossary (the English term and part of speech, or a TBX entry id).
    public var id: String
    /// The terms by language tag.
    public var terms: [String: [Term]]
    /// The file line or element the concept starts at (for messages; 0 when built in code).
    public var line: Int

    public init(id: String, terms: [String: [Term]] = [:], line: Int = 0) {
        self.id = id
        self.terms = terms
        self.line = line
    }

    /// The tags with terms, sorted, so output does not depend on hashing.
    public var languages: [String] { terms.keys.sorted() }
}

/// One term of a concept in one language.
public struct Term: Sendable, Equatable {
    /// How the term may be used.
    public enum Status: String, Sendable, CaseIterable {
        /// The house rendering.
        case preferred
        /// An accepted alternative.
        case admitted
        /// A rendering the house does not use (reported when met, never produced).
        case forbidden
        /// Kept as written in the source (a brand, an acronym, a programme name).
        case dnt
        /// A rendering nobody has checked yet (applied, marked or skipped as the stage says).
        case unverified
    }

    /// How the term's letter case is matched in the source text.
    public enum CaseRule: String, Sendable, CaseIterable {
        /// Lowercase terms match any case; capitalized ones match as written or in capitals (a headline);
        /// acronyms match exactly.
        case auto
        /// Only exactly as written (inflected endings aside): `US` never matches `us`.
        case sensitive
        /// In any case.
        case insensitive
    }

    public var text: String
    public var status: Status
    public var caseRule: CaseRule
    /// Part of speech (`noun`, `verb`, `propn`…), if given.
    public var pos: String?
    /// A note for the translator, if given.
    public var note: String?

    public init(_ text: String, status: Status = .preferred, caseRule: CaseRule = .auto, pos: String? = nil,
                note: String? = nil) {
        self.text = text
        self.status = status
        self.caseRule = caseRule
        self.pos = pos
        self.note = note
    }
}
