import Logging
import Yams

/// One step of a pipeline: built once from its options, then run on many documents.
///
/// A stage has a static `name` (the verb used in pipeline files), declares which document facets it needs and which
/// it adds, and enriches a `Document` in place. Stages are immutable after construction, so one pipeline can run on
/// many threads at once.
public protocol Stage: Sendable {
    /// The verb that names the stage in pipeline files (`segment`).
    static var name: String { get }
    /// One line on what the stage does, for `brief languages` and error messages.
    static var summary: String { get }
    /// The option keys the stage accepts under `with:`.
    static var optionKeys: [String] { get }
    /// What must already be on the document when the stage runs.
    static var requires: Set<Facet> { get }
    /// What the stage adds to the document.
    static var assigns: Set<Facet> { get }
    /// What this stage, as built from its options, needs: `requires`, plus what an option adds (normalize's
    /// `script` switch needs the language). The registry checks it against the stages before.
    var needs: Set<Facet> { get }

    /// Builds the stage from its options, reading any data it needs; throws `BriefError` on bad options.
    init(options: StageOptions, context: StageContext) throws
    /// Enriches `document`; throws `BriefError` when the document cannot be processed.
    func run(_ document: inout Document) throws
}

extension Stage {
    public var needs: Set<Facet> { Self.requires }

    /// Builds the stage as an existential (what the registry stores).
    static func make(options: StageOptions, context: StageContext) throws -> any Stage {
        try Self(options: options, context: context)
    }
}

/// A part of a document that a stage can require or assign: an open set, so a stage in its own folder can add one
/// (`extension Facet { public static let translation: Facet = "translation" }`).
public struct Facet: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// The working text is rewritten (only allowed before segmentation).
    public static let text: Facet = "text"
    /// The language is known.
    public static let language: Facet = "language"
    /// The text is split into sentences and words.
    public static let sentences: Facet = "sentences"

    public var description: String { rawValue }
    public static func < (lhs: Facet, rhs: Facet) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What stages get at construction: where data lives and where to log.
public struct StageContext: Sendable {
    /// Brief's data files (`Dictionaries/`).
    public var data: DataDirectory
    /// The pipeline's source language when it is fixed (`source:` or `--lang`), so a stage can load its data at
    /// build time; nil when it is detected per document.
    public var source: Language?
    /// The logger stages report through; the library never prints.
    public var logger: Logger

    public init(data: DataDirectory = .default, source: Language? = nil, logger: Logger = Logger(label: "brief")) {
        self.data = data
        self.source = source
        self.logger = logger
    }
}

/// A stage's options as written under `with:` (or set from the command line), read with type checks.
///
/// Each read names the key; a wrong type or value is reported with the file, line and column of the value when it
/// came from a pipeline file.
public struct StageOptions: Sendable {
    /// Where an option value came from.
    struct Value: @unchecked Sendable {  // Yams' Node is an immutable value here
        var node: Node
        var location: Location?
        var keyLocation: Location?
    }

    /// A position in a pipeline file.
    public struct Location: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
    }

    let stage: String
    private(set) var values: [String: Value] = [:]

    /// Empty options for `stage` (all defaults).
    public init(stage: String) { self.stage = stage }

    init(stage: String, values: [String: Value]) {
        self.stage = stage
        self.values = values
    }

    /// The keys that were set.
    public var keys: [String] { values.keys.sorted() }

    /// Sets `key` from the command line (overriding the pipeline file).
    public mutating func set(_ key: String, _ value: String) {
        values[key] = Value(node: Node(value), location: nil)
    }

    /// Sets `key` to a list from the command line.
    public mutating func set(_ key: String, list: [String]) {
        values[key] = Value(node: Node(list.map { Node($0) }), location: nil)
    }

    /// Removes `key`, so its default applies.
    public mutating func remove(_ key: String) { values[key] = nil }

    func error(_ key: String, _ expected: String) -> BriefError {
        let value = values[key]
        let shown = value.map { describe($0.node) } ?? "nothing"
        let message = "option '\(key)' of stage '\(stage)' must be \(expected), not \(shown)"
        if let location = value?.location {
            return .config(file: location.file, line: location.line, column: location.column, message)
        }
        return BriefError(.usage, message)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// A string option.
    public func string(_ key: String, default fallback: String) throws -> String {
        guard let value = values[key] else { return fallback }
        guard case .scalar(let scalar) = value.node else { throw error(key, "a string") }
        return scalar.string
    }

    /// An integer option within `range`.
    public func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = values[key] else { return fallback }
        guard let number = value.node.int, range.contains(number) else {
            throw error(key, "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// An optional integer option within `range`.
    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard values[key] != nil else { return nil }
        return try int(key, default: 0, in: range)
    }

    /// An optional number option within `range`.
    public func double(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = values[key] else { return nil }
        guard let number = value.node.float ?? value.node.int.map(Double.init), range.contains(number) else {
            throw error(key, "a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A true/false option.
    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let value = values[key] else { return fallback }
        guard let flag = value.node.bool else { throw error(key, "true or false") }
        return flag
    }

    /// A list of strings (a single string counts as a list of one).
    public func strings(_ key: String, default fallback: [String]) throws -> [String] {
        guard let value = values[key] else { return fallback }
        switch value.node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let items):
            return try items.map { item in
                guard case .scalar(let scalar) = item else { throw error(key, "a list of strings") }
                return scalar.string
            }
        default: throw error(key, "a list of strings")
        }
    }

    /// One of a fixed set of values.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) throws -> T
    where T.RawValue == String {
        let raw = try string(key, default: fallback.rawValue)
        guard let value = T(rawValue: raw) else {
            throw error(key, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}
