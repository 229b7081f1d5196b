/// Writes a processed document as text, Markdown or JSON. The library returns strings; the CLI prints them.
///
/// JSON keys (stable): `id` (when known), `language`, `languageConfidence`, `script`, `method`, `summary` (the
/// picked sentences joined), `sentences` (picked: `index`, `text`, `start`, `end`, `score`; offsets in Unicode
/// scalars of the input as given), `keywords`, `sentenceCount`, `removed` (`line`, `rule`, `text`), `repairs`, `notes`.
public struct Renderer: Sendable {
    public var format: OutputFormat

    public init(format: OutputFormat) { self.format = format }

    /// The document rendered, ending with a newline.
    public func render(_ document: Document) -> String {
        switch format {
        case .text: return text(document)
        case .markdown: return markdown(document)
        case .json: return Renderer.json(document).serialized() + "\n"
        }
    }

    private func picked(_ document: Document) -> [(index: Int, text: String)] {
        let indices = document.summary?.picked ?? Array(document.sentences.indices)
        return indices.map { (index: $0, text: Renderer.oneLine(document.string(of: document.sentences[$0]))) }
    }

    private func text(_ document: Document) -> String {
        var output = picked(document).map(\.text).joined(separator: " ") + "\n"
        if let keywords = document.summary?.keywords, !keywords.isEmpty {
            output += "\nKeywords: " + keywords.joined(separator: ", ") + "\n"
        }
        return output
    }

    private func markdown(_ document: Document) -> String {
        let sentences = picked(document)
        var output = "## Summary\n\n"
        for sentence in sentences { output += "- " + sentence.text + "\n" }
        if let keywords = document.summary?.keywords, !keywords.isEmpty {
            output += "\n**Keywords:** " + keywords.joined(separator: ", ") + "\n"
        }
        var facts: [String] = []
        if let language = document.language { facts.append("language: \(language)") }
        if let method = document.summary?.method { facts.append("method: \(method)") }
        facts.append("\(sentences.count) of \(document.sentences.count) sentences")
        output += "\n_" + facts.joined(separator: " · ") + "_\n"
        for note in document.notes { output += "\n> Note: \(note)\n" }
        return output
    }

    /// The document as a JSON object with the documented keys.
    public static func json(_ document: Document) -> JSON {
        let picked = document.summary?.picked ?? Array(document.sentences.indices)
        let bounds = document.sourceScalarOffsets(picked.flatMap {
            [document.sentences[$0].range.lowerBound, document.sentences[$0].range.upperBound]
        })
        var members: [(String, JSON)] = []
        if let id = document.id { members.append(("id", .string(id))) }
        members.append(("language", .string(document.language ?? "und")))
        members.append(("languageConfidence", .double(document.languageConfidence ?? 0)))
        if let script = document.script { members.append(("script", .string(script))) }
        members.append(("method", document.summary.map { .string($0.method) } ?? .null))
        let texts = picked.map { oneLine(document.string(of: document.sentences[$0])) }
        members.append(("summary", .string(texts.joined(separator: " "))))
        members.append(("sentences", .array(picked.enumerated().map { offset, index in
            .object([
                ("index", .int(index)),
                ("text", .string(texts[offset])),
                ("start", .int(bounds[offset * 2])),
                ("end", .int(bounds[offset * 2 + 1])),
                ("score", .double(document.summary?.scores[index] ?? 0)),
            ])
        })))
        members.append(("keywords", .array((document.summary?.keywords ?? []).map(JSON.string))))
        members.append(("sentenceCount", .int(document.sentences.count)))
        members.append(("removed", .array(document.removedLines.map {
            .object([("line", .int($0.line)), ("rule", .string($0.rule)), ("text", .string($0.text))])
        })))
        members.append(("repairs", .object(document.repairs.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        members.append(("notes", .array(document.notes.map(JSON.string))))
        return .object(members)
    }

    /// A summary of several articles, in this renderer's format.
    ///
    /// JSON keys: `documents` (their ids), `method`, `summary`, `sentences` (`document`, `index`, `text`, `start`,
    /// `end`, `score`; offsets into that document's input), `keywords`.
    public func render(_ summary: MultiDocumentSummary, of documents: [Document]) -> String {
        let texts = summary.picked.map { oneLine(documents[$0.document].string(of: documents[$0.document].sentences[$0.sentence])) }
        switch format {
        case .text:
            var output = texts.joined(separator: " ") + "\n"
            if !summary.keywords.isEmpty { output += "\nKeywords: " + summary.keywords.joined(separator: ", ") + "\n" }
            return output
        case .markdown:
            var output = "## Summary of \(documents.count) articles\n\n"
            for (text, pick) in zip(texts, summary.picked) {
                output += "- " + text + " _(\(documents[pick.document].id ?? "article \(pick.document + 1)"))_\n"
            }
            if !summary.keywords.isEmpty { output += "\n**Keywords:** " + summary.keywords.joined(separator: ", ") + "\n" }
            return output
        case .json:
            let sentences: [JSON] = summary.picked.enumerated().map { offset, pick in
                let document = documents[pick.document]
                let range = document.sentences[pick.sentence].range
                let bounds = document.sourceScalarOffsets([range.lowerBound, range.upperBound])
                return .object([
                    ("document", .int(pick.document)), ("index", .int(pick.sentence)), ("text", .string(texts[offset])),
                    ("start", .int(bounds[0])), ("end", .int(bounds[1])), ("score", .double(summary.scores[offset])),
                ])
            }
            return JSON.object([
                ("documents", .array(documents.enumerated().map { .string($1.id ?? String($0)) })),
                ("method", .string(summary.method)),
                ("summary", .string(texts.joined(separator: " "))),
                ("sentences", .array(sentences)),
                ("keywords", .array(summary.keywords.map(JSON.string))),
            ]).serialized() + "\n"
        }
    }

    /// A sentence on one line: inner line breaks become spaces.
    private func oneLine(_ text: Substring) -> String { Renderer.oneLine(text) }

    static func oneLine(_ text: Substring) -> String {
        text.utf8.contains(0x0A) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : String(text)
    }
}
