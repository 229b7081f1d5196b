import Foundation

/// Where Brief's data files live: glossaries, stopwords, abbreviations and boilerplate packs (`Dictionaries/`).
///
/// Looked up in order: `$BRIEF_DATA`, `Dictionaries/` beside or above the running executable (a build folder inside
/// the repository, or an install prefix's `share/brief/`), and the repository this library was built from.
public struct DataDirectory: Sendable, Equatable {
    /// The folder that holds `stopwords/`, `abbreviations/`, `boilerplate/` and so on.
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The data folder found the usual way.
    public static let `default`: DataDirectory = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let custom = ProcessInfo.processInfo.environment["BRIEF_DATA"], !custom.isEmpty {
            candidates.append(URL(fileURLWithPath: custom))
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("Dictionaries"))
            candidates.append(directory.appendingPathComponent("share/brief/Dictionaries"))
            directory.deleteLastPathComponent()
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent("Dictionaries"))
        let found = candidates.first { url in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.appendingPathComponent("stopwords").path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        return DataDirectory(url: found ?? candidates.last!)
    }()

    /// The repository's `Pipelines/` folder beside `Dictionaries/`.
    public var pipelines: URL { url.deletingLastPathComponent().appendingPathComponent("Pipelines") }

    /// Throws a configuration error naming the data folder when there is none where Brief looked (an install
    /// without its `share/brief/Dictionaries`, a copy of the binary alone). A folder missing a part is reported by
    /// the stage that reads it, with its path.
    public func checkComplete() throws {
        _ = try Self.checked.value(for: url.path) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("stopwords").path, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw BriefError(.config, "Brief's data folder \(url.path) is missing; set BRIEF_DATA to a Dictionaries "
                    + "folder, or reinstall with 'make install PREFIX=…'")
            }
            return true
        }
    }

    private static let checked = LockedCache<String, Bool>()

    /// A hash of every data file's path and contents, so outputs made with other data can be told apart.
    public func contentHash() -> UInt64 {
        var hash = StableHash()
        let files = (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(file).path) else { continue }
            hash.combine(file)
            hash.combine(data)
        }
        return hash.value
    }

    /// The lines of a data file, without its `#` comment lines and blank lines; nil when the file does not exist.
    public func lines(_ relativePath: String) throws -> [Substring]? {
        try numberedLines(relativePath)?.map(\.text)
    }

    /// The lines of a data file with their 1-based line numbers, without `#` comment lines and blank lines; nil
    /// when the file does not exist.
    public func numberedLines(_ relativePath: String) throws -> [(number: Int, text: Substring)]? {
        let file = url.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BriefError(.io, "cannot read data file \(file.path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        let ranges = text.withUTF8 { bytes in TextLines.ranges(bytes).map { TextLines.withoutCR($0.whole, bytes) } }
        let utf8 = text.utf8
        return ranges.enumerated().compactMap { index, range in
            let line = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                utf8.startIndex, offsetBy: range.upperBound)])
            return line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) ? nil : (index + 1, line)
        }
    }

    /// The per-language data file `folder/TAG.txt` for `language`, falling back to its base language (`sr-Latn` → `sr`).
    public func languageLines(_ folder: String, for language: Language) throws -> [Substring]? {
        try languageFile(folder, for: language)?.lines.map(\.text)
    }

    /// The path (for messages) and numbered lines of the per-language data file `folder/TAG.txt` for `language`,
    /// falling back to its base language (`sr-Latn` → `sr`); nil when there is none.
    public func languageFile(_ folder: String, for language: Language) throws
        -> (path: String, lines: [(number: Int, text: Substring)])? {
        let base = String(language.tag.split(separator: "-").first ?? "")
        for tag in [language.tag, base] where !tag.isEmpty {
            let relativePath = "\(folder)/\(tag).txt"
            if let lines = try numberedLines(relativePath) {
                return (url.appendingPathComponent(relativePath).path, lines)
            }
        }
        return nil
    }

    /// The tags of the per-language files in `folder` (`abbreviations/de.txt` → `de`), sorted.
    public func languageTags(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }
}

extension Substring {
    /// The text without the spaces and tabs around it (Unicode category Zs and U+0009, what
    /// `CharacterSet.whitespaces` trims), without a trip through Foundation: data files are read line by line.
    var trimmingSpaces: Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return Substring(scalars[start..<end])
    }
}
