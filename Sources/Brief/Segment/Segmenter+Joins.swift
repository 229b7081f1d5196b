/// The joins by which `Segmenter` undoes breaks that are not sentence ends (see its documentation): list markers,
/// ellipses, quotations, abbreviations, initials and ordinals.
extension Segmenter {
    // MARK: Joins

    /// The join rule that removes the break between `left` and the text at `rightStart`, or nil to keep it: the
    /// quick path first (`quickVerdict`), then each of `joinRules` in order until one decides.
    func joinRule(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, rightStart: Int, spans: [Range<Int>])
        -> SentenceJoinRule? {
        let left = trim(bytes, left)
        guard !left.isEmpty else { return nil }
        let common = commonBreak(bytes, leftEnd: left.upperBound, rightStart: rightStart)
        if usesQuickPath, let common, quickVerdict(bytes, left: left, common) == false { return nil }
        var context = JoinContext(segmenter: self, bytes: bytes, left: left, rightStart: rightStart, spans: spans,
                                  common: common)
        for rule in joinRules {
            if let joins = decide(rule, &context) { return joins ? rule : nil }
        }
        return nil
    }

    /// The common break decided on bytes: `false` (keep it) when no join rule's `mayJoin` pre-check says the rule
    /// could apply; `nil` when the rules must decide.
    func quickVerdict(_ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, _ common: CommonBreak) -> Bool? {
        for rule in quickRules where mayJoin(rule, bytes, left: left, common) { return nil }
        return false
    }

    /// The common break in running text, recognized on bytes: a word that is lowercase ASCII letters (perhaps
    /// capitalized) or a number and a period — or any word and `?`/`!` — perhaps closed by quotes (' " ’ ”),
    /// whitespace, and a capital perhaps after an opening quote or parenthesis (`… said. The`, `… now?" She`).
    struct CommonBreak {
        enum Word { case question, afterCloser, number, letters }

        let leftEnd: Int, rightStart: Int
        /// Whether closing quotes follow the terminator.
        let closed: Bool
        /// What the terminator follows: `?`/`!` after anything, a period after a closing quote or parenthesis
        /// (`'ghost'.`, `(in 2015).`), after a whole-token number, or after letters.
        let word: Word
        /// What the number or the letters and the period are in the language's abbreviation data.
        let entry: SentenceRules.Verdict
    }

    /// The common break at `leftEnd ..< rightStart`, or nil when the text there has another shape.
    func commonBreak(_ bytes: UnsafeBufferPointer<UInt8>, leftEnd: Int, rightStart: Int) -> CommonBreak? {
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
        guard end >= 3 else { return nil }
        func made(_ word: CommonBreak.Word, _ entry: SentenceRules.Verdict = .none) -> CommonBreak {
            CommonBreak(leftEnd: leftEnd, rightStart: rightStart, closed: end < leftEnd, word: word, entry: entry)
        }
        if bytes[end - 1] == 0x3F || bytes[end - 1] == 0x21 {
            return bytes[end - 2] == 0x2E ? nil : made(.question)  // not after an ellipsis-like `..?`
        }
        guard bytes[end - 1] == 0x2E else { return nil }
        if Self.periodFollowsCloser(bytes, periodAt: end - 1) { return made(.afterCloser) }
        var start = end - 1
        if (0x30...0x39).contains(bytes[start - 1]) {
            while start > 0 && (0x30...0x39).contains(bytes[start - 1]) { start -= 1 }
            return start == 0 || Self.isASCIISpace(bytes[start - 1]) ? made(.number, entry(bytes, start..<end)) : nil
        }
        while start > 0 && (0x61...0x7A).contains(bytes[start - 1]) { start -= 1 }
        guard end - 1 - start >= 2 else { return nil }
        if start > 0 && (0x41...0x5A).contains(bytes[start - 1]) { start -= 1 }
        guard start == 0 || Self.isASCIISpace(bytes[start - 1]) else { return nil }
        return made(.letters, entry(bytes, start..<end))
    }

    /// What the token at `range` is in the abbreviation data, as written or with its first letter lowercased; the
    /// signatures rule most tokens out without a lookup.
    func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SentenceRules.Verdict {
        let (start, end) = (range.lowerBound, range.upperBound)
        guard end - start <= longestEntry && signatures[Self.signature(bytes[start], bytes[end - 2], end - start)] else {
            return .none
        }
        let token = Substring(decoding: bytes[range], as: UTF8.self)
        let verdict = rules.verdict(for: token)
        guard verdict == .none, bytes[start] < 0x61 else { return verdict }
        return rules.verdict(for: Substring(token.prefix(1).lowercased() + token.dropFirst()))
    }

