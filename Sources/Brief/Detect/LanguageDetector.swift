import CCLD2

/// Language identification: CLD2 (full tables) for the language, ICU for the script, and Brief's rules to choose
/// among the VOA languages CLD2 does not tell apart.
///
/// - Scripts that belong to one language decide it outright when CLD2 has too little text (Hangul → ko, Thai → th…).
/// - Persian vs Dari: CLD2 says Persian for both; words used only in Afghanistan or only in Iran decide
///   (`Dictionaries/detect/variants.txt`).
/// - Kurdish: Arabic script → Sorani (`ckb`), Latin → Kurmanji (`kmr`).
/// - Serbian: Cyrillic → `sr-Cyrl`; in Latin script, Serbian vs Bosnian (and Croatian, which CLD2 often says for
///   Bosnian) by ekavian vs ijekavian marker words.
/// - Chinese: CLD2's simplified/traditional verdict, and Cantonese when its own function words (係 嘅 咗 唔 佢哋…) are
///   frequent.
/// - Languages CLD2 does not have or confuses (Kurmanji, Kirundi next to Kinyarwanda, North Ndebele next to Zulu,
///   Songhai, …): the function words decide. Each supported language's stopword list is a profile; when CLD2 has no
///   verdict, names a language outside Brief's list, or names one of a confusable group, the language whose
///   stopwords cover the most of the text's words wins, if they cover enough of it.
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
    /// Stopwords of every supported language with a space-separated script, by tag.
    private let profiles: [(tag: String, script: String, words: Set<String>)]

    public init(minimumLetters: Int = 20, data: DataDirectory = .default) throws {
        self.minimumLetters = minimumLetters
        var variants: [String: Set<String>] = [:]
        for line in try data.lines("detect/variants.txt") ?? [] {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { continue }
            variants[String(fields[0]), default: []].insert(fields[1].lowercased())
        }
        self.variants = variants
        profiles = try Language.supported.filter { !$0.writesWithoutSpaces }.compactMap { language in
            let stopwords = try Stopwords.load(for: language, data: data)
            guard stopwords.count >= 20 else { return nil }
            return (language.tag, language.script, Set(stopwords.entries.map { $0.lowercased() }))
        }
    }

    /// CLD2 verdicts that may stand for a close language CLD2 lacks.
    static let confusable: Set<String> = ["rw", "zu", "xh", "nr", "ss", "ny", "un", "lg", "ff"]

    /// The supported language whose stopwords cover the largest share of the words, among those of `script`.
    /// A word found in several languages' lists counts for each of them in proportion (1/n), so words that only one
    /// of two close languages uses (Kirundi vs Kinyarwanda) decide.
    func functionWordVote(_ text: String, script: String) -> (tag: String, share: Double, runnerUp: Double)? {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
        guard words.count >= 8 else { return nil }
        let candidates = profiles.filter { $0.script == script }
        var scores = [Double](repeating: 0, count: candidates.count)
        for word in words {
            let holders = candidates.indices.filter { candidates[$0].words.contains(word) }
            for index in holders { scores[index] += 1 / Double(holders.count) }
        }
        let ranked = zip(candidates.map(\.tag), scores.map { $0 / Double(words.count) })
            .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = ranked.first else { return nil }
        return (best.0, best.1, ranked.dropFirst().first?.1 ?? 0)
    }

    /// CLD2 codes that map to a different Brief tag.
    static let cld2Codes: [String: String] = [
        "zh": "zh-Hans", "zh-Hant": "zh-Hant", "iw": "he", "jw": "jv", "tl": "fil", "sr-ME": "sr-Latn",
        "xx-Tibt": "bo", "xx-Ethi": "am",
    ]

    /// How much of a long text is read to tell its language, in characters: the first paragraphs decide, and reading
    /// the whole of an archive article would cost more than every other stage together. CLD2 first reads
    /// `quickSampleCharacters`; only when it is not sure of that does it read the whole sample.
    public static let sampleCharacters = 1000
    public static let quickSampleCharacters = 400

    /// The language, confidence and script of `text` (judged on its opening; see `sampleCharacters`).
    public func detect(_ text: String) -> Detection {
        let sample = Self.sample(of: text)
        var letters = 0
        var codeCounts = [Int](repeating: 0, count: 256)
        let latin = Int(ICU.latinScriptCode)
        for scalar in sample.unicodeScalars {
            if scalar.value < 0x80 {  // ASCII fast path
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A {
                    letters += 1
                    codeCounts[latin] += 1
                }
            } else if ICU.isAlphabetic(scalar) {
                letters += 1
                let code = Int(ICU.scriptNumber(of: scalar))
                if codeCounts.indices.contains(code) { codeCounts[code] += 1 }
            }
        }
        var scriptCounts: [String: Int] = [:]
        for (code, count) in codeCounts.enumerated() where count > 0 {
            scriptCounts[ICU.scriptName(Int32(code)), default: 0] += count
        }
        var script = scriptCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "Zyyy"
        if script == "Hira" || script == "Kana" { script = "Jpan" }
        if script == "Hani" && (scriptCounts["Hira"] ?? 0) + (scriptCounts["Kana"] ?? 0) > 0 { script = "Jpan" }
        guard letters > 0 else {
            return Detection(language: "und", confidence: 0, script: "Zyyy", reason: "the text has no letters")
        }

        let quick = Self.sample(of: text, characters: Self.quickSampleCharacters)
        var result = Self.cld2(quick)
        if quick.endIndex < sample.endIndex && !(result.reliable != 0 && result.percents.0 >= 90) {
            result = Self.cld2(sample)
        }
        let code = result.codes.0.map { String(cString: $0) } ?? "un"
        var tag = Self.cld2Codes[code] ?? code
        var confidence = Double(result.percents.0) / 100 * (result.reliable != 0 ? 1 : 0.6)
        if script == "Latn" && tag == "ku" { tag = "kmr" }

        // Where CLD2 has no verdict or may be standing in for a close language, let the function words decide.
        let isSupported = Language.supported.contains { $0.tag == tag }
        if letters >= minimumLetters, tag == "un" || !isSupported || Self.confusable.contains(code),
           let vote = functionWordVote(text, script: script), vote.share >= 0.06, vote.share >= vote.runnerUp * 1.25 {
            tag = vote.tag
            confidence = min(0.95, 0.5 + vote.share * 2)
        }
        if letters < minimumLetters || tag == "un" {
            if let single = Language.onlyLanguage(writtenIn: script)?.tag {
                return Detection(language: single, confidence: letters < minimumLetters ? 0.5 : 0.8, script: script)
            }
            return Detection(language: "und", confidence: 0, script: script, reason: letters < minimumLetters
                ? "the text is too short to tell its language (\(letters) letters; at least \(minimumLetters) needed)"
                : "the language could not be determined")
        }
        switch tag {
        case "fa": tag = variant(of: text, among: ["prs", "fa"], default: "fa")
        case "ku", "ckb": tag = script == "Arab" ? "ckb" : "kmr"
        case "sr", "sr-Latn", "sr-Cyrl", "bs", "hr":
            // CLD2 mixes Bosnian, Croatian and Serbian; Cyrillic is Serbian, and in Latin script ijekavian forms
            // and Bosnian vocabulary point to Bosnian, ekavian ones to Serbian.
            tag = script == "Cyrl" ? "sr-Cyrl" : variant(of: text, among: ["bs", "sr-Latn"], default: tag == "sr" ? "sr-Latn" : "bs")
        case "zh-Hans", "zh-Hant":
            if cantoneseShare(sample) >= 0.02 { tag = "yue-Hant" }
            script = tag == "zh-Hans" ? "Hans" : "Hant"
        case "uz" where script == "Cyrl": tag = "uz-Cyrl"
        default: break
        }
        if tag == "yue-Hant" { script = "Hant" }
        confidence = min(1, max(confidence, 0))
        return Detection(language: tag, confidence: (confidence * 100).rounded() / 100, script: script)
    }

    /// The first `limit` characters of `text`, ending at a space or line break (the whole text when it is short).
    static func sample(of text: String, characters limit: Int = sampleCharacters) -> Substring {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text[...] }
        var end = utf8.startIndex
        var characters = 0
        while end < utf8.endIndex && characters < limit {
            if utf8[end] & 0xC0 != 0x80 { characters += 1 }
            utf8.formIndex(after: &end)
        }
        guard end < utf8.endIndex else { return text[...] }
        let floor = utf8.index(end, offsetBy: -utf8.distance(from: utf8.startIndex, to: end) / 2)
        while end > floor && utf8[end] != 0x20 && utf8[end] != 0x0A { utf8.formIndex(before: &end) }
        while utf8[end] & 0xC0 == 0x80 { utf8.formIndex(before: &end) }  // not inside a character's bytes
        return text[..<end]
    }

    /// CLD2's verdict on `text`.
    private static func cld2(_ text: Substring) -> brief_cld2_result {
        var result = brief_cld2_result()
        var copy = String(text)
        copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = brief_cld2_detect(chars.baseAddress, Int32(chars.count), &result)
            }
        }
        return result
    }

    /// Which of `candidates` the text's marker words point to (the one with the most, `fallback` on a tie).
    private func variant(of text: String, among candidates: [String], default fallback: String) -> String {
        let words = text.split { $0.isWhitespace || $0.isPunctuation }.map { $0.lowercased() }
        var best = fallback, bestCount = 0
        for candidate in candidates {
            guard let markers = variants[candidate] else { continue }
            let count = words.reduce(0) { $0 + (markers.contains($1) ? 1 : 0) }
            if count > bestCount { best = candidate; bestCount = count }
        }
        return best
    }

    /// The share of characters that are Cantonese-only function words.
    private func cantoneseShare(_ text: Substring) -> Double {
        let markers: Set<Character> = ["係", "嘅", "咗", "唔", "佢", "冇", "喺", "嗰", "啲", "嚟", "咁", "乜", "嘢", "睇", "俾"]
        var count = 0, total = 0
        for character in text where character.isLetter {
            total += 1
            if markers.contains(character) { count += 1 }
        }
        return total == 0 ? 0 : Double(count) / Double(total)
    }
}
