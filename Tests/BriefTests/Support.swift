import Foundation
import Testing
@testable import Brief

/// Where the test fixtures and the repository live.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func repositoryText(_ path: String) -> String {
        (try? String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The language tags that have a file in `folder` with `suffix`.
    static func languages(in folder: String, suffix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
    }

    /// One segmentation case from a fixture file.
    struct SegmentationCase: Decodable, CustomTestStringConvertible {
        var text: String
        var sentences: [String]
        var note: String?
        var testDescription: String { String(text.prefix(60)) }
    }

    static func segmentationCases(_ language: String) -> [SegmentationCase] {
        text("segmentation/\(language).jsonl").split(separator: "\n").compactMap {
            try? JSONDecoder().decode(SegmentationCase.self, from: Data($0.utf8))
        }
    }
}

/// Runs pipelines in tests.
enum Run {
    static func pipeline(_ yaml: String) throws -> Pipeline {
        try StageRegistry.standard.pipeline(PipelineSpec(yaml: yaml, file: "test.yaml"))
    }

    static func document(_ text: String, language: String? = nil, stages: [String]) throws -> Document {
        var yaml = "version: 1\nstages:\n"
        for stage in stages { yaml += "  - use: \(stage)\n" }
        var document = Document(text: text, language: language)
        try pipeline(yaml).run(&document)
        return document
    }

    static func sentences(_ text: String, language: String) throws -> [String] {
        let document = try Document(text: text, language: language).segmented()
        return document.sentences.map { String(document.string(of: $0)) }
    }
}

extension Document {
    /// Each sentence as the slice of the input as given that its reported offsets point to.
    var sentencesInSource: [String] {
        let offsets = sourceScalarOffsets(sentences.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        let scalars = Array(source.unicodeScalars)
        return sentences.indices.map { String(String.UnicodeScalarView(scalars[offsets[$0 * 2]..<offsets[$0 * 2 + 1]])) }
    }

    /// The document segmented; every line a sentence unless `headline` lets a standalone first line be the headline.
    func segmented(headline: Bool = false) throws -> Document {
        var copy = self
        var options = StageOptions(stage: "segment")
        options.set("headline", headline ? "true" : "false")
        try SegmentStage(options: options, context: StageContext()).run(&copy)
        return copy
    }
}

/// Runs the built `brief` executable.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        if let custom = ProcessInfo.processInfo.environment["BRIEF_BINARY"] { return URL(fileURLWithPath: custom) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("brief")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Fixtures.repository.appendingPathComponent(".build/debug/brief")
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    binary: URL = CLI.binary, directory: URL = Fixtures.repository) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
