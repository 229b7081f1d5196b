/// `normalize` — repairs and normalizes the text so later stages see one spelling of everything.
///
/// Always: line endings become `\n`; BOMs, control characters, soft hyphens and zero-width spaces are removed
/// (ZWNJ/ZWJ are kept: Persian and Indic spelling needs them); odd spaces (no-break, thin, em…) become a plain space.
/// Invalid UTF-8 was already replaced by U+FFFD when the bytes were read. Every repair is counted in
/// `Document.repairs`, and every offset still maps back to the original text.
///
/// Options (all optional):
/// - `form`: `nfc` (default), `nfkc`, or `nfkcCasefold` — ICU Unicode normalization.
/// - `zawgyi`: `auto` (default: Burmese text that looks like Zawgyi is converted with ICU's `Zawgyi-my`), `always`, `never`.
/// - `arabicLetters`: `true` to unify Arabic-script letter variants for Persian, Dari, Urdu, Sorani and Pashto
///   (Arabic ي/ى → Persian ی, ك → ک; Pashto keeps its own ي). Default `false`.
/// - `script`: `keep` (default), `latin` or `cyrillic` — Serbian and Uzbek script switch with ICU transforms.
///
/// ```yaml
/// - use: normalize
///   with: { form: nfc, arabicLetters: true }
/// ```
public struct NormalizeStage: Stage {
    public static let name = "normalize"
    public static let summary = "ICU normalization (NFC/NFKC/case folding), text repairs, Zawgyi, letter variants, script switch"
    public static let optionKeys = ["form", "zawgyi", "arabicLetters", "script"]
    public static let requires: Set<Facet> = []
    public static let assigns: Set<Facet> = [.text]
    /// The letter-variant and script options act on the document's language, so they need it known.
    public var needs: Set<Facet> { arabicLetters || script != .keep ? [.language] : [] }

    public enum Form: String, Sendable, CaseIterable { case nfc, nfkc, nfkcCasefold }
    public enum Zawgyi: String, Sendable, CaseIterable { case auto, always, never }
    public enum Script: String, Sendable, CaseIterable { case keep, latin, cyrillic }

    public let form: Form
    public let zawgyi: Zawgyi
    public let arabicLetters: Bool
    public let script: Script
    private let normalizer: Normalizer
    private let scriptTransforms: [String: [Transliterator.Source]]

    public init(options: StageOptions, context: StageContext) throws {
        form = try options.choice("form", default: .nfc)
        zawgyi = try options.choice("zawgyi", default: .auto)
        arabicLetters = try options.bool("arabicLetters", default: false)
        script = try options.choice("script", default: .keep)
        normalizer = try Normalizer([.nfc: .nfc, .nfkc: .nfkc, .nfkcCasefold: .nfkcCasefold][form]!)
        scriptTransforms = try Self.scriptTransforms(to: script, data: context.data)
    }

    public func run(_ document: inout Document) throws {
        Self.repair(&document)
        let language = document.language.flatMap { try? Language.resolve($0) }
        if zawgyi != .never, !Self.isASCII(document.text), zawgyi == .always || ZawgyiDetector.looksLikeZawgyi(document.text) {
            let converter = try Transliterator.forThisThread(.icu("Zawgyi-my"))
            try rewriteWords(&document, counting: "zawgyi") { try converter.transliterate($0) }
        }
        if arabicLetters, let language, ["fa", "prs", "ur", "ckb", "ps"].contains(language.tag) {
            let keepsArabicYeh = language.tag == "ps"
            try rewriteWords(&document, counting: "letter-variant") { word in
                String(String.UnicodeScalarView(word.unicodeScalars.map { scalar in
                    switch scalar {
                    case "\u{0643}": "\u{06A9}"
                    case "\u{064A}", "\u{0649}": keepsArabicYeh ? scalar : "\u{06CC}"
                    default: scalar
                    }
                }))
            }
        }
        if script != .keep, let language, let transforms = scriptTransforms[language.tag.hasPrefix("sr") ? "sr" : language.tag] {
            let transliterators = try transforms.map(Transliterator.forThisThread)
            try rewriteWords(&document, counting: "script") { word in
                try transliterators.reduce(String(word)) { try $1.transliterate($0) }
            }
            if language.tag.hasPrefix("sr") { document.language = script == .latin ? "sr-Latn" : "sr-Cyrl" }
        }
        if form != .nfkcCasefold, Self.isASCII(document.text) { return }  // ASCII is NFC and NFKC
        if form == .nfc, Self.isSurelyNFC(document.text) { return }
        let utf16 = Array(document.text.utf16)
        if normalizer.normalizedPrefixLength(utf16) < utf16.count {
            try rewriteWords(&document, counting: form.rawValue) { try normalizer.normalize($0) }
        }
    }

