import Foundation
import Testing
@testable import Brief

@Suite("Boilerplate cleaning")
struct CleanTests {
    static let pages = ["sample"] + Fixtures.languages(in: "clean", suffix: ".page.txt")

    func page(_ name: String) -> (page: String, body: [String]) {
        if name == "sample" {
            return (Fixtures.repositoryText("Examples/sample-article.txt"),
                    Fixtures.repositoryText("Examples/sample-article.body.txt").split(separator: "\n").map(String.init))
        }
        return (Fixtures.text("clean/\(name).page.txt"),
                Fixtures.text("clean/\(name).body.txt").split(separator: "\n").map(String.init))
    }

    @Test("a scraped page keeps exactly its article lines", arguments: pages)
    func keepsBodyDropsBoilerplate(name: String) throws {
        let (page, body) = page(name)
        #expect(!body.isEmpty)
        let document = try Run.document(page, stages: ["clean"])
        let kept = document.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(kept == body.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        #expect(document.removedLines.allSatisfy { !$0.rule.isEmpty })
    }

    @Test("each dropped line is reported with the rule that dropped it")
    func reportsRules() throws {
        let page = "Skip to main content\nXS SM MD LG\nBreaking News\nThe minister resigned on Friday.\n"
            + "Share on Facebook\nVOA's Jane Doe contributed to this report.\n"
        let document = try Run.document(page, stages: ["clean"])
        #expect(document.text == "The minister resigned on Friday.\n")
        #expect(document.removedLines.map(\.rule) == ["navigation", "size-picker", "banner", "share", "byline"])
        #expect(document.removedLines.map(\.line) == [1, 2, 3, 5, 6])
    }

    /// The skip links at the top of a VOA service page, in its language, then the headline and the story.
    static let skipLinks: [(language: String, lines: [String], headline: String, body: String)] = [
        ("ru", ["Ссылки для упрощенного доступа", "Вернуться к основному содержанию"], "Переговоры в Москве продолжатся",
         "Москва заявила во вторник, что переговоры продолжатся. Министр сказал, что стороны встретятся снова."),
        ("fr", ["Liens d’accessibilité", "Accéder au contenu principal"], "Les pourparlers reprennent",
         "Les deux parties ont repris mardi leurs pourparlers à Addis-Abeba. Le ministre a salué un climat constructif."),
        ("es", ["Enlaces de accesibilidad", "Ir al contenido principal"], "Elecciones en Bolivia",
         "Los bolivianos votaron el domingo en una jornada tranquila. El tribunal electoral publicará hoy los resultados."),
        ("fa", ["پیوندهای دسترسی", "بازگشت به محتوای اصلی"], "مذاکرات ادامه دارد",
         "وزیر خارجه روز سه‌شنبه گفت مذاکرات ادامه خواهد داشت. دو طرف هفته آینده دوباره دیدار می‌کنند."),
        ("sw", ["Viungo vya ufikiaji"], "Mvua kubwa Nairobi",
         "Mvua kubwa imenyesha jijini Nairobi usiku kucha. Serikali imewataka wakazi kuwa waangalifu."),
        ("vi", ["Liên kết truy cập"], "Bão đổ bộ miền Trung",
         "Cơn bão đã đổ bộ vào miền Trung Việt Nam hôm thứ Ba. Hàng nghìn người đã được sơ tán."),
    ]

    @Test("a service page's skip links, in its language, are dropped and never taken for the headline",
          arguments: skipLinks.indices)
    func skipLinksInServiceLanguages(_ index: Int) throws {
        let page = Self.skipLinks[index]
        let text = page.lines.joined(separator: "\n") + "\n\n" + page.headline + "\n\n" + page.body + "\n"
        var clean = PipelineSpec.Step("clean")
        clean.options.set("packs", list: ["web", "voa"])
        let spec = PipelineSpec(name: "test", source: try Language.resolve(page.language), stages: [clean, .init("segment")])
        let document = try StageRegistry.standard.pipeline(spec).run(Document(text: text))
        #expect(document.removedLines.map(\.text) == page.lines)
        #expect(document.removedLines.allSatisfy { $0.rule == "navigation" })
        #expect(document.title == page.headline)
    }

    @Test("a caption that appears twice is dropped; a sentence that merely mentions sharing is kept")
    func captionsAndLookalikes() throws {
        let caption = "Displaced families wait for food in Baidoa, Somalia, Oct. 3, 2025."
        let page = "\(caption)\nShare prices fell sharply on Monday after the announcement.\n\(caption)\n"
            + "By the end of the week, aid had reached 40,000 people.\n"
        let document = try Run.document(page, stages: ["clean"])
        #expect(document.text == "Share prices fell sharply on Monday after the announcement.\n"
            + "By the end of the week, aid had reached 40,000 people.\n")
        #expect(document.removedLines.map(\.rule) == ["caption", "caption"])
    }

