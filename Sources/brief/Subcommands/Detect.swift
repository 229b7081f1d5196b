import ArgumentParser
import Brief

struct Detect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the language of a text, with confidence (the default pipeline's stages up to 'detect').")

    @Argument(help: "The text file ('-' or nothing for standard input).")
    var file: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try execute {
            var spec = try PipelineSpec.standard().prefix(through: DetectStage.name)
                ?? PipelineSpec(name: "detect", source: nil, stages: [.init(DetectStage.name)])
            spec.source = nil
            let document = try process(file, with: try StageRegistry.standard.pipeline(spec))
            if format != .json { document.notes.forEach(Terminal.note) }
            Terminal.write(Renderer.detection(format: format).render(document))
        }
    }
}
