/// Splits text into sentences: ICU's sentence break for the language, corrected with Brief's rules.
///
/// ```
///  text ──► ICU sentence break (locale@ss=standard) ──► + extra and forced breaks ──► − breaks inside quotations
///       ──► − joins ──► trimmed ranges
/// ```
/// Each break and join below is a named rule (`SentenceBreakRule`, `SentenceJoinRule`; names in brackets).
///
/// **Extra terminators** ICU's rules do not know: Tibetan shad ། and ༎ [`tibetanShad`, `tibetanSpace`], the typed
/// stand-ins ፡፡ (Ethiopic) and ၊၊ (Burmese) [`ethiopicStandIn`, `burmeseStandIn`], Khmer ។ and ៕ [`khmerKhan`], the
/// plain colon Armenian typists use for ։ [`armenianColon`], and — in Thai and Lao, which have no sentence
/// punctuation — the spaces `SpaceBoundaries` judges to end a sentence [`thaiSpace`].
///
/// **Extra breaks** where ICU sees none (the joins below still apply to them):
/// - a period glued to the next sentence, a missing space (`world.The`, `1,000.That`): after a lowercase letter or a
///   digit, before an uppercase letter, in a token with no other period, slash, `@` or colon (not `U.S.A`, a URL,
///   an e-mail address or `e.g.The`) [`gluedPeriod`];
/// - after numbered references glued to a terminator (`large.[7][8] This`, `consultation.11 12 Take`): the numbers
///   belong to the sentence before, and a capitalized word after them starts a new one [`references`];
/// - before a dash that opens a new line of dialogue or a list item after a terminator (`see? - Posted`)
///   [`dialogueDash`];
/// - before a number after a sentence ending in a number (`es 2. 2 + 2 es 4.`: ICU's rule SB8 waits for the next
///   lowercase letter) [`numberAfterNumber`], and before a lowercase word after an ordinary word of six or more
///   letters and a period (Greek `κανένας. το`; ICU never breaks before a lowercase word) [`longWordPeriod`];
/// - after `…` and a space (ICU does not count `…` as a terminator) [`ellipsisSpace`].
///
/// **Forced breaks** (never joined): list items — a bullet (• ◦ ‣ ⁃ ▪ ● ■ ►) after a space [`bullet`]; a list marker
/// (`1.`, `2)`, `a.)`, `iv)`, `1.）`) at the start of a line, or a marker written `N.)` anywhere [`listItem`]; and
/// mid-line markers that form a sequence (`a. … b. … c.`, `1) … 2)`) [`listSequence`]. And, in scripts with capitals,
/// paragraphs glued together where a line break was lost (common in text scraped from the web): after a closing `"`
/// before a capital (`tenir"François`), before an opening `"` glued to a word or terminator before a capital
/// (`médecin."L'unité`, `device"When`) [`gluedQuote`], and between a lowercase word of four or more letters and a
/// capitalized lowercase word (`secteurDésormais`; not in Ndebele or Shona, which write prefixes solid with names:
/// `waseLupane`) [`gluedParagraph`].
///
/// **Quotations and brackets** are not cut: a break inside a matched pair on one line (“ ” „ “ « » ‹ › ‘ ’ " "
/// ' ' ( ) [ ] （ ） 「 」 『 』 《 》 〈 〉 【 】, at most `maxEnclosed` bytes) is dropped, so quoted speech with
/// several sentences stays with its attribution (`"We won. We are happy," he said.`) — as pySBD does [`quotation`].
/// An apostrophe (`dragon’s`, `they'll`) is not a quotation mark. A break after a single Burmese ၊ (a comma) or
/// inside ၊၊ is dropped too [`burmeseComma`].
///
/// **Joins** undo breaks that are not sentence ends:
/// - after a list marker standing alone (`1.)`, `• 2.`, `iv)`), which belongs to its item [`listMarker`];
/// - at a break with no space, not after a terminator, in languages written with spaces (Korean `“…”라고`)
///   [`gluedToken`];
/// - after an ellipsis: always after a spaced `. . .` or one glued to the next word (`the thing is . . . I didn’t`,
///   `I mean...see`, Armenian `...Այդպես`); after `...`/`…` and a space, in a script with capitals unless a capital
///   follows, in one without only before a `continuation` word (Georgian `…  მაგრამ`, "but") [`ellipsis`];
/// - after a closed quotation before a `continuation` word (Burmese quotative ဟု) [`continuation`];
/// - before a parenthesis that follows a closing quotation mark: a citation or comment on the quotation
///   (`"…" (Smith 55).`) [`citation`];
/// - in scripts without capitals (Chinese, Japanese, Arabic, Ethiopic…), after a quotation followed by more text on
///   the line when it opens the sentence (the attribution follows: `「我們一定會贏！」一名球迷說。`) or ends in `?`/`!`
///   without a colon before it (`… که «…؟» خواستار …`), and after a title in 《 》 or 〈 〉 (see `quotationJoins`)
///   [`attribution`];
/// - after a parenthesis opened inside the sentence (`মেজর জেনারেল (অব.) আবদুল করিম`) [`innerParenthesis`];
/// - before a lowercase word on the same line after a quotation (`"Stop!" he said.`), after `!`/`?` in a sentence with
///   Spanish `¡`/`¿`, and after a period unless the word before it is an ordinary word of six or more letters (then
///   the period ends the sentence, as in Greek `κανένας. το`) [`lowercaseWord`];
/// - inside a dotted abbreviation written without spaces (`ა.შ.`) [`dottedAbbreviation`], and in dates written with
///   periods (`2024. 3. 15.`) [`numericDate`];
/// - after a `title` abbreviation (`Dr.`, `Sept.`; an entry also matches capitalized at a sentence start: `UDkt.` for
///   `uDkt.`) [`title`]; after an `abbr` abbreviation (`U.S.`, `Inc.`) [`abbreviation`] or initials (`J.`, `J.R.R.`)
///   [`initial`] unless a sentence starter follows (`the U.S. Millions attended`; `I'm` counts as `I`);
/// - after a `final` abbreviation (`etc.`, `p.m.`) only when a lowercase word, a number or a `continuation` word
///   (a time zone: `10 p.m. EDT`) follows [`finalAbbreviation`];
/// - after a single lowercase letter with a period (`z. B.`, `v. If`), an abbreviation or a variable [`singleLetter`];
/// - after a short capitalized word before a number (`No. 5`, `SEC. 1262`, `Ext. 1010`): a number abbreviation
///   [`numberAbbreviation`];
/// - after a day-of-month ordinal (`3. Oktober`) or a Roman ordinal (`XII. pluk`) in languages that write ordinals
///   with a period [`ordinal`].
///
/// The names are what `explain` reports (`SegmentStage`), `LanguageSupport` lists the ones about the language's
/// script, and a test can switch one off (`disabling`).
///
/// **Speed**: the scan looks only at punctuation, line breaks and the lead bytes of the non-ASCII characters it
/// knows, and `quickVerdict` keeps the common `word. Next` break when no join rule's byte-level pre-check
/// (`mayJoin`) says it could apply, so segmentation stays above half of raw ICU sentence-break throughput
/// (`brief-bench segspeed`).
struct Segmenter: Sendable {
    let language: Language
    let rules: SentenceRules
    /// The break rules applied to this language (all that apply to it, less any switched off).
    let breakRules: Set<SentenceBreakRule>
    /// The join rules tried on each break, in order (all that apply to the language, less any switched off).
    let joinRules: [SentenceJoinRule]
    /// The join rules the quick path asks whether they could join a common break (`quickVerdict`).
    let quickRules: [SentenceJoinRule]
    /// Whether `quickVerdict` may keep a common break before the rules are asked (off only to test that it changes
    /// nothing).
    var usesQuickPath = true
    /// Whether the drop rules run: `burmeseComma`, and `quotation` (its spans are found in any script with sentence
    /// punctuation, for the join rules too).
    let dropsStandInHalves: Bool, dropsEnclosed: Bool
    /// The longest abbreviation entry, in UTF-8 bytes: a longer token needs no lookup.
    let longestEntry: Int
    /// Case-folded signatures (length, first and next-to-last byte) of the abbreviation entries: a token whose
    /// signature is absent is no abbreviation, in any capitalization.
    let signatures: [Bool]
    /// The `continuation` words, as bytes.
    let continuations: [[UInt8]]

