import Foundation
import Testing
@testable import Brief

@Suite("Command line: translation and glossaries")
struct TranslateCLITests {
    static let sample = "Examples/sample-article.txt"

    static func temporary(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("brief --to fa adds a Persian draft of the brief, right to left, with its report")
    func draftOfTheBrief() throws {
        let text = try CLI.run([Self.sample, "--to", "fa"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("\nDraft (fa):\n"))
        #expect(text.stdout.contains("ایالات متحده") || text.stdout.contains("آمریکا"))
        #expect(text.stdout.contains("glossary coverage"))
        let json = try CLI.run([Self.sample, "--to", "fa", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let translation = try #require(object["translation"] as? [String: Any])
        #expect(translation["language"] as? String == "fa")
        #expect(translation["direction"] as? String == "rtl")
        #expect((translation["sentences"] as? [Any])?.count == 3)
        let report = try #require(translation["report"] as? [String: Any])
        #expect(Set(report.keys).isSuperset(of: ["coverage", "applied", "unverified", "forbidden", "unknown"]))
    }

    @Test("brief translate drafts every sentence; without --to it is a usage error; an unknown tag lists the languages")
    func translateCommand() throws {
        let whole = try CLI.run(["translate", Self.sample, "--to", "ru", "--format", "json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any]
        let translation = object?["translation"] as? [String: Any]
        #expect(translation?["scope"] as? String == "article")
        #expect((translation?["sentences"] as? [Any])?.count == object?["sentenceCount"] as? Int)
        #expect(try CLI.run(["translate", Self.sample]).status == 64)
        let unknown = try CLI.run([Self.sample, "--to", "xx-bogus"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("supported: en, om, sq"))
        #expect(try CLI.run([Self.sample, "--whole"]).status == 64)
    }

    @Test("a malformed glossary in a pipeline fails pipeline validate with its file and line (exit 78)")
    func badGlossary() throws {
        let glossary = try Self.temporary("bad.tsv", "en\tru\tstatus\nelection\tвыборы\tprefered\n")
        let pipeline = try Self.temporary("p.yaml", """
            version: 1
            source: en
            stages:
              - segment
              - use: translate
                with: { to: ru, glossaries: [\(glossary.path)], scope: article }
            """)
        let result = try CLI.run(["pipeline", "validate", pipeline.path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(glossary.path):2:17: unknown status 'prefered'"))
    }

    @Test("glossary check: shipped files pass; a conflict exits 1 with file and line; a malformed row exits 78")
    func check() throws {
        let shipped = try CLI.run(["glossary", "check", "Dictionaries/glossaries/core/ru.tsv", "Dictionaries/glossaries/names/fa.tsv"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains(/Dictionaries\/glossaries\/core\/ru.tsv: ok — \d{3,} concepts, en, ru/))
        let conflict = try Self.temporary("conflict.tsv", "en\tru\nelection\tвыборы\nelection\tголосование\n")
        let found = try CLI.run(["glossary", "check", conflict.path])
        #expect(found.status == 1)
        #expect(found.stderr.contains("\(conflict.path):2: 'election' has 2 preferred ru renderings"))
        let malformed = try Self.temporary("malformed.tsv", "en\tru\nelection\tвыборы\textra\n")
        #expect(try CLI.run(["glossary", "check", malformed.path]).status == 78)
    }

    @Test("glossary lookup finds a term from either side; export then import gives the same rows")
    func lookupExportImport() throws {
        let lookup = try CLI.run(["glossary", "lookup", "Kyiv", "--to", "fr"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.stdout.contains("Kiev"))
        let back = try CLI.run(["glossary", "lookup", "Kaboul", "--to", "fr"])
        #expect(back.stdout.contains("Kabul"))
        let tbx = try CLI.run(["glossary", "export", "--format", "tbx", "--to", "es", "--glossaries", "core"])
        #expect(tbx.status == 0)
        let file = try Self.temporary("core-es.tbx", tbx.stdout)
        let imported = try CLI.run(["glossary", "import", file.path, "--to", "es"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let tsv = try CLI.run(["glossary", "export", "--format", "tsv", "--to", "es", "--glossaries", "core"])
        let rows = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(2).joined(separator: "\t") } }
        #expect(rows(imported.stdout) == rows(tsv.stdout))
        #expect(rows(tsv.stdout).count > 700)
    }

    @Test("glossary verify: a translation with the house terms passes (exit 0); a missing or forbidden one exits 1")
    func verify() throws {
        let source = try Self.temporary("en.txt", "The refugees in Kabul need a ceasefire. The talks resume in Geneva.")
        let good = try Self.temporary("fr-good.txt", "Les réfugiés de Kaboul ont besoin d'un cessez-le-feu. Les pourparlers reprennent à Genève.")
        let bad = try Self.temporary("fr-bad.txt", "Les exilés de Kaboul ont besoin d'un cessez-le-feu. Les pourparlers reprennent à Genève.")
        let passed = try CLI.run(["glossary", "verify", "--to", "fr", source.path, good.path])
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.hasSuffix("0 missing, 0 forbidden\n"))
        let failed = try CLI.run(["glossary", "verify", "--to", "fr", source.path, bad.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("sentence 1: missing: 'refugees' should be rendered 'réfugié'"))
    }

    @Test("batch with --to counts the drafts and their coverage in the summary and the report")
    func batch() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent(Self.sample),
                                         to: input.appendingPathComponent("a.txt"))
        let output = input.appendingPathComponent("out")
        let result = try CLI.run(["batch", input.path, "--out", output.path, "--to", "es"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("; 1 drafts, glossary coverage"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(".brief/report.json")))
            as? [String: Any]
        #expect(report?["drafts"] as? Int == 1)
        #expect((report?["glossaryCoverage"] as? Double ?? 0) > 0.2)
    }

    @Test("brief segment --explain names the rule that made each boundary")
    func explain() throws {
        let result = try CLI.run(["segment", "--lang", "en", "--format", "json", "--explain"],
                                 stdin: Data("Mr. Smith went to Washington. He left.".utf8))
        #expect(result.stdout == #"{"language":"en","sentences":[{"text":"Mr. Smith went to Washington.","start":0,"end":29,"rule":"icu"},{"text":"He left.","start":30,"end":38,"rule":"end"}]}"# + "\n")
    }
}
