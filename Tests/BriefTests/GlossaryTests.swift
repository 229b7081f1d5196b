import Foundation
import Testing
@testable import Brief

@Suite("Glossary files and tools")
struct GlossaryTests {
    static let tsv = """
        # A test glossary; licence: CC0-1.0
        en\tru\tpos\tnote\tstatus\tcase
        election\tвыборы\tnoun
        ceasefire\tпрекращение огня\tnoun
        ceasefire\tперемирие\tnoun\t\tadmitted
        WHO\tВОЗ\tpropn\tacronym\t\tsensitive
        Facebook\t\tpropn\t\tdnt

        """

    @Test("a TSV with a header: rows with the same source term are one concept; provenance, statuses and case kept")
    func readTSV() throws {
        let glossary = try Glossary(tsv: Self.tsv, name: "test", file: "test.tsv")
        #expect(glossary.provenance == "A test glossary; licence: CC0-1.0")
        #expect(glossary.concepts.map(\.id) == ["election|noun", "ceasefire|noun", "WHO|propn", "Facebook|propn"])
        #expect(glossary.concepts[1].terms["ru"]?.map(\.status) == [.preferred, .admitted])
        #expect(glossary.concepts[2].terms["ru"]?.first?.caseRule == .sensitive)
        #expect(glossary.concepts[3].terms["ru"]?.first?.text == "Facebook")  // dnt: the target is the source
    }

    @Test("a TSV without a header takes the languages it is given, as DeepL's two-column files have it")
    func headerless() throws {
        let glossary = try Glossary(tsv: "election\tانتخابات\nIran\tایران\n", name: "mine", file: "mine.tsv",
                                    languages: ("en", "fa"))
        #expect(glossary.concepts.map { $0.terms["fa"]?.first?.text } == ["انتخابات", "ایران"])
        #expect(throws: BriefError.self) { try Glossary(tsv: "election\tвыборы\n", name: "x", file: "x.tsv") }
    }

    @Test("export then import gives the same glossary")
    func roundTrip() throws {
        let glossary = try Glossary(tsv: Self.tsv, name: "test", file: "test.tsv")
        let again = try Glossary(tsv: glossary.tsv(from: "en", to: "ru"), name: "test", file: "test.tsv")
        #expect(again.concepts == glossary.concepts)
    }

    @Test("malformed rows are errors with file, line and column", arguments: [
        ("en\tru\tstatus\nelection\tвыборы\tpreferrd\n", "bad.tsv:2:17: unknown status 'preferrd'"),
        ("en\tru\tcase\nWHO\tВОЗ\tupper\n", "bad.tsv:2:9: unknown case rule 'upper'"),
        ("en\tru\nelection\tвыборы\tnoun\n", "bad.tsv:2:17: 3 columns, but the header names 2"),
        ("en\tru\tcolour\n", "bad.tsv:1:7: unknown column 'colour'"),
        ("# c\nen\tru\n\telection\n", "bad.tsv:3:1: the source term is empty"),
        ("en\tru\nelection\t\n", "bad.tsv:2:10: the target term is empty"),
        ("en\txx-Qqqq-bogus\n", "bad.tsv:1:4: 'xx-Qqqq-bogus' is not a language tag"),
    ])
    func malformed(text: String, message: String) throws {
        let error = try #require(throws: BriefError.self) { try Glossary(tsv: text, name: "bad", file: "bad.tsv") }
        #expect(error.kind == .config)
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test("check finds conflicting preferred renderings, a rendering both preferred and forbidden, dnt with a translation")
    func check() throws {
        let glossary = try Glossary(tsv: """
            en\tru\tstatus
            election\tвыборы
            election\tголосование
            truce\tперемирие
            truce\tперемирие\tforbidden
            Facebook\tFacebook\tdnt
            Facebook\tФейсбук
            """, name: "bad", file: "bad.tsv")
        let problems = GlossaryTools.check(glossary)
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("bad.tsv:2: 'election' has 2 preferred ru renderings"))
        #expect(problems[1].hasPrefix("bad.tsv:4: 'перемирие' (ru) is both preferred and forbidden"))
        #expect(problems[2].hasPrefix("bad.tsv:6: 'Facebook' is do-not-translate in ru but also has a translation"))
        #expect(GlossaryTools.check(try Glossary(tsv: Self.tsv, name: "test", file: "test.tsv")).isEmpty)
    }

    @Test("lookup finds an entry from either side")
    func lookup() throws {
        let file = Draft.glossary("news-ru.tsv")
        let en = try Language.resolve("en"), ru = try Language.resolve("ru")
        #expect(try GlossaryTools.lookup("ceasefire", from: en, to: ru, glossaries: [file]).first?.targets.map(\.text)
            == ["прекращение огня", "перемирие", "прекращение стрельбы"])
        #expect(try GlossaryTools.lookup("ВОЗ", from: en, to: ru, glossaries: [file]).first?.source.text == "WHO")
    }

    @Test("verify: a translation with the house terms passes; a missing term and a forbidden rendering are found")
    func verify() throws {
        var options = StageOptions(stage: "translate")
        options.set("to", "ru")
        options.set("glossaries", list: [Draft.glossary("news-ru.tsv")])
        let stage = try TranslateStage(options: options, context: StageContext(source: try Language.resolve("en")))
        func segmented(_ text: String, _ language: String) throws -> Document {
            try Document(text: text, language: language).segmented()
        }
        let source = try segmented("The election in Iran is over. A ceasefire holds.", "en")
        let good = try segmented("Выборы в Иране закончились. Прекращение огня соблюдается.", "ru")
        #expect(try GlossaryTools.verify(source: source, translation: good, with: stage).isEmpty)
        let bad = try segmented("Голосование в Иране закончилось. Прекращение стрельбы соблюдается.", "ru")
        let findings = try GlossaryTools.verify(source: source, translation: bad, with: stage)
        #expect(findings.map(\.kind) == [.missing, .missing, .forbidden])
        #expect(findings.map(\.term) == ["election", "ceasefire", "Прекращение стрельбы"])
        #expect(findings.map(\.pair) == [1, 2, 2])
    }
}
