/// Tab-separated data files (glossaries, boilerplate packs), cut into rows and cells on bytes: splitting a String
/// is most of the cost of reading one.
enum TSV {
    /// The rows of a TSV, one per line, each as its cells with the spaces around them trimmed; nil for a blank line.
    static func rows(_ text: String) -> [[String]?] {
        var text = text
        return text.withUTF8 { bytes in
            var rows: [[String]?] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if bytes[start..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if end < bytes.count || lineEnd > start { rows.append(nil) }
                } else {
                    var cells: [String] = []
                    var cell = start
                    for index in start...lineEnd where index == lineEnd || bytes[index] == 0x09 {
                        cells.append(trimmed(UnsafeBufferPointer(rebasing: bytes[cell..<index])))
                        cell = index + 1
                    }
                    rows.append(cells)
                }
                start = end + 1
            }
            return rows
        }
    }

    /// A cell without the spaces around it: ASCII spaces on bytes, other Unicode spaces (rare) through `trimmingSpaces`.
    private static func trimmed(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        var lower = 0, upper = cell.count
        while lower < upper && cell[lower] == 0x20 { lower += 1 }
        while upper > lower && cell[upper - 1] == 0x20 { upper -= 1 }
        if lower == upper { return "" }  // most optional cells are empty
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[lower..<upper]), as: UTF8.self)
        guard lower < upper, cell[lower] >= 0x80 || cell[upper - 1] >= 0x80 else { return text }
        return String(Substring(text).trimmingSpaces)
    }
}
