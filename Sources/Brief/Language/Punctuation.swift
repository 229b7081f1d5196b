/// Sentence and quotation punctuation across the supported scripts: the one table the segmenter and the summarizer
/// read.
enum Punctuation {
    /// Sentence terminators: after one, a break with no space is real (Chinese `。他`).
    static let terminators: Set<Unicode.Scalar> = [
        ".", "!", "?", "。", "！", "？", "…", "।", "॥", "۔", "؟", "።", "፧", "။", "។", "៕", "།", "༎", "։", "՞", "՜",
    ]

    /// Marks a whole sentence may end in, for the summarizer: the terminators, the `၊` that ends the Burmese
    /// stand-in `၊၊`, and the colon and semicolon of a sentence that introduces a quotation or a list.
    static let sentenceFinal: Set<Unicode.Scalar> = terminators.union(["၊", ":", ";"])

    /// Closing quotation marks and brackets that may follow a terminator and belong to the sentence before it
    /// (French `pas ! » a lancé`).
    static let closers: Set<Unicode.Scalar> = ["»", "”", "’", ")", "]", "」", "』", "》", "〉", "›"]

    /// Straight quotation marks, which open and close alike.
    static let straightQuotes: Set<Unicode.Scalar> = ["\"", "'"]

    /// What may end a sentence after its final mark: closers, straight quotes and spaces.
    static let trailing: Set<Unicode.Scalar> = closers.union(straightQuotes).union([" "])

    /// Opening quotation marks and brackets, with the closers that end them: the spans inside which a sentence
    /// break is no sentence end (“ ” „ “ « » ‹ › ‘ ’ ( ) [ ] （ ） 「 」 『 』 《 》 〈 〉 【 】).
    static let pairs: [UInt32: [UInt32]] = [
        0x201C: [0x201D], 0x201E: [0x201C, 0x201D], 0xAB: [0xBB], 0x2039: [0x203A], 0x2018: [0x2019],
        0x28: [0x29], 0x5B: [0x5D], 0xFF08: [0xFF09], 0x300C: [0x300D], 0x300E: [0x300F], 0x300A: [0x300B],
        0x3008: [0x3009], 0x3010: [0x3011],
    ]

    /// The closers of `pairs`.
    static let pairClosers: Set<UInt32> = Set(pairs.values.joined())

    /// What a word may be preceded by in the same token: opening quotes and brackets, and Spanish `¿` `¡`.
    static let tokenOpeners: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "„", "¿", "¡"]

    /// Whether `value` is a quotation mark or bracket: straight quotes, and the openers and closers of `pairs`.
    @inline(__always) static func isQuoteOrBracket(_ value: UInt32) -> Bool {
        value < 0x80 ? asciiQuotesAndBrackets[Int(value)] : quotesAndBrackets.contains(value)
    }

    private static let quotesAndBrackets: Set<UInt32> = Set(pairs.keys).union(pairClosers).union([0x22, 0x27])
    /// `quotesAndBrackets` for ASCII, looked up without hashing (the scan asks for every `.` and quote).
    private static let asciiQuotesAndBrackets: [Bool] = (0..<0x80).map { quotesAndBrackets.contains($0) }
}
