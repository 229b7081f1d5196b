/// Brief's glossary file: tab-separated, the first two columns source and target, so DeepL, Google and OmegaT load
/// the same file unchanged; optional columns named in a header row.
///
/// ```
/// # Brief core news glossary, English–Russian (ru): …; licence: CC0-1.0
/// en	ru	pos	note	status	case
/// election	выборы	noun
/// WHO	ВОЗ	propn	acronym of World Health Organization		sensitive
/// World Health Organization	ВОЗ	propn		forbidden
/// ```
/// Lines starting with `#` are comments (the first one is the file's provenance). The header row names the two
/// languages (BCP 47 tags) and any of `pos`, `note`, `status` (preferred — the default —, admitted, forbidden, dnt,
/// unverified) and `case` (auto — the default —, sensitive, insensitive); without a header the file has two
/// columns in the languages given by the caller. Rows with the same source term and part of speech are one
/// concept: a house rendering and its admitted or forbidden variants. `status` and `case` apply to the row's target
/// term; `case` to its source term too.
extension Glossary {
    /// The optional columns, in the order they are written.
    static let optionalColumns = ["pos", "note", "status", "case"]

    /// Reads a glossary TSV; `languages` are the source and target tags for a file without a header row.
    public init(tsv text: String, name: String, file: String, languages: (String, String)? = nil) throws {
        self.init(name: name, file: file)
        var header: [String]?
        var index: [String: Int] = [:]
        var conceptIndex: [String: Int] = [:]
        for (number, line) in TSV.rows(text).enumerated() {
            let lineNumber = number + 1
            guard let cells = line else { continue }
            if cells.first?.hasPrefix("#") ?? false {
                if provenance == nil && concepts.isEmpty && header == nil {
                    provenance = String(Substring(cells.joined(separator: "\t")).dropFirst().trimmingSpaces)
                }
                continue
            }
            func fail(_ column: Int, _ message: String) -> BriefError {
                let offset = cells.prefix(column).reduce(0) { $0 + $1.count + 1 }
                return .config(file: file, line: lineNumber, column: offset + 1, message)
            }
            if header == nil {
                if let tags = try Self.headerLanguages(cells, fail: fail) {
                    header = [tags.0, tags.1] + cells.dropFirst(2)  // the languages as Brief tags them
                    for (position, cell) in cells.enumerated().dropFirst(2) {
                        guard Self.optionalColumns.contains(cell) else {
                            throw fail(position, "unknown column '\(cell)'; expected one of: "
                                + Self.optionalColumns.joined(separator: ", "))
                        }
                        guard index[cell] == nil else { throw fail(position, "column '\(cell)' is named twice") }
                        index[cell] = position
                    }
                    continue
                }
                guard let languages else {
                    throw fail(0, "expected a header row naming the languages (e.g. 'en<TAB>ru<TAB>pos<TAB>note<TAB>status<TAB>case')")
                }
                header = [languages.0, languages.1]
            }
            let columns = header!
            guard cells.count <= columns.count else {
                throw fail(columns.count, "\(cells.count) columns, but the header names \(columns.count)")
            }
            guard cells.count >= 2 else { throw fail(0, "expected a source term, a tab and a target term") }
            func cell(_ key: String) -> String? {
                index[key].flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil }
            }
            func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ what: String, default fallback: T) throws -> T
            where T.RawValue == String {
                guard let raw = cell(key) else { return fallback }
                guard let value = T(rawValue: raw) else {
                    throw fail(index[key]!, "unknown \(what) '\(raw)'; expected one of: "
                        + T.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return value
            }
            let status = try choice("status", "status", default: Term.Status.preferred)
            let caseRule = try choice("case", "case rule", default: Term.CaseRule.auto)
            let source = cells[0]
            var target = cells[1]
            guard !source.isEmpty else { throw fail(0, "the source term is empty") }
            if target.isEmpty {
                guard status == .dnt else { throw fail(1, "the target term is empty (only a dnt row may leave it empty)") }
                target = source
            }
            let pos = cell("pos")
            let id = pos.map { "\(source)|\($0)" } ?? source
            let sourceTerm = Term(source, status: status == .dnt ? .dnt : .preferred, caseRule: caseRule, pos: pos)
            let targetTerm = Term(target, status: status, caseRule: caseRule, pos: pos, note: cell("note"))
            if let existing = conceptIndex[id] {
                concepts[existing].terms[columns[1], default: []].append(targetTerm)
            } else {
                conceptIndex[id] = concepts.count
                concepts.append(Concept(id: id, terms: [columns[0]: [sourceTerm], columns[1]: [targetTerm]], line: lineNumber))
            }
        }
    }

    /// The two language tags of a header row, or nil when the row is not a header (its first cells are not tags).
    private static func headerLanguages(_ cells: [String], fail: (Int, String) -> BriefError) throws -> (String, String)? {
        guard cells.count >= 2, looksLikeTag(cells[0]), let source = try? Language.resolve(cells[0]) else { return nil }
        guard looksLikeTag(cells[1]), let target = try? Language.resolve(cells[1]) else {
            throw fail(1, "'\(cells[1])' is not a language tag; the header's second column names the target language")
        }
        return (source.tag, target.tag)
    }

    private static func looksLikeTag(_ cell: String) -> Bool {
        cell.count <= 12 && cell.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || $0 == "_") }
    }

    /// The glossary as a TSV with a header, for the pair `source` → `target`: one row per target term.
    public func tsv(from source: String, to target: String) -> String {
        var output = "# " + (provenance ?? "Brief glossary '\(name)', exported by brief") + "\n"
        output += ([source, target] + Self.optionalColumns).joined(separator: "\t") + "\n"
        for concept in concepts {
            guard let sourceTerm = concept.terms[source]?.first else { continue }
            for term in concept.terms[target] ?? [] {
                let row = [
                    sourceTerm.text, term.text,
                    term.pos ?? sourceTerm.pos ?? "", term.note ?? "", term.status == .preferred ? "" : term.status.rawValue,
                    term.caseRule == .auto ? "" : term.caseRule.rawValue,
                ]
                output += row.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
            }
        }
        return output
    }
}