    @Test("article sentences in every language's article survive cleaning", arguments: Fixtures.languages(in: "articles", suffix: ".txt"))
    func neverDropsArticleSentences(language: String) throws {
        let article = Fixtures.text("articles/\(language).txt")
        let document = try Run.document(article, stages: ["clean"])
        #expect(document.removedLines.isEmpty, "\(document.removedLines.map(\.text))")
    }

    @Test("a user's own pack is loaded by path")
    func userPack() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pack-\(UUID()).txt")
        try "# my site\nline\tDaily Planet Newsletter\tsubscribe\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let pipeline = try Run.pipeline("version: 1\nstages:\n  - use: clean\n    with: { packs: [\(file.path)] }\n")
        let document = try pipeline.run(Document(text: "daily planet newsletter\nThe storm weakened.\n"))
        #expect(document.text == "The storm weakened.\n")
        #expect(document.removedLines.first?.rule == "subscribe")
    }

    @Test("a user's regex rules match whole lines, whatever character they may start with")
    func userRegexRules() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pack-\(UUID()).txt")
        let rules = """
            # my site
            regex	^(\\w+) \\1$	echo
            regex	.{2,12} photo gallery	gallery
            regex	(?-i)^[«"“]?Updated\\b.*$	stamp
            """
        try rules.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let pipeline = try Run.pipeline("version: 1\nstages:\n  - use: clean\n    with: { packs: [\(file.path)] }\n")
        let page = "Hello hello\nÉté 2024 photo gallery\n«Updated at noon»\nupdated at noon\nThe storm weakened.\n"
        let document = try pipeline.run(Document(text: page))
        #expect(document.removedLines.map(\.rule) == ["echo", "gallery", "stamp"])
        #expect(document.text == "updated at noon\nThe storm weakened.\n")
    }

    @Test("phrase rules: the first rule of the pack that a line matches names it, in any script and at any place")
    func phraseRuleOrder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pack-\(UUID()).txt")
        let rules = """
            # my site: a suffix rule before a contains rule that can match the same line
            suffix	reporting by our staff.	byline
            contains	Our Staff	staff
            contains	Все права	copyright
            contains	 ©	mark
            prefix	Watch:	video
            """
        try rules.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let pipeline = try Run.pipeline("version: 1\nstages:\n  - use: clean\n    with: { packs: [\(file.path)] }\n")
        let long = "The council met for six hours and voted, after a long debate that ran into the night, to keep "
            + "the old bridge open to buses while engineers study whether its pillars can carry the weight of "
            + "the new trams, a question our staff has followed closely since the first cracks were reported in "
            + "the early spring of this year."
        let page = [
            "Additional reporting by our staff.",     // both rules: the suffix rule comes first in the pack
            "Photos: OUR STAFF",                      // the contains rule, in another case
            "© 2025 РИА. Все права защищены.",         // Cyrillic, after other text
            "Text and pictures ©",                    // a two-byte opening, at the very end
            "watch: the flood, from above",
            long,                                     // over 300 characters: phrase rules do not apply
            "The storm weakened.",
        ].joined(separator: "\n") + "\n"
        let document = try pipeline.run(Document(text: page))
        #expect(document.removedLines.map(\.rule) == ["byline", "staff", "copyright", "mark", "video"])
        #expect(document.text == long + "\nThe storm weakened.\n")
    }

    @Test("offsets after cleaning still point into the original page")
    func offsetsAfterCleaning() throws {
        let page = "Skip to main content\nBreaking News\nThe dam burst at dawn. Rescuers arrived at noon.\n"
        let document = try Run.document(page, language: "en", stages: ["clean", "segment"])
        #expect(document.sentencesInSource == ["The dam burst at dawn.", "Rescuers arrived at noon."])
    }
}
