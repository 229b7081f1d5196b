/// Splits text into sentences: ICU's sentence break for the language, corrected with Brief's rules.
///
/// ```
///  text ──► ICU sentence break (locale@ss=standard) ──► + extra terminators ──► − joins ──► trimmed ranges
/// ```
/// Extra terminators ICU's rules do not know: Tibetan shad ། and ༎, the typed stand-ins ፡፡ (Ethiopic) and ၊၊
/// (Burmese), Khmer ។ and ៕, the plain colon Armenian typists use for ։, and — in Thai and Lao, which have no
/// sentence punctuation — the spaces `SpaceBoundaries` judges to end a sentence.
///
/// Joins undo ICU breaks that are not sentence ends: after a `title` abbreviation (`Dr.`, `Sept.`); after an
/// `abbr` abbreviation (`U.S.`, `Inc.`) or initials (`J.`, `J.R.R.`) unless a sentence starter follows; after a
/// day-of-month ordinal (`3. Oktober`) in languages that write ordinals with a period; and before a word that starts
/// with a lowercase letter (`"Stop!" he said.`), unless a blank line lies between.
struct Segmenter {
    let language: Language
    let rules: SentenceRules

    /// Languages whose ordinal numbers are written with a period (`3. Oktober`).
    static let ordinalPeriodLanguages: Set<String> = [
        "de", "da", "nb", "no", "fi", "is", "et", "lv", "cs", "sk", "sl", "hr", "bs", "sr", "sr-Latn", "sr-Cyrl",
        "mk", "pl", "hu", "tr", "az", "uz", "kk",
    ]

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
        let iterator = try BreakIterator(.sentence, locale: locale)
        var boundaries: [Int] = []
        iterator.forEachBoundary(in: bytes) { boundary, _ in boundaries.append(boundary) }
        let extra = extraBoundaries(bytes)
        if !extra.isEmpty { boundaries = Array(Set(boundaries).union(extra)).sorted() }
        boundaries = boundaries.filter { $0 == bytes.count || !isFalseBreak(bytes, $0) }

