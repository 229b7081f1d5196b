/// What `brief glossary check`, `lookup` and `verify` do, as library calls.
public enum GlossaryTools {
    /// The problems of a glossary, each `FILE:LINE: message`: the same rendering twice, two preferred renderings
    /// that conflict, a rendering both preferred and forbidden, a do-not-translate term that also has a house
    /// translation (an admitted alternative beside it is fine: `COVID-19` kept, `коронавирусная инфекция` admitted).
    public static func check(_ glossary: Glossary) -> [String] {
        var problems: [String] = []
        for concept in glossary.concepts {
            let at = "\(glossary.file):\(concept.line)"
            for tag in concept.languages {
                let terms = concept.terms[tag] ?? []
                var seen = Set<String>()
                for term in terms where !seen.insert(term.text + "|" + term.status.rawValue).inserted {
                    problems.append("\(at): '\(term.text)' (\(tag)) is listed twice for '\(concept.id)'")
                }
                let preferred = Set(terms.filter { $0.status == .preferred }.map(\.text))
                if preferred.count > 1 {
                    problems.append("\(at): '\(concept.id)' has \(preferred.count) preferred \(tag) renderings: "
                        + preferred.sorted().joined(separator: ", ") + "; mark all but one admitted")
                }
                for term in terms where term.status == .forbidden && preferred.contains(term.text) {
                    problems.append("\(at): '\(term.text)' (\(tag)) is both preferred and forbidden for '\(concept.id)'")
                }
                if terms.contains(where: { $0.status == .dnt }),
                   terms.contains(where: { $0.status == .preferred || $0.status == .unverified }) {
                    problems.append("\(at): '\(concept.id)' is do-not-translate in \(tag) but also has a translation")
                }
            }
        }
        return problems
    }

    /// One glossary entry found by `lookup`.
    public struct Found: Sendable, Equatable {
        public var glossary: String
        public var concept: String
        public var source: Term
        public var targets: [Term]
    }

    /// The entries whose source or target term is `term` (ignoring case), in both directions between `source` and
    /// `target`.
    public static func lookup(_ term: String, from source: Language, to target: Language, glossaries names: [String],
                              data: DataDirectory = .default) throws -> [Found] {
        let wanted = term.lowercased()
        var found: [Found] = []
        for glossary in try TermTable.glossaries(names, languages: [source, target], data: data) {
            for concept in glossary.concepts {
                guard let sources = concept.terms[source.tag], let targets = concept.terms[target.tag] else { continue }
                if sources.contains(where: { $0.text.lowercased() == wanted })
                    || targets.contains(where: { $0.text.lowercased() == wanted }) {
                    found.append(Found(glossary: glossary.name, concept: concept.id, source: sources[0], targets: targets))
                }
            }
        }
        return found
    }

    /// One finding of `verify`.
    public struct Finding: Sendable, Equatable {
        public enum Kind: String, Sendable { case missing, forbidden }
        public var kind: Kind
        /// The sentence pair (1-based), or nil when the texts were compared whole.
        public var pair: Int?
        /// The source term (for `missing`) or the forbidden rendering found (for `forbidden`).
        public var term: String
        /// The house renderings expected.
        public var expected: [String]
        public var entry: String
    }

