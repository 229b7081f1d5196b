import Foundation

/// Runs a pipeline over a folder tree of articles, in parallel, into a mirrored output folder — resumably.
///
/// ```
///                        bounded queue (32 per worker)     ┌─► worker 1 ─┐  read → current? ─yes─► skip
///   DIR ──► walk ──────► [ entry · entry · entry ] ────────┼─► worker 2 ─┤       │ no
///           by name,     the walk waits when full,         └─► worker N ─┘  run pipeline → render → temp file
///           one folder   so memory stays flat                                 → rename into OUT/… → manifest
///           at a time                                                               │
///                                                       Event per file (progress) ◄─┘   Report at the end
/// ```
/// - Inputs: `.txt` and `.md` files are articles, written in `options.format` (`aid.txt` → `aid.json`); `.json`
///   (a record or an array of records) and `.jsonl` (a record per line) files are records
///   (`RecordProcessor`), written as JSON Lines (`feed.jsonl` → `feed.jsonl`). Other files are skipped and counted;
///   hidden files and folders are not visited.
/// - Determinism: an output depends only on its input, the pipeline and the format, never on `jobs` or timing.
/// - Safety: every output is written to a temporary file in its folder and renamed into place. An input is never
///   written to.
/// - Resume: `OUT/.brief/manifest` records a hash of what each output was made from (see `Manifest`); an output
///   that is current is skipped, unless `force`.
/// - Failures: a file that cannot be read, is not text, or fails in the pipeline is reported (`Event`, `Report`)
///   and the others go on — unless `failFast`. A records file with bad records is written with error records in
///   place, and reported as failed.
/// - Cancellation: `cancel()` (from a signal handler) stops handing out files; files in flight finish, a records
///   file in flight is abandoned (its temporary file removed); running again resumes.
/// - Report: `OUT/.brief/report.json` (or `options.report`), the JSON of `Report`.
///
/// The library never prints: progress arrives as `Event`s, on worker threads, one at a time.
///
/// ```swift
/// let pipeline = try StageRegistry.standard.pipeline(PipelineSpec.standard())
/// var options = Batch.Options(input: "articles", output: "briefs")
/// options.format = .json
/// let batch = Batch(pipeline: pipeline, options: options) { event in
///     if case .finished(let file, let totals) = event { log("\(totals.finished)/\(totals.files) \(file.input)") }
/// }
/// let report = try batch.run()          // blocks; call batch.cancel() from elsewhere to stop early
/// print(report.summary)                 // "4 done, 0 up to date, 1 failed, 2 ignored — 0.8 s, 5.0 articles/s"
/// ```
public final class Batch: Sendable {
    /// What to run and how.
    public struct Options: Sendable {
        /// The folder of articles.
        public var input: String
        /// The folder outputs are written to (created when missing); it mirrors the input's layout.
        public var output: String
        /// How `.txt` and `.md` articles are written.
        public var format: OutputFormat = .text
        /// How many articles are processed at once (default: the number of cores).
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Redo every output, current or not.
        public var force = false
        /// Redo the outputs that are current but were made by another version or build of Brief.
        public var redoOtherBuilds = false
        /// Stop at the first failure (files in flight still finish).
        public var failFast = false
        /// Where the JSON report goes (default `OUTPUT/.brief/report.json`).
        public var report: String?
        /// The data folder the pipeline reads; outputs made with other data are not current.
        public var data: DataDirectory = .default

        /// Options for a batch from `input` into `output`, with the defaults.
        public init(input: String, output: String) {
            self.input = input
            self.output = output
        }
    }

    /// The pipeline run on every article.
    public let pipeline: Pipeline
    /// What to run and how.
    public let options: Options
    private let onEvent: @Sendable (Event) -> Void
    private let queue: WorkQueue<ArticleTree.Entry>
    /// `options.data.contentHash()`, part of every output's key.
    private let dataHash: UInt64
    private let state = Locked(State())

    private struct State {
        var totals = Totals()
        var failures: [Failure] = []
        var stoppedEarly = false
        var started = ProcessInfo.processInfo.systemUptime
    }

