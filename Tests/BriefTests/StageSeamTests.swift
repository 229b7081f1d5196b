import Testing
@testable import Brief

/// A stage written as a user would add one: its facet, its result type, its key and its output section, all here.
extension Facet {
    static let headlineCount: Facet = "headlineCount"
}

struct ShoutCount: Sendable, Equatable { var shouted: Int }

enum ShoutKey: DocumentKey { typealias Value = ShoutCount }

/// `shout` — counts the sentences written in capitals.
struct ShoutStage: Stage {
    static let name = "shout"
    static let summary = "counts the sentences written in capitals"
    static let optionKeys = ["minimum"]
    static let requires: Set<Facet> = [.sentences]
    static let assigns: Set<Facet> = [.headlineCount]
    let minimum: Int

    init(options: StageOptions, context: StageContext) throws {
        minimum = try options.int("minimum", default: 8, in: 1...100)
    }

    func run(_ document: inout Document) throws {
        let shouted = document.sentences.filter { sentence in
            let letters = document.string(of: sentence).unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= minimum && letters.allSatisfy { $0.properties.isUppercase }
        }.count
        document[ShoutKey.self] = ShoutCount(shouted: shouted)
    }
}

struct ShoutSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        document[ShoutKey.self].map { [("shouted", .int($0.shouted))] } ?? []
    }

    func text(_ document: Document) -> String {
        document[ShoutKey.self].map { "\nShouted: \($0.shouted)\n" } ?? ""
    }
}

@Suite("Adding a stage")
struct StageSeamTests {
    static let registry = StageRegistry.standard.adding([ShoutStage.self], sections: [ShoutSection()])

    @Test("a stage in its own file plugs in with one registry line and its output section")
    func plugsIn() throws {
        let pipeline = try Self.registry.pipeline(PipelineSpec(yaml: """
            version: 1
            source: en
            stages:
              - use: segment
              - use: shout
                with: { minimum: 5 }
            """, file: "shout.yaml"))
        let document = try pipeline.run(Document(text: "A storm hit the coast on Monday. STORM WARNING FOR TONIGHT. It moved on."))
        #expect(document[ShoutKey.self] == ShoutCount(shouted: 1))
        let json = pipeline.renderer(.json).render(document)
        #expect(json.contains(#""shouted":1,"notes":[]"#))  // its key, before the notes, which stay last
        #expect(pipeline.renderer(.text).render(document).hasSuffix("\nShouted: 1\n"))
    }

    @Test("its requirements are checked like a built-in stage's, and the error names the stage that provides them")
    func requirementsChecked() throws {
        let error = try #require(throws: BriefError.self) {
            try Self.registry.pipeline(PipelineSpec(yaml: "version: 1\nstages:\n  - use: shout\n", file: "shout.yaml"))
        }
        #expect(error.message == "shout.yaml:3:10: stage 'shout' needs sentences, which no earlier stage provides; "
            + "add 'segment' before it")
    }
}
