/// The translation draft in output.
///
/// JSON: `translation` = `{"language", "direction", "scope", "title"?: {"source", "text", "spans"}, "sentences":
/// [{"index", "source", "text", "spans":
/// [{"start", "end", "kind", "entry", "glossary", "status"?}]}], "report": {"coverage", "applied", "unverified",
/// "forbidden", "unknown", "names", "notes"}}`, span offsets in Unicode scalars of `text`.
/// Text: the draft a sentence a line under `Draft (TAG):`, each untranslated stretch in ⟦…⟧ and an unverified
/// rendering followed by ⟨?⟩, then one line of figures. Markdown: the same with terms in bold, kept terms as code
/// and names in italics.
struct TranslationSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        guard let translation = document.translation else { return [] }
        func uses(_ list: [Translation.Use]) -> JSON {
            .array(list.map { .object([
                ("entry", .string($0.entry)), ("glossary", .string($0.glossary)), ("source", .string($0.source)),
                ("target", .string($0.target)), ("count", .int($0.count)),
            ]) })
        }
        func draft(_ sentence: Translation.Sentence) -> [(String, JSON)] {
            [
                ("source", .string(sentence.source)), ("text", .string(sentence.text)),
                ("spans", .array(sentence.spans.map { span in
                    var members: [(String, JSON)] = [
                        ("start", .int(span.start)), ("end", .int(span.end)), ("kind", .string(span.kind.rawValue)),
                        ("entry", span.entry.map(JSON.string) ?? .null), ("glossary", span.glossary.map(JSON.string) ?? .null),
                    ]
                    if let status = span.status { members.append(("status", .string(status.rawValue))) }
                    return .object(members)
                })),
            ]
        }
        let report = translation.report
        return [("translation", .object([
            ("language", .string(translation.language)),
            ("direction", .string(translation.direction)),
            ("scope", .string(translation.scope)),
        ] + (translation.title.map { [("title", .object(draft($0)))] } ?? []) + [
            ("sentences", .array(translation.sentences.map { .object([("index", .int($0.index))] + draft($0)) })),
            ("report", .object([
                ("coverage", .double(report.coverage)), ("applied", uses(report.applied)),
                ("unverified", uses(report.unverified)), ("forbidden", uses(report.forbidden)),
                ("unknown", .array(report.unknown.map(JSON.string))), ("names", .array(report.names.map(JSON.string))),
                ("notes", .array(report.notes.map(JSON.string))),
            ])),
        ]))]
    }

    func text(_ document: Document) -> String {
        guard let translation = document.translation else { return "" }
        var output = "\nDraft (\(translation.language)):\n"
        if let title = translation.title { output += Self.marked(title, markdown: false) + "\n\n" }
        for sentence in translation.sentences { output += Self.marked(sentence, markdown: false) + "\n" }
        return output + "\n" + Self.figures(translation.report) + "\n"
    }

    func markdown(_ document: Document) -> String {
        guard let translation = document.translation else { return "" }
        var output = "\n## Draft (\(translation.language))\n\n"
        if let title = translation.title { output += "### " + Self.marked(title, markdown: true) + "\n\n" }
        for sentence in translation.sentences { output += "- " + Self.marked(sentence, markdown: true) + "\n" }
        output += "\n_" + Self.figures(translation.report) + "_\n"
        for note in translation.report.notes { output += "\n> Translator's note: \(note)\n" }
        return output
    }

    /// The draft with its spans marked: ⟦untranslated⟧, rendering⟨?⟩ when unverified; in Markdown also **term**,
    /// `kept` and _name_.
    static func marked(_ sentence: Translation.Sentence, markdown: Bool) -> String {
        let scalars = Array(sentence.text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var cursor = 0
        for span in sentence.spans {
            output.append(contentsOf: scalars[cursor..<span.start])
            let inner = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            let mark = span.status == .unverified ? "⟨?⟩" : ""
            let shown: String = switch (span.kind, markdown) {
            case (.untranslated, _): "⟦" + inner + "⟧"
            case (.term, true): "**" + inner + "**" + mark
            case (.term, false): inner + mark
            case (.dnt, true): "`" + inner + "`"
            case (.name, true): "_" + inner + "_"
            case (.dnt, false), (.name, false): inner
            }
            output.append(contentsOf: shown.unicodeScalars)
            cursor = span.end
        }
        output.append(contentsOf: scalars[cursor...])
        return String(output)
    }

    /// One line of figures: coverage, terms applied, unverified and forbidden, names kept.
    static func figures(_ report: Translation.Report) -> String {
        var parts = ["glossary coverage \(Int((report.coverage * 100).rounded()))% of content words",
                     "\(report.applied.reduce(0) { $0 + $1.count }) terms applied"]
        if !report.unverified.isEmpty { parts.append("\(report.unverified.count) unverified") }
        if !report.forbidden.isEmpty {
            parts.append("forbidden in the source: " + report.forbidden.map(\.source).joined(separator: ", "))
        }
        if !report.names.isEmpty { parts.append("names kept as written: " + report.names.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
