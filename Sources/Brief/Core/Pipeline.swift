/// A built pipeline: stages in order, run on one document at a time.
///
/// ```
///   bytes ──► Document ──► normalize ──► clean ──► detect ──► segment ──► summarize ──► output
///              source        text'        text''    language   sentences   summary
/// ```
/// Each stage enriches the same `Document`; the original `source` is never changed, and every sentence keeps
/// offsets back into it. A pipeline is immutable and `Sendable`: build it once, run it on many documents, from many
/// threads.
///
/// ```swift
/// let pipeline = try StageRegistry.standard.pipeline(fromFile: "Pipelines/default.yaml")
/// var document = Document(text: article)
/// try pipeline.run(&document)
/// print(pipeline.renderer(.text).render(document))
/// ```
public struct Pipeline: Sendable {
    /// The pipeline's name (from its file).
    public let name: String
    /// The source language, or nil to detect it.
    public let sourceLanguage: Language?
    /// The stages, in the order they run.
    public let stages: [any Stage]
    /// The output format the file asks for, if any.
    public let output: OutputFormat?
    /// A canonical description of the pipeline (stages and options), used to tell whether outputs are current.
    public let fingerprint: String
    /// The output sections of the registry that built it.
    public let sections: [any OutputSection]

    /// A renderer for this pipeline's documents, with the sections of the registry that built it.
    public func renderer(_ format: OutputFormat) -> Renderer { Renderer(format: format, sections: sections) }

    /// Runs every stage on `document`.
    public func run(_ document: inout Document) throws {
        if let sourceLanguage, document.language == nil {
            document.language = sourceLanguage.tag
            document.languageConfidence = 1
        }
        for stage in stages {
            try stage.run(&document)
        }
    }

    /// Runs the pipeline on `document` and returns the enriched copy.
    public func run(_ document: Document) throws -> Document {
        var copy = document
        try run(&copy)
        return copy
    }
}

/// How a document is written out.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}
