/// A JSON value written with keys in a fixed order, so the same document always gives the same bytes.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact JSON text (one line).
    public func serialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // Written as bytes: appending many small pieces to a String costs several times more.
    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value): output.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .string(let value): JSON.writeString(value, to: &output)
        case .array(let values):
            output.append(0x5B)  // [
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(0x2C) }
                value.write(to: &output)
            }
            output.append(0x5D)
        case .object(let members):
            output.append(0x7B)  // {
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(0x2C) }
                JSON.writeString(key, to: &output)
                output.append(0x3A)
                value.write(to: &output)
            }
            output.append(0x7D)
        }
    }

    private static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                let escape: String?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):  // U+2028, U+2029
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                if run < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                output.append(contentsOf: escape.utf8)
                index += width
                run = index
            }
            if run < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        output.append(0x22)
    }
}
