import CICU
import Foundation

/// An ICU break iterator over UTF-8 text; boundaries are UTF-8 byte offsets.
///
/// Opening an ICU break iterator loads and compiles data, so one prototype per locale is kept for the life of the
/// process and each `BreakIterator` is a cheap clone of it, owned by one thread at a time.
final class BreakIterator {
    enum Kind: Int32, Sendable, Hashable { case sentence = 0, word = 1 }

    private let handle: OpaquePointer

    /// A break iterator of `kind` with `locale`'s ICU rules (an ICU locale ID, e.g. `en@ss=standard`).
    init(_ kind: Kind, locale: String) throws {
        let prototype = try Self.prototypes.value(for: "\(kind)|\(locale)") {
            var status: Int32 = 0
            let handle = brief_breaker_open(kind.rawValue, locale, &status)
            try ICU.check(status, "ubrk_open(\(locale))")
            return Handle(pointer: handle!)
        }
        var status: Int32 = 0
        let clone = brief_breaker_clone(prototype.pointer, &status)
        try ICU.check(status, "ubrk_clone")
        handle = clone!
    }

    deinit { brief_breaker_close(handle) }

    /// This thread's iterator of `kind` for `locale`, made once (cloning one per document costs more than the
    /// iteration of a short article). Do not nest two iterations over the same one.
    static func forThisThread(_ kind: Kind, locale: String) throws -> BreakIterator {
        let key = "brief.break.\(kind.rawValue).\(locale)"
        return try ThreadCache.object(key) { try BreakIterator(kind, locale: locale) }
    }

    /// Calls `body` with every boundary after the start of `text` and ICU's rule status for the segment ending there.
    func forEachBoundary(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int32) -> Void) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        var status: Int32 = 0
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
            brief_breaker_set_text(handle, chars, Int64(text.count), &status)
        }
        guard status <= 0 else { return }
        while true {
            let boundary = brief_breaker_next(handle)
            if boundary < 0 { break }
            body(Int(boundary), brief_breaker_rule_status(handle))
        }
    }

    struct Handle: @unchecked Sendable { let pointer: OpaquePointer }
    private static let prototypes = LockedCache<String, Handle>()
}

/// A process-wide cache filled on first use, safe to share between threads.
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var storage: [Key: Value] = [:]
    private let lock = NSLock()

    func value(for key: Key, create: () throws -> Value) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = storage[key] { return value }
        let value = try create()
        storage[key] = value
        return value
    }
}