    /// A batch of `pipeline` over `options.input`; `onEvent` hears about progress. Run it once.
    public init(pipeline: Pipeline, options: Options, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.pipeline = pipeline
        var options = options
        options.jobs = max(1, options.jobs)
        self.options = options
        self.onEvent = onEvent
        dataHash = options.data.contentHash()
        queue = WorkQueue(capacity: 32 * options.jobs)  // a few KB; the walk wakes once per 16 files per worker
    }

    /// Stops the batch early: no new files start, files in flight finish. Safe from any thread.
    public func cancel() { queue.cancel() }

    /// Runs the batch to the end (or until cancelled) and writes the report. Throws only when the batch cannot run
    /// at all (no input folder, an output folder that cannot be made); a report that cannot be written is
    /// `Report.reportError`.
    public func run() throws -> Report {
        let excluded = try prepare()
        let lock = try OutputLock(folder: options.output)
        defer { withExtendedLifetime(lock) {} }
        let manifest = try Manifest(path: options.output + "/.brief/manifest", ignoringEntries: options.force)

        var found = Totals()
        for entry in ArticleTree(root: options.input, format: options.format, excluding: excluded) {
            if entry.kind == .other { found.ignored += 1 } else { found.files += 1 }
        }
        let totals = state.withLock { state in
            state.started = ProcessInfo.processInfo.systemUptime
            state.totals.files = found.files
            return state.totals
        }
        onEvent(.started(totals, ignored: found.ignored))

        let workers = DispatchGroup()
        for _ in 0..<options.jobs {
            workers.enter()
            let thread = Thread { [self] in
                while let entry = queue.pop() { process(entry, manifest: manifest) }
                workers.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for entry in ArticleTree(root: options.input, format: options.format, excluding: excluded) {
            switch entry.kind {
            case .other: state.withLock { $0.totals.ignored += 1 }
            case .failure(let error): finish(FileResult(input: entry.input, output: nil, outcome: .failed(error)))
            case .article, .records: _ = queue.push(entry)
            case .folder: break
            }
            if queue.isCancelled { break }
        }
        queue.close()
        workers.wait()
        try manifest.close()

        let report = state.withLock { state in
            Report(
                options: options, pipeline: pipeline, totals: state.totals,
                failures: state.failures.sorted { $0.path < $1.path },
                seconds: ProcessInfo.processInfo.systemUptime - state.started,
                cancelled: queue.isCancelled && !state.stoppedEarly, stoppedEarly: state.stoppedEarly)
        }
        var written = report
        do {
            let file = try AtomicFile(report.path)
            try file.append(report.json.serialized() + "\n")
            try file.commit()
        } catch let error as BriefError {
            written.reportError = error  // a full disk: the caller still says what was done before it says this
        }
        return written
    }

    /// Checks the folders, creates the output folder, and returns the output's path inside the input, if it is there.
    private func prepare() throws -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.input, isDirectory: &isFolder) else {
            throw BriefError(.noInput, "\(options.input) does not exist")
        }
        guard isFolder.boolValue else {
            throw BriefError(.noInput, "\(options.input) is a file; 'brief batch' takes a folder (for one article: brief FILE)")
        }
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let input = canonical(options.input)
        if canonical(options.output) == input || input.hasPrefix(canonical(options.output) + "/") {
            throw BriefError(.usage, "the output folder \(options.output) must not be the input folder or contain it")
        }
        do {
            try FileManager.default.createDirectory(atPath: options.output + "/.brief", withIntermediateDirectories: true)
        } catch {
            throw BriefError(.io, "cannot create the output folder \(options.output)")
        }
        let output = canonical(options.output)  // now that it exists, with its symbolic links resolved
        return output.hasPrefix(input + "/") ? String(output.dropFirst(input.count + 1)) : nil
    }

