import Testing
@testable import Brief

@Suite("Pipeline files")
struct PipelineFileTests {
    func error(_ yaml: String) -> BriefError? {
        do {
            _ = try Run.pipeline(yaml)
            return nil
        } catch let error as BriefError {
            return error
        } catch {
            return BriefError(.data, "unexpected \(error)")
        }
    }

    @Test("the shipped default pipeline builds, with its stages in order")
    func defaultPipeline() throws {
        let pipeline = try StageRegistry.standard.pipeline(PipelineSpec.standard())
        #expect(pipeline.stages.map { type(of: $0).name } == ["normalize", "clean", "detect", "segment", "summarize"])
        #expect(pipeline.sourceLanguage == nil)
        #expect(pipeline.output == .text)
    }

    @Test("a misspelled stage is rejected with its line, column and the valid names")
    func misspelledStage() {
        let yaml = "version: 1\nstages:\n  - use: normalize\n  - use: segmnt\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:4:10: unknown stage 'segmnt'; expected one of: "
            + "clean, detect, normalize, segment, summarize, translate"))
    }

    @Test("an unknown option key is rejected with the stage's valid keys")
    func unknownOption() {
        let yaml = "version: 1\nstages:\n  - use: segment\n  - use: summarize\n    with: { sentence: 3 }\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:5:13: unknown option 'sentence' for stage 'summarize'; "
            + "expected one of: method, sentences, ratio, words, chars, keywords, headline"))
    }

    @Test("an option of the wrong type names the expected type")
    func wrongType() {
        let yaml = "version: 1\nstages:\n  - use: segment\n  - use: summarize\n    with:\n      sentences: three\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:6:18: option 'sentences' of stage 'summarize' must be "
            + "an integer from 1 to 10000, not 'three'"))
    }

    @Test("an option value outside its choices lists them")
    func badChoice() {
        let yaml = "version: 1\nstages:\n  - use: segment\n  - use: summarize\n    with: { method: magic }\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:5:21: option 'method' of stage 'summarize' must be one "
            + "of default, lead, textrank, lexrank, centroid, not 'magic'"))
    }

    @Test("summarize without an earlier segment is rejected: it needs sentences")
    func missingRequiredStage() {
        let yaml = "version: 1\nstages:\n  - use: normalize\n  - use: summarize\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:4:10: stage 'summarize' needs sentences, which no "
            + "earlier stage provides; add 'segment' before it"))
    }

    @Test("a text rewrite after segmentation is rejected")
    func rewriteAfterSegment() {
        let yaml = "version: 1\nstages:\n  - use: segment\n  - use: clean\n"
        #expect(error(yaml) == BriefError(.config, "test.yaml:4:10: stage 'clean' rewrites the text, so it must come "
            + "before the text is segmented"))
    }

    @Test("YAML syntax errors give the file, line and column")
    func syntaxError() {
        let yaml = "version: 1\nstages:\n  - use: normalize\n    with: { form: nfc\n"
        let message = error(yaml)?.message ?? ""
        #expect(message.hasPrefix("test.yaml:5:1: YAML syntax error:"), "\(message)")
    }

    @Test("the version is required and checked")
    func version() {
        #expect(error("stages: []\n") == BriefError(.config, "test.yaml:1:1: missing 'version: 1'"))
        #expect(error("version: 2\nstages: []\n") == BriefError(.config,
            "test.yaml:1:10: unsupported version '2'; expected 1"))
    }

    @Test("unknown top-level keys and languages are rejected")
    func unknownKeys() {
        #expect(error("version: 1\nstage: []\n") == BriefError(.config,
            "test.yaml:2:1: unknown key 'stage'; expected one of: version, name, source, stages, output"))
        let message = error("version: 1\nsource: xx-nonsense-tag\nstages: []\n")?.message ?? ""
        #expect(message.hasPrefix("test.yaml:2:9: unknown language 'xx-nonsense-tag'; supported: en, om, sq"))
    }

    @Test("a missing boilerplate pack is a configuration error naming the available packs")
    func missingPack() {
        let yaml = "version: 1\nstages:\n  - use: clean\n    with: { packs: [web, nosuchsite] }\n"
        #expect(error(yaml)?.message.hasPrefix("boilerplate pack 'nosuchsite' not found in ") == true)
        #expect(error(yaml)?.kind == .config)
    }

    @Test("every shipped pipeline file validates")
    func shippedPipelines() throws {
        let folder = Fixtures.repository.appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            _ = try StageRegistry.standard.pipeline(fromFile: folder.appendingPathComponent(file).path)
        }
    }

    @Test("the fingerprint changes with the options and not with formatting")
    func fingerprint() throws {
        let a = try PipelineSpec(yaml: "version: 1\nstages:\n  - use: segment\n  - use: summarize\n    with: {sentences: 3}\n", file: "a")
        let b = try PipelineSpec(yaml: "version: 1\nstages:\n- use: segment\n- use: summarize\n  with:\n    sentences: 3\n", file: "b")
        var c = a
        c.set("sentences", "4", of: "summarize")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }
}

import Foundation
