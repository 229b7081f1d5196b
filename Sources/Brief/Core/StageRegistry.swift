import Foundation
import Yams

/// Maps stage names to stage types and builds pipelines from pipeline files.
///
/// Building checks everything that can be checked without an article: the file's version and keys, every stage name
/// and option key, option types and values, and that each stage's requirements are met by an earlier stage.
public struct StageRegistry: Sendable {
    /// The stage types by name.
    public let stages: [String: any Stage.Type]
    /// The output sections, in output order: what a rendered document shows.
    public let sections: [any OutputSection]

    public init(_ types: [any Stage.Type], sections: [any OutputSection]) {
        stages = Dictionary(uniqueKeysWithValues: types.map { ($0.name, $0) })
        self.sections = sections
    }

    /// The built-in stages, and the sections that show their results.
    public static let standard = StageRegistry(
        [NormalizeStage.self, CleanStage.self, DetectStage.self, SegmentStage.self, SummarizeStage.self,
         TranslateStage.self],
        sections: [DocumentHeaderSection(), SummarySection(), RemovedLinesSection(), RepairsSection(),
                   TranslationSection(), NotesSection()])

    /// This registry with more stages and sections (sections go before the notes, which stay last).
    public func adding(_ types: [any Stage.Type], sections more: [any OutputSection] = []) -> StageRegistry {
        var all = sections
        let notes = all.lastIndex { $0 is NotesSection } ?? all.endIndex
        all.insert(contentsOf: more, at: notes)
        return StageRegistry(Array(stages.values) + types, sections: all)
    }

    /// The stage names, in alphabetical order.
    public var names: [String] { stages.keys.sorted() }

    /// Builds a pipeline from a parsed pipeline description.
    public func pipeline(_ spec: PipelineSpec, context: StageContext = StageContext()) throws -> Pipeline {
        var context = context
        context.source = spec.source
        try context.data.checkComplete()
        var built: [any Stage] = []
        var available: Set<Facet> = spec.source == nil ? [] : [.language]
        for step in spec.stages {
            guard let type = stages[step.name] else {
                throw spec.error(at: step.location, "unknown stage '\(step.name)'; expected one of: "
                    + names.joined(separator: ", "))
            }
            for key in step.options.keys where !type.optionKeys.contains(key) {
                let location = step.options.values[key]?.keyLocation ?? step.location
                let valid = type.optionKeys.isEmpty ? "it takes no options" : "expected one of: "
                    + type.optionKeys.joined(separator: ", ")
                throw spec.error(at: location, "unknown option '\(key)' for stage '\(step.name)'; \(valid)")
            }
            let stage = try type.make(options: step.options, context: context)
            if let facet = stage.needs.subtracting(available).min() {
                let providers = stages.values.filter { $0.assigns.contains(facet) }.map { $0.name }.sorted()
                throw spec.error(at: step.location, "stage '\(step.name)' needs \(facet), which no earlier stage "
                    + "provides; add \(providers.map { "'\($0)'" }.joined(separator: " or ")) before it")
            }
            if type.assigns.contains(.text) && available.contains(.sentences) {
                throw spec.error(at: step.location, "stage '\(step.name)' rewrites the text, so it must come before "
                    + "the text is segmented")
            }
            built.append(stage)
            available.formUnion(type.assigns)
        }
        return Pipeline(
            name: spec.name, sourceLanguage: spec.source, stages: built, output: spec.output,
            fingerprint: spec.fingerprint, sections: sections)
    }

    /// Parses and builds the pipeline file at `path`.
    public func pipeline(fromFile path: String, context: StageContext = StageContext()) throws -> Pipeline {
        try pipeline(PipelineSpec(contentsOf: path), context: context)
    }
}
