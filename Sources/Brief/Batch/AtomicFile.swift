import Foundation

/// An output file written beside its destination under a temporary name and renamed into place on `commit()`,
/// so a reader (or a resumed batch) sees the whole file or none of it. Missing parent folders are created.
final class AtomicFile {
    /// The final path.
    let destination: String
    /// The temporary file in the same folder: `.NAME.RANDOM.brief-tmp`.
    let temporary: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var written = 0

    /// The suffix of temporary files, so tests and people can recognize leftovers.
    static let temporarySuffix = ".brief-tmp"

    init(_ destination: String) throws {
        self.destination = destination
        let slash = destination.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(destination[..<$0]) } ?? "."
        let name = slash.map { destination[destination.index(after: $0)...] } ?? destination[...]
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporary = folder + "/." + name + "." + random + Self.temporarySuffix
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 || rename(temporary, destination) != 0 {
            let error = Self.failure(closed != 0 ? "cannot write" : "cannot rename into", destination)
            unlink(temporary)
            throw error
        }
        return written
    }

    /// Removes the temporary file; the destination is left as it was.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
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