    /// Whether the period at `index` follows a closing quote or parenthesis (`'ghost'.`, `(in 2015).`, `”.`): then it
    /// ends no abbreviation.
    static func periodFollowsCloser(_ bytes: UnsafeBufferPointer<UInt8>, periodAt index: Int) -> Bool {
        guard index >= 1 else { return false }
        let before = bytes[index - 1]
        if before == 0x22 || before == 0x27 || before == 0x29 { return true }
        return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80 && (before == 0x99 || before == 0x9D)
    }

    /// What the join rules look at, each part worked out when a rule first needs it.
    struct JoinContext {
        let segmenter: Segmenter
        let bytes: UnsafeBufferPointer<UInt8>
        /// The text before the break, whitespace trimmed.
        let left: Range<Int>
        let rightStart: Int
        let spans: [Range<Int>]
        /// The break as a common break, when it has that shape.
        let common: CommonBreak?

        init(segmenter: Segmenter, bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>, rightStart: Int,
             spans: [Range<Int>], common: CommonBreak?) {
            (self.segmenter, self.bytes, self.left, self.rightStart, self.spans, self.common)
                = (segmenter, bytes, left, rightStart, spans, common)
            last = Segmenter.lastScalar(bytes, before: left.upperBound) ?? " "
            glued = left.upperBound == rightStart && rightStart < bytes.count && !Segmenter.isASCIISpace(bytes[rightStart])
        }

        /// The last character before the break.
        let last: Unicode.Scalar
        /// Whether no space separates the break from the text before it.
        let glued: Bool
        /// The whitespace between the text before and the break.
        var gap: Slice<UnsafeBufferPointer<UInt8>> { bytes[left.upperBound..<rightStart] }
        lazy var lineBreak = gap.contains(0x0A) || gap.contains(0x0D)
        lazy var paragraphBreak = gap.lazy.filter { $0 == 0x0A }.count >= 2
        /// The first word after the break, without punctuation.
        lazy var nextWord = segmenter.word(bytes, after: rightStart)
        /// The first token after the break, as written.
        lazy var nextToken = segmenter.rawToken(bytes, after: rightStart)
        lazy var nextIsUpper = nextWord.first?.unicodeScalars.first.map(ICU.isUppercase) ?? false
        lazy var nextIsLower = nextWord.first?.unicodeScalars.first.map {
            ICU.isLowercase($0) && ScriptTraits.startsSentencesWithCapital(ICU.scriptCode(of: $0))
        } ?? false
        /// Whether the text before ends in a closing quotation mark or bracket.
        lazy var closed = Punctuation.closers.contains(last) || Punctuation.straightQuotes.contains(last)
        /// The last token before the break, without opening quotes or brackets.
        lazy var token = segmenter.lastToken(bytes, in: left)
        /// Whether that token ends in one period (`Dr.`, not `Hm..` or `.`): the abbreviation rules' case.
        lazy var endsInPeriod = token.hasSuffix(".") && !token.hasSuffix("..") && token.count > 1
        lazy var isStarter = segmenter.rules.isStarter(nextWord)
            || segmenter.rules.isStarter(nextWord.prefix { $0 != "'" && $0 != "’" })
        /// What the token is in the abbreviation data: as written, or capitalized at a sentence start (`UDkt.` for
        /// `uDkt.`); nothing after a closing quote or parenthesis.
        lazy var verdict: SentenceRules.Verdict = {
            let rules = segmenter.rules
            guard token.utf8.count <= segmenter.longestEntry,
                  !Segmenter.periodFollowsCloser(bytes, periodAt: left.upperBound - 1) else { return .none }
            let verdict = rules.verdict(for: token)
            guard verdict == .none, let first = token.first, first.isUppercase else { return verdict }
            return rules.verdict(for: Substring(first.lowercased() + token.dropFirst()))
        }()
        /// The token without its final period, when it ends in one and is no abbreviation entry.
        var plainBody: Substring? { mutating get { endsInPeriod && verdict == .none ? token.dropLast() : nil } }
    }

