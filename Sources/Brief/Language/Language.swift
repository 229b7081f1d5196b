import Foundation

/// A language Brief processes: its BCP 47 tag, how ICU knows it, and what each stage has for it.
public struct Language: Sendable, Hashable {
    /// The BCP 47 tag Brief uses (`prs`, `sr-Latn`, `zh-Hans`).
    public let tag: String
    /// The English name.
    public let name: String
    /// The ICU locale ID used for break iteration and CLDR names (`fa_AF` for Dari).
    public let icuLocale: String
    /// The main script, ISO 15924.
    public let script: String
    /// The Snowball stemmer for the language, when Snowball has one.
    public let stemmer: String?
    /// Whether this is one of the VOA service languages (fully supported) or handled generically.
    public let isService: Bool
    /// What the script means for the stages: spaces, capitals, direction, sentence punctuation.
    public let traits: ScriptTraits

    /// Whether words are written without spaces between them (Thai, Lao, Khmer, Burmese, Tibetan, Chinese, Japanese).
    public var writesWithoutSpaces: Bool { !traits.writesWordsWithSpaces }

    /// Whether a lowercase prefix is written solid with a capitalized name (Ndebele `waseLupane`, Shona `kuHarare`).
    public var prefixesNames: Bool { ["nd", "sn", "zu", "xh"].contains(tag) }

    /// Whether ordinal numbers are written with a period (`3. Oktober`, `XII. pluk`).
    public var writesOrdinalsWithPeriod: Bool { Self.ordinalPeriodTags.contains(tag) }

    /// Languages whose ordinal numbers are written with a period.
    static let ordinalPeriodTags: Set<String> = [
        "de", "da", "nb", "no", "fi", "is", "et", "lv", "cs", "sk", "sl", "hr", "bs", "sr", "sr-Latn", "sr-Cyrl",
        "mk", "pl", "hu", "tr", "az", "uz", "kk",
    ]

    /// Whether text runs right to left.
    public var isRightToLeft: Bool { traits.isRightToLeft }

    init(_ tag: String, _ name: String, icu: String? = nil, script: String, stemmer: String? = nil, service: Bool = true) {
        self.tag = tag
        self.name = name
        self.icuLocale = icu ?? tag.replacingOccurrences(of: "-", with: "_")
        self.script = script
        self.stemmer = stemmer
        self.isService = service
        traits = ScriptTraits(script)
    }
}

extension Language {
    /// English, the usual source language, and the VOA service languages, in PRODUCT.md's order.
    public static let supported: [Language] = [
        Language("en", "English", script: "Latn", stemmer: "english"),
        Language("om", "Afaan Oromoo", script: "Latn"),
        Language("sq", "Albanian", script: "Latn"),
        Language("am", "Amharic", script: "Ethi"),
        Language("hy", "Armenian", script: "Armn", stemmer: "armenian"),
        Language("az", "Azerbaijani", icu: "az_Latn", script: "Latn"),
        Language("bm", "Bambara", script: "Latn"),
        Language("bn", "Bangla", script: "Beng"),
        Language("bs", "Bosnian", icu: "bs_Latn", script: "Latn", stemmer: "serbian"),
        Language("my", "Burmese", script: "Mymr"),
        Language("yue-Hant", "Cantonese", script: "Hant"),
        Language("prs", "Dari", icu: "fa_AF", script: "Arab"),
        Language("fr", "French", script: "Latn", stemmer: "french"),
        Language("ka", "Georgian", script: "Geor"),
        Language("el", "Greek", script: "Grek", stemmer: "greek"),
        Language("ht", "Haitian Creole", script: "Latn"),
        Language("ha", "Hausa", script: "Latn"),
        Language("id", "Indonesian", script: "Latn", stemmer: "indonesian"),
        Language("km", "Khmer", script: "Khmr"),
        Language("rw", "Kinyarwanda", script: "Latn"),
        Language("rn", "Kirundi", script: "Latn"),
        Language("ko", "Korean", script: "Kore"),
        Language("kmr", "Kurdish (Kurmanji)", icu: "ku", script: "Latn"),
        Language("ckb", "Kurdish (Sorani)", script: "Arab"),
        Language("lo", "Lao", script: "Laoo"),
        Language("ln", "Lingala", script: "Latn"),
        Language("mk", "Macedonian", script: "Cyrl"),
        Language("zh-Hans", "Mandarin (Simplified)", script: "Hans"),
        Language("zh-Hant", "Mandarin (Traditional)", script: "Hant"),
        Language("nd", "North Ndebele", script: "Latn"),
        Language("ps", "Pashto", script: "Arab"),
        Language("fa", "Persian", script: "Arab"),
        Language("pt", "Portuguese", script: "Latn", stemmer: "portuguese"),
        Language("ru", "Russian", script: "Cyrl", stemmer: "russian"),
        Language("sg", "Sango", script: "Latn"),
        Language("sr-Latn", "Serbian (Latin)", script: "Latn", stemmer: "serbian"),
        Language("sr-Cyrl", "Serbian (Cyrillic)", script: "Cyrl", stemmer: "serbian"),
        Language("sn", "Shona", script: "Latn"),
        Language("so", "Somali", script: "Latn"),
        Language("khq", "Songhai", script: "Latn"),
        Language("es", "Spanish", script: "Latn", stemmer: "spanish"),
        Language("sw", "Swahili", script: "Latn"),
        Language("th", "Thai", script: "Thai"),
        Language("bo", "Tibetan", script: "Tibt"),
        Language("ti", "Tigrinya", script: "Ethi"),
        Language("tr", "Turkish", script: "Latn", stemmer: "turkish"),
        Language("uk", "Ukrainian", script: "Cyrl"),
        Language("ur", "Urdu", script: "Arab"),
        Language("uz", "Uzbek", icu: "uz_Latn", script: "Latn"),
        Language("vi", "Vietnamese", script: "Latn"),
        Language("wo", "Wolof", script: "Latn"),
    ]

