/// What a script (ISO 15924) means for the stages: spaces between words, capitals at sentence starts, direction,
/// and whether sentences end in punctuation. The one table segment, summarize, detect and translate read.
///
/// ```
/// script  spaces  capitals  direction  sentence punctuation
/// Latn    yes     yes       LTR        yes      (also Cyrl, Grek, Armn)
/// Geor    yes     no        LTR        yes      (Georgian has capitals, but sentences do not start with them)
/// Arab    yes     no        RTL        yes      (also Hebr, Thaa, Syrc, Nkoo, Adlm)
/// Khmr    no      no        LTR        yes      (also Mymr, Tibt, Hans, Hant, Jpan)
/// Thai    no      no        LTR        no       (also Laoo: a space ends a sentence)
/// ```
public struct ScriptTraits: Sendable, Hashable {
    /// The ISO 15924 code (`Latn`, `Thai`).
    public let code: String
    /// Whether words are separated by spaces (not in Thai, Lao, Khmer, Burmese, Tibetan, Chinese, Japanese).
    public let writesWordsWithSpaces: Bool
    /// Whether sentences start with a capital letter (Latin, Cyrillic, Greek, Armenian).
    public let startsSentencesWithCapital: Bool
    /// Whether text runs right to left.
    public let isRightToLeft: Bool
    /// Whether sentences end in punctuation (Thai and Lao end them with a space instead).
    public let hasSentencePunctuation: Bool

    /// The traits of the script `code`; a script not in the table is spaced, uncased, left to right, punctuated.
    public init(_ code: String) {
        self.code = code
        writesWordsWithSpaces = !Self.spaceless.contains(code)
        startsSentencesWithCapital = Self.capitalizing.contains(code)
        isRightToLeft = Self.rightToLeft.contains(code)
        hasSentencePunctuation = !Self.unpunctuated.contains(code)
    }

    static let spaceless: Set<String> = ["Thai", "Laoo", "Khmr", "Mymr", "Tibt", "Hans", "Hant", "Jpan"]
    static let capitalizing: Set<String> = ["Latn", "Cyrl", "Grek", "Armn"]
    static let rightToLeft: Set<String> = ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm"]
    static let unpunctuated: Set<String> = ["Thai", "Laoo"]

    /// Whether sentences in the script of `code` start with a capital (for a character's script, from ICU).
    static func startsSentencesWithCapital(_ code: String) -> Bool { capitalizing.contains(code) }

    /// The script of `code` as Brief's language table writes it: ICU names Hangul letters `Hang`, Korean is `Kore`.
    static func canonical(_ code: String) -> String { code == "Hang" ? "Kore" : code }
}
