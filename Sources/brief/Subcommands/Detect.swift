import ArgumentParser
import Brief

struct Detect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the language of a text, with confidence.")

    @Argument(help: "The text file ('-' or nothing for standard input).")
    var file: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try execute {
            let (bytes, name) = try ArticleInput.read(file)
            let document = try ArticleInput.document(from: bytes, name: name)
            let detection = try LanguageDetector().detect(document.source)
            if let reason = detection.reason, format != .json { Terminal.note("language undetermined: \(reason)") }
            switch format {
            case .json:
                Terminal.write(JSON.object([
                    ("language", .string(detection.language)),
                    ("confidence", .double(detection.confidence)),
                    ("script", .string(detection.script)),
                ]).serialized() + "\n")
            case .text, .markdown:
                let name = (try? Language.resolve(detection.language).name) ?? "undetermined"
                Terminal.write("\(detection.language)\t\(name)\t\(detection.confidence)\t\(detection.script)\n")
            }
        }
    }
}
