import CICU
import Foundation

/// An ICU regular expression (ICU syntax, as `NSRegularExpression` uses) matched against whole strings, through
/// the C API: no `NSString` bridging per match, which for short lines costs more than the matching.
///
/// An ICU regular expression keeps its match state, so a shared one is only a prototype: match with the copy
/// `forThisThread()` returns (the prototype itself is only ever cloned, which ICU allows from any thread).
final class RegularExpression: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    /// Names this expression's copies in each thread's cache.
    private let threadKey = "brief.regex.\(UUID().uuidString)"

    /// Compiles `pattern`; a syntax error names the offset in the pattern.
    init(_ pattern: String, caseInsensitive: Bool = false) throws {
        let utf16 = Array(pattern.utf16)
        var status: Int32 = 0
        var offset: Int32 = 0
        let handle = brief_regex_open(utf16, Int32(utf16.count), caseInsensitive ? 1 : 0, &offset, &status)
        guard status <= 0, let handle else {
            throw ICU.Failure(call: "uregex_open('\(pattern)', offset \(offset))", status: status)
        }
        self.handle = handle
    }

    private init(cloning other: RegularExpression) throws {
        var status: Int32 = 0
        let handle = brief_regex_clone(other.handle, &status)
        guard status <= 0, let handle else { throw ICU.Failure(call: "uregex_clone", status: status) }
        self.handle = handle
    }

    deinit { brief_regex_close(handle) }

    /// This thread's copy (an ICU regular expression holds its match state, so threads cannot share one).
    func forThisThread() -> RegularExpression {
        ThreadCache.object(threadKey) { (try? RegularExpression(cloning: self)) ?? self }
    }

    /// Whether some text that starts with `prefix` could match: false means no line beginning so can.
    func mayMatch(startingWith prefix: Substring) -> Bool {
        let utf16 = Array(prefix.utf16)
        var status: Int32 = 0
        return brief_regex_matches(handle, utf16, Int32(utf16.count), 1, &status) != 0 || status > 0
    }

    /// Whether all of the text (in UTF-16, converted once for several expressions) matches.
    func matchesWhole(utf16: [UInt16]) -> Bool {
        var status: Int32 = 0
        return brief_regex_matches(handle, utf16, Int32(utf16.count), 0, &status) != 0 && status <= 0
    }
}
