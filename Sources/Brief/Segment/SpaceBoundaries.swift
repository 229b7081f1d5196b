/// Sentence boundaries at spaces, for Thai and Lao, which have no sentence punctuation.
///
/// Thai and Lao writers put a space between sentences, but also between clauses, list items, a name and a surname,
/// a number and its unit, and around quotations and parentheses. A space is a sentence boundary only when nothing
/// says the sentence goes on. The text is cut at spaces into *chunks*; for the space between chunk L and chunk R:
///
/// 0. **The headline** — a short first line (at most `headlineWords` words), when more lines follow, is the
///    headline: one unit, even with two clauses (`ฝนตกหนักทำน้ำท่วมภาคเหนือ ประชาชนกว่า 5,000 ครัวเรือนเดือดร้อน`).
/// 1. **Enclosed** — inside quotation marks or parentheses no space is a boundary: quoted speech and glosses stay
///    whole (`กล่าวว่า "… และ …"`).
/// 2. **R cannot start a sentence** — a sentence starts with a letter or an opening quote, not with a number
///    (news style avoids it), the repetition mark ๆ/ໆ, the abbreviation mark ฯ/ຯ (`ฯลฯ`), a dash or a bracket.
/// 3. **R continues** — R begins with a `continuation` word: a conjunction or relative (ซึ่ง, และ, แต่), a
///    preposition (ใน, จาก, ตั้งแต่, ตลอด), a demonstrative (นี้), an auxiliary (จะ, ได้, ถูก, ຢູ່) or a verb that needs
///    the subject before it (กล่าว "said", เพิ่มขึ้น "rose"). Words are matched on ICU's dictionary word boundaries,
///    so ที่ matches ที่สนาม ("at the stadium") but not ที่ประชุม ("the meeting").
/// 4. **L is open** — L ends with a `clause` word that needs a complement: ว่า ("that"), ได้แก่ ("namely"), ตามที่,
///    a conjunction or a preposition standing alone (Lao `ແລະ`, `ແຫ່ງ`). An entry written `-ว่า` also matches inside
///    a dictionary word (ICU keeps ບອກວ່າ "said that" whole); or L is an abbreviation (`title`/`abbr`:
///    กกต., ก.ย., ສປປ), which `Segmenter` also joins.
/// 5. **A person's name** — a personal `title` (นาย, ดร., ທ່ານ) opens a name phrase: given name, surname and the
///    position that follows (`นายจอห์น สมิธ ผู้แทนการค้าสหรัฐฯ เดินทาง…`). The spaces inside it are not boundaries;
///    the phrase is the subject, and its predicate follows.
/// 6. **A quantity** — after a number, a `unit` (classifier, unit, month: ราย, บาท, ก.ย., ມີນາ) belongs to it.
/// 7. **A list** — after a `list` word (ได้แก่, เช่น), the spaces between short items (a few words each) are
///    separators, until ฯลฯ or a longer chunk ends the list.
/// 8. **A closing quote or a `final` word** (ฯลฯ, เป็นต้น) before anything that passes rules 1–3 is a boundary.
/// 9. **Long enough** — otherwise the space is a boundary only when the sentence so far has at least
///    `minimumWords` dictionary words (a time phrase like หลังจบเกม, or a subject like `ผู้ชมกว่า 10.000 ຄົນ`, is
///    not a sentence) and the rest of the paragraph at least `minimumRestWords` (a headline's last words stay).
///
/// All word lists are data, in `Dictionaries/abbreviations/th.txt` and `lo.txt`.
///
/// Known limits: a fronted adverbial (ອີງຕາມ… "according to …") is split from its main clause; a list with no
/// introducer (`อาหาร น้ำดื่ม และยา`) and a clause that opens with a verb not in the lists (`… 5 ฉบับ ครอบคลุม…`)
/// may be split; a quotation followed by its speaker (`"…" นายสมชาย กล่าว`) is split after the quote.
struct SpaceBoundaries {
    let rules: SentenceRules
    /// Dictionary words the sentence so far needs before a space can end it.
    let minimumWords = 6
    /// Dictionary words the rest of the paragraph needs to stand as a sentence of its own.
    let minimumRestWords = 4
    /// The most dictionary words a first line may have to count as a headline.
    let headlineWords = 20
    /// The longest chunk, in dictionary words, that still counts as a list item.
    let listItemWords = 3
    /// The spaces a name phrase covers after a title written apart (ທ່ານ ບຸນມີ ພົມມະຈັນ ຫົວໜ້າ… ແລະ), or joined to the
    /// given name (นายจอห์น สมิธ ผู้แทน… เดินทาง).
    let nameSpacesApart = 4, nameSpacesJoined = 3