    /// The transforms for the script switch, by language: ICU's own where ICU has the direction, otherwise
    /// rules from `Dictionaries/transforms/`.
    static func scriptTransforms(to script: Script, data: DataDirectory) throws -> [String: [Transliterator.Source]] {
        func rules(_ name: String) throws -> Transliterator.Source {
            guard let lines = try data.lines("transforms/\(name).txt") else {
                throw BriefError(.config, "transform rules transforms/\(name).txt are missing from \(data.url.path)")
            }
            return .rules(id: name, lines.joined(separator: "\n"))
        }
        let sources: [String: [Transliterator.Source]] = switch script {
        case .keep: [:]
        case .latin: ["sr": [.icu("Serbian-Latin/BGN")], "uz": [.icu("uz_Cyrl-uz_Latn")]]
        case .cyrillic: ["sr": [try rules("sr-Latn-sr-Cyrl")], "uz": [.icu("uz_Latn-uz_Cyrl"), try rules("uz-Cyrl-fixes")]]
        }
        for source in sources.values.joined() { _ = try Transliterator(source: source) }  // fail at build time
        return sources
    }

    /// Applies `transform` to every whitespace-delimited run whose spelling it changes, counting changed runs.
    private func rewriteWords(_ document: inout Document, counting kind: String,
                              _ transform: (Substring) throws -> String) throws {
        var changed = 0
        let original = document
        try document.rewrite { editor in
            let old = editor.old
            var start = 0
            for index in 0...old.count {
                guard index == old.count || old[index] == 0x20 || old[index] == 0x0A || old[index] == 0x09 else {
                    continue
                }
                if start < index {
                    let word = original.string(start..<index)
                    let replacement = try transform(word)
                    if !replacement.utf8.elementsEqual(word.utf8) {
                        editor.copy(editor.position..<start)
                        editor.replace(start..<index, with: Array(replacement.utf8))
                        changed += 1
                    }
                }
                start = index + 1
            }
        }
        if changed > 0 { document.repairs[kind, default: 0] += changed }
    }

    /// Whether every character of `text` is one that NFC leaves alone whatever surrounds it, judged on bytes:
    /// below U+0300 (before the combining marks) or in U+2002–U+207F (spaces, quotes and dashes; `repair` has
    /// already replaced U+2000 and U+2001, the two there that NFC changes). Most Latin-script news is, and skips
    /// ICU's check.
    static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0xCC {
                    index += 1
                } else if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81,
                          !(bytes[index + 1] == 0x80 && index + 2 < bytes.count && bytes[index + 2] <= 0x81) {
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
    }

