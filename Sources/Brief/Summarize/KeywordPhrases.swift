/// The phrases keyword terms stand in. A term that comes at least twice, and in at least two thirds of its uses next
/// to the same other content word with only spaces between, stands in that phrase — on one side, or on both where
/// the three words come together so: `East Africa`, Swahili `Afrika Mashariki`, Persian `سازمان جهانی بهداشت`,
/// Vietnamese `xâm nhập mặn` (its ICU words are syllables), Thai `ครัวเรือน` (ICU splits the compound, and no space
/// separates Thai words). A content word is a word of the same sentence that is neither a stopword nor a number, so a
/// phrase never spans punctuation, a stopword or a sentence break, and never consists of stopwords. The phrase is shown where it does not start with a capital
/// if it comes so anywhere (`maize harvest`, not the headline's `Maize harvest`), else where it first comes.
///
/// Only the top keyword terms are asked about, all at once, so this costs little: one scan of the number the term
/// pass leaves for each word (`TermAnalyzer.wordTerms`: its term, and whether only spaces come before it) finds their
/// uses and their neighbours; words and bytes are looked at only where a phrase is shown.
struct KeywordPhrases {
    struct Phrase {
        var text: Substring
        /// The terms of its words, in order.
        var terms: [Int]
    }

    let documents: [Document]
    /// Per sentence of the set, in order: its document and its index there; and its number of words.
    let owners: [(document: Int, sentence: Int)]
    let wordCounts: [Int]
    /// Per word of the set, in reading order: its term and whether only spaces come before it in its sentence
    /// (see `TermAnalyzer.wordTerms`).
    let wordTerms: [Int32]
    let isWordTerm: [Bool]
    /// The bytes of an elided form (`l'`) that starts a word, left out where a phrase starts with that word.
    let elided: (UnsafeBufferPointer<UInt8>) -> Int

    /// One use of a term asked about: which of them, where (a sentence of the set and a word of it), and the
    /// content words right before and after it (terms, -1: none).
    private struct Use {
        var slot: Int32
        var sentence: Int32, word: Int32
        var before: Int32, after: Int32
    }

    /// The phrase each of `terms` (distinct) stands in, if any.
    func phrases(of terms: [Int]) -> [Phrase?] {
        guard !terms.isEmpty else { return [] }
        var slots = [Int32](repeating: -1, count: isWordTerm.count)  // term → its index in `terms`
        for (index, term) in terms.enumerated() { slots[term] = Int32(index) }
        var uses: [Use] = []
        uses.reserveCapacity(4 * terms.count)
        let words = wordTerms, count = words.count, isWordTerm = isWordTerm, wordCounts = wordCounts
        // The term of word `index` if it is a content word that only spaces separate from the word before
        // (`joined`), or `after` it; else -1.
        func content(_ index: Int, joined: Int) -> Int32 {
            guard index < count, words[index] >= 0, words[joined] & 1 == 1 else { return -1 }
            return isWordTerm[Int(words[index] >> 1)] ? words[index] >> 1 : -1
        }
        var sentence = 0, first = 0  // the sentence of the word at hand, and the index of its first word
        for index in 0..<count {
            let code = words[index]
            guard code >= 0 else { continue }
            let term = code >> 1, slot = slots[Int(term)]
            guard slot >= 0 else { continue }
            while index >= first + wordCounts[sentence] {
                first += wordCounts[sentence]
                sentence += 1
            }
            let before = index > 0 ? content(index - 1, joined: index) : -1, after = content(index + 1, joined: index + 1)
            uses.append(Use(slot: slot, sentence: Int32(sentence), word: Int32(index - first),
                            before: before == term ? -1 : before, after: after == term ? -1 : after))
        }
        // The uses in order of their term, and where each term's begin (a counting sort).
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for use in uses { starts[Int(use.slot) + 1] += 1 }
        for index in terms.indices { starts[index + 1] += starts[index] }
        var sorted = uses
        var next = starts
        for use in uses {
            sorted[next[Int(use.slot)]] = use
            next[Int(use.slot)] += 1
        }
        var result: [Phrase?] = []
        result.reserveCapacity(terms.count)
        var texts: [String] = []
        for (index, term) in terms.enumerated() {
            let uses = sorted[starts[index]..<starts[index + 1]]
            let left = Self.common(uses) { $0.before }, right = Self.common(uses) { $0.after }
            var before = left?.term, after = right?.term
            // Both sides only where they come together so (`xâm nhập mặn`), else the stronger side: in Vietnamese
            // `đối tượng cướp tiệm vàng`, `cướp` has `tượng` before it and `tiệm` after, each from another word.
            if let left, let right,
               !Self.isCommon(uses.reduce(0) { $0 + ($1.before == left.term && $1.after == right.term ? 1 : 0) },
                              of: uses.count) {
                if left.count >= right.count { after = nil } else { before = nil }
            }
            guard before != nil || after != nil else {
                result.append(nil)
                continue
            }
            if texts.isEmpty { texts = documents.map(\.text) }
            // Where it comes first, or where it does not start with a capital.
            var shown: (document: Int, first: Range<Int>, last: Range<Int>)?
            for use in uses where (before == nil || use.before == before!) && (after == nil || use.after == after!) {
                let (document, sentence) = owners[Int(use.sentence)], word = Int(use.word)
                let words = documents[document].sentences[sentence].words
                let first = words[before == nil ? word : word - 1], last = words[after == nil ? word : word + 1]
                let capitalized = texts[document].withUTF8 { TermAnalyzer.startsUppercase(first, $0) }
                if shown == nil || !capitalized { shown = (document, first, last) }
                if !capitalized { break }
            }
            result.append(shown.map { shown in
                let start = texts[shown.document].withUTF8 {
                    shown.first.lowerBound + elided(UnsafeBufferPointer(rebasing: $0[shown.first]))
                }
                let text = texts[shown.document], utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                let upper = utf8.index(lower, offsetBy: shown.last.upperBound - start)
                return Phrase(text: text[lower..<upper], terms: [before, Int32(term), after].compactMap { $0.map(Int.init) })
            })
        }
        return result
    }

    /// The neighbour (a term) of at least two uses and at least two thirds of them, if there is one, and how many
    /// uses it is the neighbour of.
    private static func common(_ uses: ArraySlice<Use>, _ neighbour: (Use) -> Int32) -> (term: Int32, count: Int)? {
        // Such a neighbour is the majority one, which one pass finds (Boyer and Moore), and the next counts.
        var candidate: Int32 = -1, lead = 0
        for use in uses {
            if lead == 0 { candidate = neighbour(use) }
            lead += neighbour(use) == candidate ? 1 : -1
        }
        guard candidate >= 0 else { return nil }
        let count = uses.reduce(0) { $0 + (neighbour($1) == candidate ? 1 : 0) }
        return isCommon(count, of: uses.count) ? (candidate, count) : nil
    }

    /// At least two uses, and at least two thirds of them.
    private static func isCommon(_ count: Int, of uses: Int) -> Bool { count >= 2 && count * 3 >= uses * 2 }
}