    /// Offsets where a new sentence starts.
    func boundaries(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let locale = Self.locale(of: bytes) else { return [] }
        let words = WordIndex(bytes, locale: locale)
        var result: [Int] = []
        var lineStart = 0
        var seenText = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let hasText = bytes[lineStart..<lineEnd].contains { !Self.isSpace($0) }
            // Rule 0: a short first line, when more text follows, is the headline, which is never split at spaces.
            let isHeadline = hasText && !seenText && lineEnd < bytes.count
                && words.count(lineStart..<lineEnd) <= headlineWords
            if hasText && !isHeadline { result += boundaries(in: bytes, line: lineStart..<lineEnd, words: words) }
            seenText = seenText || hasText
            lineStart = lineEnd + 1
        }
        return result
    }

    /// The state of a line read so far.
    private struct State {
        var sentenceStart: Int
        var quotes = 0, brackets = 0
        var nameSpaces = 0
        var inList = false
    }

    private func boundaries(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, words: WordIndex) -> [Int] {
        let chunks = Self.chunks(bytes, line)
        guard chunks.count > 1 else { return [] }
        var result: [Int] = []
        var state = State(sentenceStart: chunks[0].lowerBound)
        for (index, left) in chunks.enumerated() {
            let endsSentence = Self.track(bytes, left, &state)
            if endsSentence { state.sentenceStart = index + 1 < chunks.count ? chunks[index + 1].lowerBound : line.upperBound }
            guard index + 1 < chunks.count else { break }
            let right = chunks[index + 1]
            let leftText = Self.text(bytes, left), rightText = Self.text(bytes, right)
            // Rule 5: a title opens a name phrase.
            if let title = rules.titles.first(where: { words.hasPrefix(leftText, $0, at: left.lowerBound) }) {
                state.nameSpaces = title.utf8.count == leftText.utf8.count ? nameSpacesApart : nameSpacesJoined
            }
            // Rule 7: a list word opens an enumeration; ฯลฯ or a long chunk closes it.
            let isFinal = rules.finals.contains { leftText.utf8.reversed().starts(with: $0.utf8.reversed()) }
            if rules.listWords.contains(where: { words.hasSuffix(leftText, $0, endingAt: left.upperBound) }) {
                state.inList = true
            } else if isFinal || words.count(left) > listItemWords {
                state.inList = false
            }
            if isBoundary(bytes, left: left, leftText, right: right, rightText, line: line, words: words,
                          isFinal: isFinal, state: &state) {
                result.append(right.lowerBound)
                state.sentenceStart = right.lowerBound
                state.inList = false
                state.nameSpaces = 0
            }
        }
        return result
    }

    private func isBoundary(
        _ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, _ leftText: Substring, right: Range<Int>,
        _ rightText: Substring, line: Range<Int>, words: WordIndex, isFinal: Bool, state: inout State
    ) -> Bool {
        let inName = state.nameSpaces > 0
        if inName { state.nameSpaces -= 1 }
        // Rule 1: enclosed.
        if state.quotes > 0 || state.brackets > 0 { return false }
        // Rule 2: what may start a sentence.
        guard let first = rightText.unicodeScalars.first, let last = leftText.unicodeScalars.last,
              Self.canStartSentence(first) else { return false }
        if Self.joiningPunctuation.contains(last) { return false }
        // Rule 3: R continues.
        if rules.continuations.contains(where: { words.hasPrefix(rightText, $0, at: right.lowerBound) }) { return false }
        // Rule 4: L is open, or an abbreviation.
        if rules.clauseWords.contains(where: { words.hasSuffix(leftText, $0, endingAt: left.upperBound) }) { return false }
        let token = leftText.drop { Self.openers.contains($0.unicodeScalars.first!) }
        if rules.titles.contains(String(token)) || rules.abbreviations.contains(String(token)) {
            return rules.isStarter(rightText)
        }
        // Rule 5: inside a name phrase.
        if inName { return false }
        // Rule 6: a number and its unit.
        if Self.isDigit(last) && rules.units.contains(where: { words.hasPrefix(rightText, $0, at: right.lowerBound) }) {
            return false
        }
        // Rule 8: a closing quote or ฯลฯ ends the sentence.
        if isFinal || Self.closingQuotes.contains(last) {
            return words.count(right.lowerBound..<line.upperBound) >= minimumRestWords
        }
        // Rule 7: between list items.
        if state.inList && words.count(right) <= listItemWords { return false }
        // Rule 9: both sides long enough.
        return words.count(min(state.sentenceStart, left.upperBound)..<left.upperBound) >= minimumWords
            && words.count(right.lowerBound..<line.upperBound) >= minimumRestWords
    }

    // MARK: Characters

    static let openingQuotes: Set<Unicode.Scalar> = ["“", "«", "‘", "„"]
    static let closingQuotes: Set<Unicode.Scalar> = ["”", "»", "’", "\""]
    static let openers: Set<Unicode.Scalar> = ["“", "«", "‘", "„", "\"", "(", "["]
    /// Punctuation after which the text goes on: a dash (dateline, apposition), a colon, a comma, a slash.
    static let joiningPunctuation: Set<Unicode.Scalar> = ["—", "–", "-", ":", ",", "/", "(", "["]

    /// A Thai or Lao letter (not a digit, ๆ/ໆ or ฯ/ຯ), a Latin capital, or an opening quote.
    static func canStartSentence(_ scalar: Unicode.Scalar) -> Bool {
        if openingQuotes.contains(scalar) || scalar == "\"" { return true }
        if isLetter(scalar) { return ![0x0E2F, 0x0E46, 0x0EAF, 0x0EC6].contains(scalar.value) }
        return ("A"..."Z").contains(scalar)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x0E01...0x0E4E).contains(value) || (0x0E81...0x0ECF).contains(value) || (0x0EDC...0x0EDF).contains(value)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || (0x0E50...0x0E59).contains(scalar.value) || (0x0ED0...0x0ED9).contains(scalar.value)
            || scalar == "%"
    }

    /// The ICU locale for the text's script: the first Thai or Lao letter decides.
    static func locale(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count {
            let (scalar, width) = Segmenter.decode(bytes, at: index)
            if (0x0E01...0x0E5B).contains(scalar.value) { return "th" }
            if (0x0E81...0x0EDF).contains(scalar.value) { return "lo" }
            index += width
        }
        return nil
    }

    // MARK: Chunks

    /// The runs of non-space characters in `line`.
    static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = line.lowerBound
        while index < line.upperBound {
            while index < line.upperBound && isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < line.upperBound && !isSpace(bytes[index]) { index += 1 }
            if index > start { result.append(start..<index) }
        }
        return result
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Substring {
        Substring(decoding: bytes[range], as: UTF8.self)
    }

    /// Updates the quote and bracket depth with `chunk`; whether it ends with ? or ! outside quotes (a break ICU
    /// makes, so the next sentence starts after it).
    private static func track(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>, _ state: inout State) -> Bool {
        var index = chunk.lowerBound
        var previous: Unicode.Scalar = " "
        while index < chunk.upperBound {
            let (scalar, width) = Segmenter.decode(bytes, at: index)
            switch scalar {
            case "“", "«", "„": state.quotes += 1
            case "”", "»": state.quotes = max(0, state.quotes - 1)
            case "\"":
                // A straight quote opens at the start of a chunk or after a bracket, and closes elsewhere.
                if index == chunk.lowerBound || previous == "(" { state.quotes += 1 } else { state.quotes = max(0, state.quotes - 1) }
            case "(", "[": state.brackets += 1
            case ")", "]": state.brackets = max(0, state.brackets - 1)
            default: break
            }
            previous = scalar
            index += width
        }
        return state.quotes == 0 && (previous == "?" || previous == "!")
    }
}

