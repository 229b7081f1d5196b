/// One part of a rendered document that a stage owns: its JSON members and its lines of text and Markdown.
///
/// A `Renderer` is a list of sections, rendered in order, so a new stage shows its results by adding a section to
/// the registry (`StageRegistry.sections`) instead of editing the renderer. A section that has nothing to show
/// returns no members and empty strings.
public protocol OutputSection: Sendable {
    /// The JSON members the section adds to the document's object, in order.
    func json(_ document: Document) -> [(String, JSON)]
    /// The section in plain text (empty when there is nothing to show).
    func text(_ document: Document) -> String
    /// The section in Markdown (empty when there is nothing to show).
    func markdown(_ document: Document) -> String
}

extension OutputSection {
    public func text(_ document: Document) -> String { "" }
    public func markdown(_ document: Document) -> String { "" }
}

/// The document's identity, headline and language, first in every JSON object: `id`, `title` (each when known),
/// `language`, `languageConfidence`, `script`; the headline as the Markdown title.
struct DocumentHeaderSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        var members: [(String, JSON)] = []
        if let id = document.id { members.append(("id", .string(id))) }
        if let title = document.title { members.append(("title", .string(title))) }
        members.append(("language", .string(document.language ?? "und")))
        members.append(("languageConfidence", .double(document.languageConfidence ?? 0)))
        if let script = document.script { members.append(("script", .string(script))) }
        return members
    }

    func markdown(_ document: Document) -> String {
        document.title.map { "# \($0)\n\n" } ?? ""
    }
}

/// The notes for the reader, last: `notes` in JSON, quoted lines in Markdown (text output sends them to stderr).
struct NotesSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        [("notes", .array(document.notes.map(JSON.string)))]
    }

    func markdown(_ document: Document) -> String {
        document.notes.map { "\n> Note: \($0)\n" }.joined()
    }
}

/// Every sentence of the document with offsets into the input as given (`brief segment`): `language` and
/// `sentences` (`text`, `start`, `end`, and `rule` when the segmenter explained its boundaries); one sentence a line
/// in text.
public struct SentenceListSection: OutputSection {
    public init() {}

    public func json(_ document: Document) -> [(String, JSON)] {
        let bounds = document.sentenceBoundsInSource()
        return [
            ("language", .string(document.language ?? "und")),
            ("sentences", .array(document.sentences.indices.map { index in
                var members: [(String, JSON)] = [
                    ("text", .string(bounds[index].text)),
                    ("start", .int(bounds[index].start)),
                    ("end", .int(bounds[index].end)),
                ]
                if let rule = document.sentences[index].rule { members.append(("rule", .string(rule))) }
                return .object(members)
            })),
        ]
    }

    public func text(_ document: Document) -> String {
        document.sentenceBoundsInSource().map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }.joined()
    }

    public func markdown(_ document: Document) -> String { text(document) }
}

extension Document {
    /// Each sentence as offsets into the input as given (Unicode scalars) and the slice of the input between them.
    public func sentenceBoundsInSource(_ indices: [Int]? = nil) -> [(start: Int, end: Int, text: String)] {
        let indices = indices ?? Array(sentences.indices)
        let offsets = sourceScalarOffsets(indices.flatMap { [sentences[$0].range.lowerBound, sentences[$0].range.upperBound] })
        let scalars = Array(source.unicodeScalars)
        return indices.indices.map { position in
            let start = offsets[position * 2], end = offsets[position * 2 + 1]
            return (start, end, String(String.UnicodeScalarView(scalars[start..<end])))
        }
    }
}

/// The language of the document and how sure detection was (`brief detect`): `language`, `confidence`, `script`;
/// in text a tab-separated line of tag, English name, confidence and script.
public struct DetectionSection: OutputSection {
    public init() {}

    public func json(_ document: Document) -> [(String, JSON)] {
        [
            ("language", .string(document.language ?? "und")),
            ("confidence", .double(document.language == nil ? 0 : document.languageConfidence ?? 0)),
            ("script", .string(document.script ?? "Zyyy")),
        ]
    }

    public func text(_ document: Document) -> String {
        let tag = document.language ?? "und"
        let name = document.language.flatMap { try? Language.resolve($0).name } ?? "undetermined"
        let confidence = document.language == nil ? 0 : document.languageConfidence ?? 0
        return "\(tag)\t\(name)\t\(confidence)\t\(document.script ?? "Zyyy")\n"
    }

    public func markdown(_ document: Document) -> String { text(document) }
}
