import Foundation

/// Reads a file descriptor line by line as raw bytes, holding at most one line (and one read) in memory.
///
/// Lines end at `\n`; a `\r` before it is dropped. A last line without a newline is still a line. A line longer than
/// `maximumLength` is read past and reported as `.tooLong`, so one runaway line cannot exhaust memory.
struct LineReader {
    /// One line, or the length of a line too long to keep.
    enum Line: Equatable {
        case line([UInt8])
        case tooLong(Int)
    }

    private let descriptor: Int32
    private let maximumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false

    init(descriptor: Int32, maximumLength: Int = ArticleInput.maximumBytes * 2) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
    }

    /// The next line, or nil at the end of the input.
    mutating func next() throws -> Line? {
        var skipped = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                defer { start = newline + 1; scanned = start }
                if skipped > 0 { return .tooLong(skipped + newline - start) }
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return .line(Array(buffer[start..<end]))
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                defer { start = buffer.count; scanned = start }
                return skipped > 0 ? .tooLong(skipped + buffer.count - start) : .line(Array(buffer[start...]))
            }
            if buffer.count - start > maximumLength {  // too long: drop what we have and read on to its end
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            } else if start > 0 {
                buffer.removeSubrange(..<start)
                scanned -= start
                start = 0
            }
            try fill()
        }
    }

    private mutating func fill() throws {
        let chunk = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, chunk) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            let reason = String(cString: strerror(errno))
            buffer.removeSubrange(old...)
            throw BriefError(.io, "cannot read input: \(reason)")
        }
        buffer.removeSubrange((old + count)...)
        if count == 0 { atEnd = true }
    }
}
