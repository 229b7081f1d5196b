import Foundation
import Yams

/// A pipeline as declared in a YAML pipeline file, before its stages are built.
///
/// ```yaml
/// version: 1                 # required; the only version so far
/// name: voa-persian          # optional; defaults to the file name
/// source: auto               # auto (detect) or a BCP 47 tag
/// stages:                    # run in this order
///   - use: normalize
///     with: { form: nfc }
///   - use: segment
///   - use: summarize
///     with: { method: default, sentences: 3 }
/// output: markdown           # text, markdown or json (the command line's --format wins)
/// ```
/// Unknown keys, stage names and option keys are errors that name the file, line and column.
public struct PipelineSpec: Sendable {
    /// One `- use:` entry.
    public struct Step: Sendable {
        public var name: String
        public var options: StageOptions
        var location: StageOptions.Location?

        /// A step built in code, with its options set as on the command line.
        public init(_ name: String, _ options: [String: String] = [:]) {
            self.name = name
            var values = StageOptions(stage: name)
            for (key, value) in options { values.set(key, value) }
            self.options = values
        }

        init(name: String, options: StageOptions, location: StageOptions.Location?) {
            self.name = name
            self.options = options
            self.location = location
        }
    }

    public static let version = 1
    static let topLevelKeys = ["version", "name", "source", "stages", "output"]

    public var name: String
    /// The declared source language; nil means detect.
    public var source: Language?
    public var stages: [Step]
    public var output: OutputFormat?
    /// The file it was read from (for messages).
    public let file: String

    /// A pipeline described in code (`brief segment` builds one); `file` names it in messages.
    public init(name: String, source: Language?, stages: [Step], output: OutputFormat? = nil) {
        self.name = name
        self.source = source
        self.stages = stages
        self.output = output
        file = "<\(name)>"
    }

    /// The stages up to and including the first one named `stage`; nil when there is none.
    public func prefix(through stage: String) -> PipelineSpec? {
        guard let end = stages.firstIndex(where: { $0.name == stage }) else { return nil }
        var copy = self
        copy.stages = Array(stages[...end])
        return copy
    }

    /// Parses the pipeline file at `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw BriefError(exists ? .io : .noInput, exists
                ? "cannot read pipeline file \(path)" : "pipeline file \(path) does not exist")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw BriefError(.config, "\(path): the pipeline file is not valid UTF-8")
        }
        try self.init(yaml: yaml, file: path)
    }

    /// Parses pipeline YAML; `file` names it in messages.
    public init(yaml: String, file: String) throws {
        self.file = file
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        }
        guard let root, case .mapping(let mapping) = root else {
            throw BriefError(.config, "\(file): a pipeline file must be a YAML mapping with 'version' and 'stages'")
        }
        func location(_ node: Node) -> StageOptions.Location? {
            node.mark.map { StageOptions.Location(file: file, line: $0.line, column: $0.column) }
        }
        func fail(_ node: Node, _ message: String) -> BriefError {
            let at = location(node)
            return .config(file: file, line: at?.line ?? 1, column: at?.column ?? 1, message)
        }
        for (key, _) in mapping where !Self.topLevelKeys.contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "?")'; expected one of: "
                + Self.topLevelKeys.joined(separator: ", "))
        }
        guard let versionNode = mapping["version"] else {
            throw BriefError.config(file: file, line: 1, column: 1, "missing 'version: \(Self.version)'")
        }
        guard versionNode.int == Self.version else {
            throw fail(versionNode, "unsupported version '\(versionNode.string ?? "?")'; expected \(Self.version)")
        }
        name = mapping["name"]?.string
            ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        source = nil
        if let sourceNode = mapping["source"] {
            guard let tag = sourceNode.string else { throw fail(sourceNode, "'source' must be 'auto' or a language tag") }
            if tag != "auto" {
                do { source = try Language.resolve(tag) } catch let error as BriefError {
                    throw fail(sourceNode, error.message)
                }
            }
        }
        output = nil
        if let outputNode = mapping["output"] {
            guard let format = outputNode.string.flatMap(OutputFormat.init(rawValue:)) else {
                throw fail(outputNode, "'output' must be one of: "
                    + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            output = format
        }
        guard let stagesNode = mapping["stages"] else {
            throw BriefError.config(file: file, line: 1, column: 1, "missing 'stages' (a list of '- use: STAGE')")
        }
        guard case .sequence(let items) = stagesNode else {
            throw fail(stagesNode, "'stages' must be a list of '- use: STAGE' entries")
        }
        stages = try items.map { item in
            if case .scalar(let scalar) = item {
                return Step(name: scalar.string, options: StageOptions(stage: scalar.string), location: location(item))
            }
            guard case .mapping(let entry) = item, let useNode = entry["use"], let name = useNode.string else {
                throw fail(item, "each stage must be a mapping with 'use: STAGE'")
            }
            for (key, _) in entry where !["use", "with"].contains(key.string ?? "") {
                throw fail(key, "unknown key '\(key.string ?? "?")' in a stage; expected one of: use, with")
            }
            var values: [String: StageOptions.Value] = [:]
            if let with = entry["with"] {
                guard case .mapping(let options) = with else {
                    throw fail(with, "'with' must be a mapping of option names to values")
                }
                for (key, value) in options {
                    values[key.string ?? ""] = StageOptions.Value(
                        node: value, location: location(value) ?? location(key), keyLocation: location(key))
                }
            }
            return Step(name: name, options: StageOptions(stage: name, values: values), location: location(useNode))
        }
    }

    /// The default pipeline (`Pipelines/default.yaml`'s stages), used when no pipeline file is given.
    public static func standard(data: DataDirectory = .default) throws -> PipelineSpec {
        let file = data.pipelines.appendingPathComponent("default.yaml").path
        if FileManager.default.fileExists(atPath: file) { return try PipelineSpec(contentsOf: file) }
        return try PipelineSpec(yaml: builtInDefault, file: "<built-in default pipeline>")
    }

    /// The default pipeline, kept in the binary for installs without `Pipelines/`.
    static let builtInDefault = """
        version: 1
        name: default
        source: auto
        stages:
          - use: normalize
          - use: clean
          - use: detect
          - use: segment
          - use: summarize
        """

    func error(at location: StageOptions.Location?, _ message: String) -> BriefError {
        .config(file: file, line: location?.line ?? 1, column: location?.column ?? 1, message)
    }

    /// Sets an option of every stage named `stage` (from the command line); false when there is no such stage.
    @discardableResult
    public mutating func set(_ key: String, _ value: String, of stage: String) -> Bool {
        var found = false
        for index in stages.indices where stages[index].name == stage {
            stages[index].options.set(key, value)
            found = true
        }
        return found
    }

    /// Clears an option of every stage named `stage`.
    public mutating func remove(_ key: String, of stage: String) {
        for index in stages.indices where stages[index].name == stage { stages[index].options.remove(key) }
    }

    /// A canonical one-line description: equal for pipelines that behave the same.
    public var fingerprint: String {
        let steps = stages.map { step in
            step.name + "(" + step.options.keys.map { key in
                "\(key)=\(Self.canonical(step.options.values[key]!.node))"
            }.joined(separator: ",") + ")"
        }
        return "v\(Self.version)|\(source?.tag ?? "auto")|" + steps.joined(separator: "|")
    }

    private static func canonical(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { "\(canonical($0.key)):\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
        case .alias: return "*"
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> BriefError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .config(file: file, line: mark.line, column: mark.column, "YAML syntax error: \(detail)\(problem)")
        default:
            return BriefError(.config, "\(file): YAML syntax error: \(error)")
        }
    }
}
