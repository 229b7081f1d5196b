/// A language's stopword list, `Dictionaries/stopwords/TAG.txt` (one word a line), read once per process.
///
/// The summarizer matches ICU-case-folded words against `folded`; language detection builds its function-word
/// profile from `entries`.
public struct Stopwords: Sendable {
    /// The entries as written (whitespace trimmed), in file order, repeats kept.
    public let entries: [String]
    /// The entries case-folded by ICU, as UTF-8 bytes.
    let folded: Set<ByteKey>

    /// The number of entries in the file.
    public var count: Int { entries.count }

    /// The stopwords of `language` (none when it has no list), read once per process for each data folder.
    public static func load(for language: Language, data: DataDirectory) throws -> Stopwords {
        try cache.value(for: "\(data.url.path)|\(language.tag)") {
            let entries = try data.languageLines("stopwords", for: language)?.map { String($0.trimmingSpaces) } ?? []
            let folder = try CaseMapper.shared()
            var folded = Set<ByteKey>()
            for entry in entries {
                var bytes: [UInt8] = []
                Array(entry.utf8).withUnsafeBufferPointer { folder.fold($0, into: &bytes) }
                folded.insert(ByteKey(bytes))
            }
            return Stopwords(entries: entries, folded: folded)
        }
    }

    /// Reads the stopword list of every supported language and every other list in `stopwords/`, once per process
    /// for each data folder, so a file that cannot be read fails when a pipeline is built. (A list has no syntax to
    /// check; it is folded when its language is first loaded.)
    static func validateAll(data: DataDirectory) throws {
        try validated.value(for: data.url.path) {
            for language in Language.withData(in: "stopwords", data: data) { _ = try data.languageFile("stopwords", for: language) }
            return true
        }
    }

    private static let cache = LockedCache<String, Stopwords>()
    private static let validated = LockedCache<String, Bool>()
}
