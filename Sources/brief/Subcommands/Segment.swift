import ArgumentParser
import Brief

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one sentence per line (--format json: sentences with offsets into the input).")

    @Argument(help: "The text file ('-' or nothing for standard input).")
    var file: String?

    @Option(name: .long, help: "The language as a BCP 47 tag, or 'auto' to detect it.")
    var lang: String = "auto"

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Name the rule that made each boundary (the 'rule' key of --format json).")
    var explain = false

    func run() throws {
        try execute {
            let source = lang == "auto" ? nil : try Language.resolve(lang)
            let stages: [PipelineSpec.Step] = [.init("normalize")] + (source == nil ? [.init("detect")] : [])
                + [.init("segment", ["words": "false", "headline": "false"].merging(explain ? ["explain": "true"] : [:]) { $1 })]
            let pipeline = try StageRegistry.standard.pipeline(PipelineSpec(name: "segment", source: source, stages: stages))
            let document = try process(file, with: pipeline)
            if format != .json { document.notes.forEach(Terminal.note) }
            Terminal.write(Renderer.sentences(format: format).render(document))
        }
    }
}
