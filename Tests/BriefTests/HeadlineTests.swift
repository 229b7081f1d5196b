import Testing
@testable import Brief

struct HeadlineCase: Sendable, CustomTestStringConvertible {
    var language: String
    var headline: String
    var body: String
    var testDescription: String { "\(language): \(headline)" }
}

@Suite("Headlines")
struct HeadlineTests {
    static func summarize(_ text: String, language: String, options: String = "sentences: 2") throws -> Document {
        try Run.pipeline("""
            version: 1
            source: \(language)
            stages:
              - use: normalize
              - use: clean
              - use: segment
              - use: summarize
                with: { \(options) }
            """).run(Document(text: text))
    }

    static let cases: [HeadlineCase] = [
        HeadlineCase(language: "en", headline: "Who will pay for the floods?",
                     body: "NAIROBI — Floods have forced 40,000 people from their homes in western Kenya. The government said it would rebuild the roads. Aid groups asked donors for $20 million."),
        HeadlineCase(language: "fr", headline: "Le CSA se penche sur l'émission de Cyril Hanouna :",
                     body: "Le Conseil supérieur de l'audiovisuel a été saisi de plusieurs centaines de plaintes. La séquence a été diffusée jeudi soir. La chaîne n'a pas réagi."),
        HeadlineCase(language: "vi", headline: "Bác sĩ Hoàng Công Lương liên tục phủ nhận điều gì tại phiên toà?",
                     body: "Phiên toà sơ thẩm tiếp tục vào sáng nay tại Hoà Bình. Bị cáo trả lời các câu hỏi của hội đồng xét xử. Nhiều người nhà bệnh nhân có mặt tại toà."),
        HeadlineCase(language: "ru", headline: "Паводки в Казахстане: тысячи людей покинули дома!",
                     body: "АСТАНА — Весенние паводки вынудили более 35 тысяч человек покинуть свои дома. Под водой остаются около 4 500 домов. Власти ввели режим чрезвычайной ситуации."),
        HeadlineCase(language: "fa", headline: "چه کسی هزینه سیل را می‌پردازد؟",
                     body: "سیل در غرب کنیا بیش از چهل هزار نفر را آواره کرده است. دولت گفت جاده‌ها را بازسازی می‌کند. گروه‌های امدادی از کمک‌کنندگان درخواست کمک کردند."),
        HeadlineCase(language: "am", headline: "በደቡብ ኢትዮጵያ የመሬት መንሸራተት 20 ሰዎችን ገደለ።",
                     body: "ሐዋሳ — በክልሉ ለሦስት ቀናት በጣለው ከባድ ዝናብ ምክንያት የመሬት መንሸራተት ደርሷል። ቢያንስ 20 ሰዎች ሕይወታቸውን አጥተዋል። የአደጋ ስጋት ሥራ አመራር ኮሚሽን ሰዎች መፈናቀላቸውን ገልጿል።"),
        HeadlineCase(language: "zh-Hans", headline: "北京暴雨致多条道路封闭。",
                     body: "北京市气象台周二发布暴雨红色预警。多条道路因积水封闭，地铁部分线路停运。市政府呼吁市民减少外出。"),
    ]

    @Test("a headline ending in ?, !, ., : or any other mark stands apart and is never picked", arguments: cases)
    func neverPicked(_ item: HeadlineCase) throws {
        for method in ["default", "lead", "textrank", "lexrank", "centroid"] {
            let document = try Self.summarize(item.headline + "\n\n" + item.body, language: item.language,
                                              options: "method: \(method), sentences: 2")
            #expect(document.title == item.headline)
            let picked = document.summary!.picked.map { String(document.string(of: document.sentences[$0])) }
            #expect(picked.count == 2 && !picked.contains { $0.contains(item.headline) }, "\(method): \(picked)")
            #expect(document.sentences.count == 3, "the headline is not counted among the body's sentences")
        }
    }

    @Test("the headline tells the summarizer what the story is about: its point, in the second paragraph, is picked")
    func headlineGuides() throws {
        let body = """
            GENEVA — It was a long week of meetings in the Swiss city, and delegates arrived tired.

            Iran agreed on Tuesday to let nuclear inspectors return to its enrichment sites within weeks.

            The talks took place in a hotel near the lake, as they have for years.

            Lunch was served late on the second day, several delegates complained.

            Inspectors last visited the enrichment sites two years ago.
            """
        let plain = try Self.summarize(body, language: "en", options: "sentences: 1")
        let headed = try Self.summarize("Iran lets nuclear inspectors return to enrichment sites\n\n" + body, language: "en",
                                        options: "sentences: 1")
        #expect(plain.summary?.picked == [0])
        let point = headed.summary!.picked.map { String(headed.string(of: headed.sentences[$0])) }
        #expect(point == ["Iran agreed on Tuesday to let nuclear inspectors return to its enrichment sites within weeks."])
        // The headline's words that the body repeats lead the keywords.
        #expect(Set(headed.summary!.keywords.prefix(2)).isSubset(of: ["inspectors", "Inspectors", "enrichment", "enrichment sites"]),
                "\(headed.summary!.keywords)")
    }

    @Test("without a headline the output is what it was without the headline term")
    func noHeadlineNoChange() throws {
        let text = "The council met on Monday. It approved the budget for next year. Critics said it was too small. The mayor defended it."
        let with = Renderer.json(try Self.summarize(text, language: "en"))
        let without = Renderer.json(try Self.summarize(text, language: "en", options: "sentences: 2, headline: 0"))
        #expect(with.serialized() == without.serialized())
        #expect(!with.serialized().contains("\"title\""))
    }

    @Test("a record's title is the headline, and a first line repeating it is left out of the sentences")
    func recordTitle() throws {
        var document = Document(text: "Floods hit Kenya\n\nFloods forced thousands from their homes. Roads were closed.")
        document.title = "Floods hit Kenya"
        let segmented = try StageRegistry.standard.pipeline(PipelineSpec(
            name: "t", source: try Language.resolve("en"), stages: [.init("segment")])).run(document)
        #expect(segmented.sentences.count == 2)
        var other = Document(text: "Thousands flee\n\nFloods forced thousands from their homes. Roads were closed.")
        other.title = "Floods hit Kenya"
        let kept = try StageRegistry.standard.pipeline(PipelineSpec(
            name: "t", source: try Language.resolve("en"), stages: [.init("segment")])).run(other)
        #expect(kept.title == "Floods hit Kenya")
        #expect(kept.sentences.count == 3)
    }

    @Test("a kicker, a dateline or a long lead paragraph is no headline")
    func notHeadlines() throws {
        let en = try Language.resolve("en")
        #expect(!Headline.isHeadline("UPDATE", language: en))
        #expect(!Headline.isHeadline("BEIJING —", language: en))
        #expect(!Headline.isHeadline(String(repeating: "word ", count: 30), language: en))
        #expect(Headline.isHeadline("Floods Displace Thousands in Kenya", language: en))
    }
}

