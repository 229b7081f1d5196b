import CCLD2

/// Language identification: CLD2 (full tables) for the language, ICU for the script, and Brief's rules to choose
/// among the VOA languages CLD2 does not tell apart.
///
/// - Scripts that belong to one language decide it outright when CLD2 has too little text (Hangul → ko, Thai → th…).
/// - Persian vs Dari: CLD2 says Persian for both; words used only in Afghanistan or only in Iran decide
///   (`Dictionaries/detect/variants.txt`).
/// - Kurdish: Arabic script → Sorani (`ckb`), Latin → Kurmanji (`kmr`).
/// - Serbian: Cyrillic → `sr-Cyrl`, Latin → `sr-Latn`.
/// - Chinese: CLD2's simplified/traditional verdict, and Cantonese when its own function words (係 嘅 咗 唔 佢哋…) are
///   frequent.
public struct LanguageDetector: Sendable {
    /// The result of detection.
    public struct Detection: Sendable, Equatable {
        /// A BCP 47 tag, or `und` when undetermined.
        public var language: String
        /// 0…1.
        public var confidence: Double
        /// ISO 15924 code of the main script (`Zyyy` when there are no letters).
        public var script: String
        /// Why the language is undetermined, when it is.
        public var reason: String?
    }

    /// Fewer letters than this and only a single-language script can decide.
    public let minimumLetters: Int
    private let variants: [String: Set<String>]

    public init(minimumLetters: Int = 20, data: DataDirectory = .default) throws {
        self.minimumLetters = minimumLetters
        var variants: [String: Set<String>] = [:]
        for line in try data.lines("detect/variants.txt") ?? [] {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { continue }
            variants[String(fields[0]), default: []].insert(String(fields[1]))
        }
        self.variants = variants
    }

    /// Scripts used by one VOA language only.
    static let singleLanguageScripts: [String: String] = [
        "Hang": "ko", "Kore": "ko", "Thai": "th", "Laoo": "lo", "Khmr": "km", "Mymr": "my", "Tibt": "bo",
        "Geor": "ka", "Armn": "hy", "Grek": "el", "Beng": "bn",
    ]

    /// CLD2 codes that map to a different Brief tag.
    static let cld2Codes: [String: String] = [
        "zh": "zh-Hans", "zh-Hant": "zh-Hant", "iw": "he", "jw": "jv", "tl": "fil", "sr-ME": "sr-Latn",
        "xx-Tibt": "bo", "xx-Ethi": "am",
    ]

    public func detect(_ text: String) -> Detection {
        var letters = 0
        var scriptCounts: [String: Int] = [:]
        for scalar in text.unicodeScalars where ICU.isAlphabetic(scalar) {
            letters += 1
            scriptCounts[ICU.scriptCode(of: scalar), default: 0] += 1
        }
        var script = scriptCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "Zyyy"
        if script == "Hira" || script == "Kana" { script = "Jpan" }
        if script == "Hani" && (scriptCounts["Hira"] ?? 0) + (scriptCounts["Kana"] ?? 0) > 0 { script = "Jpan" }
        guard letters > 0 else {
            return Detection(language: "und", confidence: 0, script: "Zyyy", reason: "the text has no letters")
        }

        var result = brief_cld2_result()
        var copy = text
        copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = brief_cld2_detect(chars.baseAddress, Int32(chars.count), &result)
            }
        }
        let code = result.codes.0.map { String(cString: $0) } ?? "un"
        var tag = Self.cld2Codes[code] ?? code
        var confidence = Double(result.percents.0) / 100 * (result.reliable != 0 ? 1 : 0.6)

        if letters < minimumLetters || tag == "un" {
            if let single = Self.singleLanguageScripts[script] {
                return Detection(language: single, confidence: letters < minimumLetters ? 0.5 : 0.8, script: script)
            }
            return Detection(language: "und", confidence: 0, script: script, reason: letters < minimumLetters
                ? "the text is too short to tell its language (\(letters) letters; at least \(minimumLetters) needed)"
                : "the language could not be determined")
        }
        switch tag {
        case "fa": tag = variant(of: text, among: ["prs", "fa"], default: "fa")
        case "ku", "ckb": tag = script == "Arab" ? "ckb" : "kmr"
        case "sr", "sr-Latn", "sr-Cyrl": tag = script == "Cyrl" ? "sr-Cyrl" : "sr-Latn"
        case "zh-Hans", "zh-Hant":
            if cantoneseShare(text) >= 0.02 { tag = "yue-Hant" }
            script = tag == "zh-Hans" ? "Hans" : "Hant"
        case "uz" where script == "Cyrl": tag = "uz-Cyrl"
        default: break
        }
        if tag == "yue-Hant" { script = "Hant" }
        confidence = min(1, max(confidence, 0))
        return Detection(language: tag, confidence: (confidence * 100).rounded() / 100, script: script)
    }

    /// Which of `candidates` the text's marker words point to (the one with the most, `fallback` on a tie).
    private func variant(of text: String, among candidates: [String], default fallback: String) -> String {
        let words = text.split { $0.isWhitespace || $0.isPunctuation }
        var best = fallback, bestCount = 0
        for candidate in candidates {
            guard let markers = variants[candidate] else { continue }
            let count = words.reduce(0) { $0 + (markers.contains(String($1)) ? 1 : 0) }
            if count > bestCount { best = candidate; bestCount = count }
        }
        return best
    }

    /// The share of characters that are Cantonese-only function words.
    private func cantoneseShare(_ text: String) -> Double {
        let markers: Set<Character> = ["係", "嘅", "咗", "唔", "佢", "冇", "喺", "嗰", "啲", "嚟", "咁", "乜", "嘢", "睇", "俾"]
        var count = 0, total = 0
        for character in text where character.isLetter {
            total += 1
            if markers.contains(character) { count += 1 }
        }
        return total == 0 ? 0 : Double(count) / Double(total)
    }
}
