/// `translate` — a glossary translation draft of the summary (or of the whole article), with a report.
///
/// Every glossary term is rendered the house way (see `Translator` for the draft and `TermMatcher` for how terms
/// are found), everything else is marked, and the report gives the coverage, the entries applied, the unverified
/// and forbidden ones met, the words no glossary knew, and the names kept as written. The glossaries are read and the
/// matcher is built when the pipeline is built — for the pipeline's source language when it is fixed, and for each
/// detected language the first time it is met — so a malformed glossary fails `brief pipeline validate`.
///
/// Options:
/// - `to`: the target language (required), a BCP 47 tag.
/// - `glossaries`: the stack, later ones winning: default `[nationalities, cldr, core, names, places]` (the
///   adjectives first, so that 中国 read into English is China, not Chinese); names in
///   `Dictionaries/glossaries/`, `cldr` for ICU's CLDR country names, or paths to `.tsv`, `.csv` or `.tbx` files.
/// - `scope`: `summary` (default: the picked sentences) or `article` (every sentence).
/// - `unverified`: `mark` (default: applied and marked), `apply` (applied as if verified, still reported) or `skip`
///   (left untranslated, reported).
/// - `names`: `flag` (default: capitalized runs no glossary has are kept and reported as names) or `ignore`.
///
/// ```yaml
/// - use: translate
///   with: { to: fa, glossaries: [cldr, core, names, places], scope: summary }
/// ```
public struct TranslateStage: Stage {
    public static let name = "translate"
    public static let summary = "glossary translation draft (house terms, do-not-translate lists, marked gaps, coverage report)"
    public static let optionKeys = ["to", "glossaries", "scope", "unverified", "names"]
    public static let requires: Set<Facet> = [.language, .sentences]
    public static let assigns: Set<Facet> = [.translation]

    public enum Scope: String, Sendable, CaseIterable { case summary, article }

    /// The default glossary stack.
    public static let standardGlossaries = ["nationalities", "cldr", "core", "names", "places"]

    public let target: Language
    public let scope: Scope
    let glossaries: [String]
    private let unverified: Translator.Unverified
    private let names: Translator.Names
    private let data: DataDirectory
    private let translators = LockedCache<String, Translator>()

    public var needs: Set<Facet> { scope == .summary ? [.language, .sentences, .summary] : Self.requires }

    public init(options: StageOptions, context: StageContext) throws {
        let tag = try options.string("to", default: "")
        guard !tag.isEmpty else { throw options.error("to", "a target language tag (to: fa)") }
        do { target = try Language.resolve(tag) } catch let error as BriefError {
            throw options.error("to", "a known language tag; \(error.message)")
        }
        glossaries = try options.strings("glossaries", default: Self.standardGlossaries)
        scope = try options.choice("scope", default: .summary)
        unverified = try options.choice("unverified", default: .mark)
        names = try options.choice("names", default: .flag)
        data = context.data
        // Read every glossary now, so a bad file fails when the pipeline is built, not in the middle of a batch.
        _ = try translator(from: context.source ?? Language.resolve("en"))
    }

    /// The translator from `source` into the target, built on first use.
    func translator(from source: Language) throws -> Translator {
        try translators.value(for: source.tag) {
            try Translator(from: source, to: target, glossaries: glossaries, unverified: unverified, names: names, data: data)
        }
    }

    public func run(_ document: inout Document) throws {
        guard let tag = document.language, let source = try? Language.resolve(tag) else {
            document.notes.append("no translation draft: the language of the text is undetermined")
            return
        }
        guard source.tag != target.tag else {
            document.notes.append("no translation draft: the text is already in \(target.name)")
            return
        }
        let translator = try translator(from: source)
        let indices = scope == .summary ? document.summary?.picked ?? Array(document.sentences.indices)
            : Array(document.sentences.indices)
        var tally = Translator.Tally()
        // The headline first: a translator renders it too, and its terms count in the report.
        let title = try document.title.map { try translator.draft(Substring(Renderer.oneLine(Substring($0))), index: -1, headline: true, tally: &tally) }
        let sentences = try indices.map { index in
            let sentence = document.sentences[index]
            let text = Renderer.oneLine(document.string(of: sentence))
            // The segment stage's words fit when the one-line text kept every byte in place.
            let words = sentence.words.isEmpty || text.utf8.count != sentence.range.count ? nil
                : sentence.words.map { ($0.lowerBound - sentence.range.lowerBound)..<($0.upperBound - sentence.range.lowerBound) }
            return try translator.draft(Substring(text), index: index, words: words, tally: &tally)
        }
        document.translation = Translation(
            language: target.tag, direction: target.isRightToLeft ? "rtl" : "ltr", scope: scope.rawValue,
            title: title, sentences: sentences, report: tally.report(notes: translator.notes))
    }
}

extension PipelineSpec {
    /// Adds a draft into `target`: sets `to` (and `scope`, when given) of the pipeline's translate stages, or appends
    /// a translate stage when it has none.
    public mutating func translate(to target: String, scope: TranslateStage.Scope? = nil) {
        if !stages.contains(where: { $0.name == TranslateStage.name }) { stages.append(Step(TranslateStage.name)) }
        set("to", target, of: TranslateStage.name)
        if let scope { set("scope", scope.rawValue, of: TranslateStage.name) }
    }
}
