import CStemmer
import Foundation

/// Turns a sentence's word tokens into term IDs for comparing sentences: ICU case folding, the language's
/// stopwords removed, then a Snowball stem where Snowball has the language, or else the word's first five
/// characters (truncation, which matches inflected forms about as well as a stemmer in agglutinative languages).
/// Scripts written without spaces get character bigrams inside each ICU word as extra terms, so partial matches of
/// compounds still count. A stopword list's entries that end in an apostrophe are elided forms (French `l'`, `qu'`,
/// Albanian `s'`, Kinyarwanda `ry’`): ICU keeps `l'Assemblée` as one word, and it is read as `Assemblée`.
///
/// Folding and stemming are the costly part, and news repeats its words, so each thread keeps one analyzer per
/// language that remembers what every spelling it has seen becomes (one hash of the word's bytes on a repeat). The
/// memo starts over after `memoLimit` spellings, so memory stays flat however many articles pass. Term IDs are
/// numbered per document set in order of first use, so results never depend on what the thread saw before.
final class TermAnalyzer {
    let language: Language
    private let stopwords: Set<ByteKey>
    /// The stopwords that end in an apostrophe, folded, each with ' and with ’.
    private let elisions: [[UInt8]]
    private let stemmer: OpaquePointer?
    private let folder: CaseMapper

    /// Spellings remembered before the memo starts over.
    static let memoLimit = 200_000

    /// Everything that changes, in one value: `terms(of:in:document:)` takes it out of the object once per
    /// sentence, so the per-word work pays no exclusivity checks on class properties.
    private var state = State()

    private struct Spelling {
        var term: Int32  // -1: a stopword
        var isNumber: Bool
        var bigrams: Range<Int>  // in `bigramTerms`
        var elided = 0  // bytes of an elided form before the word proper (`l'`)
    }

    private struct State {
        // The memo: spelling → what it becomes; term key (stem, prefix or bigram) → thread-wide term number.
        var spellings = ByteTable()
        var spellingInfo: [Spelling] = []
        var bigramTerms: [Int32] = []
        var termKeys = ByteTable()
        // The current document set: thread-wide term number → its ID here (valid when its stamp is `generation`).
        var localID: [Int32] = []
        var stamp: [UInt32] = []
        var generation: UInt32 = 0
        var surfaces: [(document: Int, range: Range<Int>)] = []
        var isWordTerm: [Bool] = []
        var surfaceIsUppercase: [Bool] = []
        var wordTerms: [Int32] = []

        mutating func begin() {
            generation &+= 1
            if generation == 0 {  // wrapped: no stale stamp may match
                stamp = [UInt32](repeating: 0, count: stamp.count)
                generation = 1
            }
            surfaces = []
            isWordTerm = []
            surfaceIsUppercase = []
            wordTerms.removeAll(keepingCapacity: true)
        }

        /// The thread-wide number of a term key.
        mutating func termNumber(_ key: [UInt8]) -> Int32 {
            key.withUnsafeBufferPointer { key in
                if let number = termKeys.value(for: key) { return number }
                let number = Int32(termKeys.count)
                termKeys.insert(key, number)
                localID.append(0)
                stamp.append(0)
                return number
            }
        }

        /// The term's ID in the current document set, numbered in order of first use.
        mutating func local(_ term: Int32, surface: (document: Int, range: Range<Int>)?, isWord: Bool,
                            in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let index = Int(term)
            if stamp[index] == generation {
                let id = Int(localID[index])
                // Prefer a lowercase spelling for keywords ("billion", not the headline's "Billion").
                if surfaceIsUppercase[id], let surface, TermAnalyzer.startsLowercase(surface.range, bytes) {
                    surfaces[id] = surface
                    surfaceIsUppercase[id] = false
                }
                return id
            }
            let id = surfaces.count
            stamp[index] = generation
            localID[index] = Int32(id)
            surfaces.append(surface ?? (0, 0..<0))
            isWordTerm.append(isWord && (surface?.range.count ?? 0) > 1)
            surfaceIsUppercase.append(surface.map { TermAnalyzer.startsUppercase($0.range, bytes) } ?? false)
            return id
        }
    }

