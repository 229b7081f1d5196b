import ArgumentParser
import Brief

struct Languages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the supported languages and what each stage can do in each.")

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try execute {
            let rows = try LanguageSupport.table()
            switch format {
            case .json:
                Terminal.write(JSON.array(rows.map { row in
                    .object([
                        ("tag", .string(row.language.tag)), ("name", .string(row.language.name)),
                        ("script", .string(row.language.script)),
                        ("segment", .string(row.segmentation)), ("stopwords", .int(row.stopwords)),
                        ("abbreviations", .int(row.abbreviations)), ("stemmer", .string(row.language.stemmer ?? "")),
                    ])
                }).serialized() + "\n")
            case .text, .markdown:
                var output = "TAG       NAME                     SCRIPT  SEGMENT                    STOPWORDS  ABBREV  STEMMER\n"
                for row in rows {
                    output += pad(row.language.tag, 10) + pad(row.language.name, 25) + pad(row.language.script, 8)
                        + pad(row.segmentation, 27) + pad(String(row.stopwords), 11) + pad(String(row.abbreviations), 8)
                        + (row.language.stemmer ?? (row.language.writesWithoutSpaces ? "character bigrams" : "5-character prefix")) + "\n"
                }
                output += "\nAny other BCP 47 tag ICU knows is processed generically (ICU rules, no language data).\n"
                Terminal.write(output)
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
