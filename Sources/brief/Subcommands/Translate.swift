import ArgumentParser
import Brief

struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A glossary translation draft of a whole article (brief --to TAG drafts the summary).")

    @Argument(help: "The article file ('-' or nothing for standard input).")
    var file: String?

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if options.to == nil { throw ValidationError("Give the target language with --to TAG.") }
    }

    func run() throws {
        try execute {
            var spec = try options.spec()
            spec.translate(to: options.to!, scope: .article)
            let pipeline = try StageRegistry.standard.pipeline(spec)
            try summarize(file, with: pipeline, format: options.format ?? pipeline.output ?? .text)
        }
    }
}
