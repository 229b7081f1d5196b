import CStemmer

/// Finds glossary terms in source text: one token trie built once per language pair, matched longest-leftmost.
///
/// Text and terms are cut into words the same way, by ICU's word break for the source language (dictionary-based
/// for Thai, Lao, Khmer, Burmese and Chinese, so a term never matches inside a word: 习近平 stays whole). A word's
/// key is its ICU case folding (’ read as '), stemmed by Snowball where Snowball has the language, so `elections`,
/// `Election` and `election's` all reach `election`; acronyms (a word in capitals, in a sentence that is not all
/// capitals) are not stemmed, so `AIDS` is never `aid`; an acronym with periods is the same as without (`U.N.` is `UN`). Between the words of a multiword term the text may have any
/// spaces or a hyphen (`director-general` is `director general`), or the same apostrophe, dot or slash as the term; in
/// a name, letters with and without accents are the same (`António`, `Antonio`, `Brasília`); in scripts written without
/// spaces, nothing. A term ends only where a word ends, so `Iran` is not found in `Iranian` and `UN` not in `UNESCO`.
///
/// The trie only finds candidates by key; each candidate's case rule is then checked against the words as written
/// (see `Term.CaseRule`), and the first candidate that passes, in glossary priority order, is the match.
struct TermMatcher: Sendable {
    /// One word of text: its UTF-8 range and key.
    struct Word {
        var range: Range<Int>
        var key: [UInt8]
        var isNumber: Bool
        /// One of the source language's stopwords (when the cutter was given them).
        var isStopword = false
    }

    /// A match: which words (indices into the words given), and which entry.
    struct Match: Equatable {
        var words: Range<Int>
        var entry: Int
    }

    let language: Language
    /// The entries, in priority order (a later glossary's first).
    let entries: [TermEntry]
    private let edges: IntTable  // node << 8 | byte → child node
    private let terminals: [[Int]]  // node → entry indices, in priority order
    /// The words of each entry's source term as written, for the case check.
    private let surfaces: [[String]]

    init(language: Language, entries given: [TermEntry]) throws {
        self.language = language
        let entries = language.tag == "en" ? given.flatMap(Self.withArticleVariants) : given
        self.entries = entries
        // Cutting the terms into keyed words is most of the building: it runs in a few chunks on as many threads.
        let chunk = max(256, entries.count / 4 + 1)
        let prepared = try Array(stride(from: 0, to: entries.count, by: chunk)).concurrentMap { start in
            let words = try WordCutter(language: language)
            return entries[start..<min(start + chunk, entries.count)].map { entry in
                var text = entry.source.text
                return text.withUTF8 { bytes in
                    let cut = words.cut(bytes)
                    // Each term goes in as its stems, and as its words unstemmed: for text in capitals, whose words
                    // are not stemmed (UNITED NATIONS in a dateline), and for an inflected form whose stem is the
                    // base form itself (Snowball stems Russian Иране to иран, but Иран to ира).
                    let capitals = words.words(bytes, at: cut.map(\.range), shouting: false, stemming: false)
                    var keys: [[UInt8]] = []
                    for variant in [cut, capitals] where !variant.isEmpty {
                        if let key = Self.key(of: variant, in: bytes, language: language), !keys.contains(key) { keys.append(key) }
                    }
                    return (surface: cut.map { String(decoding: bytes[$0.range], as: UTF8.self) }, keys: keys)
                }
            }
        }.joined()
        var edges = IntTable(capacity: prepared.reduce(0) { $0 + $1.keys.reduce(0) { $0 + $1.count } })
        var terminals: [[Int]] = [[]]
        var surfaces: [[String]] = []
        surfaces.reserveCapacity(entries.count)
        var nodeCount: Int32 = 1
        for (index, term) in prepared.enumerated() {
            surfaces.append(term.surface)
            for key in term.keys {
                var node: Int32 = 0
                for byte in key {
                    let edge = Int(node) << 8 | Int(byte)
                    if let next = edges[edge] {
                        node = next
                    } else {
                        edges.insert(edge, nodeCount)
                        node = nodeCount
                        nodeCount += 1
                        terminals.append([])
                    }
                }
                terminals[Int(node)].append(index)
            }
        }
        self.edges = edges
        self.terminals = terminals
        self.surfaces = surfaces
    }