    /// Other names accepted for the supported tags (`sr` → `sr-Latn`, `zh` → `zh-Hans`, `fa-AF` → `prs`).
    static let aliases: [String: String] = [
        "sr": "sr-Latn", "zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "yue-Hant",
        "yue": "yue-Hant", "fa-AF": "prs", "ku": "kmr", "ku-Latn": "kmr", "ku-Arab": "ckb", "uz-Latn": "uz",
        "az-Latn": "az", "bs-Latn": "bs", "pbt": "ps", "pbu": "ps",
    ]

    private static let exactTags: [String: Language] = Dictionary(uniqueKeysWithValues: supported.map { ($0.tag, $0) })

    private static let byTag: [String: Language] = Dictionary(
        uniqueKeysWithValues: supported.map { ($0.tag.lowercased(), $0) })

    /// The language for a BCP 47 tag: a supported language, or any other well-formed tag ICU knows, processed
    /// generically. Throws a usage error listing the supported languages for a malformed or unknown tag.
    public static func resolve(_ tag: String) throws -> Language {
        if let language = exactTags[tag] { return language }
        let trimmed = tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        let canonical = aliases.first { $0.key.lowercased() == trimmed.lowercased() }?.value ?? trimmed
        if let language = byTag[canonical.lowercased()] { return language }
        let (localeID, complete) = ICU.localeID(forLanguageTag: trimmed)
        let code = ICU.languageCode(of: localeID)
        guard complete, !code.isEmpty, ICU.isoLanguages.contains(code) else {
            throw BriefError(.usage, "unknown language '\(tag)'; supported: \(supportedList)")
        }
        let name = ICU.displayName(of: localeID)
        return Language(trimmed, name, icu: localeID, script: ICU.likelyScript(of: localeID), service: false)
    }

    /// The undetermined language: ICU's root rules, no language data.
    public static let undetermined = Language("und", "Undetermined", icu: "", script: "Zyyy", service: false)

    /// The one supported language written in `script` (Thai → `th`, Hangul → `ko`), when only one is.
    public static func onlyLanguage(writtenIn script: String) -> Language? {
        singleScriptLanguages[ScriptTraits.canonical(script)]
    }

    private static let singleScriptLanguages: [String: Language] = Dictionary(grouping: supported, by: \.script)
        .compactMapValues { $0.count == 1 ? $0[0] : nil }

    /// The supported languages, then every other language with a file in `folder` of `data` (`abbreviations/de.txt`).
    static func withData(in folder: String, data: DataDirectory) -> [Language] {
        var tags = Set(supported.map(\.tag))
        return supported + data.languageTags(in: folder).compactMap { try? resolve($0) }.filter { tags.insert($0.tag).inserted }
    }

    /// The supported tags, comma-separated, for messages.
    public static var supportedList: String { supported.map(\.tag).joined(separator: ", ") }
}