    init(language: Language, rules: SentenceRules, disabling disabled: Set<String> = []) {
        self.language = language
        self.rules = rules
        breakRules = Set(SentenceBreakRule.allCases.filter { $0.applies(to: language) && !disabled.contains($0.rawValue) })
        func on(_ rule: SentenceJoinRule) -> Bool { rule.applies(to: language) && !disabled.contains(rule.rawValue) }
        joinRules = SentenceJoinRule.joins.filter(on)
        quickRules = joinRules.filter(\.canJoinCommonBreaks)
        dropsStandInHalves = on(.burmeseComma)
        dropsEnclosed = on(.quotation)
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

    /// The longest quotation or bracketed span, in UTF-8 bytes (about 400 Latin or 270 Chinese characters), inside
    /// which breaks are dropped.
    static let maxEnclosed = 800

    /// The same segmenter with the rules named in `names` switched off (to see what one rule does).
    func disabling(_ names: Set<String>) -> Segmenter { Segmenter(language: language, rules: rules, disabling: names) }

    /// The rules of the segmenter that are about the language's script, by name, breaks first.
    var scriptRules: [String] {
        let breaks = SentenceBreakRule.allCases.filter { breakRules.contains($0) && $0.scripts?.contains(language.script) == true }
        let drops = dropsStandInHalves && SentenceJoinRule.burmeseComma.scripts?.contains(language.script) == true
        return breaks.map(\.rawValue) + (drops ? [SentenceJoinRule.burmeseComma.rawValue] : [])
    }

    /// Sentence ranges (UTF-8 offsets, whitespace trimmed) of `text`.
    func sentences(in text: String) throws -> [Range<Int>] {
        var text = text
        return try text.withUTF8 { bytes in try sentences(in: bytes) }
    }

    func sentences(in bytes: UnsafeBufferPointer<UInt8>) throws -> [Range<Int>] {
        try segment(bytes, explain: false).ranges
    }

    /// The segmentation of some text: sentence ranges, and when explaining, the rule that ended each sentence and
    /// the breaks the drops and joins removed.
    struct Segmentation {
        var ranges: [Range<Int>] = []
        /// The rule that ended each sentence (explaining only).
        var rules: [SentenceBreakRule] = []
        /// Each break removed, as its UTF-8 offset, with the rule that removed it (explaining only).
        var joins: [(offset: Int, rule: SentenceJoinRule)] = []
    }

    /// Segments `bytes`; with `explain`, records which rule made each sentence end and which removed each break.
    func segment(_ bytes: UnsafeBufferPointer<UInt8>, explain: Bool) throws -> Segmentation {
        var result = Segmentation()
        guard !bytes.isEmpty else { return result }
        // CLDR's suppression list (`ss=standard`) only where Brief has no list of its own: ICU applies it to word
        // endings too (Portuguese "agricultores. As" is never split), and Brief's lists are a superset.
        let locale = rules.isEmpty ? language.icuLocale + "@ss=standard" : language.icuLocale
        let iterator = try BreakIterator.forThisThread(.sentence, locale: locale)
        var boundaries: [Int] = []
        iterator.forEachBoundary(in: bytes) { boundary, _ in boundaries.append(boundary) }
        let marks = scan(bytes, explain: explain)
        var sources: [Int: SentenceBreakRule] = [:]
        if explain {
            for offset in boundaries { sources[offset] = .icu }
            for (offset, rule) in zip(marks.extra, marks.extraRules ?? []) { sources[offset] = rule }
            for (offset, rule) in zip(marks.forced, marks.forcedRules ?? []) { sources[offset] = rule }
        }
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
            if dropsStandInHalves && isStandInHalf(bytes, boundary) {
                if explain { result.joins.append((boundary, .burmeseComma)) }
                continue
            }
            // Inside a quotation or bracket (open < boundary <= close): not a sentence end.
            while spanIndex < spans.count && spans[spanIndex].lowerBound < boundary {
                reach = max(reach, spans[spanIndex].upperBound)
                spanIndex += 1
            }
            if dropsEnclosed && boundary <= reach {
                if explain { result.joins.append((boundary, .quotation)) }
                continue
            }
            kept.append(boundary)
        }

        var start = 0
        for (index, icuBoundary) in kept.enumerated() {
            let isLast = index == kept.count - 1
            // A closing quote or bracket after the break (French "pas ! » a lancé") belongs to the sentence before.
            var boundary = icuBoundary
            if !isLast {
                let shifted = skipClosers(bytes, from: icuBoundary)
                if shifted > icuBoundary && shifted < kept[index + 1] { boundary = shifted }
            }
            if !isLast && !forced.contains(icuBoundary),
               let join = joinRule(bytes, left: start..<boundary, rightStart: boundary, spans: spans) {
                if explain { result.joins.append((boundary, join)) }
                continue
            }
            let trimmed = trim(bytes, start..<boundary)
            if !trimmed.isEmpty {
                result.ranges.append(trimmed)
                if explain { result.rules.append(isLast ? .end : sources[icuBoundary] ?? .icu) }
            }
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
