import Foundation
import Testing
@testable import Brief

/// Drafts through a pipeline built in code: segment, then translate the whole text with the given glossaries.
enum Draft {
    static func glossary(_ name: String) -> String { Fixtures.directory.appendingPathComponent("glossaries/\(name)").path }

    static func document(_ text: String, from source: String, to target: String, glossaries: [String],
                         options: [String: String] = [:]) throws -> Document {
        var translate = PipelineSpec.Step("translate", options.merging(["to": target, "scope": "article"]) { a, _ in a })
        translate.options.set("glossaries", list: glossaries)
        let spec = PipelineSpec(name: "test", source: try Language.resolve(source), stages: [.init("segment"), translate])
        return try StageRegistry.standard.pipeline(spec).run(Document(text: text))
    }

    static func translation(_ text: String, from source: String = "en", to target: String = "ru",
                            glossaries: [String] = [glossary("news-ru.tsv")], options: [String: String] = [:]) throws
        -> Translation {
        try #require(try document(text, from: source, to: target, glossaries: glossaries, options: options).translation)
    }

    /// The drafts as text output shows them (⟦untranslated⟧, unverified⟨?⟩), one sentence a line.
    static func marked(_ text: String, from source: String = "en", to target: String = "ru",
                       glossaries: [String] = [glossary("news-ru.tsv")], options: [String: String] = [:]) throws -> String {
        try translation(text, from: source, to: target, glossaries: glossaries, options: options).sentences
            .map { TranslationSection.marked($0, markdown: false) }.joined(separator: "\n")
    }
}

@Suite("Glossary translation")
struct TranslateTests {
    @Test("glossary terms are rendered, the rest is marked as still to translate")
    func draft() throws {
        #expect(try Draft.marked("The election was held in Iran.") == "⟦The⟧ выборы ⟦was held in⟧ Иран.")
    }

    @Test("inflected English forms find their terms: plurals, possessives, capitals at a sentence start")
    func inflections() throws {
        #expect(try Draft.marked("Elections in Iran's north.") == "выборы ⟦in⟧ Иран ⟦north⟧.")
        #expect(try Draft.marked("Two elections, one ceasefire.").contains("выборы"))
        #expect(try Draft.marked("Iran’s election.") == "Иран выборы.")
        #expect(try Draft.marked("The U.N. Security Council met.") == "⟦The⟧ Совет Безопасности ООН ⟦met⟧.")
    }

