/// A language's sentence-boundary exceptions, from `Dictionaries/abbreviations/TAG.txt`.
///
/// Each line is `ENTRY<TAB>KIND`:
/// - `title` — never ends a sentence (`Dr.`, `Sept.`, `No.`): what follows belongs to the same sentence;
/// - `abbr` (the default) — usually continues the sentence (`U.S.`, `etc.`, `Inc.`); a sentence ends after it only
///   when the next word is a sentence starter;
/// - `final` — usually ends a sentence (`etc.`, `и т.д.`, `ა.შ.`): a sentence ends after it unless a lowercase word
///   or a number follows;
/// - `continuation` — a word that carries the sentence on after a quotation that ends in a terminator (Burmese
///   quotative ဟု in `“…။” ဟု ပြောသည်။`, Khmer ពេល "when"); matched at the start of the next token. In Thai and
///   Lao it also carries the sentence on across a space (conjunctions, prepositions, auxiliaries: ซึ่ง, ใน, จะ);
/// - `clause` — a word after which a terminator closes a clause, not the sentence (Tibetan connectives ནས, ཤིང
///   before ། ); in Thai and Lao, a word that needs a complement, so the space after it is no sentence end (ว่า);
/// - `starter` — a word that typically begins a sentence (`The`, `However`), used to decide the `abbr` case;
/// - `unit` — Thai and Lao: a classifier, unit or month that follows a number (`25,000 ราย`, `15 ມີນາ`), so the
///   space between the number and it is no sentence end;
/// - `list` — Thai and Lao: a word that introduces an enumeration whose items are separated by spaces (ได้แก่,
///   ເຊັ່ນ "such as").
///
/// `SpaceBoundaries` explains how Thai and Lao use these kinds.
struct SentenceRules: Sendable {
    init() {}

    var titles: Set<String> = []
    var abbreviations: Set<String> = []
    var finals: Set<String> = []
    var continuations: [String] = []
    var clauseWords: Set<String> = []
    var starters: Set<String> = []
    var units: [String] = []
    var listWords: Set<String> = []

    enum Verdict { case title, abbreviation, final, none }

    var isEmpty: Bool { titles.isEmpty && abbreviations.isEmpty && finals.isEmpty }

    /// Whether a terminator after `word` only closes a clause.
    func closesClause(_ word: Substring) -> Bool { clauseWords.contains(String(word)) }

    /// Whether `token` (the next token, as written) begins with a continuation word.
    func continues(_ token: Substring) -> Bool { continuations.contains { token.hasPrefix($0) } }

    /// How `token` (a word ending in a period) behaves, matched as written and then lowercased.
    func verdict(for token: Substring) -> Verdict {
        var candidates = [String(token), token.lowercased()]
        // A noun-class prefix glued to a title (Ndebele loNkk., kuDkt.): try the title on its own.
        if let capital = token.firstIndex(where: \.isUppercase), capital != token.startIndex,
           token[..<capital].allSatisfy(\.isLowercase) {
            candidates.append(String(token[capital...]))
        }
        for candidate in candidates {
            if titles.contains(candidate) { return .title }
            if abbreviations.contains(candidate) { return .abbreviation }
            if finals.contains(candidate) { return .final }
        }
        return .none
    }

    func isStarter(_ word: Substring) -> Bool { starters.contains(String(word)) }

    /// The kinds of entry an abbreviation file line may have.
    enum Kind: String, CaseIterable {
        case abbr, clause, continuation, final, list, starter, title, unit
    }

    /// The rules for `language`, read once per process; a line with an unknown kind is a configuration error that
    /// names the file and line.
    static func load(for language: Language, data: DataDirectory) throws -> SentenceRules {
        try cache.value(for: "\(data.url.path)|\(language.tag)") {
            guard let (path, lines) = try data.languageFile("abbreviations", for: language) else { return SentenceRules() }
            return try SentenceRules(lines: lines, file: path)
        }
    }

    /// The rules in the numbered `lines` of `file` (`ENTRY<TAB>KIND`; no kind is `abbr`).
    init(lines: [(number: Int, text: Substring)], file: String) throws {
        for (number, line) in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let entry = String(fields[0].trimmingSpaces)
            let name = fields.count > 1 ? String(fields[1].trimmingSpaces) : ""
            guard let kind = name.isEmpty ? .abbr : Kind(rawValue: name) else {
                throw BriefError.config(file: file, line: number, column: fields[0].count + 2,
                    "unknown kind '\(name)' for '\(entry)'; expected one of: "
                        + Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            switch kind {
            case .title: titles.insert(entry)
            case .starter: starters.insert(entry)
            case .final: finals.insert(entry)
            case .continuation: continuations.append(entry)
            case .clause: clauseWords.insert(entry)
            case .unit: units.append(entry)
            case .list: listWords.insert(entry)
            case .abbr: abbreviations.insert(entry)
            }
        }
    }

    /// Reads the abbreviation file of every supported language and every other file in `abbreviations/`, once per
    /// process for each data folder, so a malformed line fails when a pipeline is built, not in the middle of a batch.
    static func validateAll(data: DataDirectory) throws {
        try validated.value(for: data.url.path) {
            for language in Language.withData(in: "abbreviations", data: data) { _ = try load(for: language, data: data) }
            return true
        }
    }

    private static let cache = LockedCache<String, SentenceRules>()
    private static let validated = LockedCache<String, Bool>()
}
