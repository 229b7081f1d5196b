import Foundation
import Testing
@testable import Brief

/// One rule at work: a text, its sentences, and its sentences with only that rule switched off.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var language: String
    var text: String
    var sentences: [String]
    var withoutRule: [String]

    var testDescription: String { "\(rule) (\(language))" }

    init(_ rule: String, _ language: String, _ text: String, _ sentences: [String], without withoutRule: [String]) {
        (self.rule, self.language, self.text, self.sentences, self.withoutRule) = (rule, language, text, sentences, withoutRule)
    }

    /// The sentences with every rule, and with this one switched off, are the expected ones; returns the explanation.
    func check() throws -> SegmentationExplanation {
        let segmenter = try Segmenter.load(for: Language.resolve(language), data: .default)
        #expect(try split(text, segmenter) == sentences)
        #expect(try split(text, segmenter.disabling([rule])) == withoutRule)
        return try SentenceSplitter(language: language).explain(text)
    }
}

/// The sentences of `text` as `segmenter` splits it.
func split(_ text: String, _ segmenter: Segmenter) throws -> [String] {
    let bytes = Array(text.utf8)
    return try segmenter.sentences(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite("Segmentation rules, one at a time")
struct SegmentRuleTests {
    static let breaks: [RuleCase] = [
        RuleCase("tibetanShad", "bo", "ལྷ་སར་ཆར་པ་དྲག་པོ་བབས་པ་རེད། ཆུ་ལོག་གི་རྐྱེན་གྱིས་མི་ ༡༢ ཚེ་སྲོག་ཤོར་ཡོད།",
                 ["ལྷ་སར་ཆར་པ་དྲག་པོ་བབས་པ་རེད།", "ཆུ་ལོག་གི་རྐྱེན་གྱིས་མི་ ༡༢ ཚེ་སྲོག་ཤོར་ཡོད།"],
                 without: ["ལྷ་སར་ཆར་པ་དྲག་པོ་བབས་པ་རེད། ཆུ་ལོག་གི་རྐྱེན་གྱིས་མི་ ༡༢ ཚེ་སྲོག་ཤོར་ཡོད།"]),
        RuleCase("tibetanSpace", "bo", "སྨན་པ་ཚོས་ནད་པ་ ༣༥༠ ལྷག་ལ་སྨན་བཅོས་བྱས་འདུག ནད་པ་མང་ཆེ་བ་བྱིས་པ་རེད།",
                 ["སྨན་པ་ཚོས་ནད་པ་ ༣༥༠ ལྷག་ལ་སྨན་བཅོས་བྱས་འདུག", "ནད་པ་མང་ཆེ་བ་བྱིས་པ་རེད།"],
                 without: ["སྨན་པ་ཚོས་ནད་པ་ ༣༥༠ ལྷག་ལ་སྨན་བཅོས་བྱས་འདུག ནད་པ་མང་ཆེ་བ་བྱིས་པ་རེད།"]),
        RuleCase("ethiopicStandIn", "am", "ዝናብ ዘነበ፡፡ መንገዶች ተዘጉ፡፡", ["ዝናብ ዘነበ፡፡", "መንገዶች ተዘጉ፡፡"],
                 without: ["ዝናብ ዘነበ፡፡ መንገዶች ተዘጉ፡፡"]),
        // ICU breaks after ၊၊ too (Unicode counts ၊ as a terminator), so the rule only names the break.
        RuleCase("burmeseStandIn", "my", "မိုးရွာသည်၊၊ လမ်းပိတ်သည်၊၊", ["မိုးရွာသည်၊၊", "လမ်းပိတ်သည်၊၊"],
                 without: ["မိုးရွာသည်၊၊", "လမ်းပိတ်သည်၊၊"]),
        RuleCase("khmerKhan", "km", "ភ្លៀងធ្លាក់ខ្លាំង។ ផ្លូវត្រូវបានបិទ។", ["ភ្លៀងធ្លាក់ខ្លាំង។", "ផ្លូវត្រូវបានបិទ។"],
                 without: ["ភ្លៀងធ្លាក់ខ្លាំង។ ផ្លូវត្រូវបានបិទ។"]),
        RuleCase("armenianColon", "hy", "Ի՞նչ ես մտածում: Ոչինչ:", ["Ի՞նչ ես մտածում:", "Ոչինչ:"],
                 without: ["Ի՞նչ ես մտածում: Ոչինչ:"]),
        RuleCase("thaiSpace", "th", "แฟนบอลตะโกนว่า \"ไทยแลนด์สู้ ๆ!\" ตลอดการแข่งขัน หลังจบเกม นักเตะไทยเดินขอบคุณผู้ชมรอบสนาม",
                 ["แฟนบอลตะโกนว่า \"ไทยแลนด์สู้ ๆ!\" ตลอดการแข่งขัน", "หลังจบเกม นักเตะไทยเดินขอบคุณผู้ชมรอบสนาม"],
                 without: ["แฟนบอลตะโกนว่า \"ไทยแลนด์สู้ ๆ!\" ตลอดการแข่งขัน หลังจบเกม นักเตะไทยเดินขอบคุณผู้ชมรอบสนาม"]),
        RuleCase("gluedPeriod", "en", "The ceasefire held overnight.Officials confirmed it on Monday.",
                 ["The ceasefire held overnight.", "Officials confirmed it on Monday."],
                 without: ["The ceasefire held overnight.Officials confirmed it on Monday."]),
        RuleCase("references", "en", "Malaria deaths fell by a third.[4][5] Funding is now in doubt.",
                 ["Malaria deaths fell by a third.[4][5]", "Funding is now in doubt."],
                 without: ["Malaria deaths fell by a third.[4][5] Funding is now in doubt."]),
        RuleCase("dialogueDash", "en", "Is the border open? - Not yet, officials said on Friday.",
                 ["Is the border open?", "- Not yet, officials said on Friday."],
                 without: ["Is the border open? - Not yet, officials said on Friday."]),
        RuleCase("numberAfterNumber", "es", "1 + 1 es 2. 2 + 2 es 4. El auto es rojo.",
                 ["1 + 1 es 2.", "2 + 2 es 4.", "El auto es rojo."], without: ["1 + 1 es 2. 2 + 2 es 4.", "El auto es rojo."]),
        RuleCase("longWordPeriod", "el", "Η συνεδρίαση έληξε χωρίς απόφαση. οι υπουργοί θα συναντηθούν ξανά.",
                 ["Η συνεδρίαση έληξε χωρίς απόφαση.", "οι υπουργοί θα συναντηθούν ξανά."],
                 without: ["Η συνεδρίαση έληξε χωρίς απόφαση. οι υπουργοί θα συναντηθούν ξανά."]),
        RuleCase("ellipsisSpace", "en", "Then came silence… An hour later, firefighters arrived.",
                 ["Then came silence…", "An hour later, firefighters arrived."],
                 without: ["Then came silence… An hour later, firefighters arrived."]),
        RuleCase("bullet", "en", "Aid will cover • food for families • clean water",
                 ["Aid will cover", "• food for families", "• clean water"],
                 without: ["Aid will cover • food for families • clean water"]),
        RuleCase("listItem", "en", "1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"],
                 without: ["1.) The first item 2.)", "The second item"]),
        RuleCase("listSequence", "en", "The options are a. wait b. leave c. fight",
                 ["The options are", "a. wait", "b. leave", "c. fight"], without: ["The options are a. wait b. leave c. fight"]),
        RuleCase("gluedParagraph", "fr", "Les concerts sont suspendus dans le secteurDésormais les salles ferment à 21 heures.",
                 ["Les concerts sont suspendus dans le secteur", "Désormais les salles ferment à 21 heures."],
                 without: ["Les concerts sont suspendus dans le secteurDésormais les salles ferment à 21 heures."]),
        RuleCase("gluedQuote", "en", "Playback is not supported on this device\"When he was there, a lot changed,\" he said.",
                 ["Playback is not supported on this device", "\"When he was there, a lot changed,\" he said."],
                 without: ["Playback is not supported on this device\"When he was there, a lot changed,\" he said."]),
    ]

    static let joins: [RuleCase] = [
        RuleCase("burmeseComma", "my", "ရန်ကုန်၊ မန္တလေးနှင့် နေပြည်တော်တို့၌ မိုးရွာသည်။",
                 ["ရန်ကုန်၊ မန္တလေးနှင့် နေပြည်တော်တို့၌ မိုးရွာသည်။"], without: ["ရန်ကုန်၊", "မန္တလေးနှင့် နေပြည်တော်တို့၌ မိုးရွာသည်။"]),
        RuleCase("quotation", "en", "The rebels were \"tired. Hungry. Ready to talk,\" and the army agreed.",
                 ["The rebels were \"tired. Hungry. Ready to talk,\" and the army agreed."],
                 without: ["The rebels were \"tired.", "Hungry.", "Ready to talk,\" and the army agreed."]),
        RuleCase("listMarker", "en", "1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"],
                 without: ["1.)", "The first item", "2.)", "The second item"]),
        RuleCase("gluedToken", "ko", "그는 “우리는 끝까지 싸울 것입니다.”라고 말했다.", ["그는 “우리는 끝까지 싸울 것입니다.”라고 말했다."],
                 without: ["그는 “우리는 끝까지 싸울 것입니다.”", "라고 말했다."]),
        RuleCase("ellipsis", "en", "The thing is . . . I didn’t know.", ["The thing is . . . I didn’t know."],
                 without: ["The thing is . . .", "I didn’t know."]),
        RuleCase("continuation", "my", "ဝန်ကြီးက “ကျွန်တော် ဘာမှ မပြောနိုင်သေးဘူး...” ဟုသာ ပြောခဲ့သည်။",
                 ["ဝန်ကြီးက “ကျွန်တော် ဘာမှ မပြောနိုင်သေးဘူး...” ဟုသာ ပြောခဲ့သည်။"],
                 without: ["ဝန်ကြီးက “ကျွန်တော် ဘာမှ မပြောနိုင်သေးဘူး...”", "ဟုသာ ပြောခဲ့သည်။"]),
        RuleCase("citation", "en", "\"Bohr used the analogy of parallel stairways.\" (Smith 55).",
                 ["\"Bohr used the analogy of parallel stairways.\" (Smith 55)."],
                 without: ["\"Bohr used the analogy of parallel stairways.\"", "(Smith 55)."]),
        RuleCase("attribution", "zh-Hant", "這本名為《誰在乎？》的小說登上暢銷書排行榜。", ["這本名為《誰在乎？》的小說登上暢銷書排行榜。"],
                 without: ["這本名為《誰在乎？》", "的小說登上暢銷書排行榜。"]),
        RuleCase("innerParenthesis", "bn", "বলেন মেজর জেনারেল (অব.) আবদুল করিম।", ["বলেন মেজর জেনারেল (অব.) আবদুল করিম।"],
                 without: ["বলেন মেজর জেনারেল (অব.)", "আবদুল করিম।"]),
        RuleCase("lowercaseWord", "en", "She works at Yahoo! in the accounting department.",
                 ["She works at Yahoo! in the accounting department."],
                 without: ["She works at Yahoo!", "in the accounting department."]),
        RuleCase("dottedAbbreviation", "en", "He has Ph.D.-level training.", ["He has Ph.D.-level training."],
                 without: ["He has Ph.", "D.-level training."]),
        RuleCase("numericDate", "ko", "행사는 2024. 3. 15.(금) 서울에서 열린다.", ["행사는 2024. 3. 15.(금) 서울에서 열린다."],
                 without: ["행사는 2024.", "3. 15.(금) 서울에서 열린다."]),
        RuleCase("title", "en", "Dr. Amina Yusuf arrived on Monday.", ["Dr. Amina Yusuf arrived on Monday."],
                 without: ["Dr.", "Amina Yusuf arrived on Monday."]),
        RuleCase("finalAbbreviation", "en", "The vote is at 10:30 a.m. Thursday. Debate ends at 6 p.m. on Wednesday.",
                 ["The vote is at 10:30 a.m. Thursday.", "Debate ends at 6 p.m. on Wednesday."],
                 without: ["The vote is at 10:30 a.m.", "Thursday.", "Debate ends at 6 p.m. on Wednesday."]),
        // Before a sentence starter (`Millions`) the abbreviation ends the sentence.
        RuleCase("abbreviation", "en", "She moved to the U.S. Embassy in Kenya. Her work in the U.S. Millions watched.",
                 ["She moved to the U.S. Embassy in Kenya.", "Her work in the U.S.", "Millions watched."],
                 without: ["She moved to the U.S.", "Embassy in Kenya.", "Her work in the U.S.", "Millions watched."]),
        RuleCase("initial", "en", "His name is Alfred E. Sloan.", ["His name is Alfred E. Sloan."],
                 without: ["His name is Alfred E.", "Sloan."]),
        RuleCase("singleLetter", "de", "Es gibt z. B. Brot und Wasser.", ["Es gibt z. B. Brot und Wasser."],
                 without: ["Es gibt z.", "B. Brot und Wasser."]),
        RuleCase("numberAbbreviation", "da", "SEC. 1262 AUTHORIZATION OF APPROPRIATIONS.",
                 ["SEC. 1262 AUTHORIZATION OF APPROPRIATIONS."], without: ["SEC.", "1262 AUTHORIZATION OF APPROPRIATIONS."]),
        RuleCase("ordinal", "de", "Die Wahl findet am 3. Oktober statt.", ["Die Wahl findet am 3. Oktober statt."],
                 without: ["Die Wahl findet am 3.", "Oktober statt."]),
    ]

    @Test("a break rule adds its break, and explain names it on the sentence it ends", arguments: breaks)
    func breakRule(_ item: RuleCase) throws {
        #expect(try item.check().sentences.contains { $0.rule == item.rule })
    }

    @Test("a join rule removes its break, and explain counts it", arguments: joins)
    func joinRule(_ item: RuleCase) throws {
        let explained = try item.check()
        #expect((explained.joinCounts[item.rule] ?? 0) > 0, "\(explained.joins)")
    }

    @Test("every named rule has its case")
    func everyRuleCovered() {
        let covered = Set((Self.breaks + Self.joins).map(\.rule))
        let rules = SentenceBreakRule.allCases.map(\.rawValue).filter { $0 != "icu" && $0 != "end" }
            + SentenceJoinRule.allCases.map(\.rawValue)
        #expect(rules.filter { !covered.contains($0) }.isEmpty)
        #expect(Set(rules).count == rules.count, "rule names are unique")
    }

    @Test("a break ICU made is `icu`, the last sentence ends at `end`")
    func icuAndEnd() throws {
        let explained = try SentenceSplitter(language: "en").explain("It rained. Roads closed.")
        #expect(explained.sentences.map(\.rule) == ["icu", "end"])
        #expect(explained.joins.isEmpty)
    }

    @Test("the quick path only saves work: without it every fixture splits the same",
          arguments: Fixtures.languages(in: "segmentation", suffix: ".jsonl"))
    func quickPathChangesNothing(language: String) throws {
        let segmenter = try Segmenter.load(for: Language.resolve(language), data: .default)
        var slow = segmenter
        slow.usesQuickPath = false
        var texts = Fixtures.segmentationCases(language).map(\.text)
        let article = Fixtures.text("articles/\(language).txt")
        if !article.isEmpty { texts.append(article) }
        #expect(!texts.isEmpty)
        for text in texts { #expect(try segmenter.sentences(in: text) == slow.sentences(in: text)) }
    }

    @Test("the quick path keeps the common break, and leaves an abbreviation to the rules")
    func quickPath() throws {
        let segmenter = try Segmenter.load(for: Language.resolve("en"), data: .default)
        /// What the quick path says about the break at `offset`: `keep`, `rules` (they decide), or `other shape`.
        func quick(_ text: String, at offset: Int) -> String {
            var text = text
            return text.withUTF8 { bytes in
                let left = segmenter.trim(bytes, 0..<offset)
                guard let common = segmenter.commonBreak(bytes, leftEnd: left.upperBound, rightStart: offset) else {
                    return "other shape"
                }
                return segmenter.quickVerdict(bytes, left: left, common) == false ? "keep" : "rules"
            }
        }
        #expect(quick("The talks ended on Monday. Officials left.", at: 27) == "keep")
        #expect(quick("He met Gen. Smith on Monday.", at: 12) == "rules")  // `title` may join
        #expect(quick("He met Gen. smith on Monday.", at: 12) == "other shape")  // a lowercase word follows
    }

    @Test("the segment stage names rules only with explain: true, and its explanation counts the joins")
    func stageExplains() throws {
        let text = "Dr. Amina Yusuf met Mr. Jones. They talked."
        let plain = try Run.document(text, language: "en", stages: ["segment"])
        #expect(plain.sentences.map(\.rule) == [nil, nil])
        var document = Document(text: text, language: "en")
        try Run.pipeline("version: 1\nstages:\n  - use: segment\n    with: { explain: true }\n").run(&document)
        #expect(document.sentences.map(\.rule) == ["icu", "end"])
        let stage = try SegmentStage(options: StageOptions(stage: "segment"), context: StageContext())
        let explanation = try stage.explanation(of: Document(text: text, language: "en"))
        #expect(explanation.joinCounts == ["title": 2])
        #expect(explanation.joins.map(\.offset) == [4, 24])
        #expect(explanation.sentences.map { String(document.string(of: $0)) } == ["Dr. Amina Yusuf met Mr. Jones.", "They talked."])
    }
}