    /// Removes or replaces characters that only get in the way, counting each kind.
    static func repair(_ document: inout Document) {
        var counts: [String: Int] = [:]
        var text = document.text
        guard text.withUTF8(mayNeedRepair) else { return }
        document.rewrite { editor in
            var offset = 0
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                let length = UTF8.width(scalar)
                let range = offset..<(offset + length)
                defer { offset += length }
                let wasCR = previousWasCR
                previousWasCR = scalar == "\r"
                let kind: String
                var replacement: [UInt8] = []
                switch scalar.value {
                case 0x0D:
                    kind = "line-ending"
                    replacement = [0x0A]
                case 0x0A where wasCR:
                    editor.copy(editor.position..<range.lowerBound)
                    editor.delete(range)
                    continue
                case 0x09, 0x0A, 0x20...0x7E: continue
                case 0xFEFF: kind = "bom"
                case 0x00...0x1F, 0x7F...0x9F: kind = "control"
                case 0x00AD: kind = "soft-hyphen"
                case 0x200B, 0x2060, 0x180E: kind = "zero-width"
                case 0x2028, 0x2029:
                    kind = "line-ending"
                    replacement = [0x0A]
                case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F:
                    kind = "space"
                    replacement = [0x20]
                default: continue
                }
                counts[kind, default: 0] += 1
                editor.copy(editor.position..<range.lowerBound)
                if replacement.isEmpty { editor.delete(range) } else { editor.replace(range, with: replacement) }
            }
        }
        for (kind, count) in counts { document.repairs[kind, default: 0] += count }
    }
}

/// Whether the UTF-8 `bytes` contain anything `repair` changes: a control character (other than tab and line feed)
/// or one of the UTF-8 sequences of the characters it removes or replaces. A byte scan, so that text needing no
/// repair (nearly all of it) costs no decoding.
private func mayNeedRepair(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    func at(_ offset: Int) -> UInt8 { index + offset < count ? bytes[index + offset] : 0 }
    while index < count {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x20..<0x7F: break
        case 0x00..<0x20, 0x7F, 0xC2: return true  // C0/C1 controls, DEL, U+0080–U+00BF (no-break space, soft hyphen)
        case 0xE1: if at(1) == 0x9A || at(1) == 0xA0 { return true }  // U+1680, U+180E
        case 0xE2:
            if at(1) == 0x80, (0x80...0x8B).contains(at(2)) || [0xA8, 0xA9, 0xAF].contains(at(2)) { return true }
            if at(1) == 0x81, at(2) == 0x9F || at(2) == 0xA0 { return true }  // U+205F, U+2060
        case 0xEF: if at(1) == 0xBB && at(2) == 0xBF { return true }  // BOM
        default: break
        }
        index += 1
    }
    return false
}

/// Recognizes Burmese text typed in the Zawgyi font encoding rather than Unicode.
///
/// Zawgyi stores the vowel sign E (U+1031) before the consonant it follows in speech, and reuses code points from
/// U+1060–U+1097 (Mon, Shan and Karen letters in Unicode) for stacked and variant forms. Unicode Burmese puts U+1031
/// after a consonant and rarely uses that block. Text is Zawgyi when such signs outnumber Unicode-only sequences.
enum ZawgyiDetector {
    static func looksLikeZawgyi(_ text: String) -> Bool {
        // Myanmar letters are U+1000–U+109F: UTF-8 lead byte 0xE1, second byte 0x80–0x82.
        var text = text
        let hasMyanmar = text.withUTF8 { bytes in
            bytes.indices.dropLast().contains { bytes[$0] == 0xE1 && (0x80...0x82).contains(bytes[$0 + 1]) }
        }
        guard hasMyanmar else { return false }
        var zawgyi = 0, unicode = 0
        var previous: Unicode.Scalar = " "
        var sawMyanmar = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x1000...0x109F).contains(value) { sawMyanmar = true }
            let previousIsConsonant = (0x1000...0x1021).contains(previous.value)
            if value == 0x1031 && !previousIsConsonant && !(0x103B...0x103E).contains(previous.value)
                && previous.value != 0x1039 && previous.value != 0x1031 {
                zawgyi += 1
            } else if value == 0x1031 && previousIsConsonant {
                unicode += 1
            }
            if (0x1060...0x1097).contains(value) { zawgyi += 1 }
            if value == 0x103A && previousIsConsonant { unicode += 1 }  // asat right after a consonant
            if (0x103B...0x103E).contains(value) && previousIsConsonant { unicode += 1 }  // medials after the consonant
            previous = scalar
        }
        return sawMyanmar && zawgyi >= 2 && zawgyi > unicode
    }
}

/// The repairs made to the text, by kind: `repairs` in JSON.
struct RepairsSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        [("repairs", .object(document.repairs.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))]
    }
}
