import Foundation

/// One source term and how to render it, for one direction (source → target language).
struct TermEntry: Sendable {
    /// The term as it is looked for in the source.
    var source: Term
    /// The renderings, best first (preferred, admitted, unverified); empty for a term kept as written.
    var targets: [Term]
    /// Renderings the house forbids (for `verify`).
    var forbidden: [Term]
    /// Kept as written: a do-not-translate term.
    var keep: Bool
    /// `glossary:concept` — the entry's identity in reports.
    var id: String
    /// The glossary it came from.
    var glossary: String
}

/// The glossaries of a translate stage, read and stacked for one language pair.
///
/// Names are looked up in `Dictionaries/glossaries/NAME/TAG.tsv` (one file per language against the English pivot;
/// a pair of two other languages joins their files through the shared English terms), `cldr` is ICU's CLDR region
/// names, and anything that looks like a path (`my/terms.tsv`, `house.tbx`, `terms.csv`) is read as a file.
/// A target without files of its own borrows through an ICU transform where that is exact (`sr-Cyrl` from the
/// `sr-Latn` files) or a fair first draft (`zh-Hant` from `zh-Hans`, its terms marked unverified: Taiwan and
/// mainland house styles differ, 川普 vs 特朗普). The do-not-translate list `dnt/TARGET.txt` comes last.
enum TermTable {
    /// Where a target language without glossary files borrows them: the files' tag, the ICU transform, and whether
    /// the result is exact.
    static let borrowed: [String: (tag: String, transform: String, exact: Bool)] = [
        "sr-Cyrl": ("sr-Latn", "Latin-Cyrillic", true),
        "zh-Hant": ("zh-Hans", "Hans-Hant", false),
        "yue-Hant": ("zh-Hans", "Hans-Hant", false),
    ]

    /// The glossaries named `names` with the terms of `languages`, in stacking order.
    /// Each is read on a thread of its own: reading them is most of a translate stage's start-up.
    static func glossaries(_ names: [String], languages: [Language], data: DataDirectory) throws -> [Glossary] {
        try names.concurrentMap { name in
            if name == "cldr" { return cldr(languages) }
            if name.contains("/") || name.contains(".") { return try file(name, languages: languages) }
            let folder = data.url.appendingPathComponent("glossaries/\(name)")
            guard FileManager.default.fileExists(atPath: folder.path) else {
                throw BriefError(.config, "unknown glossary '\(name)'; available: "
                    + (["cldr"] + available(data)).joined(separator: ", ") + ", or a path to a .tsv, .csv or .tbx file")
            }
            var merged = Glossary(name: name, file: folder.path)
            var position: [String: Int] = [:]
            for language in languages where language.tag != "en" {
                guard let part = try named(name, language: language, folder: folder) else { continue }
                for concept in part.concepts {
                    if let index = position[concept.id] {
                        merged.concepts[index].terms.merge(concept.terms) { old, new in old + new.filter { !old.contains($0) } }
                    } else {
                        position[concept.id] = merged.concepts.count
                        merged.concepts.append(concept)
                    }
                }
            }
            return merged
        }
    }

    /// Whether any of the named shipped glossaries lends `target` its terms from another language's file.
    static func borrows(_ target: Language, _ names: [String], data: DataDirectory) -> Bool {
        guard let borrow = borrowed[target.tag] else { return false }
        return names.contains { name in
            let folder = data.url.appendingPathComponent("glossaries/\(name)")
            return !FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(target.tag).tsv").path)
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(borrow.tag).tsv").path)
        }
    }