    @Test("a word Snowball stems like a term is found only when it inflects the term: reported is not reporter")
    func derivations() throws {
        let glossary = Draft.glossary("derivations-ru.tsv")
        #expect(try Draft.marked("Reporters said it was reported.", glossaries: [glossary]) == "репортер ⟦said it was reported⟧.")
        #expect(try Draft.marked("The bans were banned in two countries.", glossaries: [glossary])
            == "⟦The⟧ запрет ⟦were⟧ запрет ⟦in two⟧ страна.")
        #expect(TermMatcher.inflects("making", "make") && TermMatcher.inflects("stopped", "stop")
            && TermMatcher.inflects("forces", "forces") && TermMatcher.inflects("force", "forces")
            && TermMatcher.inflects("Council’s", "council"))
        #expect(!TermMatcher.inflects("negotiating", "negotiation") && !TermMatcher.inflects("report", "reporter")
            && !TermMatcher.inflects("generally", "general"))
    }

    @Test("an English name is found with or without the article after of/for: Republic of (the) Congo")
    func articleVariants() throws {
        let glossary = Draft.glossary("derivations-ru.tsv")
        #expect(try Draft.marked("Aid reached the Democratic Republic of the Congo.", glossaries: [glossary])
            == "⟦Aid reached the⟧ Демократическая Республика Конго.")
        #expect(try Draft.marked("The Office for Coordination of Humanitarian Affairs said.", glossaries: [glossary])
            == "⟦The⟧ Управление по координации гуманитарных вопросов ⟦said⟧.")
    }

    @Test("the headline is drafted too, before the body; its title-case capitals are not names")
    func headline() throws {
        let translation = try Draft.translation("Turkey Delays Elections As Ceasefire Holds\n\nThe election was held in Iran.")
        let title = try #require(translation.title)
        #expect(TranslationSection.marked(title, markdown: false) == "Турция ⟦Delays⟧ выборы ⟦As⟧ прекращение огня ⟦Holds⟧")
        #expect(translation.sentences.map(\.index) == [0])
        #expect(translation.report.names.isEmpty)
        #expect(translation.report.applied.first { $0.target == "выборы" }?.count == 2)
        #expect(try Draft.translation("The election was held in Iran.").title == nil)
    }

    @Test("the longest term wins, leftmost first: United Nations Security Council is one term, not two")
    func longestMatch() throws {
        #expect(try Draft.marked("The United Nations Security Council met.") == "⟦The⟧ Совет Безопасности ООН ⟦met⟧.")
        #expect(try Draft.marked("The United Nations met.") == "⟦The⟧ Организация Объединенных Наций ⟦met⟧.")
        #expect(try Draft.marked("The Security Council met.") == "⟦The⟧ Совет Безопасности ⟦met⟧.")
        #expect(try Draft.marked("It sent humanitarian aid and more aid.")
            == "⟦It sent⟧ гуманитарная помощь ⟦and more⟧ помощь.")
    }

    @Test("a term never matches inside a longer word: Iran is not in Iranian, UN not in UNESCO")
    func wholeWords() throws {
        let translation = try Draft.translation("Officials met Iranian and UNESCO delegates.")
        #expect(translation.report.applied.isEmpty)
        #expect(TranslationSection.marked(translation.sentences[0], markdown: false)
            == "⟦Officials met⟧ Iranian ⟦and⟧ UNESCO ⟦delegates⟧.")
        #expect(translation.report.names == ["Iranian", "UNESCO"])
    }

    @Test("case rules: acronyms only in capitals, names only capitalized, lowercase terms in any case")
    func caseRules() throws {
        #expect(try Draft.marked("The US and WHO said who pays.") == "⟦The⟧ США ⟦and⟧ ВОЗ ⟦said who pays⟧.")
        #expect(try Draft.marked("Let us eat turkey in Turkey.") == "⟦Let us eat turkey in⟧ Турция.")
        #expect(try Draft.marked("AIDS is not aid.") == "AIDS ⟦is not⟧ помощь.")
        #expect(try Draft.marked("ELECTION IN IRAN") == "выборы ⟦IN⟧ Иран")
    }

    @Test("a hyphenated term matches with its hyphen, and only with it")
    func hyphenated() throws {
        #expect(try Draft.marked("Fighters of al-Shabab attacked.") == "⟦Fighters of⟧ «Аш-Шабаб» ⟦attacked⟧.")
    }

    @Test("statuses: the preferred rendering is used, forbidden never; dnt kept; unverified marked, applied or skipped")
    func statuses() throws {
        #expect(try Draft.marked("A ceasefire holds.") == "⟦A⟧ прекращение огня ⟦holds⟧.")
        let kept = try Draft.translation("He posted on Facebook.")
        #expect(kept.sentences[0].text == "He posted on Facebook.")
        #expect(kept.sentences[0].spans.last?.kind == .dnt)
        #expect(try Draft.marked("A drone struck.") == "⟦A⟧ беспилотник⟨?⟩ ⟦struck⟧.")
        #expect(try Draft.marked("A drone struck.", options: ["unverified": "apply"]) == "⟦A⟧ беспилотник ⟦struck⟧.")
        let skipped = try Draft.translation("A drone struck.", options: ["unverified": "skip"])
        #expect(skipped.sentences[0].text == "A drone struck.")
        #expect(skipped.report.unverified.map(\.target) == ["беспилотник"])
    }

    @Test("the report: coverage of content words, terms applied with counts, unknown words, names kept")
    func report() throws {
        let report = try Draft.translation("Iran held an election. Iran voted, Whitmore said.").report
        #expect(report.applied.map { "\($0.target)×\($0.count)" } == ["Иран×2", "выборы×1"])
        #expect(report.unknown == ["held", "voted"])  // "said" is a stopword
        #expect(report.names == ["Whitmore"])
        #expect(report.coverage == 0.5)  // Iran, election, Iran of Iran, held, election, Iran, voted, Whitmore
        #expect(report.notes.contains { $0.contains("Russian inflects nouns for case") })
    }

    @Test("a name met again at the start of a sentence is still a name, reported once")
    func namesAgain() throws {
        let translation = try Draft.translation("Officials met Daniel Whitmore in Iran. Whitmore said little.")
        #expect(translation.sentences[1].spans.first?.kind == .name)
        #expect(translation.report.names == ["Daniel Whitmore"])
    }

    @Test("spans point into the draft: the rendered term, in Unicode scalars")
    func spans() throws {
        let sentence = try Draft.translation("Iran’s election.").sentences[0]
        let scalars = Array(sentence.text.unicodeScalars)
        let shown = sentence.spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(shown == ["Иран", "выборы"])
        #expect(sentence.spans.map(\.entry) == ["news-ru:Iran|propn", "news-ru:election|noun"])
    }

    @Test("a right-to-left draft isolates every left-to-right run (Latin words, figures) in U+2066…U+2069")
    func bidiIsolation() throws {
        let translation = try Draft.translation("The election in Iran cost 1.5 billion.", to: "fa",
                                                glossaries: [Draft.glossary("news-fa.tsv")])
        #expect(translation.direction == "rtl")
        #expect(translation.sentences[0].text
            == "\u{2066}The\u{2069} انتخابات \u{2066}in\u{2069} ایران \u{2066}cost\u{2069} \u{2066}1.5\u{2069} \u{2066}billion\u{2069}.")
    }

    @Test("reverse direction from the same rows: Russian inflected forms come back as English terms")
    func reverse() throws {
        #expect(try Draft.marked("Выборы в Иране прошли.", from: "ru", to: "en")
            == "election ⟦в⟧ Iran ⟦прошли⟧.")
        let forbidden = try Draft.translation("Прекращение стрельбы соблюдается.", from: "ru", to: "en")
        #expect(forbidden.report.forbidden.map(\.source) == ["Прекращение стрельбы"])
        #expect(forbidden.sentences[0].text.hasPrefix("ceasefire"))
    }

    @Test("scripts without spaces: terms are found at ICU word boundaries and never inside a word")
    func noSpaces() throws {
        let zh = Draft.glossary("news-zh.tsv")
        #expect(try Draft.marked("习近平星期二在北京会见了联合国秘书长。", from: "zh-Hans", to: "en", glossaries: [zh])
            == "Xi Jinping ⟦星期二在⟧ Beijing ⟦会见了⟧ United Nations ⟦秘书长⟧。")
        #expect(try Draft.marked("Xi Jinping met the United Nations in Beijing.", to: "zh-Hans", glossaries: [zh])
            == "习近平 ⟦met the⟧ 联合国 ⟦in⟧ 北京.")
        let th = Draft.glossary("news-th.tsv")
        #expect(try Draft.marked("การเลือกตั้งในกรุงเทพมหานครจะจัดขึ้น", from: "th", to: "en", glossaries: [th])
            == "election ⟦ในกรุงเทพมหานครจะจัดขึ้น⟧")
    }

    @Test("countries come from CLDR through ICU in every language ICU has, and a later glossary overrides them")
    func cldr() throws {
        #expect(try Draft.marked("France and Kenya.", to: "fa", glossaries: ["cldr"]).contains("فرانسه"))
        #expect(try Draft.marked("The United States and the US.", glossaries: ["cldr"])  // CLDR's short name is US
            == "⟦The⟧ Соединенные Штаты ⟦and the⟧ Соединенные Штаты.")
        #expect(try Draft.marked("The United States and the US.", glossaries: ["cldr", Draft.glossary("news-ru.tsv")])
            == "⟦The⟧ Соединенные Штаты ⟦and the⟧ США.")
    }

    @Test("the same input and glossaries give byte-identical drafts")
    func deterministic() throws {
        let text = "The US and Iran. The United Nations Security Council met on election aid."
        let first = Renderer.json(try Draft.document(text, from: "en", to: "ru", glossaries: [Draft.glossary("news-ru.tsv")]))
        let second = Renderer.json(try Draft.document(text, from: "en", to: "ru", glossaries: [Draft.glossary("news-ru.tsv")]))
        #expect(first.serialized() == second.serialized())
        #expect(first.serialized().contains("\"translation\":{\"language\":\"ru\",\"direction\":\"ltr\""))
    }
}

