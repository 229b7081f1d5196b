import CICU
import Foundation

/// ICU's Unicode normalizers (NFC, NFKC, NFKC with case folding, and NFD for taking accents off).
struct Normalizer: @unchecked Sendable {
    enum Form: Int32, Sendable { case nfc = 0, nfkc = 1, nfkcCasefold = 2, nfd = 3 }

    private let handle: UnsafeRawPointer

    init(_ form: Form) throws {
        var status: Int32 = 0
        let pointer = brief_norm_instance(form.rawValue, &status)
        try ICU.check(status, "unorm2_get\(form)Instance")
        handle = pointer!
    }

    /// The length (in UTF-16 units) of the prefix of `text` that is certainly already normalized.
    func normalizedPrefixLength(_ text: [UInt16]) -> Int {
        var status: Int32 = 0
        return Int(brief_norm_span_quick_check_yes(handle, text, Int32(text.count), &status))
    }

    /// `text` normalized.
    func normalize(_ text: some StringProtocol) throws -> String {
        let source = Array(text.utf16)
        let result = try ICU.fill(UInt16.self, capacity: source.count + 16, "unorm2_normalize") {
            brief_norm_normalize(handle, source, Int32(source.count), $0, $1, &$2)
        }
        return String(decoding: result, as: UTF16.self)
    }
}

/// An ICU transform such as `Serbian-Latin/BGN`, `Zawgyi-my` or `Any-Latin`.
final class Transliterator {
    private let handle: UnsafeMutableRawPointer

    /// How to make a transliterator: one of ICU's by ID, or rules in ICU's transform syntax.
    enum Source: Sendable {
        case icu(String)
        case rules(id: String, String)
    }

    /// This thread's transliterator for `source`, compiled on first use. ICU transliterators are costly to open
    /// and not safe to share between threads, so each thread keeps its own.
    static func forThisThread(_ source: Source) throws -> Transliterator {
        let key = "brief.transliterator.\(source)"
        return try ThreadCache.object(key) { try Transliterator(source: source) }
    }

    convenience init(source: Source) throws {
        switch source {
        case .icu(let id): try self.init(id)
        case .rules(let id, let rules): try self.init(id: id, rules: rules)
        }
    }

    /// One of ICU's built-in transforms, by ID.
    init(_ id: String) throws {
        let chars = Array(id.utf16)
        var status: Int32 = 0
        let pointer = brief_trans_open(chars, Int32(chars.count), &status)
        try ICU.check(status, "utrans_openU(\(id))")
        handle = pointer!
    }

    /// A transform from rules in ICU's transform syntax (`a > b;`), named `id`.
    init(id: String, rules: String) throws {
        let name = Array(id.utf16), source = Array(rules.utf16)
        var status: Int32 = 0
        let pointer = brief_trans_open_rules(name, Int32(name.count), source, Int32(source.count), &status)
        try ICU.check(status, "utrans_openU(rules of \(id))")
        handle = pointer!
    }

    deinit { brief_trans_close(handle) }

    func transliterate(_ text: some StringProtocol) throws -> String {
        let source = Array(text.utf16)
        var capacity = source.count * 4 + 16
        while true {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var status: Int32 = 0
            let length = brief_trans_apply(handle, &buffer, Int32(source.count), Int32(capacity), &status)
            if status == Int32(BRIEF_ICU_BUFFER_OVERFLOW) && capacity < source.count * 64 + 1024 {
                capacity *= 4
                continue
            }
            try ICU.check(status, "utrans_transUChars")
            return String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
        }
    }
}

/// ICU full case folding of UTF-8 text, for comparing words.
///
/// Folding only reads the case map (`ucasemap_utf8FoldCase` takes it as `const`), so one map serves every thread.
final class CaseMapper: @unchecked Sendable {
    /// The root-locale case map, opened once.
    static func shared() throws -> CaseMapper {
        guard let root else { throw BriefError(.config, "ICU case folding is unavailable") }
        return root
    }

    private static let root: CaseMapper? = try? CaseMapper()

    private let handle: UnsafeMutableRawPointer

    init(locale: String = "") throws {
        var status: Int32 = 0
        let pointer = brief_casemap_open(locale, &status)
        try ICU.check(status, "ucasemap_open")
        handle = pointer!
    }

    deinit { brief_casemap_close(handle) }

    /// `bytes` case-folded, appended to `output` (unchanged on an ICU failure).
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let start = output.count
        let capacity = bytes.count * 3 + 8  // ASCII is lowercased in C, without a call into ICU
        output.append(contentsOf: repeatElement(0, count: capacity))
        var status: Int32 = 0
        let written = output.withUnsafeMutableBufferPointer { out in
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { source in
                out.baseAddress!.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: capacity) { dest in
                    brief_casemap_fold_utf8(handle, dest, Int32(capacity), source, Int32(bytes.count), &status)
                }
            }
        }
        if status > 0 {
            output.removeLast(output.count - start)
            output.append(contentsOf: bytes)
        } else {
            output.removeLast(output.count - start - Int(written))
        }
    }
}
