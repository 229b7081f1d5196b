import Foundation

extension Glossary {
    /// Reads a glossary in Google Cloud Translation's "equivalent term set" layout, as CSV or TSV.
    ///
    /// A header row of language tags, optionally with `pos` and `description` columns, then one concept a row
    /// and one term a cell (an empty cell: no term in that language):
    /// ```
    /// en,ru,fa,pos,description
    /// election,выборы,انتخابات,noun,"a vote to choose, say, a president"
    /// World Health Organization,Всемирная организация здравоохранения,سازمان جهانی بهداشت,propn,
    /// ```
    /// With `,` (or any separator but a tab) fields may be quoted as in RFC 4180 (`""` for a quote; separators and
    /// line breaks inside quotes); with a tab nothing is quoted. Header tags are normalized to Brief's (`zh-CN` →
    /// `zh-Hans`); `pos` and `description` become the pos and note of each term of the row; every term is preferred.
    /// A concept's id is its English term (or its first language's), then `|` and the pos if it has one
    /// (`election|noun`), with `-2`, `-3`… on a repeat. Errors are configuration errors `FILE:LINE:COLUMN: …`.
    public init(termSet text: String, separator: Character, name: String, file: String) throws {
        let rows = try DelimitedText.rows(text.first == "\u{FEFF}" ? String(text.dropFirst()) : text,
                                          separator: separator, file: file)
        guard let header = rows.first else {
            throw BriefError.config(file: file, line: 1, column: 1, "expected a header row of language tags")
        }
        let columns = try TermSetColumn.header(header, file: file)
        let languages = columns.compactMap(\.language)
        guard let firstLanguage = languages.first else {
            throw BriefError.config(file: file, line: header[0].line, column: header[0].column,
                                    "expected at least one language tag in the header")
        }
        let idLanguage = languages.contains("en") ? "en" : firstLanguage
        var ids = Set<String>()
        var concepts: [Concept] = []
        for row in rows.dropFirst() {
            if row.count > columns.count {
                let extra = row[columns.count]
                throw BriefError.config(file: file, line: extra.line, column: extra.column,
                                        "expected at most \(columns.count) cells, as in the header, not \(row.count)")
            }
            var texts: [String: String] = [:]
            var pos: String?
            var note: String?
            for (column, cell) in zip(columns, row) {
                let value = cell.text.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                switch column {
                case .language(let tag): texts[tag] = value
                case .pos: pos = value
                case .description: note = value
                }
            }
            guard let key = texts[idLanguage] ?? languages.lazy.compactMap({ texts[$0] }).first else { continue }
            let terms = texts.mapValues { [Term($0, pos: pos, note: note)] }
            concepts.append(Concept(id: ids.insertUnique(key + (pos.map { "|\($0)" } ?? "")), terms: terms,
                                    line: row[0].line))
        }
        self.init(name: name, file: file, concepts: concepts)
    }

    /// The glossary as an equivalent term set: a column per tag of `languages`, holding each concept's first term
    /// that is not forbidden, and `pos` and `description` columns where any concept has a pos or a note.
    public func termSet(languages: [String], separator: Character) -> String {
        let rows: [(terms: [String], pos: String?, note: String?)] = concepts.compactMap { concept in
            let terms = languages.map { concept.terms[$0]?.first { $0.status != .forbidden } }
            let written = terms.compactMap { $0 }
            guard !written.isEmpty else { return nil }
            return (terms.map { $0?.text ?? "" }, written.lazy.compactMap(\.pos).first,
                    written.lazy.compactMap(\.note).first)
        }
        let hasPos = rows.contains { $0.pos != nil }
        let hasNote = rows.contains { $0.note != nil }
        var lines = [languages + (hasPos ? ["pos"] : []) + (hasNote ? ["description"] : [])]
        for row in rows {
            lines.append(row.terms + (hasPos ? [row.pos ?? ""] : []) + (hasNote ? [row.note ?? ""] : []))
        }
        return lines.map { cells in
            cells.map { DelimitedText.field($0, separator: separator) }.joined(separator: String(separator)) + "\n"
        }.joined()
    }
}

/// What a column of a term set holds.
private enum TermSetColumn: Equatable {
    case language(String), pos, description

    /// The language tag, for a language column.
    var language: String? {
        if case .language(let tag) = self { tag } else { nil }
    }

    /// The columns a header row names: Brief language tags, `pos` and `description`.
    static func header(_ cells: [DelimitedText.Cell], file: String) throws -> [TermSetColumn] {
        var columns: [TermSetColumn] = []
        for cell in cells {
            let value = cell.text.trimmingCharacters(in: .whitespaces)
            let column: TermSetColumn
            switch value.lowercased() {
            case "pos": column = .pos
            case "description": column = .description
            default:
                guard !value.isEmpty, let language = try? Language.resolve(value) else {
                    throw BriefError.config(file: file, line: cell.line, column: cell.column,
                                            "expected a language tag, 'pos' or 'description', not '\(value)'")
                }
                column = .language(language.tag)
            }
            guard !columns.contains(column) else {
                throw BriefError.config(file: file, line: cell.line, column: cell.column,
                                        "expected each column once, not '\(value)' again")
            }
            columns.append(column)
        }
        return columns
    }
}

/// Rows of separated cells: CSV as in RFC 4180, or TSV (a tab separator) without quoting.
private enum DelimitedText {
    /// A cell's text, and the line and column (in characters, from 1) where it starts.
    struct Cell {
        var text = ""
        var line: Int
        var column: Int
        var quoted = false
    }

    /// The rows of `text`; blank lines are left out. An unterminated quote is an error at the quote.
    static func rows(_ text: String, separator: Character, file: String) throws -> [[Cell]] {
        enum State { case plain, quoted, afterQuote }
        let quoting = separator != "\t"
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = Cell(line: 1, column: 1)
        var state = State.plain
        var (line, column) = (1, 1)
        var quoteStart = (line: 1, column: 1)
        for character in text {
            switch state {
            case .quoted where character == "\"":
                state = .afterQuote
            case .quoted:
                cell.text.append(character)
            case .afterQuote where character == "\"":
                cell.text.append(character)
                state = .quoted
            case .plain, .afterQuote:
                state = .plain
                if character == "\"", quoting, cell.text.isEmpty, !cell.quoted {
                    cell.quoted = true
                    state = .quoted
                    quoteStart = (line, column)
                } else if character == separator {
                    row.append(cell)
                    cell = Cell(line: line, column: column + 1)
                } else if isLineBreak(character) {
                    row.append(cell)
                    if row.contains(where: { !$0.text.isEmpty || $0.quoted }) { rows.append(row) }
                    row = []
                    cell = Cell(line: line + 1, column: 1)
                } else {
                    cell.text.append(character)
                }
            }
            (line, column) = isLineBreak(character) ? (line + 1, 1) : (line, column + 1)
        }
        if state == .quoted {
            throw BriefError.config(file: file, line: quoteStart.line, column: quoteStart.column,
                                    "expected a closing quote for the field that starts here")
        }
        row.append(cell)
        if row.contains(where: { !$0.text.isEmpty || $0.quoted }) { rows.append(row) }
        return rows
    }

    /// `text` as a cell: quoted when it holds the separator, a quote or a line break; for TSV, tabs and line
    /// breaks become spaces.
    static func field(_ text: String, separator: Character) -> String {
        guard separator != "\t" else { return String(text.map { $0 == "\t" || isLineBreak($0) ? " " : $0 }) }
        guard text.contains(where: { $0 == separator || $0 == "\"" || isLineBreak($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }
}
