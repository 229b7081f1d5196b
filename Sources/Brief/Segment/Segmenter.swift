/// Splits text into sentences: ICU's sentence break for the language, corrected with Brief's rules.
///
/// ```
///  text ──► ICU sentence break (locale@ss=standard) ──► + extra and forced breaks ──► − breaks inside quotations
///       ──► − joins ──► trimmed ranges
/// ```
/// **Extra terminators** ICU's rules do not know: Tibetan shad ། and ༎, the typed stand-ins ፡፡ (Ethiopic) and ၊၊
/// (Burmese), Khmer ។ and ៕, the plain colon Armenian typists use for ։, and — in Thai and Lao, which have no
/// sentence punctuation — the spaces `SpaceBoundaries` judges to end a sentence.
///
/// **Extra breaks** where ICU sees none (the joins below still apply to them):
/// - a period glued to the next sentence, a missing space (`world.The`, `1,000.That`): after a lowercase letter or a
///   digit, before an uppercase letter, in a token with no other period, slash, `@` or colon (not `U.S.A`, a URL,
///   an e-mail address or `e.g.The`);
/// - after numbered references glued to a terminator (`large.[7][8] This`, `consultation.11 12 Take`): the numbers
///   belong to the sentence before, and a capitalized word after them starts a new one;
/// - before a dash that opens a new line of dialogue or a list item after a terminator (`see? - Posted`);
/// - before a number after a sentence ending in a number (`es 2. 2 + 2 es 4.`: ICU's rule SB8 waits for the next
///   lowercase letter), and before a lowercase word after an ordinary word of six or more letters and a period
///   (Greek `κανένας. το`; ICU never breaks before a lowercase word);
/// - after `…` and a space (ICU does not count `…` as a terminator).
///
/// **Forced breaks** (never joined): list items — a bullet (• ◦ ‣ ⁃ ▪ ● ■ ►) after a space; a list marker (`1.`,
/// `2)`, `a.)`, `iv)`, `1.）`) at the start of a line; a marker written `N.)` anywhere; and mid-line markers that form
/// a sequence (`a. … b. … c.`, `1) … 2)`).
///
/// **Quotations and brackets** are not cut: a break inside a matched pair on one line (“ ” „ “ « » ‹ › ‘ ’ " "
/// ' ' ( ) [ ] （ ） 「 」 『 』 《 》 〈 〉 【 】, at most `maxEnclosed` bytes) is dropped, so quoted speech with
/// several sentences stays with its attribution (`"We won. We are happy," he said.`) — as pySBD does. An apostrophe
/// (`dragon’s`, `they'll`) is not a quotation mark.
///
/// **Joins** undo breaks that are not sentence ends:
/// - after a list marker standing alone (`1.)`, `• 2.`, `iv)`), which belongs to its item;
/// - after an ellipsis: always after a spaced `. . .` or one glued to the next word (`the thing is . . . I didn’t`,
///   `I mean...see`, Armenian `...Այդպես`); after `...`/`…` and a space, in a script with capitals unless a capital
///   follows, in one without only before a `continuation` word (Georgian `…  მაგრამ`, "but");
/// - before a parenthesis that follows a closing quotation mark: a citation or comment on the quotation
///   (`"…" (Smith 55).`);
/// - in scripts without capitals (Chinese, Japanese, Arabic, Ethiopic…), after a quotation followed by more text on
///   the line when it opens the sentence (the attribution follows: `「我們一定會贏！」一名球迷說。`) or ends in `?`/`!`
///   without a colon before it (`… که «…؟» خواستار …`), and after a title in 《 》 or 〈 〉 (see `quotationJoins`);
/// - after a parenthesis opened inside the sentence (`মেজর জেনারেল (অব.) আবদুল করিম`);
/// - before a lowercase word on the same line after a quotation (`"Stop!" he said.`), after `!`/`?` in a sentence with
///   Spanish `¡`/`¿`, and after a period unless the word before it is an ordinary word of six or more letters (then
///   the period ends the sentence, as in Greek `κανένας. το`);
/// - after a `title` abbreviation (`Dr.`, `Sept.`; an entry also matches capitalized at a sentence start: `UDkt.` for
///   `uDkt.`); after an `abbr` abbreviation (`U.S.`, `Inc.`) or initials (`J.`,
///   `J.R.R.`) unless a sentence starter follows (`the U.S. Millions attended`; `I'm` counts as `I`);
/// - after a `final` abbreviation (`etc.`, `p.m.`) only when a lowercase word, a number or a `continuation` word
///   (a time zone: `10 p.m. EDT`) follows;
/// - after a single lowercase letter with a period (`z. B.`, `v. If`), an abbreviation or a variable;
/// - after a short capitalized word before a number (`No. 5`, `SEC. 1262`, `Ext. 1010`): a number abbreviation;
/// - after a day-of-month ordinal (`3. Oktober`) or a Roman ordinal (`XII. pluk`) in languages that write ordinals
///   with a period.
///
/// **Speed**: the scan looks only at punctuation, line breaks and the lead bytes of the non-ASCII characters it
/// knows, and `quickVerdict` decides the common `word. Next` break on bytes, so segmentation stays above half of raw
/// ICU sentence-break throughput (`brief-bench segspeed`).
struct Segmenter: Sendable {
    let language: Language
    let rules: SentenceRules
    /// The longest abbreviation entry, in UTF-8 bytes: a longer token needs no lookup.
    private let longestEntry: Int
    /// Case-folded signatures (length, first and next-to-last byte) of the abbreviation entries: a token whose
    /// signature is absent is no abbreviation, in any capitalization.
    private let signatures: [Bool]
    /// The `continuation` words, as bytes.
    private let continuations: [[UInt8]]

