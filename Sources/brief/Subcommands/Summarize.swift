import ArgumentParser
import Brief

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize an article (standard input when no file or '-').")

    @Argument(help: "The article file ('-' or nothing for standard input).")
    var file: String?

    @OptionGroup var options: PipelineOptions

    func run() throws {
        try execute {
            let (pipeline, format) = try options.build()
            try summarize(file, with: pipeline, format: format)
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

/// Reads one article, runs `pipeline` on it, and prints it in `format`.
func summarize(_ file: String?, with pipeline: Pipeline, format: OutputFormat) throws {
    let (bytes, name) = try ArticleInput.read(file)
    var document = try ArticleInput.document(from: bytes, name: name)
    try pipeline.run(&document)
    if format != .json { document.notes.forEach(Terminal.note) }
    Terminal.write(Renderer(format: format).render(document))
}
