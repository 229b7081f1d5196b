import ArgumentParser
import Brief

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize an article (standard input when no file or '-').")

    @Argument(help: "The article file ('-' or nothing for standard input); several related articles give one summary.")
    var files: [String] = []

    @OptionGroup var options: PipelineOptions

    func run() throws {
        try execute {
            let (pipeline, format) = try options.build()
            guard files.count > 1 else { return try summarize(files.first, with: pipeline, format: format) }
            try summarizeTogether(files, with: pipeline, format: format)
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a declared pipeline on one article.")

    @Argument(help: "The pipeline file (YAML).")
    var pipelineFile: String

    @Argument(help: "The article file ('-' or nothing for standard input).")
    var file: String?

    @OptionGroup var options: PipelineOptions

    func run() throws {
        try execute {
            let (pipeline, format) = try options.build(file: pipelineFile)
            try summarize(file, with: pipeline, format: format)
        }
    }
}

/// Reads one article (standard input for nil or `-`) and runs `pipeline` on it.
func process(_ file: String?, with pipeline: Pipeline, id: String? = nil) throws -> Document {
    let (bytes, name) = try ArticleInput.read(file)
    var document = try ArticleInput.document(from: bytes, name: name, id: id)
    try pipeline.run(&document)
    return document
}

/// Reads one article, runs `pipeline` on it, and prints it in `format`.
func summarize(_ file: String?, with pipeline: Pipeline, format: OutputFormat) throws {
    let document = try process(file, with: pipeline)
    if format != .json { document.notes.forEach(Terminal.note) }
    Terminal.write(pipeline.renderer(format).render(document))
}

/// Summarizes several related articles as one: each runs through `pipeline`, then the pipeline's summarizer picks
/// from all of them at once.
func summarizeTogether(_ files: [String], with pipeline: Pipeline, format: OutputFormat) throws {
    let documents = try files.map { try process($0, with: pipeline, id: $0) }
    let languages = documents.compactMap(\.language).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    if languages.count > 1 {
        Terminal.note("the articles are in different languages (\(languages.joined(separator: ", "))); "
            + "the words of all are read as \(languages[0])")
    }
    Terminal.write(pipeline.renderer(format).render(try pipeline.summarizeTogether(documents), of: documents))
}
