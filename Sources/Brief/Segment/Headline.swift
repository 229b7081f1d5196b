/// The headline at the top of a plain text: a first line that stands alone — a blank line after it, short, and body
/// text after that — whatever punctuation ends it (`Who pays for the floods?`, `Le CSA se penche sur … :`); or, in a
/// page flattened line by line, a short first line without sentence punctuation.
///
/// Wire copy and scraped pages put the headline first, on its own line. It says what the story is about, so the
/// summarizer reads it (see `Summarizer`), but it is no sentence of the body: no method may pick it, and it is not
/// counted among the sentences. A line is no headline when it is a kicker of a word or two (`UPDATE`), a dateline
/// (`BEIJING —`), longer than `maximumWords` words (`maximumCharacters` characters in scripts without spaces, a
/// lead paragraph rather than a headline), or the whole text.
enum Headline {
    /// At most this many words (a lead sentence is longer: news leads run 25–40 words).
    static let maximumWords = 20
    /// At most this many characters, in scripts written without spaces (Chinese headlines run 10–30, Thai longer).
    static let maximumCharacters = 90

    /// The headline's line and where the body starts, as UTF-8 offsets into `bytes`; nil when the text opens with
    /// no headline.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, language: Language) -> (line: Range<Int>, body: Int)? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A { start += 1 }
        guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
        var end = newline
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        // A blank line after it, then body text.
        var next = newline + 1
        var blank = false
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D || bytes[next] == 0x0A {
            if bytes[next] == 0x0A { blank = true }
            next += 1
        }
        guard next < bytes.count, end > start else { return nil }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        // Without a blank line after it (a page flattened line by line), only a line without sentence punctuation
        // stands alone: the line before the body of a scraped page, once `clean` has dropped the furniture.
        guard blank || !endsSentence(line), isHeadline(line, language: language) else { return nil }
        return (start..<end, next)
    }

    /// Whether a line ends with sentence punctuation (closing quotes and brackets aside).
    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last(where: { !Punctuation.trailing.contains($0) }) else { return false }
        return Punctuation.sentenceFinal.contains(last)
    }

    /// Whether a standalone first line reads as a headline rather than a kicker, a dateline or a lead.
    static func isHeadline(_ line: String, language: Language) -> Bool {
        if line.hasSuffix("—") || line.hasSuffix("–") || line.hasSuffix(" -") { return false }  // a dateline
        if language.writesWithoutSpaces {
            return (4...maximumCharacters).contains(line.count)
        }
        let words = line.split(whereSeparator: { $0 == " " }).count
        return (3...maximumWords).contains(words)
    }
}