    /// Term ID → where its first spelling is (a lowercase one when there is one), for keywords.
    var surfaces: [(document: Int, range: Range<Int>)] { state.surfaces }
    /// Term ID → whether the term is a word of letters (not a number or bigram), for keywords.
    var isWordTerm: [Bool] { state.isWordTerm }
    /// Each word of the current document set, in the order its sentences were given, for keyword phrases (one
    /// number a word, in a buffer the thread reuses): -1 for a stopword, else `term ID << 1`, plus 1 when only spaces
    /// separate the word from the one before it in its sentence.
    var wordTerms: [Int32] { state.wordTerms }

    /// This thread's analyzer for `language`, ready for a new document set.
    static func forThisThread(language: Language, data: DataDirectory) throws -> TermAnalyzer {
        let key = "brief.terms.\(data.url.path)|\(language.tag)"
        let analyzer = try ThreadCache.object(key) { try TermAnalyzer(language: language, data: data) }
        analyzer.begin()
        return analyzer
    }

    private init(language: Language, data: DataDirectory) throws {
        self.language = language
        stopwords = try Stopwords.load(for: language, data: data).folded
        elisions = Self.elidedForms(in: stopwords)
        stemmer = language.stemmer.flatMap { sb_stemmer_new($0, "UTF_8") }
        folder = try CaseMapper.shared()
    }

    deinit { if let stemmer { sb_stemmer_delete(stemmer) } }

    private func begin() {
        if state.spellings.count > Self.memoLimit { state = State() }
        state.begin()
    }

    /// The number of distinct terms of the current document set.
    var termCount: Int { state.surfaces.count }

    /// The term IDs of a sentence's words (repeats kept: counts are term frequencies); `bytes` is the text of
    /// document number `document` of the set; words before byte `start` (a dateline) count as stopwords. Each word
    /// is added to `wordTerms` as well.
    func terms(of sentence: Sentence, in bytes: UnsafeBufferPointer<UInt8>, document: Int = 0, from start: Int = 0)
        -> [Int] {
        var state = State()
        swap(&state, &self.state)
        defer { swap(&state, &self.state) }
        var result: [Int] = []
        result.reserveCapacity(sentence.words.count)
        var previousEnd = -1  // where the sentence's word before ends
        for word in sentence.words {
            let gapStart = previousEnd
            previousEnd = word.upperBound
            guard word.lowerBound >= start else {
                state.wordTerms.append(-1)
                continue
            }
            let info = spelling(UnsafeBufferPointer(rebasing: bytes[word]), &state)
            guard info.term >= 0 else {
                state.wordTerms.append(-1)
                continue
            }
            let surface = (document, word.lowerBound + info.elided..<word.upperBound)
            let id = state.local(info.term, surface: surface, isWord: !info.isNumber, in: bytes)
            result.append(id)
            let joined = gapStart >= 0 && (gapStart..<word.lowerBound).allSatisfy { bytes[$0] == 0x20 }
            state.wordTerms.append(Int32(id) << 1 | (joined ? 1 : 0))
            for bigram in state.bigramTerms[info.bigrams] {
                result.append(state.local(bigram, surface: nil, isWord: false, in: bytes))
            }
        }
        return result
    }

    /// The term IDs of a text outside the document set (a headline) that the set's sentences already have: nothing
    /// is numbered anew and no spelling or word is recorded, so the set's keywords and phrases stay as they were.
    func knownTerms(of sentence: Sentence, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var state = State()
        swap(&state, &self.state)
        defer { swap(&state, &self.state) }
        var result: [Int] = []
        for word in sentence.words {
            let info = spelling(UnsafeBufferPointer(rebasing: bytes[word]), &state)
            guard info.term >= 0 else { continue }
            for term in [info.term] + state.bigramTerms[info.bigrams] where state.stamp[Int(term)] == state.generation {
                result.append(Int(state.localID[Int(term)]))
            }
        }
        return result
    }