    /// The glossaries shipped in `Dictionaries/glossaries/`.
    static func available(_ data: DataDirectory) -> [String] {
        let folder = data.url.appendingPathComponent("glossaries")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 != "dnt" && !$0.hasPrefix(".") }.sorted()
    }

    /// One shipped glossary's file for `language` (or the file it borrows from, transformed); nil when none.
    private static func named(_ name: String, language: Language, folder: URL) throws -> Glossary? {
        let path = folder.appendingPathComponent("\(language.tag).tsv").path
        if FileManager.default.fileExists(atPath: path) {
            return try Glossary(tsv: try read(path), name: name, file: path)
        }
        guard let borrow = borrowed[language.tag] else { return nil }
        let source = folder.appendingPathComponent("\(borrow.tag).tsv").path
        guard FileManager.default.fileExists(atPath: source) else { return nil }
        var glossary = try Glossary(tsv: try read(source), name: name, file: source)
        let transliterator = try Transliterator(borrow.transform)
        for index in glossary.concepts.indices {
            guard let terms = glossary.concepts[index].terms.removeValue(forKey: borrow.tag) else { continue }
            glossary.concepts[index].terms[language.tag] = try terms.map { term in
                var copy = term
                copy.text = try transliterator.transliterate(term.text)
                if !borrow.exact && [.preferred, .admitted].contains(copy.status) {
                    copy.status = .unverified
                    copy.note = "from the \(borrow.tag) glossary through ICU \(borrow.transform)"
                }
                return copy
            }
        }
        return glossary
    }

    /// A glossary file, read by its extension (`.tsv`, `.csv`, `.tbx`); `languages` name a headerless TSV's columns.
    static func file(_ path: String, languages: [Language]) throws -> Glossary {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = try read(path)
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tsv", "txt":
            let pair = languages.count >= 2 ? (languages[0].tag, languages[1].tag) : nil
            return try Glossary(tsv: text, name: name, file: path, languages: pair)
        case "csv": return try Glossary(termSet: text, separator: ",", name: name, file: path)
        case "tbx", "xml": return try Glossary(tbx: text, name: name, file: path)
        default:
            throw BriefError(.config, "\(path): unknown glossary format; expected .tsv, .csv or .tbx")
        }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BriefError(FileManager.default.fileExists(atPath: path) ? .io : .config,
                             FileManager.default.fileExists(atPath: path)
                                ? "cannot read glossary \(path)" : "glossary file \(path) does not exist")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BriefError(.config, "\(path): the glossary is not valid UTF-8")
        }
        return text
    }

    /// Countries and territories with their CLDR names, as ICU has them, in `languages`: the base that the `places`
    /// glossaries override where the press writes a name differently.
    static func cldr(_ languages: [Language]) -> Glossary {
        var glossary = Glossary(name: "cldr", file: "<ICU CLDR region names>",
                                provenance: "CLDR region names through ICU; licence: Unicode-3.0")
        let names = languages.map { language in
            [false, true].map { ICU.regionNames(ICU.isoRegions, in: language.icuLocale, short: $0) }
        }
        for region in ICU.isoRegions {
            var terms: [String: [Term]] = [:]
            for (language, forms) in zip(languages, names) {
                var found: [String] = []
                for var name in forms.compactMap({ $0[region] }) {
                    if let open = name.firstRange(of: " (") { name = String(name[..<open.lowerBound]) }  // Myanmar (Burma)
                    if name.firstRange(of: " - ") != nil || found.contains(name) { continue }  // Congo - Kinshasa
                    found.append(name)
                }
                if !found.isEmpty { terms[language.tag] = found.map { Term($0, pos: "propn") } }
            }
            if terms.count == languages.count { glossary.concepts.append(Concept(id: region, terms: terms)) }
        }
        return glossary
    }

    /// The do-not-translate terms for `target` (`dnt/TAG.txt`), kept as written; empty when there is no list.
    static func doNotTranslate(_ target: Language, data: DataDirectory) throws -> [String] {
        try data.languageLines("glossaries/dnt", for: target)?.map { String($0.trimmingSpaces) } ?? []
    }

    /// The entries for `source` → `target`, later glossaries first (they win), then the do-not-translate list.
    static func entries(_ glossaries: [Glossary], dnt: [String], from source: Language, to target: Language) -> [TermEntry] {
        var result: [TermEntry] = []
        var seen = Set<String>()
        for glossary in glossaries.reversed() {
            for concept in glossary.concepts {
                guard let sourceTerms = concept.terms[source.tag], let targetTerms = concept.terms[target.tag] else { continue }
                let usable = targetTerms.filter { $0.status != .forbidden }
                    .sorted { rank($0.status) < rank($1.status) }
                let forbidden = targetTerms.filter { $0.status == .forbidden }
                for term in sourceTerms where seen.insert(term.text).inserted {
                    let keep = term.status == .dnt || usable.first?.status == .dnt
                    result.append(TermEntry(source: term, targets: keep ? [] : usable, forbidden: forbidden, keep: keep,
                                            id: "\(glossary.name):\(concept.id)", glossary: glossary.name))
                }
            }
        }
        for term in dnt where seen.insert(term).inserted {
            result.append(TermEntry(source: Term(term, status: .dnt), targets: [], forbidden: [], keep: true,
                                    id: "dnt:\(term)", glossary: "dnt"))
        }
        return result
    }

    private static func rank(_ status: Term.Status) -> Int {
        switch status {
        case .preferred: 0
        case .admitted: 1
        case .unverified: 2
        case .dnt: 3
        case .forbidden: 4
        }
    }
}
