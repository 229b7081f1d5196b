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

    /// The rules for `language`, read once per process.
    static func load(for language: Language, data: DataDirectory) throws -> SentenceRules {
        try cache.value(for: "\(data.url.path)|\(language.tag)") {
            var rules = SentenceRules()
            for line in try data.languageLines("abbreviations", for: language) ?? [] {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let entry = String(fields[0].trimmingCharacters(in: .whitespaces))
                let kind = fields.count > 1 ? fields[1].trimmingCharacters(in: .whitespaces) : "abbr"
                switch kind {
                case "title": rules.titles.insert(entry)
                case "starter": rules.starters.insert(entry)
                case "final": rules.finals.insert(entry)
                case "continuation": rules.continuations.append(entry)
                case "clause": rules.clauseWords.insert(entry)
                case "unit": rules.units.append(entry)
                case "list": rules.listWords.insert(entry)
                default: rules.abbreviations.insert(entry)
                }
            }
            return rules
        }
    }

    private static let cache = LockedCache<String, SentenceRules>()
}