    /// An English name with its `of the` variant: the press writes both the Democratic Republic of the Congo and
    /// the Democratic Republic of Congo, the Office for the Coordination and the Office for Coordination.
    private static func withArticleVariants(_ entry: TermEntry) -> [TermEntry] {
        guard entry.source.pos == "propn", hasOfOrFor(entry.source.text) else { return [entry] }
        var words = entry.source.text.split(separator: " ", omittingEmptySubsequences: false)
        guard let at = words.indices.dropLast().first(where: { words[$0] == "of" || words[$0] == "for" }) else { return [entry] }
        if words[at + 1] == "the" {
            words.remove(at: at + 1)
        } else if words[at + 1].unicodeScalars.first.map(ICU.isUppercase) ?? false {
            words.insert("the", at: at + 1)
        } else {
            return [entry]
        }
        var variant = entry
        variant.source.text = words.joined(separator: " ")
        return [entry, variant]
    }

    /// Whether an English text has the word `of` or `for` between two others (on bytes: this runs for every name).
    private static func hasOfOrFor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 6 else { return false }
        for index in 1..<(bytes.count - 4) where bytes[index - 1] == 0x20 && (bytes[index] == 0x6F || bytes[index] == 0x66) {
            if bytes[index] == 0x6F, bytes[index + 1] == 0x66, bytes[index + 2] == 0x20 { return true }  // of
            if bytes[index] == 0x66, bytes[index + 1] == 0x6F, bytes[index + 2] == 0x72, bytes[index + 3] == 0x20 { return true }  // for
        }
        return false
    }

    /// The key bytes of a run of words: their keys joined by the gap between them (0x01 for spaces, the gap itself
    /// for a hyphen or similar, nothing in scripts without spaces); nil when a gap cannot be inside a term.
    private static func key(of words: [Word], in bytes: UnsafeBufferPointer<UInt8>, language: Language) -> [UInt8]? {
        var key: [UInt8] = []
        for (index, word) in words.enumerated() {
            if index > 0 {
                guard let gap = gapKey(gap(words[index - 1], word, bytes)) else { return nil }
                key.append(contentsOf: gap)
            }
            key.append(contentsOf: word.key)
        }
        return key
    }

    /// What a gap between two words of a term becomes in a key, or nil when no term spans it.
    static func gapKey(_ gap: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        if gap.isEmpty { return [] }
        if gap.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) { return [0x01] }
        // A hyphen is as good as a space: director-general, director general.
        if gap.elementsEqual([0x2D]) || gap.elementsEqual([0xE2, 0x80, 0x91]) { return [0x01] }
        let joiners: [[UInt8]] = [[0x27], [0x2E], [0x2F], [0xE2, 0x80, 0x99], [0xC2, 0xB7]]
        return joiners.contains(where: { $0.elementsEqual(gap) }) ? Array(gap) : nil
    }

    /// Longest-leftmost matches in `words` of `bytes`: from each word, the longest term whose case rule holds;
    /// after a match, the search goes on after it.
    func matches(_ words: [Word], in bytes: UnsafeBufferPointer<UInt8>, shouting: Bool) -> [Match] {
        var result: [Match] = []
        var start = 0
        while start < words.count {
            var node: Int32 = 0
            var best: Match?
            var end = start
            walk: while end < words.count {
                if end > start {
                    guard let gap = Self.gapKey(Self.gap(words[end - 1], words[end], bytes)),
                          let next = follow(node, gap) else { break walk }
                    node = next
                }
                guard let next = follow(node, words[end].key) else { break walk }
                node = next
                if !terminals[Int(node)].isEmpty, let entry = choose(terminals[Int(node)], words[start...end], bytes, shouting) {
                    best = Match(words: start..<(end + 1), entry: entry)
                }
                end += 1
            }
            if let best {
                result.append(best)
                start = best.words.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    /// The bytes between two words; a dotted acronym's last period is its own (U.N. Security Council), as ICU
    /// leaves it out of the word.
    static func gap(_ left: Word, _ right: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = left.range.upperBound
        if start < right.range.lowerBound, bytes[start] == 0x2E, bytes[left.range].contains(0x2E) { start += 1 }
        return bytes[start..<right.range.lowerBound]
    }

    /// Of the entries whose key the words reach, the first whose case rule holds; when several terms share a stem
    /// (negotiate, negotiation), the one written most like the text (negotiations → negotiation).
    private func choose(_ candidates: [Int], _ words: ArraySlice<Word>, _ bytes: UnsafeBufferPointer<UInt8>,
                        _ shouting: Bool) -> Int? {
        let agreeing = candidates.filter {
            casesAgree($0, words, bytes, shouting: shouting) && (language.tag != "en" || inflectionsAgree($0, words, bytes))
        }
        guard agreeing.count > 1 else { return agreeing.first }
        let written = Array(String(decoding: bytes[words.first!.range.lowerBound..<words.last!.range.upperBound],
                                   as: UTF8.self).lowercased().utf8)
        func shared(_ index: Int) -> Int {
            zip(entries[index].source.text.lowercased().utf8, written).prefix { $0 == $1 }.count
        }
        return agreeing.max { shared($0) < shared($1) }  // max keeps the first of equals
    }

    /// Whether each English word as written is its term's word or an inflection of it. Snowball also stems some
    /// derivations alike (reporter and reported both reach `report`), which a glossary must keep apart.
    private func inflectionsAgree(_ index: Int, _ words: ArraySlice<Word>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let expected = surfaces[index]
        guard expected.count == words.count else { return true }
        return zip(expected, words).allSatisfy { term, word in
            // Names are left to the key (accents aside, Brasília is Brasilia); they inflect only for the possessive.
            term.unicodeScalars.first.map(ICU.isUppercase) ?? true
                || Self.inflects(String(decoding: bytes[word.range], as: UTF8.self), term)
        }
    }

    /// Whether English `text` is `term` or a regular inflection of it: a plural or possessive (negotiations,
    /// countries, Council's, workers'), a verb form (reported, banned, making, carried), or the singular of a plural
    /// term (force for forces). Never a derivation: reporter is not report, nor negotiating negotiation.
    static func inflects(_ text: String, _ term: String) -> Bool {
        // Lowercased, ’ read as ': on bytes for ASCII words (nearly all), through String otherwise.
        func folded(_ word: String) -> [UInt8] {
            var bytes = Array(word.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(word.lowercased().replacingOccurrences(of: "’", with: "'").utf8) }
            for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
            return bytes
        }
        let text = folded(text), term = folded(term)
        let shared = zip(text, term).prefix { $0 == $1 }.count
        if shared == term.count && shared == text.count { return true }
        let termRest = String(decoding: term[shared...], as: UTF8.self)
        var textRest = String(decoding: text[shared...], as: UTF8.self)
        if termRest == "s" || termRest == "es" { return textRest.isEmpty || textRest == "'" || textRest == "'s" }
        guard ["", "e", "y"].contains(termRest) else { return false }
        if termRest.isEmpty, let last = term.last, textRest.utf8.first == last, textRest.count > 2 {
            textRest.removeFirst()  // a doubled consonant: banned, stopping
        }
        let endings = termRest == "y" ? ["ies", "ied", "ies'"]
            : termRest == "e" ? ["ing"]
            : ["", "s", "es", "'s", "'", "s'", "es'", "ed", "d", "ing"]
        return endings.contains(textRest)
    }

    private func follow(_ node: Int32, _ bytes: [UInt8]) -> Int32? {
        var node = node
        for byte in bytes {
            guard let next = edges[Int(node) << 8 | Int(byte)] else { return nil }
            node = next
        }
        return node
    }

    /// Whether the words as written satisfy the case rule of entry `index`'s source term.
    private func casesAgree(_ index: Int, _ words: ArraySlice<Word>, _ bytes: UnsafeBufferPointer<UInt8>,
                            shouting: Bool) -> Bool {
        let term = entries[index].source
        let expected = surfaces[index]
        guard expected.count == words.count else { return term.caseRule == .insensitive }
        for (written, word) in zip(expected, words) {
            let actual = WordCutter.undotted(String(decoding: bytes[word.range], as: UTF8.self))
            let written = WordCutter.undotted(written)
            switch term.caseRule {
            case .insensitive: continue
            case .sensitive:
                if !actual.replacingOccurrences(of: "’", with: "'").hasPrefix(written.replacingOccurrences(of: "’", with: "'")) {
                    return false
                }
            case .auto:
                if WordCutter.isAcronym(written) {
                    if !actual.hasPrefix(written) { return false }
                } else if let first = written.unicodeScalars.first, ICU.isUppercase(first) {
                    guard let initial = actual.unicodeScalars.first, ICU.isUppercase(initial) else { return false }
                } else if !shouting && WordCutter.isAcronym(actual) {
                    return false  // a lowercase term is not an acronym written in capitals (aid vs AIDS)
                }
            }
        }
        return true
    }
}

/// Cuts text into word tokens with ICU's word break and gives each its matching key (folded, stemmed).
final class WordCutter {
    let language: Language
    private let iterator: BreakIterator
    private let folder: CaseMapper
    private let stemmer: OpaquePointer?
    /// Takes accents off names, where the press spells a foreign name either way; not for Vietnamese, whose
    /// marks make different words.
    private let decomposer: Normalizer?

    private let stopwords: Set<ByteKey>
    /// What each spelling became (key, stopword), one table per mode (stemmed, in a shouted headline, unstemmed):
    /// news repeats its words. Starts over after `memoLimit` spellings, so memory stays flat.
    private var memo = [ByteTable](repeating: ByteTable(), count: 3)
    private var known: [(key: [UInt8], isStopword: Bool)] = []
    static let memoLimit = 100_000

    init(language: Language, stopwords: Set<ByteKey> = []) throws {
        self.language = language
        self.stopwords = stopwords
        iterator = try BreakIterator(.word, locale: language.icuLocale)
        folder = try CaseMapper.shared()
        stemmer = language.stemmer.flatMap { sb_stemmer_new($0, "UTF_8") }
        decomposer = language.tag == "vi" ? nil : try Normalizer(.nfd)
    }

    deinit { if let stemmer { sb_stemmer_delete(stemmer) } }

    /// The words of `bytes` (ICU word-break segments with a word or number status), with keys; `shouting` says
    /// whether the text is written all in capitals (a headline), where capitals do not make an acronym.
    func cut(_ bytes: UnsafeBufferPointer<UInt8>, shouting: Bool = false, stemming: Bool = true) -> [TermMatcher.Word] {
        var words: [TermMatcher.Word] = []
        // ASCII letters between single spaces are cut at the spaces, as ICU would cut them, without ICU: most terms
        // of a glossary from English are written so, and ICU's set-up per text is most of the cost of cutting one.
        if !bytes.isEmpty, bytes.allSatisfy({ $0 == 0x20 || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
           bytes.first != 0x20, bytes.last != 0x20,
           !bytes.indices.dropFirst().contains(where: { bytes[$0] == 0x20 && bytes[$0 - 1] == 0x20 }) {
            var start = 0
            for end in bytes.indices where bytes[end] == 0x20 {
                words.append(word(bytes, start..<end, isNumber: false, shouting: shouting, stemming: stemming))
                start = end + 1
            }
            if start < bytes.count { words.append(word(bytes, start..<bytes.count, isNumber: false, shouting: shouting, stemming: stemming)) }
            return words
        }
        var start = 0
        iterator.forEachBoundary(in: bytes) { end, status in
            defer { start = end }
            guard status >= 100 else { return }  // spaces and punctuation
            words.append(word(bytes, start..<end, isNumber: status < 200, shouting: shouting, stemming: stemming))
        }
        return words
    }

    /// The words at `ranges` of `bytes`, already found by ICU's word break (the segment stage's), with keys.
    func words(_ bytes: UnsafeBufferPointer<UInt8>, at ranges: [Range<Int>], shouting: Bool, stemming: Bool = true)
        -> [TermMatcher.Word] {
        ranges.map { range in
            let lead = bytes[range.lowerBound]
            let isNumber = lead < 0x80 ? (0x30...0x39).contains(lead)
                : String(decoding: bytes[range], as: UTF8.self).unicodeScalars.first?.properties.numericType == .decimal
            return word(bytes, range, isNumber: isNumber, shouting: shouting, stemming: stemming)
        }
    }

    private func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isNumber: Bool, shouting: Bool,
                      stemming: Bool) -> TermMatcher.Word {
        let mode = shouting ? 1 : stemming ? 0 : 2
        let spelling = UnsafeBufferPointer(rebasing: bytes[range])
        let index: Int
        if let seen = memo[mode].value(for: spelling) {
            index = Int(seen)
        } else {
            if known.count >= Self.memoLimit {
                memo = [ByteTable](repeating: ByteTable(), count: 3)
                known.removeAll(keepingCapacity: true)
            }
            index = known.count
            known.append(key(bytes, range, shouting: shouting, stemming: stemming))
            memo[mode].insert(spelling, Int32(index))
        }
        return TermMatcher.Word(range: range, key: known[index].key, isNumber: isNumber, isStopword: known[index].isStopword)
    }

    /// The matching key of one word, and whether it is a stopword.
    private func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, shouting: Bool, stemming: Bool)
        -> (key: [UInt8], isStopword: Bool) {
        let slice = bytes[range]
        if !slice.contains(where: { $0 >= 0x80 || $0 == 0x2E }) {
            // ASCII without periods (most words of English): folding is lowercasing, and no ICU is needed.
            var folded = Array(slice)
            var capitals = 0, lowercase = false
            for index in folded.indices {
                if folded[index] >= 0x41 && folded[index] <= 0x5A { folded[index] |= 0x20; capitals += 1 }
                else if folded[index] >= 0x61 && folded[index] <= 0x7A { lowercase = true }
            }
            return stemmed(folded, stemming: stemming && (shouting || lowercase || capitals < 2))
        }
        let written = String(decoding: slice, as: UTF8.self)
        var undotted = Self.undotted(written)
        if let decomposer, bytes[range].contains(where: { $0 >= 0x80 }), let first = written.unicodeScalars.first,
           ICU.isUppercase(first), ICU.scriptCode(of: first) == "Latn", let decomposed = try? decomposer.normalize(undotted) {
            undotted = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }))
        }
        var folded: [UInt8] = []
        if undotted != written {
            var copy = undotted
            copy.withUTF8 { folder.fold($0, into: &folded) }
        } else {
            folder.fold(UnsafeBufferPointer(rebasing: bytes[range]), into: &folded)
        }
        var index = 0  // ’ → '
        while index + 2 < folded.count {
            if folded[index] == 0xE2 && folded[index + 1] == 0x80 && folded[index + 2] == 0x99 {
                folded.replaceSubrange(index..<(index + 3), with: [0x27])
            }
            index += 1
        }
        return stemmed(folded, stemming: stemming && (shouting || !Self.isAcronym(written)))
    }

    /// The key of a folded word: its Snowball stem when `stemming` (and the language has a stemmer); and whether it
    /// is a stopword.
    private func stemmed(_ folded: [UInt8], stemming: Bool) -> (key: [UInt8], isStopword: Bool) {
        let isStopword = stopwords.contains(ByteKey(folded))
        guard let stemmer, stemming else { return (folded, isStopword) }
        let key = folded.withUnsafeBufferPointer { buffer -> [UInt8] in
            guard let stem = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return folded }
            return Array(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))))
        }
        return (key, isStopword)
    }

    /// An acronym written with periods between single letters, without them: `U.N` → `UN` (ICU leaves the last
    /// period out of the word); any other word as it is.
    static func undotted(_ word: String) -> String {
        guard word.utf8.contains(0x2E) else { return word }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count % 2 == 1 else { return word }
        for (index, scalar) in scalars.enumerated() where (index % 2 == 1) != (scalar == ".") { return word }
        return String(String.UnicodeScalarView(scalars.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)))
    }

    /// A word of two or more letters, all capitals (`US`, `WHO`, `COVID`); digits may follow (`G20`).
    static func isAcronym(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars {
            if ICU.isLowercase(scalar) { return false }
            if ICU.isUppercase(scalar) { letters += 1 }
        }
        return letters >= 2
    }

    /// Whether a sentence is written in capitals (a shouted headline): most of its cased letters are capitals.
    static func isShouting(_ text: Substring) -> Bool {
        var upper = 0, lower = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if ("A"..."Z").contains(scalar) { upper += 1 } else if ("a"..."z").contains(scalar) { lower += 1 }
            } else if ICU.isUppercase(scalar) { upper += 1 } else if ICU.isLowercase(scalar) { lower += 1 }
        }
        return upper >= 8 && upper > 3 * lower
    }
}
