import Foundation

extension Batch {
    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        /// The output was written.
        case done
        /// The output was already current, and was kept.
        case upToDate
        /// The output was current for its input and settings but made by another version or build of Brief; kept,
        /// and counted so that the caller can say so (`redoOtherBuilds` redoes it instead).
        case madeByOtherBuild
        /// The file could not be processed (for a records file: some records failed; the output has error records).
        case failed(BriefError)
    }

    /// One finished file.
    public struct FileResult: Sendable {
        /// The input, relative to the input folder.
        public var input: String
        /// The output, relative to the output folder (nil when there is none).
        public var output: String?
        /// What happened.
        public var outcome: Outcome
        /// How many articles were summarized (a records file counts each good record).
        public var articles = 0
        /// The translation drafts made, and their glossary coverage.
        public var drafts = Drafts()
    }

    /// How many translation drafts were made, and their mean glossary coverage.
    public struct Drafts: Sendable, Equatable {
        /// Drafts made.
        public var count = 0
        /// The sum of their coverage figures.
        public var coverageSum = 0.0

        /// The mean share of content words covered by glossary terms, 0…1 (0 without drafts).
        public var coverage: Double { count > 0 ? coverageSum / Double(count) : 0 }

        mutating func add(_ coverage: Double?) {
            guard let coverage else { return }
            count += 1
            coverageSum += coverage
        }

        mutating func add(_ other: Drafts) {
            count += other.count
            coverageSum += other.coverageSum
        }
    }

    /// Running totals.
    public struct Totals: Sendable, Equatable {
        /// Articles and records files found in the input (from a first, quick walk).
        public var files = 0
        /// Files whose output was written.
        public var done = 0
        /// Files whose output was current and kept.
        public var upToDate = 0
        /// Of those, the outputs another version or build of Brief made.
        public var madeByOtherBuild = 0
        /// Files that failed.
        public var failed = 0
        /// Other files, skipped.
        public var ignored = 0
        /// Articles summarized (each good record of a records file counts).
        public var articles = 0
        /// Translation drafts made, and their glossary coverage.
        public var drafts = Drafts()
        /// Seconds since the batch started.
        public var elapsed = 0.0

        /// Files finished, one way or another.
        public var finished: Int { done + upToDate + failed }
        /// Articles summarized per second.
        public var articlesPerSecond: Double { elapsed > 0 ? Double(articles) / elapsed : 0 }
    }

    /// What a batch tells its caller as it runs (on worker threads, one event at a time).
    public enum Event: Sendable {
        /// The input has been walked once: `totals.files` files to go through, `ignored` other files.
        case started(Totals, ignored: Int)
        /// A file is finished.
        case finished(FileResult, Totals)
    }

    /// A file that failed.
    public struct Failure: Sendable, Equatable {
        /// The input, relative to the input folder.
        public var path: String
        /// Why it failed.
        public var error: BriefError
    }

    /// How a batch went; also written as JSON to `path`.
    public struct Report: Sendable {
        /// The batch's options.
        public var options: Options
        /// The pipeline's name and fingerprint.
        public var pipeline: (name: String, fingerprint: String)
        /// The final totals.
        public var totals: Totals
        /// The files that failed, by path.
        public var failures: [Failure]
        /// Wall-clock seconds.
        public var seconds: Double
        /// Whether `cancel()` stopped the batch before every file was done.
        public var cancelled: Bool
        /// Whether `failFast` stopped the batch at a failure.
        public var stoppedEarly: Bool
        /// Why the report could not be written (a full disk), if it could not.
        public var reportError: BriefError?

        init(options: Options, pipeline: Pipeline, totals: Totals, failures: [Failure], seconds: Double,
             cancelled: Bool, stoppedEarly: Bool) {
            self.options = options
            self.pipeline = (pipeline.name, pipeline.fingerprint)
            self.totals = totals
            self.failures = failures
            self.seconds = seconds
            self.cancelled = cancelled
            self.stoppedEarly = stoppedEarly
        }

        /// Where the report file is.
        public var path: String { options.report ?? options.output + "/.brief/report.json" }

        /// Articles summarized per second over the whole run.
        public var articlesPerSecond: Double { seconds > 0 ? Double(totals.articles) / seconds : 0 }

        /// Files neither finished nor failed (the batch was cancelled or stopped early).
        public var notStarted: Int { max(0, totals.files - totals.finished) }

        /// One line: "9,998 done, 0 up to date, 2 failed, 3 ignored — 12.3 s, 812.1 articles/s".
        public var summary: String {
            "\(totals.done) done, \(totals.upToDate) up to date, \(totals.failed) failed, \(totals.ignored) ignored"
                + (notStarted > 0 ? ", \(notStarted) not started" : "")
                + " — " + String(format: "%.1f s, %.1f articles/s", seconds, articlesPerSecond)
                + (totals.drafts.count > 0 ? String(format: "; %d drafts, glossary coverage %.1f%%", totals.drafts.count,
                                                    totals.drafts.coverage * 100) : "")
        }

        /// The report as JSON (keys in this order).
        public var json: JSON {
            .object([
                ("input", .string(options.input)),
                ("output", .string(options.output)),
                ("pipeline", .string(pipeline.name)),
                ("fingerprint", .string(pipeline.fingerprint)),
                ("format", .string(options.format.rawValue)),
                ("jobs", .int(options.jobs)),
                ("files", .int(totals.files)),
                ("done", .int(totals.done)),
                ("upToDate", .int(totals.upToDate)),
                ("madeByOtherBuild", .int(totals.madeByOtherBuild)),
                ("failed", .int(totals.failed)),
                ("ignored", .int(totals.ignored)),
                ("notStarted", .int(notStarted)),
                ("articles", .int(totals.articles)),
                ("seconds", .double((seconds * 1000).rounded() / 1000)),
                ("articlesPerSecond", .double((articlesPerSecond * 10).rounded() / 10)),
                ("drafts", .int(totals.drafts.count)),
                ("glossaryCoverage", .double((totals.drafts.coverage * 10_000).rounded() / 10_000)),
                ("cancelled", .bool(cancelled)),
                ("stoppedAtFirstFailure", .bool(stoppedEarly)),
                ("failures", .array(failures.map { failure in
                    .object([
                        ("path", .string(failure.path)),
                        ("code", .int(Int(failure.error.exitCode))),
                        ("message", .string(failure.error.message)),
                    ])
                })),
            ])
        }
    }
}