    /// Checks a human translation against the house glossary: per sentence pair when the two texts have as many
    /// sentences, else per text, each source term whose house rendering (preferred, admitted or unverified, in any
    /// inflected form the target's stemmer allows) is missing, and each forbidden rendering used.
    public static func verify(source: Document, translation: Document, with stage: TranslateStage) throws -> [Finding] {
        guard let tag = source.language else { throw BriefError(.data, "the language of the source is undetermined") }
        let translator = try stage.translator(from: try Language.resolve(tag))
        let target = stage.target
        let entries = translator.matcher.entries
        var renderings: [TermEntry] = [], forbidden: [TermEntry] = []
        for (index, entry) in entries.enumerated() {
            for term in entry.targets {
                renderings.append(TermEntry(source: term, targets: [], forbidden: [], keep: false, id: String(index), glossary: ""))
            }
            for term in entry.forbidden {
                forbidden.append(TermEntry(source: term, targets: [], forbidden: [], keep: false, id: String(index), glossary: ""))
            }
        }
        let housed = try TermMatcher(language: target, entries: renderings)
        let banned = try TermMatcher(language: target, entries: forbidden)
        let cutter = try WordCutter(language: target)
        let paired = source.sentences.count == translation.sentences.count
        let sourceTexts = paired ? source.sentences.map { String(source.string(of: $0)) } : [source.text]
        let targetTexts = paired ? translation.sentences.map { String(translation.string(of: $0)) } : [translation.text]
        var findings: [Finding] = []
        for (number, (sourceText, targetText)) in zip(sourceTexts, targetTexts).enumerated() {
            var tally = Translator.Tally()
            _ = try translator.draft(Substring(sourceText), index: number, tally: &tally)
            var text = targetText
            let (present, used): (Set<String>, [(String, String)]) = text.withUTF8 { bytes in
                let words = cutter.cut(bytes)
                let present = Set(housed.matches(words, in: bytes, shouting: false).map { housed.entries[$0.entry].id })
                let used = banned.matches(words, in: bytes, shouting: false).map { match in
                    let range = words[match.words.lowerBound].range.lowerBound..<words[match.words.upperBound - 1].range.upperBound
                    return (banned.entries[match.entry].id, String(decoding: bytes[range], as: UTF8.self))
                }
                return (present, used)
            }
            for use in tally.applied {
                guard let index = entries.firstIndex(where: { $0.id == use.entry }), !entries[index].keep,
                      !present.contains(String(index)) else { continue }
                findings.append(Finding(kind: .missing, pair: paired ? number + 1 : nil, term: use.source,
                                        expected: entries[index].targets.map(\.text), entry: use.entry))
            }
            for (index, written) in used {
                let entry = entries[Int(index)!]
                findings.append(Finding(kind: .forbidden, pair: paired ? number + 1 : nil, term: written,
                                        expected: entry.targets.map(\.text), entry: entry.id))
            }
        }
        return findings
    }
}

extension GlossaryTools {
    /// The glossary file at `path`, read by its extension; `languages` name the columns of a TSV without a header.
    public static func read(_ path: String, languages: (Language, Language)? = nil) throws -> Glossary {
        try TermTable.file(path, languages: languages.map { [$0.0, $0.1] } ?? [])
    }

    /// The named glossaries stacked for `source` and `target`, as one glossary (for `export`).
    public static func stacked(_ names: [String], from source: Language, to target: Language,
                               data: DataDirectory = .default) throws -> Glossary {
        var result = Glossary(name: "brief-export", file: "<export>",
                              provenance: "Brief glossaries \(names.joined(separator: ", ")), \(source.tag)–\(target.tag), "
                                  + "exported by brief; each part keeps the licence stated in its file")
        for glossary in try TermTable.glossaries(names, languages: [source, target], data: data) {
            result.concepts += glossary.concepts.filter { $0.terms[source.tag] != nil && $0.terms[target.tag] != nil }
                .map { concept in
                    var copy = concept
                    copy.id = "\(glossary.name):\(concept.id)"
                    return copy
                }
        }
        return result
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place).
    public static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path)
        try file.append(text)
        _ = try file.commit()
    }
}

extension GlossaryTools {
    /// How many concepts one shipped glossary has for a language, and how many of them only unverified renderings.
    public struct Count: Sendable, Equatable {
        public var glossary: String
        public var concepts: Int
        public var unverified: Int
    }

    /// The shipped glossaries' counts for `language` (`brief languages`), in name order; borrowed files count for
    /// the language that borrows them.
    public static func counts(for language: Language, data: DataDirectory = .default) throws -> [Count] {
        guard language.tag != "en" else { return [] }
        return try TermTable.available(data).compactMap { name in
            guard let glossary = try TermTable.glossaries([name], languages: [language], data: data).first,
                  !glossary.concepts.isEmpty else { return nil }
            let unverified = glossary.concepts.filter { concept in
                (concept.terms[language.tag] ?? []).allSatisfy { $0.status == .unverified || $0.status == .forbidden }
            }.count
            return Count(glossary: name, concepts: glossary.concepts.count, unverified: unverified)
        }
    }
}
