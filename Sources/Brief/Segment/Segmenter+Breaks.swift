/// The breaks `Segmenter` adds to ICU's (see its documentation): extra terminators, extra and forced breaks, list
/// markers, and the quotation and bracket spans inside which breaks are dropped — found in one scan of the bytes.
extension Segmenter {
    // MARK: Extra and forced breaks, quotations

    struct Marks {
        var extra: [Int] = []
        var forced: [Int] = []
        /// Matched quotations and brackets: the opener's offset ..< the closer's offset.
        var spans: [Range<Int>] = []
        /// When explaining: the rule of each extra and each forced break, in the same order.
        var extraRules: [SentenceBreakRule]?, forcedRules: [SentenceBreakRule]?

        init(explain: Bool) {
            if explain { (extraRules, forcedRules) = ([], []) }
        }

        /// A break at `offset` by `rule`.
        @inline(__always) mutating func add(_ offset: Int, _ rule: SentenceBreakRule) {
            if rule.isForced {
                forced.append(offset)
                forcedRules?.append(rule)
            } else {
                extra.append(offset)
                extraRules?.append(rule)
            }
        }

        /// Breaks at `offsets` by `rule`.
        mutating func add(_ offsets: [Int], _ rule: SentenceBreakRule) {
            for offset in offsets { add(offset, rule) }
        }
    }

    /// Bullets that start a list item.
    static let bullets: Set<UInt32> = [0x2022, 0x25E6, 0x2023, 0x2043, 0x25AA, 0x25CF, 0x25A0, 0x25BA]

    /// The characters the scan acts on besides quotation marks and brackets: line breaks, `.` `!` `?` `:`, the
    /// ellipsis, shads, ፡, ၊, Khmer ។ ៕ and bullets.
    static let scanned: Set<UInt32> = bullets.union([0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A, 0x2026, 0x0F0D, 0x0F0E, 0x0F11,
                                                     0x1361, 0x104A, 0x17D4, 0x17D5])