/// One shipped language: an English sentence with a core term, a leader, an organization, a country, a city and a
/// nationality, and the house forms the draft must hold; then a sentence in the language, back into English.
struct ShippedCase: Sendable, CustomTestStringConvertible {
    var target: String
    var expected: [String]
    var reverse: String
    var reverseExpected: [String]
    var testDescription: String { target }
}

@Suite("The shipped glossaries")
struct ShippedGlossaryTests {
    static let english = "Vladimir Putin told the World Health Organization that Russian refugees in Kabul and North Korea need a ceasefire."

    static let cases: [ShippedCase] = [
        ShippedCase(target: "ru", expected: ["Владимир Путин", "Всемирная организация здравоохранения", "российский",
                                             "беженец", "Кабул", "Северная Корея", "прекращение огня"],
                    reverse: "Накануне выборов в Кабуле Владимир Путин говорил о прекращении огня.",
                    reverseExpected: ["election", "Kabul", "ceasefire", "Vladimir Putin"]),
        ShippedCase(target: "fa", expected: ["ولادیمیر پوتین", "سازمان جهانی بهداشت", "روسی", "پناهنده", "کابل",
                                             "کره شمالی", "آتش‌بس"],
                    reverse: "ولادیمیر پوتین گفت پناهنده در کابل به آتش‌بس نیاز دارد.",
                    reverseExpected: ["Vladimir Putin", "refugee", "Kabul", "ceasefire"]),
        ShippedCase(target: "es", expected: ["Vladímir Putin", "Organización Mundial de la Salud", "ruso", "refugiado",
                                             "Kabul", "Corea del Norte", "alto el fuego"],
                    reverse: "Los refugiados de Kabul piden un alto el fuego, dijo Vladímir Putin.",
                    reverseExpected: ["refugee", "Kabul", "ceasefire", "Vladimir Putin"]),
        ShippedCase(target: "fr", expected: ["Vladimir Poutine", "Organisation mondiale de la santé", "russe", "réfugié",
                                             "Kaboul", "Corée du Nord", "cessez-le-feu"],
                    reverse: "Les réfugiés de Kaboul demandent un cessez-le-feu, a déclaré Vladimir Poutine.",
                    reverseExpected: ["refugee", "Kabul", "ceasefire", "Vladimir Putin"]),
        ShippedCase(target: "zh-Hans", expected: ["弗拉基米尔·普京", "世界卫生组织", "俄罗斯", "难民", "喀布尔", "朝鲜", "停火"],
                    reverse: "弗拉基米尔·普京说，喀布尔的难民需要停火。",
                    reverseExpected: ["Vladimir Putin", "Kabul", "refugee", "ceasefire"]),
    ]

