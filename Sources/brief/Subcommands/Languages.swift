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
            let glossaries = try rows.map { try GlossaryTools.counts(for: $0.language) }
            switch format {
            case .json:
                Terminal.write(JSON.array(zip(rows, glossaries).map { row, counts in
                    .object([
                        ("tag", .string(row.language.tag)), ("name", .string(row.language.name)),
                        ("script", .string(row.language.script)),
                        ("segment", .string(row.segmentation)), ("stopwords", .int(row.stopwords)),
                        ("abbreviations", .int(row.abbreviations)), ("stemmer", .string(row.language.stemmer ?? "")),
                        ("glossaries", .object(counts.map { count in
                            (count.glossary, .object([("concepts", .int(count.concepts)), ("unverified", .int(count.unverified))]))
                        })),
                    ])
                }).serialized() + "\n")
            case .text, .markdown:
                var output = "TAG       NAME                     SCRIPT  SEGMENT                    STOPWORDS  ABBREV  STEMMER            GLOSSARIES (concepts, unverified)\n"
                for (row, counts) in zip(rows, glossaries) {
                    output += pad(row.language.tag, 10) + pad(row.language.name, 25) + pad(row.language.script, 8)
                        + pad(row.segmentation, 27) + pad(String(row.stopwords), 11) + pad(String(row.abbreviations), 8)
                        + pad(row.language.stemmer ?? (row.language.writesWithoutSpaces ? "character bigrams" : "5-character prefix"), 19)
                        + counts.map { "\($0.glossary) \($0.concepts)" + ($0.unverified > 0 ? " (\($0.unverified)?)" : "") }
                            .joined(separator: ", ") + "\n"
                }
                output += "\nGlossaries translate from and into English (and between two languages through it); countries come from CLDR"
                    + " for every language ICU has.\nAny other BCP 47 tag ICU knows is processed generically (ICU rules, no language data).\n"
                Terminal.write(output)
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
