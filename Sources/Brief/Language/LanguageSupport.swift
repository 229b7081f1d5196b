/// What each stage has for each supported language, for `brief languages`.
public struct LanguageSupport: Sendable {
    /// The language.
    public let language: Language
    /// How sentences are found: `ICU`, the segmenter's rules about the script, `abbreviations` (`ICU + thaiSpace +
    /// abbreviations`).
    public let segmentation: String
    /// Number of stopwords shipped.
    public let stopwords: Int
    /// Number of abbreviation and exception entries shipped.
    public let abbreviations: Int

    /// One row per supported language.
    public static func table(data: DataDirectory = .default) throws -> [LanguageSupport] {
        try Language.supported.map { language in
            let segmenter = try Segmenter.load(for: language, data: data)
            return LanguageSupport(
                language: language, segmentation: describe(segmenter),
                stopwords: try Stopwords.load(for: language, data: data).count,
                abbreviations: try data.languageLines("abbreviations", for: language)?.count ?? 0)
        }
    }

    /// ICU, then the segmenter's rules that are about the language's script (`tibetanShad`, `thaiSpace`…), then
    /// `abbreviations` when the segmenter has abbreviation entries for the language.
    static func describe(_ segmenter: Segmenter) -> String {
        (["ICU"] + segmenter.scriptRules + (segmenter.rules.isEmpty ? [] : ["abbreviations"])).joined(separator: " + ")
    }
}
