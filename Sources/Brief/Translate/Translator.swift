import Foundation

/// Drafts sentences for one language pair with one stack of glossaries: the matcher, built once, and the rules
/// for what is left.
///
/// A draft keeps the source's order and punctuation: each glossary term is replaced by its rendering in its base
/// form, a do-not-translate term is kept, a capitalized run that no glossary has is a `name` kept as written, and
/// every other stretch of words is `untranslated` source text. Numbers and punctuation pass through. In a
/// right-to-left target every piece that holds left-to-right letters or digits is wrapped in a bidi isolate
/// (U+2066 … U+2069), so Latin names and figures display in order.
struct Translator: Sendable {
    enum Unverified: String, Sendable, CaseIterable { case mark, apply, skip }
    enum Names: String, Sendable, CaseIterable { case flag, ignore }

    let source: Language
    let target: Language
    let matcher: TermMatcher
    let stopwords: Set<ByteKey>
    let unverified: Unverified
    let names: Names
    let notes: [String]

    init(from source: Language, to target: Language, glossaries: [String], unverified: Unverified, names: Names,
         data: DataDirectory) throws {
        self.source = source
        self.target = target
        self.unverified = unverified
        self.names = names
        let loaded = try TermTable.glossaries(glossaries, languages: [source, target], data: data)
        let dnt = source.tag == "en" ? try TermTable.doNotTranslate(target, data: data) : []
        matcher = try TermMatcher(language: source, entries: TermTable.entries(loaded, dnt: dnt, from: source, to: target))
        stopwords = try Stopwords.load(for: source, data: data).folded
        var notes = ["terms are inserted in their base form (nominative singular, infinitive)"]
        if Self.inflectsForCase.contains(target.tag) {
            notes.append("\(target.name) inflects nouns for case: adjust the endings of the inserted terms")
        }
        if let borrow = TermTable.borrowed[target.tag], TermTable.borrows(target, glossaries, data: data) {
            notes.append("the \(target.tag) terms come from the \(borrow.tag) glossaries through ICU \(borrow.transform)"
                + (borrow.exact ? "" : "; they are marked unverified"))
        }
        self.notes = notes
    }

    /// Target languages whose nouns take case endings, so a base-form term often needs adjusting.
    static let inflectsForCase: Set<String> = [
        "ru", "uk", "sr-Latn", "sr-Cyrl", "bs", "el", "sq", "hy", "ka", "tr", "az", "uz", "kmr", "am", "ti", "so", "om",
    ]

    /// Running totals for a report.
    struct Tally {
        var uses: [String: Int] = [:]  // entry + target → index in `applied`
        var applied: [Translation.Use] = []
        var unverifiedUses: [Translation.Use] = []
        var forbidden: [Translation.Use] = []
        var unknown: [String] = []
        var names: [String] = []
        var content = 0
        var covered = 0

        mutating func count(_ use: Translation.Use, into list: WritableKeyPath<Tally, [Translation.Use]>) {
            if let index = self[keyPath: list].firstIndex(where: { $0.entry == use.entry && $0.target == use.target }) {
                self[keyPath: list][index].count += 1
            } else {
                self[keyPath: list].append(use)
            }
        }

        func report(notes: [String]) -> Translation.Report {
            Translation.Report(
                coverage: content == 0 ? 1 : (Double(covered) / Double(content) * 10_000).rounded() / 10_000,
                applied: applied, unverified: unverifiedUses, forbidden: forbidden, unknown: unknown, names: names,
                notes: notes)
        }
    }

