import Foundation

/// A 64-bit FNV-1a hash: the same bytes give the same value in every process and on every machine
/// (unlike `Hasher`, which is seeded per process).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds a string and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    mutating func combine(_ string: String) {
        combine(string.utf8)
        combine(CollectionOfOne(0))
    }

    static func of(_ string: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(string)
        return hash.value
    }
}

/// Which outputs are current: a journal, one line per finished output, kept in the output folder.
///
/// A line is `PATH-HASH KEY SIZE STAMP INPUT`: the hash of the input's relative path, a hash of everything the
/// output depends on (the pipeline's fingerprint, the format, the output's name and the input's bytes), the output's
/// size, the same settings hashed with the input's size and modification time instead of its bytes, and the input's
/// path for people reading the file. An output is current when the output file is there with that size and its
/// input's line has the same stamp (nothing to read: this is what makes a resume fast) or, failing that, the same
/// key — so an edited input, another pipeline or format, or a damaged output is redone, and a touched or copied
/// input is not. Lines are appended as outputs finish, so an interrupted batch keeps what it finished. Each line
/// also records which Brief made the output (`BUILD`, after the stamp: the version and the executable's size and
/// time, hashed), so that outputs made by another version or build are told apart on resume — kept, counted and
/// named, not silently taken as current (see `madeByOtherBuild`). Memory: 40 bytes per entry, not the paths.
final class Manifest: @unchecked Sendable {  // entries are read-only after init; appends hold `lock`
    static let header = "# brief batch manifest v3: path-hash key output-size stamp b<build> input-path"
    static let version = "brief-batch-v1"

    private struct Entry: Equatable {
        var key: UInt64
        var size: Int
        var stamp: UInt64
        /// The Brief that made the output (`Manifest.build`); 0 for a line written before builds were recorded.
        var build: UInt64
    }

    /// This Brief: its version and its executable's size and modification time, hashed.
    static let build: UInt64 = {
        var hash = StableHash()
        hash.combine(BriefVersion.number)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hash.combine("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        return hash.value
    }()

    let path: String
    private let entries: [UInt64: Entry]
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var appended = 0

    /// Opens the journal at `path`; with `ignoringEntries` (for `--force`) nothing counts as current.
    init(path: String, ignoringEntries: Bool) throws {
        self.path = path
        var entries: [UInt64: Entry] = [:]
        if !ignoringEntries {
            try Self.forEachLine(path) { line in
                if let (pathHash, entry) = Self.parse(line) { entries[pathHash] = entry }
            }
        }
        self.entries = entries
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    /// The start of an output's key: what it depends on besides its input's bytes, which are added to it next.
    static func hasher(fingerprint: String, format: String, output: String) -> StableHash {
        var hash = StableHash()
        for part in [version, fingerprint, format, output] { hash.combine(part) }
        return hash
    }

    /// An input's stamp: the output's settings (`hash`) with the input's size and modification time.
    static func stamp(_ hash: StableHash, input info: stat) -> UInt64 {
        var hash = hash
        hash.combine("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        return hash.value
    }

    /// Whether the output at `outputPath` was made from the same input and settings: the same `stamp`, or else the
    /// same `key` (when given; computing it means reading the input).
    func isCurrent(input: String, stamp: UInt64, key: UInt64? = nil, outputPath: String) -> Bool {
        guard let entry = entries[StableHash.of(input)], entry.stamp == stamp || entry.key == key else { return false }
        var info = stat()
        return stat(outputPath, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == entry.size
    }

    /// Whether a current output (see `isCurrent`) was made by another version or build of Brief than this one.
    func madeByOtherBuild(input: String) -> Bool {
        entries[StableHash.of(input)].map { $0.build != Self.build } ?? false
    }

    /// Records `stamp` for an output found current by its key (a touched or copied input), so that the next resume
    /// need not read the input again.
    func refresh(input: String, key: UInt64, stamp: UInt64) throws {
        guard let entry = entries[StableHash.of(input)], entry.key == key, entry.stamp != stamp else { return }
        try record(input: input, key: key, stamp: stamp, size: entry.size, build: entry.build)
    }

    /// Records a finished output.
    func record(input: String, key: UInt64, stamp: UInt64, size: Int, build: UInt64 = Manifest.build) throws {
        let escaped = input.utf8.contains(0x0A) ? input.replacingOccurrences(of: "\n", with: "\\n") : input
        let line = Self.hex(StableHash.of(input)) + " " + Self.hex(key) + " " + String(size) + " " + Self.hex(stamp)
            + " b" + Self.hex(build) + " " + escaped + "\n"
        try lock.withLock {
            if descriptor < 0 {
                descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
                var info = stat()
                guard descriptor >= 0, fstat(descriptor, &info) == 0 else { throw BriefError(.io, "cannot open \(path)") }
                if info.st_size == 0 { try append(Self.header + "\n") }
            }
            try append(line)
            appended += 1
        }
    }

    /// Writes `text` at the end of the journal (the caller holds `lock`).
    private func append(_ text: String) throws {
        var text = text
        let complete = text.withUTF8 { bytes in write(descriptor, bytes.baseAddress, bytes.count) == bytes.count }
        guard complete else { throw BriefError(.io, "cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Closes the journal, rewriting it without superseded lines when this run replaced some.
    func close() throws {
        try lock.withLock {
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
            guard appended > 0 else { return }
            var last: [UInt64: Int] = [:]
            var count = 0
            try Self.forEachLine(path) { line in
                count += 1
                if let (pathHash, _) = Self.parse(line) { last[pathHash] = count }
            }
            guard last.count < count - 1 else { return }  // only the header and current lines
            let file = try AtomicFile(path)
            try file.append(Self.header + "\n")
            var number = 0
            try Self.forEachLine(path) { line in
                number += 1
                if let (pathHash, _) = Self.parse(line), last[pathHash] == number {
                    try file.append(String(decoding: line, as: UTF8.self) + "\n")
                }
            }
            try file.commit()
        }
    }

    private static func forEachLine(_ path: String, _ body: ([UInt8]) throws -> Void) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { return }
            throw BriefError(.io, "cannot read \(path)")
        }
        try withExtendedLifetime(file) {
            var reader = LineReader(descriptor: file.fileDescriptor, maximumLength: 1 << 20)
            while let line = try reader.next() {
                if case .line(let bytes) = line { try body(bytes) }
            }
        }
    }

    private static func parse(_ line: [UInt8]) -> (UInt64, Entry)? {
        let fields = line.split(separator: 0x20, maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 4,
              let pathHash = UInt64(String(decoding: fields[0], as: UTF8.self), radix: 16),
              let key = UInt64(String(decoding: fields[1], as: UTF8.self), radix: 16),
              let size = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        // A version 1 line has no stamp (its fourth field is the path): it is current by key only.
        let stamp = fields.count >= 5 && fields[3].count == 16
            ? UInt64(String(decoding: fields[3], as: UTF8.self), radix: 16) ?? 0 : 0
        // A version 3 line has the build after the stamp, as b and 16 hex digits; older lines have none (0).
        let build = fields.count == 6 && fields[4].count == 17 && fields[4].first == UInt8(ascii: "b")
            ? UInt64(String(decoding: fields[4].dropFirst(), as: UTF8.self), radix: 16) ?? 0 : 0
        return (pathHash, Entry(key: key, size: size, stamp: stamp, build: build))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
