import CICU
import Foundation

/// An ICU regular expression (ICU syntax, as `NSRegularExpression` uses) matched against whole strings, through
/// the C API: no `NSString` bridging per match, which for short lines costs more than the matching.
///
/// An ICU regular expression keeps its match state, so a shared one is only a prototype: match with the copy
/// `forThisThread(key:)` returns (the prototype itself is only ever cloned, which ICU allows from any thread).
final class RegularExpression: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    /// The pattern's number of capture groups.
    let groupCount: Int
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
        groupCount = Int(brief_regex_group_count(handle, &status))
    }

    private init(cloning other: RegularExpression) throws {
        var status: Int32 = 0
        let handle = brief_regex_clone(other.handle, &status)
        guard status <= 0, let handle else { throw ICU.Failure(call: "uregex_clone", status: status) }
        self.handle = handle
        groupCount = other.groupCount
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
        return brief_regex_may_match_after(handle, utf16, Int32(utf16.count), &status) != 0 || status > 0
    }

    /// Whether all of `text` matches: nil if not, else the number of the first capture group that took part in the
    /// match (0 when none did).
    func wholeMatchGroup(_ text: Substring) -> Int? { wholeMatchGroup(utf16: Array(text.utf16)) }

    /// `wholeMatchGroup(_:)` for text already in UTF-16 (to convert once for several expressions).
    func wholeMatchGroup(utf16: [UInt16]) -> Int? {
        var status: Int32 = 0
        let group = brief_regex_match_group(handle, utf16, Int32(utf16.count), &status)
        return status <= 0 && group >= 0 ? Int(group) : nil
    }
}
