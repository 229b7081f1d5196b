import CICU
import Foundation

/// An output file that appears at its destination whole or not at all: it is written unnamed and given its name on
/// `commit()`, so a reader (or a resumed batch) never sees part of it. Missing parent folders are created.
///
/// Where the file system allows it, the file is created without a name (Linux `O_TMPFILE`) and linked into place:
/// a crash or a kill leaves nothing behind, and it costs one directory update instead of two. A destination that
/// already exists is replaced by linking under a temporary name and renaming over it. Elsewhere (no `O_TMPFILE`, no
/// `/proc`) the file is written as `.NAME.RANDOM.brief-tmp` in the same folder and renamed.
final class AtomicFile {
    /// The final path.
    let destination: String
    private let folder: String
    private let name: Substring
    /// The named temporary file, when the file could not be created unnamed.
    private var temporary: String?
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var written = 0

    /// The suffix of temporary files, so tests and people can recognize leftovers.
    static let temporarySuffix = ".brief-tmp"
    private static let canLinkUnnamed = access("/proc/self/fd", X_OK) == 0

    init(_ destination: String) throws {
        self.destination = destination
        let slash = destination.utf8.lastIndex(of: UInt8(ascii: "/"))
        folder = slash.map { String(destination[..<$0]) } ?? "."
        name = slash.map { destination[destination.index(after: $0)...] } ?? destination[...]
        descriptor = -1
        if !open() && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = open()
        }
        guard descriptor >= 0 else { throw Self.failure("cannot create", destination) }
    }

    deinit { discard() }

    /// Appends text (buffered).
    func append(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Moves the finished file into place and returns its size in bytes.
    @discardableResult
    func commit() throws -> Int {
        do { try flush() } catch {
            discard()
            throw error
        }
        if temporary == nil && brief_link_unnamed(descriptor, destination) != 0 {
            // The destination exists (or linking failed): link under a temporary name, then rename over it.
            let named = temporaryPath()
            guard brief_link_unnamed(descriptor, named) == 0 else {
                let error = Self.failure("cannot create", destination)
                discard()
                throw error
            }
            temporary = named
        }
        let closed = close(descriptor)
        descriptor = -1
        if let temporary, closed != 0 || rename(temporary, destination) != 0 {
            let error = Self.failure(closed != 0 ? "cannot write" : "cannot rename into", destination)
            unlink(temporary)
            throw error
        }
        return written
    }

    /// Abandons the file; the destination is left as it was.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if let temporary { unlink(temporary) }
    }

    /// Opens the file: unnamed when possible, else under a temporary name. False (errno set) when neither worked.
    private func open() -> Bool {
        if Self.canLinkUnnamed {
            descriptor = brief_open_unnamed(folder, 0o644)
            if descriptor >= 0 || errno == ENOENT { return descriptor >= 0 }
        }
        let named = temporaryPath()
        descriptor = Glibc.open(named, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor >= 0 { temporary = named }
        return descriptor >= 0
    }

    private func temporaryPath() -> String {
        folder + "/." + name + "." + String(UInt64.random(in: 0...UInt64.max), radix: 36) + Self.temporarySuffix
    }

    private func flush() throws {
        var offset = 0
        while offset < pending.count {
            let count = pending.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write", destination)
            }
            offset += count
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    private static func failure(_ what: String, _ path: String) -> BriefError {
        BriefError(.io, "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
