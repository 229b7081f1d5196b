/// The joins by which `Segmenter` undoes breaks that are not sentence ends (see its documentation): list markers,
/// ellipses, quotations, abbreviations, initials and ordinals.
extension Segmenter {
    // MARK: Joins

    func shouldJoin(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, rightStart: Int,
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
    func quickVerdict(_ bytes: UnsafeBufferPointer<UInt8>, leftEnd: Int, rightStart: Int) -> Bool? {
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
    func continues(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
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
    func quotationJoins(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, spans: [Range<Int>]) -> Bool {
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

    func isASCIISpaceBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
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
    func lastToken(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Substring {
        var start = range.upperBound
        while start > range.lowerBound && !Self.isASCIISpace(bytes[start - 1]) { start -= 1 }
        let token = Substring(decoding: bytes[start..<range.upperBound], as: UTF8.self)
        return token.drop { "([{\"'“‘«„¿¡".contains($0) }
    }

    /// The first whitespace-delimited token at or after `offset`, as written.
    func rawToken(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Substring {
        var start = offset
        while start < bytes.count && Self.isASCIISpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count && !Self.isASCIISpace(bytes[end]) { end += 1 }
        return Substring(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first word at or after `offset`, without surrounding punctuation.
    func word(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Substring {
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

    func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
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
}