    /// Bytes the scan must look at: the first UTF-8 byte of each character it acts on (`scanned`, and the quotation
    /// marks and brackets of `Punctuation`). Everything else is skipped.
    static let interesting: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        let characters = scanned.union(Punctuation.pairs.keys).union(Punctuation.pairClosers).union([0x22, 0x27])
        for value in characters { table[Int(String(Unicode.Scalar(value)!).utf8.first!)] = true }
        return table
    }()

    /// One pass over the text: extra terminators, extra and forced breaks, and quotation spans.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, explain: Bool = false) -> Marks {
        var marks = Marks(explain: explain)
        func on(_ rule: SentenceBreakRule) -> Bool { breakRules.contains(rule) }
        let (tibetanShad, tibetanSpace, ethiopic, burmese) = (on(.tibetanShad), on(.tibetanSpace), on(.ethiopicStandIn),
                                                               on(.burmeseStandIn))
        let (khmer, armenian, thai) = (on(.khmerKhan), on(.armenianColon), on(.thaiSpace))
        let (gluedPeriod, references, longWord, ellipsis) = (on(.gluedPeriod), on(.references), on(.longWordPeriod),
                                                             on(.ellipsisSpace))
        let (bullet, listItem, listSequence) = (on(.bullet), on(.listItem), on(.listSequence))
        let (dash, number) = (on(.dialogueDash), on(.numberAfterNumber))
        let (glues, gluedQuote) = (on(.gluedParagraph), on(.gluedQuote))
        let encloses = language.traits.hasSentencePunctuation
        var index = 0
        var openers: [(scalar: UInt32, offset: Int)] = []
        var sequenceCandidates: [(style: UInt8, value: Int, offset: Int)] = []
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard Self.interesting[Int(byte)] || tibetanSpace && byte == 0x20 else {
                // An ASCII capital after a lowercase letter or a UTF-8 continuation byte: perhaps a glued paragraph.
                if glues && byte &- 0x41 < 26 && index > 0 && bytes[index - 1] > 0x60
                    && Self.startsGluedParagraph(bytes, capitalAt: index) {
                    marks.add(index, .gluedParagraph)
                }
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
                        appendTerminatorBreak(bytes, after: index, .tibetanSpace, to: &marks)
                    }
                }
                index = next
                continue
            }
            if bullet && Self.bullets.contains(scalar.value) && index > 0 && Self.isASCIISpace(bytes[index - 1]) {
                marks.add(index, .bullet)
            }
            // A list marker ends here (`1.`, `a)`, `2.)`, `1.）`): look back to its start.
            let endsMarker = (listItem || listSequence)
                && (byte == 0x2E ? !(next < count && (bytes[next] == 0x29 || bytes[next] == 0xEF))
                    : byte == 0x29 || scalar.value == 0xFF09)
            if endsMarker {
                var tokenStart = index
                while tokenStart > 0 && index - tokenStart <= 6 && !Self.isASCIISpace(bytes[tokenStart - 1]) { tokenStart -= 1 }
                if tokenStart < index && (tokenStart == 0 || Self.isASCIISpace(bytes[tokenStart - 1]))
                    && Self.mayStartListMarker(bytes, at: tokenStart), let marker = Self.listMarker(bytes, at: tokenStart) {
                    var lineStart = tokenStart
                    while lineStart > 0 && (bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09) { lineStart -= 1 }
                    let atLineStart = lineStart == 0 || bytes[lineStart - 1] == 0x0A || bytes[lineStart - 1] == 0x0D
                    if tokenStart > 0 && (atLineStart || marker.style & Self.dotParen != 0) {
                        if listItem { marks.add(tokenStart, .listItem) }
                    } else if listSequence && marker.style & Self.sequenceOnly != 0 {
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
                glued: if gluedPeriod || references, plain, next < count, !Self.isASCIISpace(bytes[next]) {
                    let after = Self.decode(bytes, at: next).0
                    if index - tokenStart >= 2, Self.isUppercase(after), Self.isLowercase(previous) || (0x30...0x39).contains(previous.value),
                       !Self.restIsAddress(bytes, from: next) {
                        if gluedPeriod { marks.add(next, .gluedPeriod) }
                        break glued
                    }
                    if references, let (end, restart) = Self.references(bytes, after: index, previous: previous) {
                        marks.spans.append(index..<end)
                        marks.add(restart, .references)
                    }
                }
                if next < count && bytes[next] == 0x20 {
                    dashOrNumberBreak(bytes, at: index, previous: previous, dash: dash, number: number, marks: &marks)
                    // ICU's rule SB8 never breaks before a lowercase word; after an ordinary word of six or more
                    // letters the period still ends the sentence (the join rules decide).
                    if longWord && plain && index - tokenStart >= 6 && Self.isLowercase(previous),
                       let start = Self.lowercaseWord(bytes, after: next) {
                        marks.add(start, .longWordPeriod)
                    }
                }
            case 0x2026:  // … is no terminator for ICU: a break after it and a space (the joins decide)
                if ellipsis && next < count && bytes[next] == 0x20 {
                    var start = next
                    while start < count && Self.isASCIISpace(bytes[start]) { start += 1 }
                    if start < count { marks.add(start, .ellipsisSpace) }
                }
            case 0x21, 0x3F:  // ! ?
                if next < count && bytes[next] == 0x20 { dashOrNumberBreak(bytes, at: index, previous: previous, dash: dash, number: number, marks: &marks) }
            case 0x3A where armenian:  // : typed for ։
                if Self.isSpaceOrEnd(bytes, next) { appendTerminatorBreak(bytes, after: index, .armenianColon, to: &marks) }
            case 0x0F0D where tibetanShad, 0x0F11 where tibetanShad:  // Tibetan shad ། — unless it closes a clause (after ནས, ཤིང…)
                if !rules.closesClause(Self.tibetanSyllable(bytes, before: index)) {
                    appendTerminatorBreak(bytes, after: index, .tibetanShad, to: &marks)
                }
            case 0x0F0E where tibetanShad: appendTerminatorBreak(bytes, after: index, .tibetanShad, to: &marks)  // ༎
            case 0x1361 where ethiopic && previous.value == 0x1361:
                appendTerminatorBreak(bytes, after: index, .ethiopicStandIn, to: &marks)
            case 0x104A where burmese && previous.value == 0x104A:
                appendTerminatorBreak(bytes, after: index, .burmeseStandIn, to: &marks)
            case 0x17D4 where khmer, 0x17D5 where khmer:  // Khmer khan ។ and bariyosan ៕, but not the ។ of ។ល។ ("etc.")
                if !Self.isKhmerEtc(bytes, khanAt: index) { appendTerminatorBreak(bytes, after: index, .khmerKhan, to: &marks) }
            default: break
            }
            // Quotations and brackets.
            if encloses && Punctuation.isQuoteOrBracket(scalar.value) {
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
                        // A paragraph glued on after a quotation (`tenir"François`): a break after the quote.
                        if value == 0x22 && gluedQuote && Self.isUppercase(after) { marks.add(next, .gluedQuote) }
                    } else if !afterIsSpace && (value == 0x22 || !isLetter(previous)) {
                        openers.append((value, index))
                        // A quotation glued on after a word or a terminator (`médecin."L'unité`): a break before it.
                        if value == 0x22 && gluedQuote && Self.isUppercase(after)
                            && (isLetter(previous) || previous == "." || previous == "!" || previous == "?") {
                            marks.add(index, .gluedQuote)
                        }
                    }
                } else if Punctuation.pairClosers.contains(value) && !(value == 0x2019 && after.properties.isAlphabetic),
                          let open = openers.lastIndex(where: { Punctuation.pairs[$0.scalar]?.contains(value) ?? false }) {
                    if index - openers[open].offset <= Self.maxEnclosed {
                        marks.spans.append(openers[open].offset..<index)
                    }
                    openers.removeSubrange(open...)
                } else if Punctuation.pairs[value] != nil {
                    openers.append((value, index))
                }
            }
            index = next
        }
        marks.add(Self.sequences(sequenceCandidates), .listSequence)
        if thai { marks.add(SpaceBoundaries(rules: rules).boundaries(in: bytes), .thaiSpace) }
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

    /// Whether the capital at `index` starts a paragraph glued to the last word of the one before, its line break
    /// lost (`le secteurDésormais`, `à l'écoleMardi`): the word before is four or more lowercase letters (not part of
    /// an address or an identifier), and the word from the capital on is lowercase after it. Names and brands written
    /// in camel case start with a capital or a single letter (`McHenry`, `TikTok`, `iPhone`, `eBay`) or have more
    /// capitals (`macOS`).
    static func startsGluedParagraph(_ bytes: UnsafeBufferPointer<UInt8>, capitalAt index: Int) -> Bool {
        var start = index, letters = 0
        while start > 0, let scalar = lastScalar(bytes, before: start), isLetterOrDigit(scalar) {
            guard isLowercase(scalar) else { return false }
            start -= UTF8.width(scalar)
            letters += 1
        }
        // Not a piece of an address or an identifier (`franceinfo.frLe`, `user_Name`).
        guard letters >= 4, start == 0 || !".:/@_".utf8.contains(bytes[start - 1]) else { return false }
        var end = index + 1, lowercase = 0
        while end < bytes.count {
            let (scalar, width) = decode(bytes, at: end)
            if isLowercase(scalar) { lowercase += 1 } else if isLetterOrDigit(scalar) { return false } else { break }
            end += width
        }
        return lowercase > 0
    }

    /// A break by `rule` after the terminator at `index` and the spaces (or shads) that follow it.
    func appendTerminatorBreak(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, _ rule: SentenceBreakRule,
                               to marks: inout Marks) {
        var end = index + Self.decode(bytes, at: index).1
        while end < bytes.count {
            let (following, followingWidth) = Self.decode(bytes, at: end)
            guard following.properties.isWhitespace || [0x0F0D, 0x0F0E, 0x0F11].contains(following.value) else { break }
            end += followingWidth
        }
        if end < bytes.count { marks.add(end, rule) }
    }

    /// After a terminator and a space: a break before a dash and a capital (`see? - Posted`, with `dash`), and a
    /// break before a number after a number (`es 2. 2 + 2`, with `number`).
    func dashOrNumberBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, previous: Unicode.Scalar, dash: Bool,
                           number: Bool, marks: inout Marks) {
        guard dash || number else { return }
        var start = index + 1
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count else { return }
        let (first, width) = Self.decode(bytes, at: start)
        if first == "-" || first == "–" || first == "—" {
            var word = start + width
            guard word < bytes.count, bytes[word] == 0x20 else { return }
            while word < bytes.count && bytes[word] == 0x20 { word += 1 }
            if dash, word < bytes.count, Self.decode(bytes, at: word).0.properties.isUppercase {
                marks.add(start, .dialogueDash)
            }
        } else if number, bytes[index] == 0x2E, (0x30...0x39).contains(bytes[start]), (0x30...0x39).contains(previous.value) {
            marks.add(start, .numberAfterNumber)
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

    /// Whether ICU's `boundary` is not a sentence end (the `burmeseComma` rule): inside a doubled stand-in (the first
    /// ၊ of ၊၊), or after a single Burmese ၊, which is a comma (Unicode counts it as a sentence terminator).
    func isStandInHalf(_ bytes: UnsafeBufferPointer<UInt8>, _ boundary: Int) -> Bool {
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
    func skipClosers(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var index = offset
        var sawCloser = false
        while index < bytes.count {
            let (scalar, width) = Self.decode(bytes, at: index)
            if Punctuation.closers.contains(scalar) { sawCloser = true } else if !(sawCloser && scalar == " ") { break }
            index += width
        }
        return sawCloser ? index : offset
    }

}