    /// The draft of one sentence, counting what it used into `tally`; `words` are its word ranges when the segment
    /// stage already found them (UTF-8 offsets into `text`), so ICU's word break does not run twice.
    /// A `headline` written in title case (Fires ICBM Into Sea) has capitals that do not make names.
    func draft(_ text: Substring, index: Int, words given: [Range<Int>]? = nil, headline: Bool = false, tally: inout Tally) throws
        -> Translation.Sentence {
        let cutter = try ThreadCache.object("brief.translate.words.\(source.tag)") {
            try WordCutter(language: source, stopwords: stopwords)
        }
        var sentence = String(text)
        return sentence.withUTF8 { bytes in
            let shouting = WordCutter.isShouting(text)
            let words = given.map { cutter.words(bytes, at: $0, shouting: shouting) } ?? cutter.cut(bytes, shouting: shouting)
            let matches = matcher.matches(words, in: bytes, shouting: shouting)
            // In a headline in capitals or in title case, capitals tell nothing.
            let flagNames = names == .flag && !shouting && !(headline && Self.isTitleCase(words, bytes))
            let known = Set(tally.names.flatMap { $0.split(separator: " ") })
            var builder = DraftBuilder(rightToLeft: target.isRightToLeft)
            var cursor = 0  // bytes of the sentence copied so far
            var word = 0
            var nextMatch = 0
            func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            let spaces = source.writesWithoutSpaces && !target.writesWithoutSpaces
            func copyGap(to end: Int) {
                if cursor < end {
                    builder.append(string(cursor..<end), kind: nil)
                } else if spaces, cursor > 0, end < bytes.count, builder.text.last.map({ !$0.isWhitespace }) ?? false {
                    builder.append(" ", kind: nil)  // 习近平 在 北京 → Xi Jinping ⟦在⟧ Beijing
                }
                cursor = max(cursor, end)
            }
            while word < words.count {
                if nextMatch < matches.count, matches[nextMatch].words.lowerBound == word {
                    let match = matches[nextMatch]
                    nextMatch += 1
                    var range = words[match.words.lowerBound].range.lowerBound..<words[match.words.upperBound - 1].range.upperBound
                    if range.upperBound + 1 < bytes.count, bytes[range.upperBound] == 0x2E,
                       WordCutter.undotted(string(words[match.words.upperBound - 1].range)).utf8.count
                        < words[match.words.upperBound - 1].range.count {
                        range = range.lowerBound..<(range.upperBound + 1)  // U.N. Secretary-General: the period is the acronym's
                    }
                    let entry = matcher.entries[match.entry]
                    let written = string(range)
                    copyGap(to: range.lowerBound)
                    countContent(words[match.words], bytes, covered: true, tally: &tally)
                    if entry.source.status == .forbidden {
                        tally.count(use(entry, written, entry.targets.first?.text ?? written), into: \.forbidden)
                    }
                    if entry.keep {
                        builder.append(written, kind: .dnt, entry: entry)
                        tally.count(use(entry, written, written), into: \.applied)
                    } else if let rendering = entry.targets.first, rendering.status != .unverified || unverified != .skip {
                        let status: Term.Status? = rendering.status == .preferred ? nil : rendering.status
                        builder.append(rendering.text, kind: .term, entry: entry,
                                       status: unverified == .apply && status == .unverified ? nil : status)
                        tally.count(use(entry, written, rendering.text), into: \.applied)
                        if rendering.status == .unverified { tally.count(use(entry, written, rendering.text), into: \.unverifiedUses) }
                    } else {
                        if let rendering = entry.targets.first { tally.count(use(entry, written, rendering.text), into: \.unverifiedUses) }
                        builder.append(written, kind: .untranslated)
                    }
                    cursor = range.upperBound
                    word = match.words.upperBound
                    continue
                }
                let current = words[word]
                if current.isNumber {
                    copyGap(to: current.range.lowerBound)
                    builder.append(string(current.range), kind: nil)
                    cursor = current.range.upperBound
                    word += 1
                    continue
                }
                // A run of untranslated words, or a name: up to the next match or number.
                let isName = flagNames && isNameStart(words, word, bytes, known: known)
                var end = word + 1
                while end < words.count, !words[end].isNumber,
                      nextMatch >= matches.count || matches[nextMatch].words.lowerBound != end,
                      !isName || (isNameWord(words[end], bytes) && TermMatcher.gapKey(bytes[words[end - 1].range.upperBound..<words[end].range.lowerBound]) != nil),
                      isName || !(flagNames && isNameStart(words, end, bytes, known: known)) {
                    end += 1
                }
                copyGap(to: current.range.lowerBound)
                let range = current.range.lowerBound..<words[end - 1].range.upperBound
                let written = string(range)
                countContent(words[word..<end], bytes, covered: false, tally: &tally, isName: isName)
                if isName && !tally.names.contains(written) && !written.split(separator: " ").allSatisfy(known.contains) {
                    tally.names.append(written)
                }
                builder.append(written, kind: isName ? .name : .untranslated)
                cursor = range.upperBound
                word = end
            }
            copyGap(to: bytes.count)
            return Translation.Sentence(index: index, source: String(text), text: builder.text, spans: builder.spans)
        }
    }