    /// What `rule` says about the break in `context`: join (true), keep (false), or nothing (nil: the next rule).
    func decide(_ rule: SentenceJoinRule, _ context: inout JoinContext) -> Bool? {
        let cased = language.traits.startsSentencesWithCapital
        let (left, rightStart, last) = (context.left, context.rightStart, context.last)
        let bytes = context.bytes
        switch rule {
        case .burmeseComma, .quotation:
            return nil  // drops, applied to every break before the joins
        case .listMarker:
            return left.count <= 16 && Self.isListMarker(Substring(decoding: bytes[left], as: UTF8.self)) ? true : nil
        case .gluedToken:
            return context.glued && !Punctuation.terminators.contains(last) ? true : nil
        case .ellipsis:
            guard !context.paragraphBreak, let ellipsis = Self.ellipsis(bytes, endingAt: left.upperBound) else { return nil }
            if ellipsis == .spaced || context.glued { return true }
            if cased { return !context.nextIsUpper }
            return rules.continuations.contains(String(context.nextWord))
        case .continuation:
            return !context.paragraphBreak && context.closed && continues(bytes, at: rightStart) ? true : nil
        case .citation:
            return !context.lineBreak && context.closed && last != ")" && last != "]" && rightStart < bytes.count
                && bytes[rightStart] == 0x28 ? true : nil
        case .attribution:
            // Not before a Latin capital after an ASCII terminator (the common break): a sentence in another script.
            guard context.common == nil, context.closed, !context.lineBreak, rightStart < bytes.count else { return nil }
            return quotationJoins(bytes, left: left, spans: context.spans) ? true : nil
        case .innerParenthesis:
            guard !context.lineBreak && (last == ")" || last == "）"), rightStart < bytes.count else { return nil }
            let closer = left.upperBound - String(last).utf8.count
            guard let span = context.spans.last(where: { $0.upperBound == closer }) else { return nil }
            return span.lowerBound > left.lowerBound ? true : nil
        case .lowercaseWord:
            guard !context.lineBreak && context.nextIsLower else { return nil }
            if context.closed { return true }
            let terminal = Self.lastScalar(bytes, before: Self.skipBackClosers(bytes, from: left.upperBound)) ?? last
            if terminal == "?" {  // a question ends before a lowercase word, but Spanish ¿…? may not
                let sentence = bytes[left]
                return sentence.contains(0xC2) && sentence.contains(0xBF)
            }
            if terminal != "." { return true }  // `Yahoo! in`, `thump! thump!`
            let body = context.token.dropLast()
            let ordinaryWord = body.count >= 6 && body.allSatisfy(\.isLetter) && rules.verdict(for: Substring(body + ".")) == .none
            return !ordinaryWord
        case .dottedAbbreviation:
            guard context.endsInPeriod, context.glued else { return nil }
            return context.token.dropLast().split(separator: ".").last.map { $0.count <= 3 } ?? false ? true : nil
        case .numericDate:
            guard context.endsInPeriod, context.token.dropLast().allSatisfy(\.isNumber) else { return nil }
            let next = context.nextToken
            return next.prefix(while: \.isNumber).count > 0 && next.drop(while: \.isNumber).hasPrefix(".") ? true : nil
        case .title:
            return context.endsInPeriod && context.verdict == .title ? true : nil
        case .finalAbbreviation:
            guard context.endsInPeriod && context.verdict == .final else { return nil }
            let goesOn = context.nextWord.first.map { $0.isNumber || context.nextIsLower } ?? true
            return goesOn || rules.continuations.contains(String(context.nextWord))
        case .abbreviation:
            return context.endsInPeriod && context.verdict == .abbreviation ? !context.isStarter : nil
        case .initial:
            guard context.plainBody != nil, Self.isInitials(context.token) else { return nil }
            let nextIsInitial = Self.isInitials(context.nextToken) && context.nextWord.count == 1
            return nextIsInitial || (!context.isStarter && !context.paragraphBreak)
        case .singleLetter:
            guard let body = context.plainBody, body.count == 1, let letter = body.first, letter.isLowercase else {
                return nil
            }
            return !context.paragraphBreak
        case .numberAbbreviation:
            guard !context.lineBreak, let body = context.plainBody, body.count <= 4, body.first?.isUppercase ?? false,
                  body.allSatisfy(\.isLetter), context.nextToken.first?.isNumber ?? false else { return nil }
            return true
        case .ordinal:
            guard let body = context.plainBody, !context.isStarter, !context.gap.contains(0x0A) else { return nil }
            if body.allSatisfy(\.isNumber) && context.token.count <= 3 { return true }
            if body.count >= 2 && body.allSatisfy({ "IVXLCDM".contains($0) }) { return true }
            return nil
        }
    }

    /// Whether `rule` could join the common break `common`: a cheap test on bytes, false only when the rule
    /// certainly does not join there. Rules that never join a common break (`canJoinCommonBreaks`) are not asked.
    func mayJoin(_ rule: SentenceJoinRule, _ bytes: UnsafeBufferPointer<UInt8>, left: Range<Int>,
                 _ common: CommonBreak) -> Bool {
        switch rule {
        case .listMarker: return left.count <= 16
        case .ellipsis: return Self.ellipsis(bytes, endingAt: common.leftEnd) != nil
        case .continuation: return common.closed && continues(bytes, at: common.rightStart)
        case .citation: return common.closed && bytes[common.rightStart] == 0x28
        case .title: return common.entry == .title
        case .finalAbbreviation: return common.entry == .final
        case .abbreviation: return common.entry == .abbreviation
        case .ordinal: return common.word == .number
        default: return rule.canJoinCommonBreaks
        }
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
        while let scalar = lastScalar(bytes, before: end),
              Punctuation.closers.contains(scalar) || Punctuation.straightQuotes.contains(scalar) {
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
        return token.drop { Punctuation.tokenOpeners.contains($0) }
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