/// ICU's dictionary word boundaries of a text, to match words inside Thai and Lao chunks and to measure clauses.
struct WordIndex {
    private let isBoundary: [Bool]
    /// `wordsBefore[i]`: how many words start before byte `i`.
    private let wordsBefore: [Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>, locale: String) {
        var isBoundary = Array(repeating: false, count: bytes.count + 1)
        isBoundary[0] = true
        var starts = Array(repeating: false, count: bytes.count + 1)
        if let iterator = try? BreakIterator(.word, locale: locale) {
            var start = 0
            iterator.forEachBoundary(in: bytes) { boundary, _ in
                isBoundary[boundary] = true
                let (scalar, _) = Segmenter.decode(bytes, at: start)
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { starts[start] = true }
                start = boundary
            }
        }
        var wordsBefore = Array(repeating: 0, count: bytes.count + 1)
        for index in 0..<bytes.count { wordsBefore[index + 1] = wordsBefore[index] + (starts[index] ? 1 : 0) }
        self.isBoundary = isBoundary
        self.wordsBefore = wordsBefore
    }

    /// The number of words that start in `range`.
    func count(_ range: Range<Int>) -> Int { wordsBefore[range.upperBound] - wordsBefore[range.lowerBound] }

    /// Whether `chunk` (starting at byte `offset`) begins with the word or words `entry`, ending on a word boundary.
    func hasPrefix(_ chunk: Substring, _ entry: String, at offset: Int) -> Bool {
        chunk.utf8.starts(with: entry.utf8) && isBoundary[offset + entry.utf8.count]
    }

    /// Whether `chunk` (ending at byte `end`) ends with the word or words `entry`, starting on a word boundary.
    /// An entry written with a leading `-` is a bound suffix, matched without the word boundary.
    func hasSuffix(_ chunk: Substring, _ entry: String, endingAt end: Int) -> Bool {
        let bound = entry.hasPrefix("-")
        let suffix = bound ? entry.dropFirst() : Substring(entry)
        return chunk.utf8.reversed().starts(with: suffix.utf8.reversed()) && (bound || isBoundary[end - suffix.utf8.count])
    }
}