struct ScrapedPage: Sendable, CustomTestStringConvertible {
    var language: String
    var navigation: [String]
    var article: String
    var testDescription: String { language }
}

@Suite("Scraped pages: navigation never reaches the keywords")
struct ScrapedKeywordTests {
    static let pages: [ScrapedPage] = [
        ScrapedPage(language: "fr", navigation: ["Liens d'accessibilité", "Aller au contenu principal", "Accueil", "Afrique", "Monde"],
                    article: "Inondations au Niger\n\nNIAMEY — Les inondations ont fait 30 morts au Niger, selon le gouvernement. Des milliers de familles ont perdu leur maison. Les autorités ont ouvert des camps pour les sinistrés. Les pluies doivent continuer jusqu'en septembre."),
        ScrapedPage(language: "ru", navigation: ["Ссылки для упрощенного доступа", "Вернуться к основному содержанию", "Главная", "Новости", "Мир"],
                    article: "Паводки в Казахстане\n\nАСТАНА — Весенние паводки вынудили тысячи человек покинуть дома. Власти ввели режим чрезвычайной ситуации. Спасатели эвакуировали жителей сел. Вода продолжает прибывать."),
        ScrapedPage(language: "fa", navigation: ["پیوندهای دسترسی", "پرش به محتوای اصلی", "صفحه اصلی", "ایران", "جهان"],
                    article: "سیل در جنوب ایران\n\nسیل در استان سیستان و بلوچستان دست‌کم ده نفر را کشت. هزاران نفر خانه‌های خود را ترک کردند. امدادگران به روستاهای سیل‌زده رسیدند. هواشناسی باران بیشتری پیش‌بینی کرده است."),
        ScrapedPage(language: "am", navigation: ["ዋና ገጽ", "ዜና", "ኢትዮጵያ", "አፍሪካ"],
                    article: "በአዲስ አበባ ከባድ ዝናብ\n\nአዲስ አበባ — በከተማዋ የጣለው ከባድ ዝናብ በርካታ መንገዶችን ዘግቷል። የከተማው አስተዳደር ነዋሪዎች ጥንቃቄ እንዲያደርጉ አሳስቧል። ዝናቡ እስከ ሳምንቱ መጨረሻ ይቀጥላል ተብሏል።"),
        ScrapedPage(language: "my", navigation: ["ပင်မစာမျက်နှာ", "သတင်း", "မြန်မာ", "ကမ္ဘာ"],
                    article: "ရန်ကုန်တွင် ရေကြီး\n\nရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းပြီး လမ်းများ ရေလွှမ်းမိုးခဲ့သည်။ အိမ်ထောင်စု ရာပေါင်းများစွာ အိမ်မှ ထွက်ခွာခဲ့ရသည်။ အာဏာပိုင်များက ကယ်ဆယ်ရေး စခန်းများ ဖွင့်လှစ်ခဲ့သည်။"),
        ScrapedPage(language: "zh-Hans", navigation: ["首页", "新闻", "中国", "国际"],
                    article: "北京暴雨致道路封闭\n\n北京市气象台周二发布暴雨红色预警。多条道路因积水封闭，地铁部分线路停运。市政府呼吁市民减少外出。救援人员已转移数千名居民。"),
        ScrapedPage(language: "ko", navigation: ["홈", "뉴스", "한반도", "세계"],
                    article: "서울에 폭우 경보\n\n서울 — 기상청은 화요일 서울 전역에 호우 경보를 발령했다. 일부 도로가 침수돼 통제됐다. 시 당국은 시민들에게 외출 자제를 당부했다. 비는 주말까지 이어질 전망이다."),
    ]

    @Test("the navigation lines at the top are dropped, and no keyword comes from them", arguments: pages)
    func noNavigationKeywords(_ page: ScrapedPage) throws {
        let text = page.navigation.joined(separator: "\n") + "\n" + page.article
        let document = try HeadlineTests.summarize(text, language: page.language, options: "sentences: 2")
        let keywords = document.summary?.keywords ?? []
        #expect(!keywords.isEmpty)
        // A word of the navigation that the article itself does not use must not be a keyword.
        for word in page.navigation.flatMap({ $0.split(separator: " ") }) where !page.article.contains(word) {
            #expect(!keywords.flatMap { $0.split(separator: " ") }.contains(word), "\(word) in \(keywords)")
        }
        #expect(Set(document.removedLines.map(\.text)) == Set(page.navigation))
    }
}