    init(language: Language, rules: SentenceRules) {
        self.language = language
        self.rules = rules
        let entries = rules.titles.union(rules.abbreviations).union(rules.finals)
        longestEntry = entries.map(\.utf8.count).max() ?? 0
        var signatures = [Bool](repeating: false, count: 1 << 15)
        for entry in entries {
            let bytes = Array(entry.utf8)
            if bytes.count >= 2 { signatures[Self.signature(bytes[0], bytes[bytes.count - 2], bytes.count)] = true }
        }
        self.signatures = signatures
        continuations = rules.continuations.map { Array($0.utf8) }
    }

    /// The segmenter for `language` with its data from `data`, built once per process.
    static func load(for language: Language, data: DataDirectory) throws -> Segmenter {
        try cache.value(for: "\(data.url.path)|\(language.tag)") {
            Segmenter(language: language, rules: try SentenceRules.load(for: language, data: data))
        }
    }

    private static let cache = LockedCache<String, Segmenter>()

    @inline(__always) static func signature(_ first: UInt8, _ penultimate: UInt8, _ length: Int) -> Int {
        (length & 31) << 10 | Int(first & 31) << 5 | Int(penultimate & 31)
    }

    /// Languages whose ordinal numbers are written with a period (`3. Oktober`).
    static let ordinalPeriodLanguages: Set<String> = [
        "de", "da", "nb", "no", "fi", "is", "et", "lv", "cs", "sk", "sl", "hr", "bs", "sr", "sr-Latn", "sr-Cyrl",
        "mk", "pl", "hu", "tr", "az", "uz", "kk",
    ]

    /// The longest quotation or bracketed span, in UTF-8 bytes (about 400 Latin or 270 Chinese characters), inside
    /// which breaks are dropped.
    static let maxEnclosed = 800

    /// Sentence ranges (UTF-8 offsets, whitespace trimmed) of `text`.
    func sentences(in text: String) throws -> [Range<Int>] {
        var text = text
        return try text.withUTF8 { bytes in try sentences(in: bytes) }
    }

    func sentences(in bytes: UnsafeBufferPointer<UInt8>) throws -> [Range<Int>] {
        guard !bytes.isEmpty else { return [] }
        // CLDR's suppression list (`ss=standard`) only where Brief has no list of its own: ICU applies it to word
        // endings too (Portuguese "agricultores. As" is never split), and Brief's lists are a superset.
        let locale = rules.isEmpty ? language.icuLocale + "@ss=standard" : language.icuLocale
        let iterator = try BreakIterator.forThisThread(.sentence, locale: locale)
        var boundaries: [Int] = []
        iterator.forEachBoundary(in: bytes) { boundary, _ in boundaries.append(boundary) }
        let marks = scan(bytes)
        if !marks.extra.isEmpty || !marks.forced.isEmpty {
            boundaries = Self.merge(boundaries, (marks.extra + marks.forced).sorted())
        }
        let forced = Set(marks.forced)
        let spans = marks.spans.sorted { $0.lowerBound < $1.lowerBound }
        var kept: [Int] = []
        kept.reserveCapacity(boundaries.count)
        var spanIndex = 0, reach = -1
        for boundary in boundaries {
            if boundary == bytes.count || forced.contains(boundary) { kept.append(boundary); continue }
            if isFalseBreak(bytes, boundary) { continue }
            // Inside a quotation or bracket (open < boundary <= close): not a sentence end.
            while spanIndex < spans.count && spans[spanIndex].lowerBound < boundary {
                reach = max(reach, spans[spanIndex].upperBound)
                spanIndex += 1
            }
            if boundary <= reach { continue }
            kept.append(boundary)
        }

        var result: [Range<Int>] = []
        var start = 0
        for (index, icuBoundary) in kept.enumerated() {
            let isLast = index == kept.count - 1
            // A closing quote or bracket after the break (French "pas ! » a lancé") belongs to the sentence before.
            var boundary = icuBoundary
            if !isLast {
                let shifted = skipClosers(bytes, from: icuBoundary)
                if shifted > icuBoundary && shifted < kept[index + 1] { boundary = shifted }
            }
            if !isLast && !forced.contains(icuBoundary)
                && shouldJoin(bytes, left: start..<boundary, rightStart: boundary, spans: spans) {
                continue
            }
            let trimmed = trim(bytes, start..<boundary)
            if !trimmed.isEmpty { result.append(trimmed) }
            start = boundary
        }
        return result
    }