        var result: [Range<Int>] = []
        var start = 0
        for (index, icuBoundary) in boundaries.enumerated() {
            let isLast = index == boundaries.count - 1
            // A closing quote or bracket after the break (French "pas ! » a lancé") belongs to the sentence before.
            var boundary = icuBoundary
            if !isLast {
                let shifted = skipClosers(bytes, from: icuBoundary)
                if shifted > icuBoundary && shifted < boundaries[index + 1] { boundary = shifted }
            }
            if !isLast && shouldJoin(bytes, left: start..<boundary, rightStart: boundary) { continue }
            let trimmed = trim(bytes, start..<boundary)
            if !trimmed.isEmpty { result.append(trimmed) }
            start = boundary
        }
        return result
    }

    // MARK: Extra terminators

    private func extraBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        let script = language.script
        var index = 0
        var previous: Unicode.Scalar = " "
        while index < bytes.count {
            let (scalar, width) = Self.decode(bytes, at: index)
            let next = index + width
            var isTerminator = false
            switch scalar.value {
            case 0x0F0D, 0x0F11:  // Tibetan shad ། — unless it closes a clause (after ནས, ཤིང…)
                isTerminator = !rules.closesClause(Self.tibetanSyllable(bytes, before: index))
            case 0x0F0E: isTerminator = true  // Tibetan nyis shad ༎ ends a section
            case 0x20 where script == "Tibt" && (previous.value == 0x0F42 || previous.value == 0x0F40):
                // No shad is written after a syllable ending in ག or ཀ: the space stands in for it.
                let after = next < bytes.count ? Self.decode(bytes, at: next).0.value : 0
                isTerminator = (0x0F40...0x0FBC).contains(after)
                    && !rules.closesClause(Self.tibetanSyllable(bytes, before: index))
            case 0x1361 where previous.value == 0x1361: isTerminator = true  // ፡፡ typed for ።
            case 0x104A where previous.value == 0x104A: isTerminator = true  // ၊၊ typed for ။
            case 0x3A where script == "Armn": isTerminator = Self.isSpaceOrEnd(bytes, next)  // : typed for ։
            case 0x17D4, 0x17D5:  // Khmer khan ។ and bariyosan ៕, but not the ។ of ។ល។ ("etc.")
                isTerminator = !Self.isKhmerEtc(bytes, khanAt: index)
            default: break
            }
            if isTerminator {
                var end = next
                while end < bytes.count {
                    let (following, followingWidth) = Self.decode(bytes, at: end)
                    guard following.properties.isWhitespace || [0x0F0D, 0x0F0E, 0x0F11].contains(following.value)
                    else { break }
                    end += followingWidth
                }
                if end < bytes.count { result.append(end) }
            }
            previous = scalar
            index = next
        }
        if script == "Thai" || script == "Laoo" {
            result += SpaceBoundaries(rules: rules).boundaries(in: bytes)
        }
        return result
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

    private func shouldJoin(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, rightStart: Int) -> Bool {
        let leftTrimmed = trim(bytes, left)
        guard !leftTrimmed.isEmpty else { return false }
        if Self.isListMarker(Substring(decoding: bytes[leftTrimmed], as: UTF8.self)) { return true }
        // In languages written with spaces, a break with no space at it splits a token: Korean “…”라고 (a particle
        // glued to the quote), "15.(금)" in a date.
        if !language.writesWithoutSpaces, leftTrimmed.upperBound == rightStart, rightStart < bytes.count,
           !Self.isASCIISpace(bytes[rightStart]), let last = Self.lastScalar(bytes, before: rightStart),
           !Self.terminators.contains(last) {
            return true
        }
        let gap = bytes[leftTrimmed.upperBound..<rightStart]
        let paragraphBreak = gap.filter { $0 == 0x0A }.count >= 2
        let nextWord = word(bytes, after: rightStart)
        if !paragraphBreak, let last = Self.lastScalar(bytes, before: leftTrimmed.upperBound),
           Self.closers.contains(last) || last == "\"",
           rules.continues(rawToken(bytes, after: rightStart)) {
            return true
        }
        if !paragraphBreak, let first = nextWord.first?.unicodeScalars.first, ICU.isLowercase(first),
           Self.capitalizingScripts.contains(ICU.scriptCode(of: first)) {
            return true
        }
        let token = lastToken(bytes, in: leftTrimmed)
        guard token.hasSuffix("."), !token.hasSuffix(".."), token.count > 1 else { return false }
        // A break inside a dotted abbreviation written without spaces (Georgian ა.შ., ძვ.წ.).
        if leftTrimmed.upperBound == rightStart, rightStart < bytes.count, !Self.isASCIISpace(bytes[rightStart]),
           token.dropLast().split(separator: ".").last.map({ $0.count <= 3 }) ?? false {
            return true
        }
        let isStarter = rules.isStarter(nextWord)
        // Dates written with periods: "2024. 3. 15." (Korean), "15. 3. 2024." (Central Europe).
        if token.dropLast().allSatisfy(\.isNumber), rawToken(bytes, after: rightStart).prefix(while: \.isNumber).count > 0,
           rawToken(bytes, after: rightStart).drop(while: \.isNumber).hasPrefix(".") {
            return true
        }
        let nextIsInitial = Self.isInitials(rawToken(bytes, after: rightStart)) && nextWord.count == 1
        switch rules.verdict(for: token) {
        case .title: return true
        case .final:
            let continues = nextWord.first.map { $0.isNumber || $0.isLowercase && Self.capitalizingScripts.contains(
                ICU.scriptCode(of: $0.unicodeScalars.first!)) } ?? true
            return continues
        case .abbreviation: return !isStarter
        case .none:
            if Self.isInitials(token) { return nextIsInitial || (!isStarter && !paragraphBreak) }
            if Segmenter.ordinalPeriodLanguages.contains(language.tag), token.dropLast().allSatisfy(\.isNumber),
               token.count <= 3, !isStarter, !gap.contains(0x0A) {
                return true
            }
            return false
        }
    }

    /// A list marker standing alone: `1.`, `12)`, `a.`, `iv.`
    static func isListMarker(_ text: Substring) -> Bool {
        guard let last = text.last, last == "." || last == ")", text.count <= 4 else { return false }
        let body = text.dropLast()
        return !body.isEmpty && (body.allSatisfy(\.isNumber) || (body.count == 1 && body.first!.isLetter)
            || body.allSatisfy { "ivxlIVXL".contains($0) })
    }

    /// `J.`, `J.R.R.`, `U.S.`: letters each followed by a period.
    static func isInitials(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).dropLast()
        return !parts.isEmpty && parts.allSatisfy { $0.count == 1 && $0.first!.isLetter && $0.first!.isUppercase }
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
        while start < end {
            let (scalar, width) = Self.decode(bytes, at: start)
            guard scalar.properties.isWhitespace else { break }
            start += width
        }
        while end > start {
            var first = end - 1
            while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
            let (scalar, _) = Self.decode(bytes, at: first)
            guard scalar.properties.isWhitespace else { break }
            end = first
        }
        return start..<end
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
