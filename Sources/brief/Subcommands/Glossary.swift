import ArgumentParser
import Brief

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Work with glossaries: look terms up, check, import, export, verify.",
        subcommands: [Lookup.self, Check.self, Import.self, Export.self, Verify.self])

    /// The options that choose a language pair and a glossary stack.
    struct Pair: ParsableArguments {
        @Option(name: .long, help: "The target language (a BCP 47 tag).")
        var to: String

        @Option(name: .long, help: "The source language (default en).")
        var from: String = "en"

        @Option(name: .long, parsing: .upToNextOption,
                help: "The glossary stack, later ones winning (default: nationalities cldr core names places).")
        var glossaries: [String] = TranslateStage.standardGlossaries

        func languages() throws -> (Language, Language) { (try Language.resolve(from), try Language.resolve(to)) }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the entries for a term, in both directions.")

        @Argument(help: "The term, in the source or the target language.")
        var term: String

        @OptionGroup var pair: Pair

        func run() throws {
            try execute {
                let (source, target) = try pair.languages()
                let found = try GlossaryTools.lookup(term, from: source, to: target, glossaries: pair.glossaries)
                guard !found.isEmpty else { throw BriefError(.data, "no entry for '\(term)' in \(pair.glossaries.joined(separator: ", "))") }
                for entry in found {
                    let renderings = entry.targets.map { term in
                        term.text + (term.status == .preferred ? "" : " (\(term.status.rawValue))")
                            + (term.note.map { " — \($0)" } ?? "")
                    }
                    Terminal.write("\(entry.glossary)\t\(entry.source.text)\t→ \(renderings.joined(separator: "; "))\n")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check glossary files: malformed rows (exit 78), duplicates and conflicts (exit 1).")

        @Argument(help: "Glossary files (.tsv, .csv, .tbx).")
        var files: [String]

        func run() throws {
            try execute {
                var problems = 0
                for file in files {
                    let glossary = try GlossaryTools.read(file)
                    let found = GlossaryTools.check(glossary)
                    found.forEach(Terminal.error)
                    problems += found.count
                    if found.isEmpty {
                        Terminal.write("\(file): ok — \(glossary.concepts.count) concepts, "
                            + glossary.languages.joined(separator: ", ") + "\n")
                    }
                }
                if problems > 0 { throw ExitCode(1) }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a TBX, CSV or TSV glossary into Brief's TSV for one language pair.")

        @Argument(help: "The glossary file to import.")
        var file: String

        @Option(name: .long, help: "The source language (default en).")
        var from: String = "en"

        @Option(name: .long, help: "The target language.")
        var to: String

        @Option(name: .long, help: "Where to write the TSV (default: standard output).")
        var out: String?

        func run() throws {
            try execute {
                let (source, target) = (try Language.resolve(from), try Language.resolve(to))
                let tsv = try GlossaryTools.read(file, languages: (source, target)).tsv(from: source.tag, to: target.tag)
                if let out { try GlossaryTools.write(tsv, to: out) } else { Terminal.write(tsv) }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the glossary stack for a pair as TSV, CSV or TBX.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, csv, tbx }

        @Option(name: .long, help: "tsv (DeepL, OmegaT), csv (Google's equivalent term set) or tbx (TBX-Basic v3).")
        var format: Format = .tsv

        @OptionGroup var pair: Pair

        @Option(name: .long, help: "Where to write it (default: standard output).")
        var out: String?

        func run() throws {
            try execute {
                let (source, target) = try pair.languages()
                let glossary = try GlossaryTools.stacked(pair.glossaries, from: source, to: target)
                let text: String = switch format {
                case .tsv: glossary.tsv(from: source.tag, to: target.tag)
                case .csv: glossary.termSet(languages: [source.tag, target.tag], separator: ",")
                case .tbx: glossary.tbx()
                }
                if let out { try GlossaryTools.write(text, to: out) } else { Terminal.write(text) }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a human translation against the house glossary: missing house terms, forbidden renderings.",
            discussion: "Compares sentence by sentence when both texts have as many sentences, else the whole texts. Exits 1 when anything is found.")

        @Argument(help: "The source text.")
        var source: String

        @Argument(help: "The translation.")
        var translation: String

        @OptionGroup var pair: Pair

        func run() throws {
            try execute {
                let (from, to) = try pair.languages()
                var translate = StageOptions(stage: TranslateStage.name)
                translate.set("to", to.tag)
                translate.set("glossaries", list: pair.glossaries)
                let stage = try TranslateStage(options: translate, context: StageContext(source: from))
                let sourceDocument = try segmented(source, language: from)
                let translated = try segmented(translation, language: to)
                let findings = try GlossaryTools.verify(source: sourceDocument, translation: translated, with: stage)
                for finding in findings {
                    let at = finding.pair.map { "sentence \($0): " } ?? ""
                    let expected = finding.expected.joined(separator: " / ")
                    Terminal.write(finding.kind == .missing
                        ? "\(at)missing: '\(finding.term)' should be rendered '\(expected)'\n"
                        : "\(at)forbidden: '\(finding.term)' is not house style; use '\(expected)'\n")
                }
                Terminal.write("\(findings.filter { $0.kind == .missing }.count) missing, "
                    + "\(findings.filter { $0.kind == .forbidden }.count) forbidden\n")
                if !findings.isEmpty { throw ExitCode(1) }
            }
        }

        private func segmented(_ file: String, language: Language) throws -> Document {
            let spec = PipelineSpec(name: "verify", source: language, stages: [.init("normalize"), .init("segment")])
            return try process(file, with: try StageRegistry.standard.pipeline(spec))
        }
    }
}
