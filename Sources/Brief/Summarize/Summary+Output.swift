/// The brief itself: the picked sentences (every sentence when no summarizer ran) and the keywords.
///
/// JSON: `method`, `summary`, `sentences` (`index`, `text`, `start`, `end`, `score`), `keywords`, `sentenceCount`.
/// Text: the sentences joined, then `Keywords: …`. Markdown: `## Summary` as a list, the keywords, and a line of facts.
struct SummarySection: OutputSection {
    private func picked(_ document: Document) -> [Int] {
        document.summary?.picked ?? Array(document.sentences.indices)
    }

    private func texts(_ document: Document) -> [String] {
        picked(document).map { Renderer.oneLine(document.string(of: document.sentences[$0])) }
    }

    func json(_ document: Document) -> [(String, JSON)] {
        let picked = picked(document)
        let texts = texts(document)
        let bounds = document.sourceScalarOffsets(picked.flatMap {
            [document.sentences[$0].range.lowerBound, document.sentences[$0].range.upperBound]
        })
        return [
            ("method", document.summary.map { .string($0.method) } ?? .null),
            ("summary", .string(texts.joined(separator: " "))),
            ("sentences", .array(picked.enumerated().map { offset, index in
                .object([
                    ("index", .int(index)),
                    ("text", .string(texts[offset])),
                    ("start", .int(bounds[offset * 2])),
                    ("end", .int(bounds[offset * 2 + 1])),
                    ("score", .double(document.summary?.scores[index] ?? 0)),
                ])
            })),
            ("keywords", .array((document.summary?.keywords ?? []).map(JSON.string))),
            ("sentenceCount", .int(document.sentences.count)),
        ]
    }

    func text(_ document: Document) -> String {
        var output = texts(document).joined(separator: " ") + "\n"
        if let keywords = document.summary?.keywords, !keywords.isEmpty {
            output += "\nKeywords: " + keywords.joined(separator: ", ") + "\n"
        }
        return output
    }

    func markdown(_ document: Document) -> String {
        let texts = texts(document)
        var output = "## Summary\n\n"
        for text in texts { output += "- " + text + "\n" }
        if let keywords = document.summary?.keywords, !keywords.isEmpty {
            output += "\n**Keywords:** " + keywords.joined(separator: ", ") + "\n"
        }
        var facts: [String] = []
        if let language = document.language { facts.append("language: \(language)") }
        if let method = document.summary?.method { facts.append("method: \(method)") }
        facts.append("\(texts.count) of \(document.sentences.count) sentences")
        return output + "\n_" + facts.joined(separator: " · ") + "_\n"
    }
}

extension Renderer {
    /// A summary of several articles, in this renderer's format.
    ///
    /// JSON keys: `documents` (their ids), `method`, `summary`, `sentences` (`document`, `index`, `text`, `start`,
    /// `end`, `score`; offsets into that document's input), `keywords`.
    public func render(_ summary: MultiDocumentSummary, of documents: [Document]) -> String {
        let texts = summary.picked.map {
            Renderer.oneLine(documents[$0.document].string(of: documents[$0.document].sentences[$0.sentence]))
        }
        let keywords = summary.keywords.joined(separator: ", ")
        switch format {
        case .text:
            return texts.joined(separator: " ") + "\n" + (keywords.isEmpty ? "" : "\nKeywords: " + keywords + "\n")
        case .markdown:
            var output = "## Summary of \(documents.count) articles\n\n"
            for (text, pick) in zip(texts, summary.picked) {
                output += "- " + text + " _(\(documents[pick.document].id ?? "article \(pick.document + 1)"))_\n"
            }
            return output + (keywords.isEmpty ? "" : "\n**Keywords:** " + keywords + "\n")
        case .json:
            let sentences: [JSON] = summary.picked.enumerated().map { offset, pick in
                let bounds = documents[pick.document].sentenceBoundsInSource([pick.sentence])[0]
                return .object([
                    ("document", .int(pick.document)), ("index", .int(pick.sentence)), ("text", .string(texts[offset])),
                    ("start", .int(bounds.start)), ("end", .int(bounds.end)), ("score", .double(summary.scores[offset])),
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
}
