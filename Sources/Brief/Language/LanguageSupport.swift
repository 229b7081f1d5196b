/// What each stage has for each supported language, for `brief languages`.
public struct LanguageSupport: Sendable {
    public let language: Language
    /// How sentences are found ("ICU", "ICU + rules", "ICU + space heuristic"…).
    public let segmentation: String
    /// Number of stopwords shipped.
    public let stopwords: Int
    /// Number of abbreviation and exception entries shipped.
    public let abbreviations: Int

    /// One row per supported language.
    public static func table(data: DataDirectory = .default) throws -> [LanguageSupport] {
        try Language.supported.map { language in
            let extra: String = switch language.script {
            case "Thai", "Laoo": "ICU + space heuristic"
            case "Tibt": "ICU + shad ། ༎"
            case "Ethi": "ICU + ፡፡ stand-in"
            case "Mymr": "ICU + ၊၊ stand-in"
            case "Armn": "ICU + ։/: rule"
            default: "ICU"
            }
            let abbreviations = try data.languageLines("abbreviations", for: language)?.count ?? 0
            return LanguageSupport(
                language: language, segmentation: abbreviations > 0 ? extra + " + abbreviations" : extra,
                stopwords: try data.languageLines("stopwords", for: language)?.count ?? 0,
                abbreviations: abbreviations)
        }
    }
}