    private func process(_ entry: ArticleTree.Entry, manifest: Manifest) {
        let input = options.input + "/" + entry.input, output = options.output + "/" + entry.output
        var articles = 0
        var drafts = Drafts()
        let outcome: Outcome
        do {
            if entry.kind == .records {
                guard let result = try records(entry, input: input, output: output, manifest: manifest,
                                               articles: &articles, drafts: &drafts)
                else { return }  // cancelled part-way: not counted, nothing written
                outcome = result
            } else {
                outcome = try article(entry, input: input, output: output, manifest: manifest, drafts: &drafts)
                if outcome == .done { articles = 1 }
            }
        } catch let error as BriefError {
            outcome = .failed(error)
        } catch {
            outcome = .failed(BriefError(.data, "\(entry.input): \(error)"))
        }
        finish(FileResult(input: entry.input, output: entry.output, outcome: outcome, articles: articles, drafts: drafts))
    }

    private func article(_ entry: ArticleTree.Entry, input: String, output: String, manifest: Manifest,
                         drafts: inout Drafts) throws -> Outcome {
        var info = stat()
        guard stat(input, &info) == 0 else { throw BriefError(.io, "cannot read \(input)") }
        if Int(info.st_size) > ArticleInput.maximumBytes {
            throw BriefError(.data, "\(entry.input) is \(Int(info.st_size) >> 20) MiB; one article may be at most "
                + "\(ArticleInput.maximumBytes >> 20) MiB")
        }
        let settings = hasher(entry)
        let stamp = Manifest.stamp(settings, input: info)
        if let kept = try kept(entry, output: output, manifest: manifest, stamp: stamp) { return kept }
        guard let bytes = ArticleInput.readFile(input) else { throw BriefError(.io, "cannot read \(input)") }
        var hash = settings
        hash.combine(bytes)
        let key = hash.value
        if let kept = try kept(entry, output: output, manifest: manifest, stamp: stamp, key: key) { return kept }
        var document = try ArticleInput.document(from: bytes, name: entry.input, id: entry.input)
        try pipeline.run(&document)
        drafts.add(document.translation?.report.coverage)
        let file = try AtomicFile(output)
        try file.append(pipeline.renderer(options.format).render(document))
        try manifest.record(input: entry.input, key: key, stamp: stamp, size: try file.commit())
        return .done
    }

    /// A records file: nil when the batch was cancelled part-way through it.
    private func records(_ entry: ArticleTree.Entry, input: String, output: String, manifest: Manifest,
                         articles: inout Int, drafts: inout Drafts) throws -> Outcome? {
        let isLines = entry.input.lowercased().hasSuffix(".jsonl")
        var whole: Data?
        var info = stat()
        guard stat(input, &info) == 0 else { throw BriefError(.io, "cannot read \(input)") }
        let settings = hasher(entry)
        let stamp = Manifest.stamp(settings, input: info)
        if let kept = try kept(entry, output: output, manifest: manifest, stamp: stamp) { return kept }
        var hash = settings
        if isLines {
            try forEachChunk(of: input) { hash.combine($0) }
        } else {
            if Int(info.st_size) > 4 * ArticleInput.maximumBytes {
                throw BriefError(.data, "\(entry.input) is \(Int(info.st_size) >> 20) MiB, too large for one JSON "
                    + "document; write the records as JSON Lines (.jsonl), one per line")
            }
            guard let data = FileManager.default.contents(atPath: input) else { throw BriefError(.io, "cannot read \(input)") }
            whole = data
            hash.combine(data)
        }
        let key = hash.value
        if let kept = try kept(entry, output: output, manifest: manifest, stamp: stamp, key: key) { return kept }

        let processor = RecordProcessor(pipeline: pipeline)
        let file = try AtomicFile(output)
        var count = 0, failed = 0, first: BriefError?
        func write(_ answer: RecordProcessor.Answer) throws {
            count += 1
            if let error = answer.error {
                failed += 1
                first = first ?? error
            } else {
                articles += 1
                drafts.add(answer.coverage)
            }
            try file.append(answer.line + "\n")
        }
        if let whole {
            let decoder = JSONDecoder()
            let list = (try? decoder.decode([Record].self, from: whole)) ?? (try? decoder.decode(Record.self, from: whole)).map { [$0] }
            guard let list else {
                throw BriefError(.data, "\(entry.input) is not valid JSON; expected \(Record.shape) or an array of them")
            }
            for (index, record) in list.enumerated() {
                if queue.isCancelled { return nil }
                try write(processor.answer(record, at: "record \(index + 1)"))
            }
        } else {
            guard let handle = FileHandle(forReadingAtPath: input) else { throw BriefError(.io, "cannot read \(input)") }
            var reader = LineReader(descriptor: handle.fileDescriptor)
            while let line = try reader.next() {
                if queue.isCancelled { return nil }
                try write(processor.answer(line, at: "line \(count + 1)"))
            }
            try handle.close()
        }
        let size = try file.commit()
        guard let first else {
            try manifest.record(input: entry.input, key: key, stamp: stamp, size: size)
            return .done
        }
        return .failed(BriefError(first.kind, "\(failed) of \(count) records failed; the first: \(first.message)"))
    }

