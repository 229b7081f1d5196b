import Foundation

/// Reading articles: the checks every command applies before an article enters a pipeline.
public enum ArticleInput {
    /// The largest article Brief accepts (64 MiB); larger input is almost certainly not one article.
    public static let maximumBytes = 64 << 20

    /// A document from an article's bytes, or a `.data` error saying why the bytes are not an article.
    public static func document(from bytes: [UInt8], name: String, id: String? = nil, language: String? = nil)
        throws -> Document {
        if bytes.count > maximumBytes {
            throw BriefError(.data, "\(name) is \((bytes.count + (1 << 20) - 1) >> 20) MiB; one article may be at most "
                + "\(maximumBytes >> 20) MiB — split it, or use 'brief batch' for many articles")
        }
        let (bytes, encodingNote) = try decoded(bytes, name: name)
        if bytes.contains(0) || looksBinary(bytes) {
            throw BriefError(.data, "\(name) looks like a binary file, not text; Brief reads UTF-8 text")
        }
        var document = Document(bytes: bytes, id: id, language: language)
        if let encodingNote { document.notes.append(encodingNote) }
        if document.source.allSatisfy(\.isWhitespace) {
            throw BriefError(.data, "\(name) is empty; there is no article to process")
        }
        if let invalid = document.repairs["invalid-utf8"], invalid * 4 > max(bytes.count, 16) {
            throw BriefError(.data, "\(name) is not UTF-8 text (\(invalid) invalid byte sequences); convert it to UTF-8 first")
        }
        if let invalid = document.repairs["invalid-utf8"] {
            document.notes.append("\(invalid) invalid UTF-8 byte sequence\(invalid == 1 ? " was" : "s were") replaced with "
                + "U+FFFD; the input may be partly in another encoding")
        }
        return document
    }

    /// The article as UTF-8, and a note when it was in another encoding: UTF-16 or UTF-32 with a byte-order mark (as
    /// Windows tools save text), or a legacy encoding (Windows-1252, Windows-1251, ISO-8859-x, KOI8-R …) that ICU's
    /// charset detector recognizes with confidence. A text that is not UTF-8 and that the detector is unsure of is
    /// refused rather than garbled. Offsets then count bytes of the UTF-8 text.
    static func decoded(_ bytes: [UInt8], name: String) throws -> (bytes: [UInt8], note: String?) {
        let marks: [(mark: [UInt8], charset: String)] = [
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32"),
            ([0xFF, 0xFE], "UTF-16"), ([0xFE, 0xFF], "UTF-16"),
        ]
        if let (mark, charset) = marks.first(where: { bytes.starts(with: $0.mark) }) {
            let endian = mark.first == 0xFF ? "LE" : "BE"
            guard let utf8 = ICU.utf8(bytes, from: charset) else {
                throw BriefError(.data, "\(name) starts with a \(charset)\(endian) byte-order mark but is not valid \(charset)")
            }
            return (utf8, "decoded from \(charset)\(endian) (byte-order mark); offsets count bytes of its UTF-8 form")
        }
        let (valid, invalid) = utf8Sequences(bytes)
        guard invalid > 0, invalid > valid else { return (bytes, nil) }  // UTF-8, perhaps with a few stray bytes
        let guess = ICU.detectCharset(bytes)
        if let guess, guess.confidence >= 50, !guess.name.hasPrefix("UTF"), let utf8 = ICU.utf8(bytes, from: guess.name) {
            return (utf8, "decoded from \(guess.name) (ICU's charset detector, \(guess.confidence)% confident); "
                + "offsets count bytes of its UTF-8 form")
        }
        let hint = guess.map { " (ICU's charset detector guesses \($0.name), only \($0.confidence)% confident)" } ?? ""
        throw BriefError(.data, "\(name) is not UTF-8 text\(hint); convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8")
    }

    /// The valid multibyte UTF-8 sequences in `bytes` and the invalid bytes or sequences, counted.
    static func utf8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
            if length > 0, index + length <= bytes.count,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// Reads an article from a file, or from standard input for `nil` or `-`.
    public static func read(_ path: String?) throws -> (bytes: [UInt8], name: String) {
        guard let path, path != "-" else {
            return (Array(FileHandle.standardInput.readDataToEndOfFile()), "standard input")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BriefError(.noInput, "\(path) does not exist")
        }
        if isDirectory.boolValue {
            throw BriefError(.noInput, "\(path) is a folder; use 'brief batch \(path) --out DIR' for folders")
        }
        guard let bytes = readFile(path) else { throw BriefError(.io, "cannot read \(path)") }
        return (bytes, path)
    }

    /// The bytes of the file at `path` (nil when it cannot be opened or read), read with plain system calls: this runs
    /// once per article in a batch, where Foundation's file reading costs more than the read itself.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size) + 1, 4096)  // one more byte, to see the end in the first read
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity - start))
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + start, capacity - start) }
            if count < 0 && errno == EINTR {
                bytes.removeLast(capacity - start)
                continue
            }
            guard count >= 0 else { return nil }
            bytes.removeLast(capacity - start - count)
            if count == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }

    /// More than a few percent of control bytes (other than tab, newline, carriage return, form feed) means binary.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        let controls = sample.reduce(0) { count, byte in
            count + ((byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) ? 1 : 0)
        }
        return controls * 20 > sample.count
    }
}
