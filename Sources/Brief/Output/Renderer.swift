/// Writes a processed document as text, Markdown or JSON, composed of the sections the stages own. The library
/// returns strings; the CLI prints them.
///
/// JSON keys (stable, in this order with the standard sections): `id` (when known), `language`,
/// `languageConfidence`, `script`, `method`, `summary` (the picked sentences joined), `sentences` (picked: `index`,
/// `text`, `start`, `end`, `score`; offsets in Unicode scalars of the input as given), `keywords`, `sentenceCount`,
/// `removed` (`line`, `rule`, `text`), `repairs`, `translation` (when a translate stage ran), `notes`.
public struct Renderer: Sendable {
    public var format: OutputFormat
    /// The sections, in output order.
    public var sections: [any OutputSection]

    /// A renderer with the sections of `registry` (the standard stages' by default).
    public init(format: OutputFormat, sections: [any OutputSection] = StageRegistry.standard.sections) {
        self.format = format
        self.sections = sections
    }

    /// The document rendered, ending with a newline.
    public func render(_ document: Document) -> String {
        switch format {
        case .text: return sections.map { $0.text(document) }.joined()
        case .markdown: return sections.map { $0.markdown(document) }.joined()
        case .json: return json(document).serialized() + "\n"
        }
    }

    /// The document as a JSON object with the sections' keys.
    public func json(_ document: Document) -> JSON {
        .object(sections.flatMap { $0.json(document) })
    }

    /// The document as a JSON object with the standard sections' keys.
    public static func json(_ document: Document) -> JSON { Renderer(format: .json).json(document) }

    /// The sections for one sentence a line with offsets (`brief segment`).
    public static func sentences(format: OutputFormat) -> Renderer {
        Renderer(format: format, sections: [SentenceListSection()])
    }

    /// The sections for the detected language (`brief detect`).
    public static func detection(format: OutputFormat) -> Renderer {
        Renderer(format: format, sections: [DetectionSection()])
    }

    /// A sentence on one line: inner line breaks become spaces.
    static func oneLine(_ text: Substring) -> String {
        text.utf8.contains(0x0A) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : String(text)
    }
}
