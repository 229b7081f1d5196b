import Foundation
import Testing
@testable import Brief

@Suite("Summarization")
struct SummarizeTests {
    static let article = """
        Floods Displace Thousands in Kenya

        NAIROBI — Heavy rains have forced more than 40,000 people from their homes in western Kenya, officials said Monday.
        The Kenya Red Cross said rescue teams had reached most of the flooded villages by boat.
        Schools in three counties will stay closed until the water recedes, the education ministry said.
        Forecasters expect more rain later this week across the Lake Victoria basin.
        The government has promised $10 million in emergency aid for families who lost their homes.
        Local markets reopened on Sunday as roads dried in some areas.
        """

    func summarize(_ text: String, _ options: String, language: String = "en") throws -> Document {
        let pipeline = try Run.pipeline("version: 1\nstages:\n  - use: segment\n  - use: summarize\n    with: { \(options) }\n")
        return try pipeline.run(Document(text: text, language: language))
    }

    func picked(_ document: Document) -> [String] {
        document.summary!.picked.map { String(document.string(of: document.sentences[$0])) }
    }

    @Test("lead picks the first whole sentences, never the headline")
    func lead() throws {
        let document = try summarize(Self.article, "method: lead, sentences: 2")
        #expect(picked(document) == [
            "NAIROBI — Heavy rains have forced more than 40,000 people from their homes in western Kenya, officials said Monday.",
            "The Kenya Red Cross said rescue teams had reached most of the flooded villages by boat.",
        ])
    }

    @Test("a subheading glued to the next paragraph, its line break lost, is never picked")
    func gluedSubheading() throws {
        let text = "Bertrand Cantat a trouvé la parade. L'ancien chanteur de Noir Désir se produira au Zénith de Paris "
            + "le 7 juin, selon BFM TV. Le concert a été annoncé vendredi sur Facebook.Condamné à huit ans de prisonLe "
            + "chanteur avait été condamné en 2004 pour la mort de Marie Trintignant. La billetterie ouvrira samedi."
        let document = try summarize(text, "method: lead, sentences: 4", language: "fr")
        #expect(document.sentences.count == 6)
        #expect(!picked(document).contains("Condamné à huit ans de prison"))
        #expect(picked(document).last == "Le chanteur avait été condamné en 2004 pour la mort de Marie Trintignant.")
    }

    @Test("every method returns the requested number of sentences, in reading order, with a score for each",
          arguments: ["default", "lead", "textrank", "lexrank", "centroid"])
    func methods(method: String) throws {
        let document = try summarize(Self.article, "method: \(method), sentences: 3")
        let summary = try #require(document.summary)
        #expect(summary.method == method)
        #expect(summary.picked.count == 3)
        #expect(summary.picked == summary.picked.sorted())
        #expect(document.title == Self.article.split(separator: "\n").first.map(String.init), "the headline stands apart")
        #expect(!picked(document).contains(document.title ?? ""), "the headline is never picked")
        #expect(summary.scores.count == document.sentences.count)
    }

    @Test("the default method opens with the lead sentence")
    func defaultKeepsLead() throws {
        let document = try summarize(Self.article, "sentences: 3")
        #expect(document.summary?.picked.first == 0)  // the headline is no sentence: 0 is the lead
        #expect(document.summary?.keywords.isEmpty == false)
    }

    @Test("words and chars budgets are ceilings; ratio is a share of the sentences")
    func budgets() throws {
        let byWords = try summarize(Self.article, "words: 40")
        #expect(byWords.summary!.picked.map { byWords.sentences[$0].words.count }.reduce(0, +) <= 40)
        let byChars = try summarize(Self.article, "chars: 200")
        #expect(picked(byChars).map(\.count).reduce(0, +) <= 200)
        #expect(try summarize(Self.article, "ratio: 0.5").summary?.picked.count == 3)
    }

    @Test("a text shorter than the budget comes back whole, with a note")
    func shortTextWhole() throws {
        let document = try summarize("The talks ended without a deal on Friday. Both sides will meet again in May.", "sentences: 3")
        #expect(document.summary?.picked == [0, 1])
        #expect(document.notes.contains { $0.contains("returned whole") })
    }

    @Test("elided forms are read as the word they join: l'Assemblée is Assemblée, d'une is a stopword")
    func elision() throws {
        let text = """
            L'Assemblée nationale a adopté mardi le budget d'une année difficile.
            Les députés de l'Assemblée ont voté le texte après une longue nuit de débats.
            Selon l’Assemblée, le budget prévoit d'importantes économies dans les ministères.
            Le gouvernement s'attend à une croissance modeste l'an prochain.
            """
        let keywords = try summarize(text, "method: default, sentences: 2, keywords: 8", language: "fr").summary!.keywords
        #expect(keywords.first == "Assemblée", "\(keywords)")
        #expect(!keywords.contains { $0.contains("'") || $0.contains("’") }, "\(keywords)")
        let kinyarwanda = """
            Abahinzi bo mu Ntara y’Iburasirazuba baravuga ko ibura ry’imvura ryangije imyaka yabo.
            Ikigo cy’igihugu gishinzwe ubuhinzi kivuga ko umusaruro w’ibigori wagabanutse cyane.
            Abayobozi b’uturere barasaba abahinzi gukoresha amazi y’imvura mu buryo bunoze.
            """
        let kinyarwandaKeywords = try summarize(kinyarwanda, "method: default, sentences: 2", language: "rw").summary!.keywords
        #expect(kinyarwandaKeywords.contains("imvura"), "\(kinyarwandaKeywords)")
        #expect(!kinyarwandaKeywords.contains { $0.contains("’") }, "\(kinyarwandaKeywords)")
    }

    @Test("a dateline names where the story was filed, not a keyword; the city still counts where the story names it")
    func datelineIsNoKeyword() throws {
        let serbian = try summarize(Fixtures.text("articles/sr-Latn.txt"), "sentences: 3", language: "sr-Latn")
        #expect(serbian.summary!.keywords.contains("suša"), "\(serbian.summary!.keywords)")
        #expect(!serbian.summary!.keywords.contains { $0 == "NOVI" || $0 == "SAD" }, "\(serbian.summary!.keywords)")
        let english = """
            GOMA — Fighting near Goma has forced thousands of families to flee toward the border, aid groups said.
            Hospitals in Goma are treating hundreds of wounded people, the Red Cross said on Tuesday.
            Residents of Goma said shelling continued through the night in the northern districts.
            """
        let keywords = try summarize(english, "sentences: 2").summary!.keywords
        #expect(keywords.contains("Goma"), "\(keywords)")
        #expect(!keywords.contains("GOMA"), "\(keywords)")
    }

    @Test("genitive particles, number words, reporting verbs and weekdays are no keywords: Swahili cha, Pashto وویل and وايي, Turkish iki, Greek Τρίτη, Russian вторник")
    func functionWordsAreNoKeywords() throws {
        let swahili = """
            Ukame mkubwa umeathiri mavuno ya mahindi katika mikoa mitatu ya Kenya.
            Chama cha Wakulima kilisema kuwa bei ya chakula cha msingi imepanda sana.
            Wakulima wa mahindi wanasema mvua za msimu huu hazikutosha.
            Serikali imeahidi msaada wa chakula cha dharura kwa familia zilizoathirika na ukame.
            """
        let swahiliKeywords = try summarize(swahili, "method: default, sentences: 2", language: "sw").summary!.keywords
        #expect(!swahiliKeywords.contains("cha"), "the genitive connector of chakula cha msingi: \(swahiliKeywords)")
        #expect(swahiliKeywords.contains("mahindi"), "\(swahiliKeywords)")
        let pashto = """
            افغان کډوال له پاکستانه راستنېږي.
            د کډوالو چارو وزارت وویل چې په تېره اونۍ کې زرګونه کډوال د تورخم له لارې راستانه شوي دي.
            یو کډوال وویل چې پولیسو یې کور ونړاوه.
            چارواکي وايي چې د کډوالو شمېر ورځ تر بلې زیاتېږي.
            ملګري ملتونه وايي چې کډوالو ته بیړنۍ مرسته اړینه ده.
            """
        let pashtoKeywords = try summarize(pashto, "method: default, sentences: 2", language: "ps").summary!.keywords
        #expect(!pashtoKeywords.contains("وویل") && !pashtoKeywords.contains("وايي"), "said, says: \(pashtoKeywords)")
        #expect(pashtoKeywords.contains("کډوال"), "\(pashtoKeywords)")
        let turkish = """
            Deprem bölgesinde konut inşaatı sürüyor.
            Bakanlık, son iki yılda bölgede iki yüz bin konut inşa edildiğini açıkladı.
            Yetkililer, iki ilde daha konut inşaatının başladığını söyledi.
            Depremzedeler yeni konutlara iki ay içinde taşınacak.
            """
        let turkishKeywords = try summarize(turkish, "method: default, sentences: 2", language: "tr").summary!.keywords
        #expect(!turkishKeywords.contains("iki"), "two: \(turkishKeywords)")
        #expect(turkishKeywords.contains("konut"), "\(turkishKeywords)")
        let vietnamese = """
            Lũ lụt khiến hàng nghìn hộ dân ở miền Trung phải sơ tán.
            Theo cơ quan phòng chống thiên tai, hơn hai nghìn ngôi nhà bị ngập sâu.
            Chính quyền đã sơ tán gần ba nghìn hộ dân đến nơi an toàn.
            Một người dân nói nước lũ lên rất nhanh trong đêm.
            """
        let vietnameseKeywords = try summarize(vietnamese, "method: default, sentences: 2", language: "vi").summary!.keywords
        #expect(!vietnameseKeywords.contains { $0.contains("nghìn") }, "thousand: \(vietnameseKeywords)")
        #expect(vietnameseKeywords.contains { $0.contains("sơ tán") }, "\(vietnameseKeywords)")
        let greek = """
            Ισχυρός σεισμός έπληξε την Κρήτη την Τρίτη.
            Ο σεισμός είχε μέγεθος 5,8 βαθμών, ανακοίνωσε την Τρίτη το Γεωδυναμικό Ινστιτούτο.
            Κάτοικοι της Κρήτης βγήκαν στους δρόμους μετά τον σεισμό.
            Η Πολιτική Προστασία ελέγχει σχολεία και σπίτια για ζημιές από τον σεισμό της Τρίτης.
            """
        let greekKeywords = try summarize(greek, "method: default, sentences: 2", language: "el").summary!.keywords
        #expect(!greekKeywords.contains { $0.lowercased().hasPrefix("τρίτη") }, "Tuesday: \(greekKeywords)")
        #expect(greekKeywords.contains("σεισμός"), "\(greekKeywords)")
        let russian = """
            Паводок затопил сотни домов в Оренбургской области во вторник.
            Во вторник спасатели эвакуировали жителей затопленных сёл, сообщило МЧС.
            Уровень воды в реке Урал продолжает расти, заявили во вторник власти региона.
            Жители затопленных сёл получат компенсацию, пообещал губернатор.
            """
        let russianKeywords = try summarize(russian, "method: default, sentences: 2", language: "ru").summary!.keywords
        #expect(!russianKeywords.contains { $0.lowercased().contains("вторник") }, "Tuesday: \(russianKeywords)")
        #expect(russianKeywords.contains("Паводок"), "\(russianKeywords)")
    }

    @Test("keywords name each thing once: a Korean noun with its particles is one keyword; Niger is not Nigeria")
    func keywordVariants() throws {
        let korean = """
            한국은행이 기준금리를 연 3.25%로 인하했다고 밝혔다.
            한국은행은 물가 상승세가 둔화되고 있다고 설명했다.
            시장에서는 한국은행의 기준금리 인하가 경기 회복에 도움이 될 것으로 보고 있다.
            기준금리는 지난해 이후 처음으로 내려갔다.
            """
        let keywords = try summarize(korean, "method: default, sentences: 2", language: "ko").summary!.keywords
        #expect(keywords.filter { $0.hasPrefix("한국은행") }.count == 1, "\(keywords)")
        #expect(keywords.contains("기준금리"), "the bare noun is shown: \(keywords)")
        #expect(!Summarizer.isVariant("nigeria", of: "niger"))
        #expect(!Summarizer.isVariant("iraq", of: "iran"))
        #expect(Summarizer.isVariant("whitmore’s", of: "whitmore"))
        #expect(Summarizer.isVariant("中国人", of: "中国") && !Summarizer.isVariant("台湾", of: "台风"))
        #expect(!Summarizer.isVariant("གནས", of: "གནོད"), "Tibetan: a vowel sign is no ending")
    }

    @Test("a keyword that nearly always comes with the same neighbour is shown as the phrase: Vietnamese syllables, names")
    func keywordPhrases() throws {
        let vietnamese = """
            Xâm nhập mặn đe dọa vựa lúa đồng bằng sông Cửu Long.
            Theo các chuyên gia, xâm nhập mặn năm nay đến sớm hơn mọi năm khoảng một tháng.
            Nông dân nhiều tỉnh đã trữ nước ngọt để chống xâm nhập mặn cho lúa.
            Chính quyền địa phương khuyến cáo người dân theo dõi bản tin về xâm nhập mặn hằng ngày.
            """
        let vietnameseKeywords = try summarize(vietnamese, "method: default, sentences: 2", language: "vi").summary!.keywords
        #expect(vietnameseKeywords.contains("xâm nhập mặn"), "\(vietnameseKeywords)")
        #expect(!vietnameseKeywords.contains { ["xâm", "nhập", "mặn"].contains($0) }, "\(vietnameseKeywords)")

        let english = """
            Drought tightens its grip on East Africa.
            Aid agencies say harvests across East Africa have failed for a third season.
            Prices of maize in East Africa have doubled since January, traders said.
            Governments in East Africa asked donors for help on Monday.
            """
        let englishKeywords = try summarize(english, "method: default, sentences: 2").summary!.keywords
        #expect(englishKeywords.contains("East Africa"), "\(englishKeywords)")
        #expect(!englishKeywords.contains("East") && !englishKeywords.contains("Africa"), "\(englishKeywords)")

        let swahili = """
            Ukame waathiri mavuno katika Afrika Mashariki.
            Wakulima wa Afrika Mashariki wanasema mvua haikunyesha kwa msimu wa tatu.
            Bei ya mahindi katika Afrika Mashariki imepanda mara mbili tangu Januari.
            Serikali za Afrika Mashariki ziliomba msaada wa chakula Jumatatu.
            """
        let swahiliKeywords = try summarize(swahili, "method: default, sentences: 2", language: "sw").summary!.keywords
        #expect(swahiliKeywords.contains("Afrika Mashariki"), "\(swahiliKeywords)")
    }

    @Test("a keyword next to varying words, or next to one only across punctuation, stays one word; two sides join only together")
    func keywordWithoutPhrase() throws {
        let text = """
            Kenya reported heavy floods on Monday.
            Officials in western Kenya said thousands had left their homes.
            Rescue teams from Kenya, Uganda and Tanzania reached the villages by boat.
            The floods in Kenya, officials said, were the worst in a decade.
            """
        let keywords = try summarize(text, "method: default, sentences: 2").summary!.keywords
        #expect(keywords.contains("Kenya"), "\(keywords)")
        #expect(!keywords.contains { $0.contains(" ") && $0.contains("Kenya") }, "\(keywords)")

        // `cướp` (rob) mostly follows `tượng` and mostly precedes `tiệm`, but the three seldom come together.
        let vietnamese = """
            Đối tượng cướp tiệm vàng ở Buôn Ma Thuột đã bị bắt.
            Đối tượng cướp xe máy của một người dân rồi bỏ trốn.
            Vụ cướp tiệm vàng xảy ra vào tối thứ Bảy.
            """
        let vietnameseKeywords = try summarize(vietnamese, "method: default, sentences: 2", language: "vi").summary!.keywords
        #expect(vietnameseKeywords.contains { $0.contains("cướp") }, "\(vietnameseKeywords)")
        #expect(!vietnameseKeywords.contains { $0.contains("tượng cướp tiệm") }, "\(vietnameseKeywords)")
    }

    @Test("a whole sentence ends in a terminator, perhaps inside closing quotes or brackets; Thai needs none",
          arguments: [
              ("en", "Officials said the talks would resume.\u{201D}", true),
              ("en", "Officials said the talks would resume", false),
              ("zh-Hans", "他在会上谈到了〈我们的胜利。〉", true),
              ("fr", "« Nous ne céderons pas », a-t-il déclaré :", true),
              ("th", "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร", true),
          ])
    func wholeSentence(language: String, text: String, whole: Bool) throws {
        let language = try Language.resolve(language)
        #expect(SummarizeStage.isWholeSentence(text[...], words: 6, language: language, followedBy: nil) == whole)
    }

    @Test("near-duplicate sentences are not both picked")
    func noNearDuplicates() throws {
        let text = """
            The president signed the new climate law on Tuesday in the capital.
            The president signed the new climate law on Tuesday in the capital city.
            Opposition parties said the law does not go far enough to cut emissions.
            Industry groups warned that energy prices could rise next year.
            Environmental groups welcomed the law but asked for stricter targets.
            """
        let document = try summarize(text, "method: centroid, sentences: 3")
        #expect(!(document.summary!.picked.contains(0) && document.summary!.picked.contains(1)))
    }

    @Test("every language's article gets a three-sentence summary drawn from its own sentences",
          arguments: Fixtures.languages(in: "articles", suffix: ".txt"))
    func everyLanguage(language: String) throws {
        let article = Fixtures.text("articles/\(language).txt")
        let document = try Run.document(article, language: language, stages: ["normalize", "segment", "summarize"])
        let summary = try #require(document.summary)
        #expect(document.sentences.count >= 5, "the article splits into sentences")
        #expect(summary.picked.count == 3)
        let headline = article.split(separator: "\n").first.map { String($0.trimmingSpaces) }
        #expect(document.title == headline, "the first line is the headline")
        #expect(summary.picked.allSatisfy { !document.string(of: document.sentences[$0]).contains(headline ?? "\u{0}") },
                "the headline is not picked")
        #expect(summary.keywords.count > 0)
    }

    static let related = [
        """
        Quake Hits Western Turkey

        ISTANBUL — A magnitude 6.1 earthquake struck western Turkey on Tuesday, damaging dozens of buildings in the province of Balikesir.
        The disaster agency said at least 22 people were injured and one person died under a collapsed house.
        Rescue teams searched through the rubble of an old hotel late into the night.
        """,
        """
        Turkey Counts Damage After Earthquake

        ANKARA — A magnitude 6.1 earthquake struck western Turkey on Tuesday and damaged dozens of buildings in Balikesir province.
        Officials opened schools and sports halls as shelters for families afraid to return home.
        The interior minister said engineers would inspect every damaged building before residents go back.
        """,
        """
        Aftershocks Rattle Balikesir

        BALIKESIR — More than 200 aftershocks shook the region overnight, the strongest measuring 4.2.
        Shops stayed closed in the town centre as residents slept in tents and cars.
        The government promised cash grants to families whose homes were destroyed.
        """,
    ]

    @Test("several related articles give one summary that does not repeat the shared lead")
    func multiDocument() throws {
        let pipeline = try Run.pipeline("version: 1\nsource: en\nstages:\n  - use: segment\n  - use: summarize\n    with: { sentences: 3 }\n")
        let documents = try Self.related.enumerated().map { try pipeline.run(Document(text: $1, id: "a\($0)")) }
        let stage = try #require(pipeline.stages.last as? SummarizeStage)
        let summary = try stage.summarize(documents)
        let texts = summary.picked.map { String(documents[$0.document].string(of: documents[$0.document].sentences[$0.sentence])) }
        #expect(texts.count == 3)
        #expect(texts.filter { $0.contains("magnitude 6.1") }.count == 1, "the shared lead appears once: \(texts)")
        #expect(Set(summary.picked.map(\.document)).count >= 2, "more than one article contributes")
        #expect(summary.picked.map { [$0.document, $0.sentence] } == summary.picked.map { [$0.document, $0.sentence] }
            .sorted { $0.lexicographicallyPrecedes($1) }, "reading order")
    }

    @Test("a summary does not depend on what the thread summarized before (the per-thread word memo)")
    func independentOfHistory() throws {
        // On a fresh thread the memo is empty; here it has seen several fixture articles first.
        let fresh = try Self.onNewThread { try Self.renderSummary(Self.article, language: "en") }
        for language in ["en", "fr", "ru", "vi"] {
            _ = try Self.renderSummary(Fixtures.text("articles/\(language).txt"), language: language)
        }
        let afterOthers = try Self.renderSummary(Self.article, language: "en")
        #expect(fresh == afterOthers)
        #expect(afterOthers.contains("\"keywords\""))
    }

    static func renderSummary(_ text: String, language: String) throws -> String {
        let pipeline = try Run.pipeline("version: 1\nstages:\n  - use: segment\n  - use: summarize\n")
        return Renderer(format: .json).render(try pipeline.run(Document(text: text, language: language)))
    }

    final class ResultBox: @unchecked Sendable { var result: Result<String, any Error>? }

    static func onNewThread(_ body: @escaping @Sendable () throws -> String) throws -> String {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.result = Result { try body() }
            done.signal()
        }.start()
        done.wait()
        return try box.result!.get()
    }

    @Test("the word table finds every word it was given and no other, across growth")
    func byteTable() {
        var table = ByteTable()
        let words = (0..<5_000).map { "word\($0)-ворд-語\($0 % 7)" }
        for (index, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { table.insert($0, Int32(index)) }
        }
        #expect(table.count == words.count)
        for (index, word) in words.enumerated() {
            #expect(Array(word.utf8).withUnsafeBufferPointer { table.value(for: $0) } == Int32(index))
        }
        for missing in ["word5000-ворд-語2", "word1", "", "ворд"] {
            #expect(Array(missing.utf8).withUnsafeBufferPointer { table.value(for: $0) } == nil)
        }
    }

    @Test("output is byte-identical across runs")
    func deterministic() throws {
        let first = Renderer(format: .json).render(try summarize(Self.article, "sentences: 3"))
        let second = Renderer(format: .json).render(try summarize(Self.article, "sentences: 3"))
        #expect(first == second)
    }
}
