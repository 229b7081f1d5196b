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
        if bytes.contains(0) || looksBinary(bytes) {
            throw BriefError(.data, "\(name) looks like a binary file, not text; Brief reads UTF-8 text")
        }
        var document = Document(bytes: bytes, id: id, language: language)
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