    /// How an output that is current is kept (never under `force`): current by its input's `stamp`, or — when the
    /// input's `key` is given — by its content, in which case the new stamp is recorded so that the next resume need
    /// not read it. One made by another version or build of Brief is kept and counted as such, or redone under
    /// `redoOtherBuilds`. Nil when the output is to be made.
    private func kept(_ entry: ArticleTree.Entry, output: String, manifest: Manifest, stamp: UInt64,
                      key: UInt64? = nil) throws -> Outcome? {
        guard !options.force, manifest.isCurrent(input: entry.input, stamp: stamp, key: key, outputPath: output) else {
            return nil
        }
        let otherBuild = manifest.madeByOtherBuild(input: entry.input)
        if otherBuild && options.redoOtherBuilds { return nil }
        if let key { try manifest.refresh(input: entry.input, key: key, stamp: stamp) }
        return otherBuild ? .madeByOtherBuild : .upToDate
    }

    /// A hash of what an output depends on besides its input's bytes, to which the bytes are then added.
    private func hasher(_ entry: ArticleTree.Entry) -> StableHash {
        Manifest.hasher(fingerprint: pipeline.fingerprint + "|data \(dataHash)", format: options.format.rawValue,
                        output: entry.output)
    }

    private func forEachChunk(of path: String, _ body: (Data) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BriefError(.io, "cannot read \(path)") }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { body(chunk) }
    }

    /// Counts a finished file, reports it, and stops the batch at a failure under `failFast`.
    private func finish(_ result: FileResult) {
        state.withLock { state in
            switch result.outcome {
            case .done: state.totals.done += 1
            case .upToDate: state.totals.upToDate += 1
            case .madeByOtherBuild:
                state.totals.upToDate += 1
                state.totals.madeByOtherBuild += 1
            case .failed(let error):
                state.totals.failed += 1
                state.failures.append(Failure(path: result.input, error: error))
                if options.failFast && !state.stoppedEarly {
                    state.stoppedEarly = true
                    queue.cancel()
                }
            }
            state.totals.articles += result.articles
            state.totals.drafts.add(result.drafts)
            state.totals.elapsed = ProcessInfo.processInfo.systemUptime - state.started
            onEvent(.finished(result, state.totals))
        }
    }
}

/// One batch at a time writes into an output folder: `OUT/.brief/lock`, held with `flock` for the whole run (the
/// kernel releases it when the process ends, however it ends, so a killed batch never leaves a stale lock).
final class OutputLock {
    private let descriptor: Int32

    init(folder: String) throws {
        let path = folder + "/.brief/lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BriefError(.io, "cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var holder = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &holder, holder.count, 0)
            let pid = String(decoding: holder.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            Glibc.close(descriptor)
            throw BriefError(.io, "another brief batch\(pid.isEmpty ? "" : " (process \(pid))") is writing into \(folder); "
                + "wait for it to finish, or give this one another --out folder")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit { Glibc.close(descriptor) }  // closing releases the lock
}
