import CStemmer

/// Turns a sentence's word tokens into term IDs for comparing sentences: ICU case folding, the language's
/// stopwords removed, then a Snowball stem where Snowball has the language, or else the word's first five
/// characters (truncation, which matches inflected forms about as well as a stemmer in agglutinative languages).
/// Scripts written without spaces get character bigrams inside each ICU word as extra terms, so partial matches of
/// compounds still count.
///
/// One analyzer serves one document (Snowball stemmers are not thread-safe); the stopword list is shared.
final class TermAnalyzer {
    let language: Language
    private let stopwords: Set<ByteKey>
    private let stemmer: OpaquePointer?
    private let folder: CaseMapper
    private var ids: [ByteKey: Int] = [:]
    /// Term ID → the first surface form seen, for keywords.
    private(set) var surfaces: [String] = []
    /// Term ID → whether the term is a word of letters (not a number or bigram), for keywords.
    private(set) var isWordTerm: [Bool] = []

    init(language: Language, data: DataDirectory) throws {
        self.language = language
        stopwords = try Self.stopwords(for: language, data: data)
        stemmer = language.stemmer.flatMap { sb_stemmer_new($0, "UTF_8") }
        folder = try CaseMapper.shared()
    }

    deinit { if let stemmer { sb_stemmer_delete(stemmer) } }

    /// The term IDs of a sentence's words (repeats kept: counts are term frequencies).
    func terms(of sentence: Sentence, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(sentence.words.count)
        var folded: [UInt8] = []
        for word in sentence.words {
            folded.removeAll(keepingCapacity: true)
            let slice = bytes[word]
            if slice.allSatisfy({ $0 < 0x80 }) {  // ASCII: lowercase without a call into ICU
                folded.append(contentsOf: slice.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            } else {
                folder.fold(UnsafeBufferPointer(rebasing: slice), into: &folded)
            }
            if stopwords.contains(ByteKey(folded)) { continue }
            let isNumber = folded.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
            var key = folded
            if stemmer == nil && !isNumber && !language.writesWithoutSpaces && folded.count > 5 {
                let characters = String(decoding: folded, as: UTF8.self)
                if characters.count > Self.prefixLength { key = Array(characters.prefix(Self.prefixLength).utf8) }
            }
            if let stemmer, !isNumber {
                key = folded.withUnsafeBufferPointer { buffer in
                    guard let stem = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else {
                        return folded
                    }
                    return Array(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))))
                }
            }
            result.append(id(key, surface: bytes[word], isWord: !isNumber))
            if language.writesWithoutSpaces {
                let characters = Array(String(decoding: folded, as: UTF8.self))
                if characters.count > 2 {
                    for index in 0..<(characters.count - 1) {
                        let bigram = Array(String(characters[index...index + 1]).utf8) + [0]
                        result.append(id(bigram, surface: nil, isWord: false))
                    }
                }
            }
        }
        return result
    }

    /// Characters kept of a word in a language without a stemmer.
    static let prefixLength = 5

    private func id(_ key: [UInt8], surface: Slice<UnsafeBufferPointer<UInt8>>?, isWord: Bool) -> Int {
        if let existing = ids[ByteKey(key)] {
            // Prefer a lowercase spelling for keywords ("billion", not the headline's "Billion").
            if let surface, let first = surface.first, first >= 0x61 && first <= 0x7A,
               let stored = surfaces[existing].unicodeScalars.first, ICU.isUppercase(stored) {
                surfaces[existing] = String(decoding: surface, as: UTF8.self)
            }
            return existing
        }
        let new = surfaces.count
        ids[ByteKey(key)] = new
        surfaces.append(surface.map { String(decoding: $0, as: UTF8.self) } ?? "")
        isWordTerm.append(isWord && surface.map { $0.count > 1 } ?? false)
        return new
    }

    /// The stopwords for `language` (case-folded UTF-8), read once per process.
    static func stopwords(for language: Language, data: DataDirectory) throws -> Set<ByteKey> {
        try stopwordCache.value(for: "\(data.url.path)|\(language.tag)") {
            let folder = try CaseMapper.shared()
            var set = Set<ByteKey>()
            for line in try data.languageLines("stopwords", for: language) ?? [] {
                var folded: [UInt8] = []
                let word = Array(line.trimmingCharacters(in: .whitespaces).utf8)
                word.withUnsafeBufferPointer { folder.fold($0, into: &folded) }
                set.insert(ByteKey(folded))
            }
            return set
        }
    }

    private static let stopwordCache = LockedCache<String, Set<ByteKey>>()
}

/// UTF-8 bytes as a dictionary key, hashed in one pass (an `[UInt8]` key hashes byte by byte).
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}
