import ArgumentParser
import Brief
import Foundation

struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "JSON Lines in, JSON Lines out: one result per input line, in order, flushed per record.",
        discussion: """
            Each input line is an article record {"id": "…", "text": "…", "lang": "…"} (lang optional). Each output \
            line is the article's JSON (the keys of --format json) with its id first, or an error record \
            {"id": …, "error": {"code": 65, "message": "…"}} — never a missing line. For Spark's RDD.pipe, Hadoop \
            Streaming and GNU parallel.
            """)

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if let format = options.format, format != .json {
            throw ValidationError("'brief stream' writes JSON Lines; leave out --format or give --format json.")
        }
    }

    func run() throws {
        try execute {
            let records = RecordProcessor(pipeline: try StageRegistry.standard.pipeline(options.spec()))
            try records.stream(from: FileHandle.standardInput.fileDescriptor) { line in
                do {
                    try FileHandle.standardOutput.write(contentsOf: Data(line.utf8))
                } catch {
                    throw BriefError(.io, "cannot write to standard output: \(error.localizedDescription)")
                }
            }
        }
    }
}
