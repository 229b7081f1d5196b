import ArgumentParser
import Brief

/// The options that choose and adjust the pipeline, shared by the commands that process articles.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "A pipeline file to use instead of the default pipeline.")
    var pipeline: String?

    @Option(name: .long, help: "The source language as a BCP 47 tag, or 'auto' to detect it.")
    var lang: String = "auto"

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: OutputFormat?

    @Option(name: .long, help: "Summary length in sentences (default 3).")
    var sentences: Int?

    @Option(name: .long, help: "Summary length as a share of the sentences, 0–1.")
    var ratio: Double?

    @Option(name: .long, help: "Summary length ceiling in words.")
    var words: Int?

    @Option(name: .long, help: "Summary length ceiling in characters.")
    var chars: Int?

    @Option(name: .long, help: "Summarization method: default, lead, textrank, lexrank, centroid.")
    var method: String?

    @Option(name: .long, help: "Add a glossary translation draft into this language (a BCP 47 tag).")
    var to: String?

    @Flag(name: .long, help: "Translate the whole article, not only the summary (with --to).")
    var whole = false

    func validate() throws {
        if whole && to == nil { throw ValidationError("--whole needs --to TAG.") }
        let lengths = [sentences != nil, ratio != nil, words != nil, chars != nil].filter { $0 }.count
        if lengths > 1 { throw ValidationError("Give only one of --sentences, --ratio, --words, --chars.") }
    }

    /// The pipeline description: the file (or the default), with the command line's settings applied.
    func spec(file: String? = nil) throws -> PipelineSpec {
        var spec = try (file ?? pipeline).map(PipelineSpec.init(contentsOf:)) ?? PipelineSpec.standard()
        if lang != "auto" { spec.source = try Language.resolve(lang) }
        if let sentences { spec.setSummaryLength(.sentences(sentences)) }
        if let ratio { spec.setSummaryLength(.ratio(ratio)) }
        if let words { spec.setSummaryLength(.words(words)) }
        if let chars { spec.setSummaryLength(.chars(chars)) }
        if let method { spec.setSummaryMethod(method) }
        if let to { spec.translate(to: to, scope: whole ? .article : nil) }
        return spec
    }

    func build(file: String? = nil) throws -> (Pipeline, OutputFormat) {
        let pipeline = try StageRegistry.standard.pipeline(spec(file: file))
        return (pipeline, format ?? pipeline.output ?? .text)
    }
}