    /// Whether every word of four letters or more starts with a capital, in a script with capitals.
    static func isTitleCase(_ words: [TermMatcher.Word], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let long = words.lazy.filter { !$0.isNumber }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
            .filter { $0.unicodeScalars.count >= 4 }
        return !long.isEmpty && long.allSatisfy { $0.unicodeScalars.first.map(ICU.isUppercase) ?? false }
    }

    private func use(_ entry: TermEntry, _ written: String, _ target: String) -> Translation.Use {
        Translation.Use(entry: entry.id, glossary: entry.glossary, source: written, target: target, count: 1)
    }

    private func countContent(_ words: ArraySlice<TermMatcher.Word>, _ bytes: UnsafeBufferPointer<UInt8>, covered: Bool,
                              tally: inout Tally, isName: Bool = false) {
        for word in words where !word.isNumber && !word.isStopword {
            tally.content += 1
            if covered {
                tally.covered += 1
            } else if !isName {
                let written = String(decoding: bytes[word.range], as: UTF8.self)
                if !tally.unknown.contains(written) { tally.unknown.append(written) }
            }
        }
    }

    /// A word written with a capital in a script with capitals.
    private func isNameWord(_ word: TermMatcher.Word, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = bytes[word.range.lowerBound]
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        guard let first = String(decoding: bytes[word.range.lowerBound..<min(word.range.upperBound, word.range.lowerBound + 4)],
                                 as: UTF8.self).unicodeScalars.first else { return false }
        return ICU.isUppercase(first)
    }

    /// Whether word `index` starts a name: capitalized, and not just the capital of a sentence's first word —
    /// unless the word was already part of a name in the document (`Whitmore announced …` after `Daniel Whitmore`).
    private func isNameStart(_ words: [TermMatcher.Word], _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                             known: Set<Substring>) -> Bool {
        guard isNameWord(words[index], bytes) else { return false }
        let written = String(decoding: bytes[words[index].range], as: UTF8.self)
        if WordCutter.isAcronym(written) { return true }  // US, IT
        guard !words[index].isStopword else { return false }
        if index > 0 || known.contains(Substring(written)) { return true }
        return words.count > 1 && isNameWord(words[1], bytes) && !words[1].isStopword
    }
}

/// Builds a draft piece by piece, counting offsets in Unicode scalars and isolating left-to-right pieces in a
/// right-to-left draft.
struct DraftBuilder {
    let rightToLeft: Bool
    private(set) var text = ""
    private(set) var spans: [Translation.Span] = []
    private var length = 0

    init(rightToLeft: Bool) { self.rightToLeft = rightToLeft }

    mutating func append(_ piece: String, kind: Translation.Kind?, entry: TermEntry? = nil, status: Term.Status? = nil) {
        let isolated = rightToLeft && Self.hasLeftToRight(piece) && !piece.allSatisfy(\.isWhitespace)
        let start = length
        let shown = isolated ? "\u{2066}" + piece + "\u{2069}" : piece
        text += shown
        length += shown.unicodeScalars.count
        guard let kind else { return }
        if kind == .untranslated, let last = spans.last, last.kind == .untranslated, last.end == start {
            spans[spans.count - 1].end = length  // one stretch, however it was cut
            return
        }
        spans.append(Translation.Span(start: start, end: length, kind: kind, entry: entry?.id, glossary: entry?.glossary,
                                      status: status))
    }

    /// Whether a piece holds a letter of a left-to-right script or a digit.
    static func hasLeftToRight(_ piece: String) -> Bool {
        piece.unicodeScalars.contains { scalar in
            if ("0"..."9").contains(scalar) { return true }
            guard ICU.isAlphabetic(scalar) else { return false }
            return !ScriptTraits.rightToLeft.contains(ICU.scriptCode(of: scalar))
        }
    }
}
