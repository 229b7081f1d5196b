import ArgumentParser
import Brief
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Summarize a folder tree of articles in parallel into a mirrored folder; resumable.",
        discussion: """
            Reads .txt and .md articles and .json/.jsonl article records ({"id", "text", "lang"?}); other files are \
            skipped and counted. Outputs mirror the input's layout (aid.txt → aid.json with --format json; records \
            files → JSON Lines). Outputs are written atomically; a second run skips outputs that are current for the \
            same input, pipeline and format (--force redoes them). Ctrl-C finishes the files in flight; run the same \
            command again to resume. A report is written to OUT/.brief/report.json. Exits non-zero when a file failed.
            """)

    @Argument(help: ArgumentHelp("The folder of articles.", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The output folder (created when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("How many articles to process at once (default: the number of cores).",
                                            valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Redo every output, even those that are current.")
    var force = false

    @Flag(name: .long, help: "Redo only the current outputs that another version or build of Brief made.")
    var redoOlder = false

    @Flag(name: .long, help: "Stop at the first file that fails.")
    var failFast = false

    @Flag(name: .long, help: "No progress and no summary; only errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Where to write the JSON report (default: OUT/.brief/report.json).",
                                            valueName: "file"))
    var report: String?

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        try execute {
            let (pipeline, format) = try options.build()
            var settings = Batch.Options(input: folder, output: out)
            settings.format = format
            if let jobs { settings.jobs = jobs }
            settings.force = force
            settings.redoOtherBuilds = redoOlder
            settings.failFast = failFast
            settings.report = report
            let progress = ProgressDisplay(enabled: !quiet, terminal: Terminal.standardErrorIsTerminal)
            let batch = Batch(pipeline: pipeline, options: settings) { progress.show($0) }
            let interruption = Interruption { batch.cancel() }
            let result = try batch.run()
            progress.clear()
            try conclude(result, signal: interruption.firstSignal)
        }
    }

    /// Prints the failures, the summary and how to resume, and picks the exit code.
    private func conclude(_ report: Batch.Report, signal: Int32?) throws {
        let shown = 20
        for failure in report.failures.prefix(shown) {
            let message = failure.error.message
            Terminal.error(message.hasPrefix(failure.path) ? message : "\(failure.path): \(message)")
        }
        if report.failures.count > shown {
            Terminal.error("… and \(report.failures.count - shown) more failures; "
                + (report.reportError == nil ? "see \(report.path)" : "the report could not be written"))
        }
        if !quiet { Terminal.note(report.summary + (report.reportError == nil ? "; report: \(report.path)" : "")) }
        if report.totals.madeByOtherBuild > 0 {
            Terminal.note("\(report.totals.madeByOtherBuild) of the outputs kept were made by another version or build "
                + "of Brief (this is \(BriefVersion.number)); rerun with --redo-older to redo just those, or --force to redo all")
        }
        if report.cancelled {
            Terminal.note("interrupted: \(report.totals.finished) of \(report.totals.files) files finished, none "
                + "half-written; run the same command again to resume")
            throw ExitCode(128 + (signal ?? SIGINT))
        }
        if report.stoppedEarly {
            Terminal.note("stopped at the first failure (--fail-fast); run again without it to go on")
        }
        if let error = report.reportError {
            Terminal.error(error.message)
            if report.failures.isEmpty { throw ExitCode(error.exitCode) }
        }
        if !report.failures.isEmpty {
            Terminal.error("\(report.failures.count) of \(report.totals.files) files failed: "
                + report.failures.prefix(5).map(\.path).joined(separator: ", ")
                + (report.failures.count > 5 ? ", …" : ""))
            let kinds = Set(report.failures.map(\.error.kind))
            throw ExitCode(kinds.count == 1 ? kinds.first!.rawValue : BriefError.Kind.data.rawValue)
        }
    }
}

/// Batch progress on standard error: a bar redrawn in place on a terminal, a plain line every few seconds otherwise.
final class ProgressDisplay: @unchecked Sendable {  // state is guarded by `lock`
    private let enabled: Bool
    private let terminal: Bool
    private let lock = NSLock()
    private var lastDraw = -Double.infinity
    private var drawn = false

    init(enabled: Bool, terminal: Bool) {
        self.enabled = enabled
        self.terminal = terminal
        if !terminal { lastDraw = ProcessInfo.processInfo.systemUptime }  // the first plain line after a while
    }

    func show(_ event: Batch.Event) {
        guard enabled, case .finished(_, let totals) = event else { return }
        lock.withLock {
            let now = ProcessInfo.processInfo.systemUptime
            let last = totals.finished == totals.files
            guard now - lastDraw >= (terminal ? 0.1 : 5) || (terminal && last) else { return }
            lastDraw = now
            if terminal {
                drawn = true
                write("\r\u{1B}[2K" + bar(totals))
            } else {
                write("brief: \(totals.finished) of \(totals.files) files (\(percent(totals))), \(totals.failed) failed, "
                    + String(format: "%.1f articles/s", totals.articlesPerSecond) + ", \(eta(totals)) left\n")
            }
        }
    }

    /// Removes the bar, so that what follows starts on a clean line.
    func clear() {
        lock.withLock { if drawn { write("\r\u{1B}[2K") } }
    }

    private func bar(_ totals: Batch.Totals) -> String {
        let width = 24
        let filled = totals.files > 0 ? width * totals.finished / totals.files : width
        return "\(totals.finished)/\(totals.files) "
            + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            + " \(percent(totals))  " + String(format: "%.1f articles/s", totals.articlesPerSecond)
            + "  ETA \(eta(totals))" + (totals.failed > 0 ? "  \(totals.failed) failed" : "")
    }

    private func percent(_ totals: Batch.Totals) -> String {
        "\(totals.files > 0 ? 100 * totals.finished / totals.files : 100)%"
    }

    private func eta(_ totals: Batch.Totals) -> String {
        guard totals.finished > 0, totals.elapsed > 0 else { return "?" }
        let seconds = Int((Double(totals.files - totals.finished) * totals.elapsed / Double(totals.finished)).rounded())
        return seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Turns SIGINT and SIGTERM into a call of `handler` instead of the end of the process, and remembers the signal.
final class Interruption: @unchecked Sendable {  // `received` is guarded by `lock`
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [any DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                lock.withLock { if received == nil { received = number } }
                handler()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    var firstSignal: Int32? { lock.withLock { received } }
}