    /// The sorted union of two sorted lists, without duplicates.
    static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next = j == b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            if result.last != next { result.append(next) }
            if i < a.count && a[i] == next { i += 1 }
            if j < b.count && b[j] == next { j += 1 }
        }
        return result
    }

    // MARK: Extra and forced breaks, quotations

    struct Marks {
        var extra: [Int] = []
        var forced: [Int] = []
        /// Matched quotations and brackets: the opener's offset ..< the closer's offset.
        var spans: [Range<Int>] = []
    }

    /// Bullets that start a list item.
    static let bullets: Set<UInt32> = [0x2022, 0x25E6, 0x2023, 0x2043, 0x25AA, 0x25CF, 0x25A0, 0x25BA]

    /// Opening quotation marks and brackets, with the closers that end them.
    static let pairs: [UInt32: [UInt32]] = [
        0x201C: [0x201D], 0x201E: [0x201C, 0x201D], 0xAB: [0xBB], 0x2039: [0x203A], 0x2018: [0x2019],
        0x28: [0x29], 0x5B: [0x5D], 0xFF08: [0xFF09], 0x300C: [0x300D], 0x300E: [0x300F], 0x300A: [0x300B],
        0x3008: [0x3009], 0x3010: [0x3011],
    ]
    static let pairClosers: Set<UInt32> = [0x201D, 0x201C, 0xBB, 0x203A, 0x2019, 0x29, 0x5D, 0xFF09, 0x300D, 0x300F,
                                           0x300B, 0x3009, 0x3011]

    /// Bytes the scan must look at: sentence and quotation punctuation, line breaks, and the lead bytes of the
    /// non-ASCII characters it knows (« » shads ፡ ၊ ។ quotes bullets … 「 」 （ ）). Everything else is skipped.
    static let interesting: [Bool] = (0..<256).map { byte in
        [0x0A, 0x0D, 0x21, 0x22, 0x27, 0x28, 0x29, 0x2E, 0x3A, 0x3F, 0x5B, 0x5D, 0xC2, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF]
            .contains(byte)
    }

    /// One pass over the text: extra terminators, extra and forced breaks, and quotation spans.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Marks {
        var marks = Marks()
        let script = language.script
        let cased = Self.capitalizingScripts.contains(script)
        let encloses = script != "Thai" && script != "Laoo"
        let tibetan = script == "Tibt"
        var index = 0
        var openers: [(scalar: UInt32, offset: Int)] = []
        var sequenceCandidates: [(style: UInt8, value: Int, offset: Int)] = []
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard Self.interesting[Int(byte)] || tibetan && byte == 0x20 else {
                index += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                if !openers.isEmpty { openers.removeAll() }
                index += 1
                continue
            }
            let (scalar, width) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : Self.decode(bytes, at: index)
            let next = index + width
            let previous = Self.lastScalar(bytes, before: index) ?? " "
            if byte == 0x20 {  // Tibetan only
                // No shad is written after a syllable ending in ག or ཀ: the space stands in for it.
                if previous.value == 0x0F42 || previous.value == 0x0F40 {
                    let after = next < count ? Self.decode(bytes, at: next).0.value : 0
                    if (0x0F40...0x0FBC).contains(after) && !rules.closesClause(Self.tibetanSyllable(bytes, before: index)) {
                        appendTerminatorBreak(bytes, after: index, to: &marks.extra)
                    }
                }
                index = next
                continue
            }
            if Self.bullets.contains(scalar.value) && index > 0 && Self.isASCIISpace(bytes[index - 1]) {
                marks.forced.append(index)
            }
            // A list marker ends here (`1.`, `a)`, `2.)`, `1.）`): look back to its start.
            let endsMarker = byte == 0x2E ? !(next < count && (bytes[next] == 0x29 || bytes[next] == 0xEF))
                : byte == 0x29 || scalar.value == 0xFF09
            if endsMarker {
                var tokenStart = index
                while tokenStart > 0 && index - tokenStart <= 6 && !Self.isASCIISpace(bytes[tokenStart - 1]) { tokenStart -= 1 }
                if tokenStart < index && (tokenStart == 0 || Self.isASCIISpace(bytes[tokenStart - 1]))
                    && Self.mayStartListMarker(bytes, at: tokenStart), let marker = Self.listMarker(bytes, at: tokenStart) {
                    var lineStart = tokenStart
                    while lineStart > 0 && (bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09) { lineStart -= 1 }
                    let atLineStart = lineStart == 0 || bytes[lineStart - 1] == 0x0A || bytes[lineStart - 1] == 0x0D
                    if tokenStart > 0 && (atLineStart || marker.style & Self.dotParen != 0) {
                        marks.forced.append(tokenStart)
                    } else if marker.style & Self.sequenceOnly != 0 {
                        sequenceCandidates.append((marker.style, marker.value, tokenStart))
                    }
                }
            }
            switch scalar.value {
            case 0x2E:  // .
                // The token so far: its start, and whether it is plain (no period, slash, @ or colon).
                var tokenStart = index
                var plain = true
                while tokenStart > 0 && index - tokenStart < 64 && !Self.isASCIISpace(bytes[tokenStart - 1]) {
                    switch bytes[tokenStart - 1] { case 0x2E, 0x2F, 0x40, 0x3A: plain = false; default: break }
                    tokenStart -= 1
                }
                if tokenStart > 0 && !Self.isASCIISpace(bytes[tokenStart - 1]) { plain = false }
                glued: if cased, plain, next < count, !Self.isASCIISpace(bytes[next]) {
                    let after = Self.decode(bytes, at: next).0
                    if index - tokenStart >= 2, Self.isUppercase(after), Self.isLowercase(previous) || (0x30...0x39).contains(previous.value),
                       !Self.restIsAddress(bytes, from: next) {
                        marks.extra.append(next)
                        break glued
                    }
                    if let (end, restart) = Self.references(bytes, after: index, previous: previous) {
                        marks.spans.append(index..<end)
                        marks.extra.append(restart)
                    }
                }
                if next < count && bytes[next] == 0x20 {
                    dashOrNumberBreak(bytes, at: index, previous: previous, marks: &marks)
                    // ICU's rule SB8 never breaks before a lowercase word; after an ordinary word of six or more
                    // letters the period still ends the sentence (the join rules decide).
                    if cased && plain && index - tokenStart >= 6 && Self.isLowercase(previous),
                       let start = Self.lowercaseWord(bytes, after: next) {
                        marks.extra.append(start)
                    }
                }
            case 0x2026:  // … is no terminator for ICU: a break after it and a space (the joins decide)
                if !language.writesWithoutSpaces && next < count && bytes[next] == 0x20 {
                    var start = next
                    while start < count && Self.isASCIISpace(bytes[start]) { start += 1 }
                    if start < count { marks.extra.append(start) }
                }
            case 0x21, 0x3F:  // ! ?
                if next < count && bytes[next] == 0x20 { dashOrNumberBreak(bytes, at: index, previous: previous, marks: &marks) }
            case 0x3A where script == "Armn":  // : typed for ։
                if Self.isSpaceOrEnd(bytes, next) { appendTerminatorBreak(bytes, after: index, to: &marks.extra) }
            case 0x0F0D, 0x0F11:  // Tibetan shad ། — unless it closes a clause (after ནས, ཤིང…)
                if !rules.closesClause(Self.tibetanSyllable(bytes, before: index)) {
                    appendTerminatorBreak(bytes, after: index, to: &marks.extra)
                }
            case 0x0F0E: appendTerminatorBreak(bytes, after: index, to: &marks.extra)  // Tibetan nyis shad ༎
            case 0x1361 where previous.value == 0x1361: appendTerminatorBreak(bytes, after: index, to: &marks.extra)
            case 0x104A where previous.value == 0x104A: appendTerminatorBreak(bytes, after: index, to: &marks.extra)
            case 0x17D4, 0x17D5:  // Khmer khan ។ and bariyosan ៕, but not the ។ of ។ល។ ("etc.")
                if !Self.isKhmerEtc(bytes, khanAt: index) { appendTerminatorBreak(bytes, after: index, to: &marks.extra) }
            default: break
            }
            // Quotations and brackets.
            if encloses && Self.isQuoteOrBracket(scalar.value) {
                let value = scalar.value
                let after = next < count ? Self.decode(bytes, at: next).0 : " "
                let afterIsSpace = next >= count || Self.isASCIISpace(bytes[next])
                if value == 0x22 || value == 0x27 {
                    let isLetter = Self.isLetterOrDigit
                    if value == 0x27 && isLetter(previous) && isLetter(after) {
                        // an apostrophe: they'll
                    } else if let open = openers.lastIndex(where: { $0.scalar == value }),
                              !previous.properties.isWhitespace, !(value == 0x27 && isLetter(after)) {
                        if index - openers[open].offset <= Self.maxEnclosed {
                            marks.spans.append(openers[open].offset..<index)
                        }
                        openers.removeSubrange(open...)
                    } else if !afterIsSpace && (value == 0x22 || !isLetter(previous)) {
                        openers.append((value, index))
                    }
                } else if Self.pairClosers.contains(value) && !(value == 0x2019 && after.properties.isAlphabetic),
                          let open = openers.lastIndex(where: { Self.pairs[$0.scalar]?.contains(value) ?? false }) {
                    if index - openers[open].offset <= Self.maxEnclosed {
                        marks.spans.append(openers[open].offset..<index)
                    }
                    openers.removeSubrange(open...)
                } else if Self.pairs[value] != nil {
                    openers.append((value, index))
                }
            }
            index = next
        }
        marks.forced += Self.sequences(sequenceCandidates)
        if script == "Thai" || script == "Laoo" {
            marks.extra += SpaceBoundaries(rules: rules).boundaries(in: bytes)
        }
        return marks
    }

    @inline(__always) static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte)
    }

    /// Letter or digit, with an ASCII fast path.
    @inline(__always) static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIIAlphanumeric(UInt8(scalar.value)) : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always) static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : ICU.isLowercase(scalar)
    }

    @inline(__always) static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : ICU.isUppercase(scalar)
    }

    static func isQuoteOrBracket(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0xAB, 0xBB, 0x2018...0x201E, 0x2039, 0x203A, 0x3008...0x3011, 0xFF08, 0xFF09:
            return true
        default: return false
        }
    }

    /// A break after the terminator at `index` and the spaces (or shads) that follow it.
    private func appendTerminatorBreak(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, to result: inout [Int]) {
        var end = index + Self.decode(bytes, at: index).1
        while end < bytes.count {
            let (following, followingWidth) = Self.decode(bytes, at: end)
            guard following.properties.isWhitespace || [0x0F0D, 0x0F0E, 0x0F11].contains(following.value) else { break }
            end += followingWidth
        }
        if end < bytes.count { result.append(end) }
    }

    /// After a terminator and a space: a break before a dash and a capital (`see? - Posted`), and a break before a
    /// number after a number (`es 2. 2 + 2`).
    private func dashOrNumberBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, previous: Unicode.Scalar,
                                   marks: inout Marks) {
        var start = index + 1
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count else { return }
        let (first, width) = Self.decode(bytes, at: start)
        if first == "-" || first == "–" || first == "—" {
            var word = start + width
            guard word < bytes.count, bytes[word] == 0x20 else { return }
            while word < bytes.count && bytes[word] == 0x20 { word += 1 }
            if word < bytes.count, Self.decode(bytes, at: word).0.properties.isUppercase { marks.extra.append(start) }
        } else if bytes[index] == 0x2E, (0x30...0x39).contains(bytes[start]), (0x30...0x39).contains(previous.value) {
            marks.extra.append(start)
        }
    }

    /// Whether the token from `offset` to the next space is the rest of an e-mail address or a URL.
    static func restIsAddress(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
        var index = offset
        while index < bytes.count && !isASCIISpace(bytes[index]) {
            if bytes[index] == 0x40 || bytes[index] == 0x2F { return true }
            index += 1
        }
        return false
    }

    /// The start of the word after the spaces at `offset`, when it begins with a lowercase letter.
    static func lowercaseWord(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        var start = offset
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count, ICU.isLowercase(decode(bytes, at: start).0) else { return nil }
        return start
    }

    /// Numbered references glued to the terminator at `index` (`.[7][8]`, `.11 12`), followed by a space and a
    /// capital: the end of the references and the start of the next sentence.
    static func references(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, previous: Unicode.Scalar)
        -> (Int, Int)? {
        guard ICU.isLowercase(previous) || previous == ")" || previous == "\"" else { return nil }
        func digits(_ from: Int) -> Int {
            var end = from
            while end < bytes.count && end - from < 3 && (0x30...0x39).contains(bytes[end]) { end += 1 }
            return end
        }
        var end = index + 1
        if bytes[end] == 0x5B {
            while end < bytes.count && bytes[end] == 0x5B {
                let close = digits(end + 1)
                guard close > end + 1, close < bytes.count, bytes[close] == 0x5D else { return nil }
                end = close + 1
            }
        } else {
            end = digits(end)
            guard end > index + 1 else { return nil }
            while end + 1 < bytes.count && bytes[end] == 0x20 {
                let more = digits(end + 1)
                guard more > end + 1, more == bytes.count || bytes[more] == 0x20 else { break }
                end = more
            }
        }
        guard end < bytes.count, bytes[end] == 0x20 else { return nil }
        var word = end
        while word < bytes.count && isASCIISpace(bytes[word]) { word += 1 }
        guard word < bytes.count, decode(bytes, at: word).0.properties.isUppercase else { return nil }
        return (end, word)
    }

    // MARK: List markers

    static let dotParen: UInt8 = 0x10  // `1.)`, `a.)`: a list marker anywhere
    static let sequenceOnly: UInt8 = 0x20  // `a.`, `b)`, `2)` mid-line: a marker only in a sequence

    /// A list marker at `index` — `1.` `12)` `a.)` `iv)` `1.）` — followed by a space or the end: its style (body kind
    /// and suffix, with the `dotParen`/`sequenceOnly` flags), value (number or letter) and end.
    static func listMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (style: UInt8, value: Int, end: Int)? {
        var end = index
        while end < bytes.count && end - index < 6, (0x41...0x5A).contains(bytes[end] & 0xDF) || (0x30...0x39).contains(bytes[end]) {
            end += 1
        }
        guard end > index, end < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x29 || bytes[end] == 0xEF else { return nil }
        let body = bytes[index..<end]
        var kind: UInt8
        var value = 0
        if body.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard body.count <= 3 else { return nil }
            kind = 1
            value = body.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        } else if body.count == 1 {
            kind = body.first! >= 0x61 ? 2 : 3
            value = Int(body.first! | 0x20) - 0x61
        } else if body.allSatisfy({ "ivxlc".utf8.contains($0) }) || body.allSatisfy({ "IVXLC".utf8.contains($0) }) {
            kind = 4
        } else {
            return nil
        }
        var suffix: UInt8 = 0
        var after = end
        if bytes[after] == 0x2E { suffix |= 1; after += 1 }
        if after < bytes.count && bytes[after] == 0x29 { suffix |= 2; after += 1 }
        else if after + 2 < bytes.count && bytes[after] == 0xEF && bytes[after + 1] == 0xBC && bytes[after + 2] == 0x89 {
            suffix |= 2; after += 3  // fullwidth ）
        }
        guard suffix != 0 else { return nil }
        let fullwidth = after >= 3 && bytes[after - 1] == 0x89 && bytes[after - 2] == 0xBC
        guard after == bytes.count || isASCIISpace(bytes[after]) || fullwidth else { return nil }
        // An uppercase letter or a number with a bare period is an initial or a number, not a marker.
        if suffix == 1 && (kind == 3 || kind == 1 || kind == 4) { return nil }
        var style = kind | suffix << 2
        if suffix == 3 { style |= dotParen } else if kind != 4 { style |= sequenceOnly }
        return (style, value, after)
    }

    /// A cheap test before `listMarker`: a digit, a Roman-numeral letter, or a letter followed by `.` or `)`.
    @inline(__always) static func mayStartListMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if (0x30...0x39).contains(byte) { return true }
        guard (0x61...0x7A).contains(byte | 0x20) else { return false }
        if index + 1 < bytes.count && (bytes[index + 1] == 0x2E || bytes[index + 1] == 0x29) { return true }
        switch byte | 0x20 {
        case 0x69, 0x76, 0x78, 0x6C, 0x63: return true  // i v x l c
        default: return false
        }
    }

    /// The markers of `candidates` that follow or precede one of the same style with the previous or next value.
    static func sequences(_ candidates: [(style: UInt8, value: Int, offset: Int)]) -> [Int] {
        guard candidates.count > 1 else { return [] }
        return candidates.enumerated().compactMap { position, candidate in
            let linked = candidates[..<position].contains { $0.style == candidate.style && $0.value == candidate.value - 1 }
                || candidates[(position + 1)...].contains { $0.style == candidate.style && $0.value == candidate.value + 1 }
            return linked && candidate.offset > 0 ? candidate.offset : nil
        }
    }

    /// The Tibetan syllable that ends just before `index` (skipping a final tsheg).
    static func tibetanSyllable(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Substring {
        var end = index
        if end >= 3, decode(bytes, at: end - 3).0.value == 0x0F0B { end -= 3 }
        var start = end
        while start >= 3 {
            let value = decode(bytes, at: start - 3).0.value
            guard (0x0F40...0x0FBC).contains(value) else { break }
            start -= 3
        }
        return Substring(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the khan at `index` is part of ។ល។ (Khmer "etc."), which continues the sentence.
    static func isKhmerEtc(_ bytes: UnsafeBufferPointer<UInt8>, khanAt index: Int) -> Bool {
        let etc: [UInt8] = Array("។ល។".utf8)
        for start in [index, index - 6] where start >= 0 && start + etc.count <= bytes.count {
            if bytes[start..<(start + etc.count)].elementsEqual(etc) { return true }
        }
        return false
    }

    /// Whether ICU's `boundary` is not a sentence end: inside a doubled stand-in (the first ၊ of ၊၊), or after a
    /// single Burmese ၊, which is a comma (Unicode counts it as a sentence terminator).
    private func isFalseBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ boundary: Int) -> Bool {
        var end = boundary
        while end > 0 && Self.isASCIISpace(bytes[end - 1]) { end -= 1 }
        guard end >= 3 else { return false }
        let (before, _) = Self.decode(bytes, at: end - 3)
        let after = boundary + 3 <= bytes.count ? Self.decode(bytes, at: boundary).0 : " "
        if (before.value == 0x104A && after.value == 0x104A) || (before.value == 0x1361 && after.value == 0x1361) {
            return true
        }
        let doubled = end >= 6 && Self.decode(bytes, at: end - 6).0.value == 0x104A
        return before.value == 0x104A && !doubled
    }

    /// The offset after any closing quotes or brackets (and the spaces after them) at `offset`.
    private func skipClosers(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var index = offset
        var sawCloser = false
        while index < bytes.count {
            let (scalar, width) = Self.decode(bytes, at: index)
            if Self.closers.contains(scalar) { sawCloser = true } else if !(sawCloser && scalar == " ") { break }
            index += width
        }
        return sawCloser ? index : offset
    }

    /// Scripts whose sentences start with a capital letter (Georgian has capitals, but sentences do not use them).
    static let capitalizingScripts: Set<String> = ["Latn", "Cyrl", "Grek", "Armn"]

    /// Sentence terminators (after which a break with no space is real: Chinese 。他).
    static let terminators: Set<Unicode.Scalar> = [
        ".", "!", "?", "。", "！", "？", "…", "।", "۔", "؟", "።", "፧", "။", "។", "៕", "།", "༎", "։", "՞", "՜",
    ]

    static let closers: Set<Unicode.Scalar> = ["»", "”", "’", ")", "]", "」", "』", "》", "〉", "›"]

    // MARK: Joins

    private func shouldJoin(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, rightStart: Int,
                            spans: [Range<Int>]) -> Bool {
        let leftTrimmed = trim(bytes, left)
        guard !leftTrimmed.isEmpty else { return false }
        if leftTrimmed.count <= 16 && Self.isListMarker(Substring(decoding: bytes[leftTrimmed], as: UTF8.self)) {
            return true
        }
        if let quick = quickVerdict(bytes, leftEnd: leftTrimmed.upperBound, rightStart: rightStart) { return quick }
        // A line that ends in a letter or digit (a headline, a dateline): only a lowercase word on the same line or a
        // glued token could carry it on.
        if Self.isASCIIAlphanumeric(bytes[leftTrimmed.upperBound - 1]) && leftTrimmed.upperBound < rightStart
            && bytes[leftTrimmed.upperBound..<rightStart].contains(0x0A) {
            return false
        }
        let glued = leftTrimmed.upperBound == rightStart && rightStart < bytes.count && !Self.isASCIISpace(bytes[rightStart])
        guard let last = Self.lastScalar(bytes, before: leftTrimmed.upperBound) else { return false }
        // In languages written with spaces, a break with no space at it splits a token: Korean “…”라고 (a particle
        // glued to the quote), "15.(금)" in a date.
        if !language.writesWithoutSpaces, glued, !Self.terminators.contains(last) { return true }
        let gap = bytes[leftTrimmed.upperBound..<rightStart]
        let lineBreak = gap.contains(0x0A) || gap.contains(0x0D)
        var newlines = 0
        for byte in gap where byte == 0x0A { newlines += 1 }
        let paragraphBreak = newlines >= 2
        let nextWord = word(bytes, after: rightStart)
        let cased = Self.capitalizingScripts.contains(language.script)
        let nextIsUpper = nextWord.first?.unicodeScalars.first.map(ICU.isUppercase) ?? false
        let nextIsLower = nextWord.first?.unicodeScalars.first.map {
            ICU.isLowercase($0) && Self.capitalizingScripts.contains(ICU.scriptCode(of: $0))
        } ?? false
        // Ellipses: `. . .` never ends a sentence; `...`/`…` only before a space and a capital.
        if !language.writesWithoutSpaces && !paragraphBreak, let ellipsis = Self.ellipsis(bytes, endingAt: leftTrimmed.upperBound) {
            if ellipsis == .spaced || glued { return true }
            if cased { return !nextIsUpper }
            return rules.continuations.contains(String(nextWord))
        }
        let closed = Self.closers.contains(last) || last == "\"" || last == "'"
        if !paragraphBreak, closed, continues(bytes, at: rightStart) { return true }
        // A parenthesis after a quotation: a citation or a comment on it (`"…" (Smith 55).`).
        if !lineBreak, closed && last != ")" && last != "]", rightStart < bytes.count, bytes[rightStart] == 0x28 { return true }
        if !cased && closed && !lineBreak && rightStart < bytes.count && !["Thai", "Laoo"].contains(language.script),
           quotationJoins(bytes, left: leftTrimmed, spans: spans) {
            return true
        }
        // A parenthesis opened inside the sentence (`মেজর জেনারেল (অব.) আবদুল করিম`) does not end it.
        if !lineBreak && (last == ")" || last == "）"), rightStart < bytes.count,
           let span = spans.last(where: { $0.upperBound == leftTrimmed.upperBound - String(last).utf8.count }),
           span.lowerBound > leftTrimmed.lowerBound {
            return true
        }
        if !lineBreak && nextIsLower {
            if closed { return true }
            let terminal = Self.lastScalar(bytes, before: Self.skipBackClosers(bytes, from: leftTrimmed.upperBound)) ?? last
            if terminal == "?" {  // a question ends before a lowercase word, but Spanish ¿…? may not
                let sentence = bytes[leftTrimmed]
                return sentence.contains(0xC2) && sentence.contains(0xBF)
            }
            if terminal != "." { return true }  // `Yahoo! in`, `thump! thump!`
            let token = lastToken(bytes, in: leftTrimmed).dropLast()
            let ordinaryWord = token.count >= 6 && token.allSatisfy(\.isLetter) && rules.verdict(for: Substring(token + ".")) == .none
            return !ordinaryWord
        }
        let token = lastToken(bytes, in: leftTrimmed)
        guard token.hasSuffix("."), !token.hasSuffix(".."), token.count > 1 else { return false }
        // A break inside a dotted abbreviation written without spaces (Georgian ა.შ., ძვ.წ.).
        if glued, token.dropLast().split(separator: ".").last.map({ $0.count <= 3 }) ?? false {
            return true
        }
        let isStarter = rules.isStarter(nextWord) || rules.isStarter(nextWord.prefix { $0 != "'" && $0 != "’" })
        let nextToken = rawToken(bytes, after: rightStart)
        // Dates written with periods: "2024. 3. 15." (Korean), "15. 3. 2024." (Central Europe).
        if token.dropLast().allSatisfy(\.isNumber), nextToken.prefix(while: \.isNumber).count > 0,
           nextToken.drop(while: \.isNumber).hasPrefix(".") {
            return true
        }
        let nextIsInitial = Self.isInitials(nextToken) && nextWord.count == 1
        var verdict = token.utf8.count <= longestEntry ? rules.verdict(for: token) : .none
        if verdict == .none, token.utf8.count <= longestEntry, let first = token.first, first.isUppercase {
            verdict = rules.verdict(for: Substring(first.lowercased() + token.dropFirst()))  // `UDkt.` for `uDkt.`
        }
        switch verdict {
        case .title: return true
        case .final:
            let continues = nextWord.first.map { $0.isNumber || nextIsLower } ?? true
            return continues || rules.continuations.contains(String(nextWord))
        case .abbreviation: return !isStarter
        case .none:
            if Self.isInitials(token) { return nextIsInitial || (!isStarter && !paragraphBreak) }
            let body = token.dropLast()
            // A single lowercase letter: an abbreviation's first part (`z. B.`) or a variable (`v. If`).
            if body.count == 1, let letter = body.first, letter.isLowercase { return !paragraphBreak }
            // A short capitalized word before a number: a number abbreviation (`No. 5`, `SEC. 1262`, `Ext. 1010`).
            if !lineBreak, body.count <= 4, body.first?.isUppercase ?? false, body.allSatisfy(\.isLetter),
               nextToken.first?.isNumber ?? false {
                return true
            }
            if Segmenter.ordinalPeriodLanguages.contains(language.tag), !isStarter, !gap.contains(0x0A) {
                // A day-of-month ordinal (`3. Oktober`) or a Roman ordinal (`XII. pluk`).
                if body.allSatisfy(\.isNumber) && token.count <= 3 { return true }
                if body.count >= 2 && body.allSatisfy({ "IVXLCDM".contains($0) }) { return true }
            }
            return false
        }
    }

    /// The common cases in running text, decided on bytes: a word that is no abbreviation (lowercase ASCII letters,
    /// perhaps capitalized, or a number in a language without ordinal periods) and a period — or any word and `?`/`!`
    /// — perhaps closed by quotes (not a parenthesis), whitespace, and a capital perhaps after an opening quote. No
    /// rule joins these unless a `continuation` word follows a quotation. `nil` when the slow path must decide.
    private func quickVerdict(_ bytes: UnsafeBufferPointer<UInt8>, leftEnd: Int, rightStart: Int) -> Bool? {
        guard leftEnd >= 3, rightStart > leftEnd, rightStart < bytes.count else { return nil }
        var next = rightStart
        while next < bytes.count && Self.isASCIISpace(bytes[next]) { next += 1 }  // ICU breaks between blank lines
        guard next < bytes.count else { return nil }
        switch bytes[next] {
        case 0x22, 0x27, 0x28: next += 1
        case 0xE2 where next + 3 < bytes.count && bytes[next + 1] == 0x80 && (bytes[next + 2] == 0x9C || bytes[next + 2] == 0x98):
            next += 3  // “ ‘
        default: break
        }
        guard next < bytes.count, (0x41...0x5A).contains(bytes[next]) else { return nil }
        for index in leftEnd..<rightStart where !Self.isASCIISpace(bytes[index]) { return nil }
        // Closing quotes (ASCII or ’ ”) after the terminator.
        var end = leftEnd
        while end > 1 {
            if bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27 { end -= 1; continue }
            if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99) {
                end -= 3
                continue
            }
            break
        }
        if end < leftEnd && bytes[rightStart] == 0x28 { return nil }  // a parenthesis after a quotation
        if end < leftEnd && continues(bytes, at: rightStart) { return nil }
        guard end >= 3 else { return nil }
        if bytes[end - 1] == 0x3F || bytes[end - 1] == 0x21 {
            return bytes[end - 2] == 0x2E ? nil : false  // not after an ellipsis-like `..?`
        }
        guard bytes[end - 1] == 0x2E else { return nil }
        // A period after a closing quote or parenthesis (`called 'ghost'.`, `(in 2015).`) ends no abbreviation.
        if bytes[end - 2] == 0x22 || bytes[end - 2] == 0x27 || bytes[end - 2] == 0x29 { return false }
        if end >= 4 && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80 && (bytes[end - 2] == 0x99 || bytes[end - 2] == 0x9D) {
            return false  // ’ ”
        }
        var start = end - 1
        if (0x30...0x39).contains(bytes[start - 1]) {
            guard !Segmenter.ordinalPeriodLanguages.contains(language.tag) else { return nil }
            while start > 0 && (0x30...0x39).contains(bytes[start - 1]) { start -= 1 }
            return start == 0 || Self.isASCIISpace(bytes[start - 1]) ? false : nil
        }
        while start > 0 && (0x61...0x7A).contains(bytes[start - 1]) { start -= 1 }
        guard end - 1 - start >= 2 else { return nil }
        if start > 0 && (0x41...0x5A).contains(bytes[start - 1]) { start -= 1 }
        guard start == 0 || Self.isASCIISpace(bytes[start - 1]) else { return nil }
        if end - start <= longestEntry && signatures[Self.signature(bytes[start], bytes[end - 2], end - start)] {
            let token = Substring(decoding: bytes[start..<end], as: UTF8.self)
            if rules.verdict(for: token) != .none { return nil }
            if bytes[start] < 0x61, rules.verdict(for: Substring(token.prefix(1).lowercased() + token.dropFirst())) != .none {
                return nil
            }
        }
        return false
    }

    /// Whether the token after the whitespace at `offset` begins with a `continuation` word (`SentenceRules.continues`
    /// on bytes).
    private func continues(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard !continuations.isEmpty else { return false }
        var start = offset
        while start < bytes.count && Self.isASCIISpace(bytes[start]) { start += 1 }
        return continuations.contains { word in
            start + word.count <= bytes.count && word.indices.allSatisfy { bytes[start + $0] == word[$0] }
        }
    }

    enum Ellipsis { case spaced, unspaced }

    /// The ellipsis that ends at `end`: `. . .` (not the four-dot `. . . .`), `...` or `…`.
    static func ellipsis(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Ellipsis? {
        if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0xA6 { return .unspaced }
        guard end >= 3, bytes[end - 1] == 0x2E else { return nil }
        if bytes[end - 2] == 0x2E && bytes[end - 3] == 0x2E { return .unspaced }
        if end >= 5 && bytes[end - 2] == 0x20 && bytes[end - 3] == 0x2E && bytes[end - 4] == 0x20 && bytes[end - 5] == 0x2E {
            let fourth = end >= 7 && bytes[end - 6] == 0x20 && bytes[end - 7] == 0x2E
            return fourth ? nil : .spaced
        }
        return nil
    }

    /// Scripts without capitals (Chinese, Japanese, Arabic, Ethiopic, Bengali…): a quotation followed on the same line
    /// by more text does not end the sentence when it opens the sentence (the attribution follows:
    /// `「我們一定會贏！」一名球迷說。`, `«መቼ ነው የምንረዳው?» ሲሉ …`) or ends in a question or exclamation mark (a quoted
    /// question inside the sentence: `… که «…؟» خواستار …`); nor does a title in 《 》 or 〈 〉. A quotation inside the
    /// sentence that ends in a full stop, or that a colon introduces, ends it (`他说：“我们赢了。”大家…`).
    private func quotationJoins(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, spans: [Range<Int>]) -> Bool {
        guard let closer = Self.lastScalar(bytes, before: left.upperBound), closer != ")" && closer != "）" else {
            return false
        }
        let closerStart = left.upperBound - String(closer).utf8.count
        guard let span = spans.last(where: { $0.upperBound == closerStart }) else { return false }
        if closer == "》" || closer == "〉" { return true }
        if span.lowerBound == left.lowerBound { return true }
        var before = span.lowerBound
        while before > left.lowerBound && isASCIISpaceBefore(bytes, before) { before -= 1 }
        if let introducer = Self.lastScalar(bytes, before: before), introducer == ":" || introducer == "：" { return false }
        let terminal = Self.lastScalar(bytes, before: closerStart)
        return terminal.map { "?!？！؟፧".unicodeScalars.contains($0) } ?? false
    }

    private func isASCIISpaceBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        offset > 0 && Self.isASCIISpace(bytes[offset - 1])
    }

    /// The offset before any closing quotes or brackets that end just before `end`.
    static func skipBackClosers(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int) -> Int {
        var end = end
        while let scalar = lastScalar(bytes, before: end), closers.contains(scalar) || scalar == "\"" || scalar == "'" {
            end -= String(scalar).utf8.count
        }
        return end
    }

    /// A list marker standing alone, after an optional bullet: `1.`, `12)`, `a.`, `iv.`, `1.)`, `• 2.`, `1.）`
    static func isListMarker(_ text: Substring) -> Bool {
        var text = text
        if let first = text.unicodeScalars.first, bullets.contains(first.value) {
            text = text.dropFirst().drop { $0 == " " }
        }
        if text.hasSuffix("）") { text = text.dropLast() + ")" }
        if text.hasSuffix(".)") { text = text.dropLast(2) + ")" }
        guard let last = text.last, last == "." || last == ")", text.count <= 4 else { return false }
        let body = text.dropLast()
        return !body.isEmpty && (body.allSatisfy(\.isNumber) || (body.count == 1 && body.first!.isLetter)
            || body.allSatisfy { "ivxlIVXL".contains($0) })
    }

    /// `J.`, `J.R.R.`, `U.S.`: letters each followed by a period.
    static func isInitials(_ token: Substring) -> Bool {
        var expectLetter = true
        var letters = 0
        for character in token {
            if expectLetter {
                guard character.isLetter && character.isUppercase else { return false }
                letters += 1
            } else if character != "." {
                return false
            }
            expectLetter.toggle()
        }
        return letters > 0 && expectLetter
    }

    /// The last whitespace-delimited token of `range`, without opening quotes or brackets.
    private func lastToken(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Substring {
        var start = range.upperBound
        while start > range.lowerBound && !Self.isASCIISpace(bytes[start - 1]) { start -= 1 }
        let token = Substring(decoding: bytes[start..<range.upperBound], as: UTF8.self)
        return token.drop { "([{\"'“‘«„¿¡".contains($0) }
    }

    /// The first whitespace-delimited token at or after `offset`, as written.
    private func rawToken(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Substring {
        var start = offset
        while start < bytes.count && Self.isASCIISpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count && !Self.isASCIISpace(bytes[end]) { end += 1 }
        return Substring(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first word at or after `offset`, without surrounding punctuation.
    private func word(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Substring {
        var start = offset
        while start < bytes.count {
            while start < bytes.count && Self.isASCIISpace(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count && !Self.isASCIISpace(bytes[end]) { end += 1 }
            let token = Substring(decoding: bytes[start..<end], as: UTF8.self)
            let word = token.drop { !$0.isLetter && !$0.isNumber }
            if !word.isEmpty { return word.prefix { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" } }
            start = end
        }
        return ""
    }

    private func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end && bytes[start] < 0x80 {
            guard Self.isASCIISpace(bytes[start]) || bytes[start] == 0x0B || bytes[start] == 0x0C else { return start..<Self.trimEnd(bytes, start, end) }
            start += 1
        }
        while start < end {
            let (scalar, width) = Self.decode(bytes, at: start)
            guard scalar.properties.isWhitespace else { break }
            start += width
        }
        return start..<Self.trimEnd(bytes, start, end)
    }

    /// `end` moved back over trailing whitespace, down to `start`.
    static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard isASCIISpace(byte) || byte == 0x0B || byte == 0x0C else { return end }
                end -= 1
                continue
            }
            var first = end - 1
            while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
            guard decode(bytes, at: first).0.properties.isWhitespace else { return end }
            end = first
        }
        return end
    }

    // MARK: Bytes

    static func lastScalar(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Unicode.Scalar? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start).0
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    static func isSpaceOrEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index >= bytes.count || isASCIISpace(bytes[index])
    }

    /// The scalar starting at `index` and its UTF-8 width (U+FFFD, width 1, for a stray byte).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + width <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = width == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (width + 1))
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
