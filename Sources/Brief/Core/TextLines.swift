/// The lines of text, found on bytes: a split on characters costs more than all the rest of reading a data file or
/// cleaning a page.
enum TextLines {
    /// The byte ranges of the lines of `bytes` (split at LF, the last one possibly empty), without their line breaks,
    /// and of each line without its leading and trailing spaces, tabs and carriage returns.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [(whole: Range<Int>, trimmed: Range<Int>)] {
        var lines: [(whole: Range<Int>, trimmed: Range<Int>)] = []
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var first = start, last = end
            while first < last && isSpace(bytes[first]) { first += 1 }
            while last > first && isSpace(bytes[last - 1]) { last -= 1 }
            lines.append((start..<end, first..<last))
            start = end + 1
        }
        return lines
    }

    /// `range` without a carriage return at its end (a CRLF line).
    static func withoutCR(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        range.upperBound > range.lowerBound && bytes[range.upperBound - 1] == 0x0D
            ? range.lowerBound..<(range.upperBound - 1) : range
    }
}

/// Tab-separated data files (glossaries, boilerplate packs), cut into rows and cells on bytes.
enum TSV {
    /// The rows of a TSV, one per line, each as its cells with the spaces around them trimmed; nil for a blank line.
    static func rows(_ text: String) -> [[String]?] {
        var text = text
        return text.withUTF8 { bytes in
            TextLines.ranges(bytes).map { line -> [String]? in
                guard !line.trimmed.isEmpty else { return nil }
                let range = TextLines.withoutCR(line.whole, bytes)
                var cells: [String] = []
                var cell = range.lowerBound
                for index in range.lowerBound...range.upperBound where index == range.upperBound || bytes[index] == 0x09 {
                    cells.append(trimmed(UnsafeBufferPointer(rebasing: bytes[cell..<index])))
                    cell = index + 1
                }
                return cells
            }
        }
    }

    /// A cell without the spaces around it: ASCII spaces on bytes, other Unicode spaces (rare) through `trimmingSpaces`.
    private static func trimmed(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        var lower = 0, upper = cell.count
        while lower < upper && cell[lower] == 0x20 { lower += 1 }
        while upper > lower && cell[upper - 1] == 0x20 { upper -= 1 }
        if lower == upper { return "" }  // most optional cells are empty
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[lower..<upper]), as: UTF8.self)
        guard cell[lower] >= 0x80 || cell[upper - 1] >= 0x80 else { return text }
        return String(Substring(text).trimmingSpaces)
    }
}
