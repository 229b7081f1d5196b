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

    func run() throws {
        try execute {
            var stages = "  - use: normalize\n"
            if lang == "auto" { stages += "  - use: detect\n" }
            stages += "  - use: segment\n    with: { words: false }\n"
            var spec = try PipelineSpec(yaml: "version: 1\nname: segment\nstages:\n" + stages, file: "<segment>")
            if lang != "auto" { spec.source = try Language.resolve(lang) }
            let pipeline = try StageRegistry.standard.pipeline(spec)
            let (bytes, name) = try ArticleInput.read(file)
            var document = try ArticleInput.document(from: bytes, name: name)
            try pipeline.run(&document)
            let bounds = document.sourceScalarOffsets(document.sentences.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
            let scalars = Array(document.source.unicodeScalars)
            let texts = document.sentences.indices.map { index in
                String(String.UnicodeScalarView(scalars[bounds[index * 2]..<bounds[index * 2 + 1]]))
            }
            switch format {
            case .json:
                let json = JSON.object([
                    ("language", .string(document.language ?? "und")),
                    ("sentences", .array(texts.indices.map { index in
                        .object([
                            ("text", .string(texts[index])),
                            ("start", .int(bounds[index * 2])),
                            ("end", .int(bounds[index * 2 + 1])),
                        ])
                    })),
                ])
                Terminal.write(json.serialized() + "\n")
            case .text, .markdown:
                document.notes.forEach(Terminal.note)
                Terminal.write(texts.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }.joined())
            }
        }
    }
}