    @Test("English news → the house forms of each part of the glossary", arguments: cases)
    func intoTheLanguage(_ shipped: ShippedCase) throws {
        let translation = try Draft.translation(Self.english, to: shipped.target, glossaries: TranslateStage.standardGlossaries)
        let draft = translation.sentences[0].text
        for form in shipped.expected { #expect(draft.contains(form), "\(form) in \(draft)") }
        #expect(translation.report.coverage > 0.8)
    }

    @Test("the same rows read back: the language's news → English terms", arguments: cases)
    func backIntoEnglish(_ shipped: ShippedCase) throws {
        let draft = try Draft.translation(shipped.reverse, from: shipped.target, to: "en",
                                          glossaries: TranslateStage.standardGlossaries).sentences[0].text
        for term in shipped.reverseExpected { #expect(draft.contains(term), "\(term) in \(draft)") }
    }

    @Test("Traditional Chinese borrows the Simplified terms through ICU, marked unverified")
    func traditionalChinese() throws {
        let translation = try Draft.translation("The refugees need a ceasefire.", to: "zh-Hant",
                                                glossaries: TranslateStage.standardGlossaries)
        #expect(translation.sentences[0].text.contains("難民"))
        #expect(translation.sentences[0].spans.contains { $0.status == .unverified })
        #expect(translation.report.notes.contains { $0.contains("Hans-Hant") })
    }

    @Test("every shipped glossary file passes the check")
    func shippedFilesCheck() throws {
        let folder = DataDirectory.default.url.appendingPathComponent("glossaries")
        var checked = 0
        for name in TermTable.available(.default) {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)
            where file.hasSuffix(".tsv") && file != "en.tsv" {
                let glossary = try GlossaryTools.read(folder.appendingPathComponent("\(name)/\(file)").path)
                #expect(GlossaryTools.check(glossary).isEmpty, "\(name)/\(file)")
                #expect(glossary.provenance?.contains("licence") == true, "\(name)/\(file)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}
