import ArgumentParser
import Brief

struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Work with pipeline files.", subcommands: [Validate.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a pipeline file: builds every stage without reading an article.")

        @Argument(help: "The pipeline file (YAML).")
        var file: String

        func run() throws {
            try execute {
                let pipeline = try StageRegistry.standard.pipeline(fromFile: file)
                let names = pipeline.stages.map { type(of: $0).name }
                Terminal.write("\(file): ok — pipeline '\(pipeline.name)', \(names.count) stages: "
                    + names.joined(separator: " → ") + "\n")
            }
        }
    }
}
