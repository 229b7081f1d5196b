/// Maps UTF-8 offsets in a rewritten text back to offsets in the text it was made from.
///
/// A rewrite is a sequence of pieces: runs copied unchanged (offsets map one to one) and replacements (every offset
/// inside maps to the start of what was replaced). Deleted runs leave no piece; the next piece starts after them.
struct OffsetMap: Sendable {
    private var newStarts: [Int] = []
    private var oldStarts: [Int] = []
    private var copied: [Bool] = []
    private(set) var oldLength = 0

    mutating func append(newStart: Int, oldStart: Int, copied isCopy: Bool) {
        newStarts.append(newStart)
        oldStarts.append(oldStart)
        copied.append(isCopy)
    }

    mutating func finish(oldLength: Int) { self.oldLength = oldLength }

    /// The offset in the old text that `offset` in the new text came from.
    func oldOffset(_ offset: Int) -> Int {
        // Last piece starting at or before `offset`.
        var low = 0, high = newStarts.count
        while low < high {
            let mid = (low + high) / 2
            if newStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return 0 }
        let piece = low - 1
        if copied[piece] { return oldStarts[piece] + (offset - newStarts[piece]) }
        return offset == newStarts[piece] ? oldStarts[piece] : oldStarts[piece]
    }
}

/// Builds a new text from an old one piece by piece, recording where each piece came from.
struct TextEditor {
    let old: [UInt8]
    private(set) var bytes: [UInt8] = []
    private(set) var map = OffsetMap()
    private(set) var changed = false
    /// How far into the old text the editor has got.
    private(set) var position = 0

    init(_ old: [UInt8]) {
        self.old = old
        bytes.reserveCapacity(old.count)
    }

    /// Copies `range` of the old text unchanged (anything skipped before it is deleted).
    mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if range.lowerBound != position { changed = true }
        map.append(newStart: bytes.count, oldStart: range.lowerBound, copied: true)
        bytes.append(contentsOf: old[range])
        position = range.upperBound
    }

    /// Replaces `range` of the old text with `replacement`.
    mutating func replace(_ range: Range<Int>, with replacement: some Sequence<UInt8>) {
        changed = true
        map.append(newStart: bytes.count, oldStart: range.lowerBound, copied: false)
        bytes.append(contentsOf: replacement)
        position = range.upperBound
    }

    /// Deletes `range` of the old text.
    mutating func delete(_ range: Range<Int>) {
        changed = true
        position = range.upperBound
    }

    /// Copies what is left of the old text.
    mutating func copyRest() { copy(position..<old.count) }

}
