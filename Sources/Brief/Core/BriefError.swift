/// Every error Brief reports: one clear sentence, and the sysexits code the CLI exits with.
public struct BriefError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of failure, which fixes the exit code.
    public enum Kind: Int32, Sendable {
        /// Bad command-line usage or an unknown language (64).
        case usage = 64
        /// The input is not usable text (65).
        case data = 65
        /// The input file does not exist (66).
        case noInput = 66
        /// Reading or writing failed (74).
        case io = 74
        /// A pipeline file, glossary or other configuration is wrong (78).
        case config = 78
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The sysexits code for this error.
    public var exitCode: Int32 { kind.rawValue }
    public var description: String { message }

    /// A configuration error located in a file: `file:line:column: message`.
    static func config(file: String, line: Int, column: Int, _ message: String) -> BriefError {
        BriefError(.config, "\(file):\(line):\(column): \(message)")
    }
}
