import ArgumentParser
import Brief
import Foundation
import Logging

@main
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Extractive news summaries for the languages of the VOA services.",
        discussion: """
            Reads an article (a file, or standard input) and prints a short extractive brief.
            Exit codes: 0 success, 64 usage, 65 bad input data, 66 input missing, 74 I/O error, 78 bad configuration.
            """,
        subcommands: [
            Summarize.self, Run.self, Segment.self, Detect.self, PipelineCommand.self, Languages.self,
            BatchCommand.self, StreamCommand.self, Translate.self, GlossaryCommand.self,
        ],
        defaultSubcommand: Summarize.self
    )

    /// `brief --version` prints the version and the data folder with its fingerprint (the hash of every data file,
    /// the one batch manifests record), so two installs can be compared; everything else is parsed as usual.
    static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            let data = DataDirectory.default
            Terminal.write("brief \(BriefVersion.number)\ndata \(data.url.path) \(String(format: "%016llx", data.contentHash()))\n")
            return
        }
        main(nil)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Runs a command body, turning Brief's errors into one sentence on stderr and the contract's exit code.
func execute(_ body: () throws -> Void) throws {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = ProcessInfo.processInfo.environment["BRIEF_LOG"].flatMap(Logger.Level.init(rawValue:))
            ?? .warning
        return handler
    }
    do {
        try body()
    } catch let error as BriefError {
        Terminal.error(error.message)
        throw ExitCode(error.exitCode)
    }
}

/// Writing to the terminal's streams.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("brief: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("brief: note: \(message)\n".utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }
}