    /// What a spelling becomes, from the memo or analyzed and remembered.
    private func spelling(_ spelling: UnsafeBufferPointer<UInt8>, _ state: inout State) -> Spelling {
        if let known = state.spellings.value(for: spelling) { return state.spellingInfo[Int(known)] }
        let info = analyze(spelling, &state)
        state.spellings.insert(spelling, Int32(state.spellingInfo.count))
        state.spellingInfo.append(info)
        return info
    }

    /// The bytes of an elided form (`l'`) that starts `word`, a word of the current document set.
    func elided(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        state.spellings.value(for: word).map { state.spellingInfo[Int($0)].elided } ?? 0
    }

    /// Characters kept of a word in a language without a stemmer.
    static let prefixLength = 5

    /// What a spelling not seen before becomes: folded, checked against the stopwords, stemmed or truncated.
    private func analyze(_ spelling: UnsafeBufferPointer<UInt8>, _ state: inout State) -> Spelling {
        var folded: [UInt8] = []
        folder.fold(spelling, into: &folded)
        for form in elisions where folded.count > form.count && folded.starts(with: form) {
            var word = analyze(UnsafeBufferPointer(rebasing: spelling[form.count...]), &state)
            word.elided += form.count  // the form is ASCII letters and an apostrophe: as long folded as not
            return word
        }
        if stopwords.contains(ByteKey(folded)) { return Spelling(term: -1, isNumber: false, bigrams: 0..<0) }
        let isNumber = folded.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
        var key = folded
        if let stemmer, !isNumber {
            key = folded.withUnsafeBufferPointer { buffer in
                guard let stem = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return folded }
                return Array(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))))
            }
        } else if !isNumber && !language.writesWithoutSpaces && folded.count > Self.prefixLength {
            let characters = String(decoding: folded, as: UTF8.self)
            if characters.count > Self.prefixLength { key = Array(characters.prefix(Self.prefixLength).utf8) }
        }
        let term = state.termNumber(key)
        let start = state.bigramTerms.count
        if language.writesWithoutSpaces {
            let characters = Array(String(decoding: folded, as: UTF8.self))
            if characters.count > 2 {
                for index in 0..<(characters.count - 1) {
                    state.bigramTerms.append(state.termNumber(Array(String(characters[index...index + 1]).utf8) + [0]))
                }
            }
        }
        return Spelling(term: term, isNumber: isNumber, bigrams: start..<state.bigramTerms.count)
    }
    fileprivate static func startsLowercase(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !range.isEmpty && bytes[range.lowerBound] >= 0x61 && bytes[range.lowerBound] <= 0x7A
    }

    static func startsUppercase(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty else { return false }
        let first = bytes[range.lowerBound]
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        let prefix = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 4)])
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.first.map(ICU.isUppercase) ?? false
    }

    /// The stopwords that are ASCII letters and an apostrophe (`l'`, `ry’`), each with ' and with ’, longest first.
    static func elidedForms(in stopwords: Set<ByteKey>) -> [[UInt8]] {
        let apostrophes = [Array("'".utf8), Array("’".utf8)]
        var forms: Set<[UInt8]> = []
        for word in stopwords.map(\.bytes) {
            for mark in apostrophes where word.count > mark.count && word.suffix(mark.count).elementsEqual(mark) {
                let stem = word.dropLast(mark.count)
                guard stem.allSatisfy({ (0x61...0x7A).contains($0) }) else { continue }
                for other in apostrophes { forms.insert(stem + other) }
            }
        }
        return forms.sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }
    }
}
