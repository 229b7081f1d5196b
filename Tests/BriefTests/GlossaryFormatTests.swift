import Testing
@testable import Brief

/// A small house glossary in English, Russian and Persian, with every status and case rule Brief keeps.
private let house = Glossary(name: "house", file: "house.tsv", provenance: "Brief test glossary; licence: CC0-1.0",
                             concepts: [
    Concept(id: "election|noun", terms: [
        "en": [Term("election", pos: "noun")],
        "ru": [Term("выборы", pos: "noun", note: "plural only: «выборы», never «выбор» here")],
        "fa": [Term("انتخابات", pos: "noun")],
    ]),
    Concept(id: "World Health Organization|propn", terms: [
        "en": [Term("World Health Organization", pos: "propn"),
               Term("WHO", caseRule: .sensitive, pos: "propn", note: #"keep "WHO" <all caps> & never "Who""#)],
        "ru": [Term("Всемирная организация здравоохранения", pos: "propn"),
               Term("ВОЗ", caseRule: .sensitive, pos: "propn"),
               Term("Всемирная организация здоровья", status: .forbidden, pos: "propn", note: "a calque")],
        "fa": [Term("سازمان جهانی بهداشت", pos: "propn")],
    ]),
    Concept(id: "Facebook", terms: [
        "en": [Term("Facebook", status: .dnt, pos: "propn")],
        "ru": [Term("Facebook", status: .dnt, pos: "propn")],
        "fa": [Term("Facebook", status: .dnt, pos: "propn")],
    ]),
    Concept(id: "ceasefire|noun", terms: [
        "en": [Term("ceasefire", caseRule: .insensitive, pos: "noun")],
        "ru": [Term("прекращение огня", pos: "noun"), Term("перемирие", status: .admitted, pos: "noun")],
        "fa": [Term("آتش‌بس", status: .unverified, pos: "noun", note: "written with a ZWNJ")],
    ]),
])

/// Where a configuration error points, and what it says after the file name.
private struct Located: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String
    var description: String { "\(line):\(column): \(message)" }
}

/// The configuration error `read` throws, split at its `FILE:LINE:COLUMN:` prefix (the file stays in the message).
private func failure(_ read: () throws -> Glossary) -> Located? {
    do {
        _ = try read()
        return nil
    } catch let error as BriefError {
        let parts = error.message.split(separator: ":", maxSplits: 3).map { String($0) }
        guard error.kind == .config, parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]) else {
            return Located(line: 0, column: 0, message: error.message)
        }
        return Located(line: line, column: column, message: parts[0] + ":" + parts[3])
    } catch {
        return Located(line: 0, column: 0, message: "not a BriefError: \(error)")
    }
}

private func tbxFailure(_ text: String) -> Located? {
    failure { try Glossary(tbx: text, name: "bad", file: "bad.tbx") }
}

private func csvFailure(_ text: String, separator: Character = ",") -> Located? {
    failure { try Glossary(termSet: text, separator: separator, name: "bad", file: "bad.csv") }
}

/// A TBX v2 document with the given entries.
private func martif(_ entries: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <martif type="TBX" xml:lang="en">
    <text>
    <body>
    \(entries)
    </body>
    </text>
    </martif>
    """
}

/// A TBX v2 document whose one entry, "election", has `group` as its English term group, from line 7.
private func election(_ group: String) -> String {
    martif("""
    <termEntry id="election">
      <langSet xml:lang="en">
    \(group)
      </langSet>
    </termEntry>
    """)
}

@Suite("Glossary formats: TBX and term sets")
struct GlossaryFormatTests {
    // MARK: TBX

    @Test("TBX export then import keeps every term, status, case rule, pos and note", arguments: TBXVersion.allCases)
    func tbxRoundTrip(version: TBXVersion) throws {
        let text = house.tbx(version: version)
        let read = try Glossary(tbx: text, name: "house", file: "house.tbx")
        #expect(read.concepts.map(\.terms) == house.concepts.map(\.terms))
        #expect(read.provenance == house.provenance)
        // Ids that are XML names come back as they were; the others are made XML names.
        #expect(read.concepts.map(\.id) == ["election_noun", "World_Health_Organization_propn", "Facebook",
                                             "ceasefire_noun"])
    }

    @Test("TBX v3 output is TBX-Basic in the DCA style, indented, with TBX's statuses and Brief's in notes")
    func tbxV3Layout() {
        let text = house.tbx()
        #expect(text.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
            """))
        #expect(text.contains("""
                  <conceptEntry id="Facebook">
                    <langSec xml:lang="en">
                      <termSec>
                        <term>Facebook</term>
                        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                        <termNote type="partOfSpeech">propn</termNote>
                        <note>brief-status: dnt</note>
                      </termSec>
            """))
        #expect(text.contains("<term>Всемирная организация здоровья</term>\n"
            + "            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
        #expect(text.contains("<note>brief-case: sensitive</note>"))
        #expect(text.contains("<note>keep &quot;WHO&quot; &lt;all caps&gt; &amp; never &quot;Who&quot;</note>"))
        #expect(text.hasSuffix("    </body>\n  </text>\n</tbx>\n"))
    }

    @Test("TBX v2 output uses martif, termEntry, langSet and tig")
    func tbxV2Layout() {
        let text = house.tbx(version: .v2)
        #expect(text.contains("<martif type=\"TBX\" xml:lang=\"en\">\n  <martifHeader>"))
        #expect(text.contains("<termEntry id=\"election_noun\">\n        <langSet xml:lang=\"en\">\n          <tig>"))
        #expect(!text.contains("termSec"))
    }

    @Test("ids that are not XML names are made distinct XML names, and XML names are kept")
    func tbxIDs() throws {
        let glossary = Glossary(name: "ids", file: "ids", concepts: [
            Concept(id: "a b", terms: ["en": [Term("a")]]),
            Concept(id: "a_b", terms: ["en": [Term("b")]]),
            Concept(id: "2024 election", terms: ["en": [Term("c")]]),
        ])
        let read = try Glossary(tbx: glossary.tbx(), name: "ids", file: "ids.tbx")
        #expect(read.concepts.map(\.id) == ["a_b-2", "a_b", "_2024_election"])
    }

    @Test("a TBX v2 file from a CAT tool: DTD line, ntig, superseded, no status, entry definition, zh-CN and fa-AF")
    func tbxV2Import() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX" xml:lang="en">
              <martifHeader><fileDesc><sourceDesc><p>Exported from a CAT tool</p></sourceDesc></fileDesc></martifHeader>
              <text><body>
                <termEntry id="sanctions">
                  <descrip type="definition">measures taken against a state</descrip>
                  <langSet xml:lang="en">
                    <ntig>
                      <termGrp>
                        <term>sanctions</term>
                        <termNote type="partOfSpeech">noun</termNote>
                      </termGrp>
                    </ntig>
                  </langSet>
                  <langSet xml:lang="zh-CN">
                    <tig><term>制裁</term></tig>
                  </langSet>
                  <langSet xml:lang="fa-AF">
                    <tig>
                      <term>تحریم‌ها</term>
                      <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
                    </tig>
                    <tig>
                      <term>تعزیرات</term>
                      <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
                      <note>old usage</note>
                    </tig>
                  </langSet>
                </termEntry>
                <termEntry>
                  <langSet xml:lang="en"><tig><term>AT&amp;T</term></tig></langSet>
                </termEntry>
                <termEntry id="c2"><langSet xml:lang="en"><tig><term>Verizon</term></tig></langSet></termEntry>
              </body></text>
            </martif>
            """
        let read = try Glossary(tbx: text, name: "cat", file: "cat.tbx")
        #expect(read.provenance == "Exported from a CAT tool")
        // An entry without an id gets one from its place, which no other entry has.
        #expect(read.concepts.map(\.id) == ["sanctions", "c2-2", "c2"])
        #expect(read.concepts.map(\.line) == [6, 31, 34])
        #expect(read.concepts.first?.terms == [
            "en": [Term("sanctions", pos: "noun", note: "measures taken against a state")],
            "zh-Hans": [Term("制裁")],
            "prs": [Term("تحریم‌ها", status: .admitted), Term("تعزیرات", status: .forbidden, note: "old usage")],
        ])
        #expect(read.concepts[1].terms == ["en": [Term("AT&T")]])
    }

    @Test("a TBX-Basic v3 file: a language section's note goes onto its first term; an unknown language tag is kept")
    func tbxV3Import() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="WHO">
                  <langSec xml:lang="ru">
                    <note>the agency, not the pronoun</note>
                    <termSec>
                      <term>ВОЗ</term>
                      <note>brief-case: sensitive</note>
                      <note>brief-status: unverified</note>
                    </termSec>
                  </langSec>
                  <langSec xml:lang="tlh"><termSec><term>QaH</term></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let read = try Glossary(tbx: text, name: "basic", file: "basic.tbx")
        #expect(read.concepts.map(\.id) == ["WHO"])
        #expect(read.concepts.first?.terms == [
            "ru": [Term("ВОЗ", status: .unverified, caseRule: .sensitive, note: "the agency, not the pronoun")],
            "tlh": [Term("QaH")],
        ])
    }

    @Test("a term group without term text is an error at the group")
    func tbxEmptyTerm() {
        let error = tbxFailure(election("""
                <tig>
                  <term>  </term>
                </tig>
            """))
        #expect(error == Located(line: 7, column: 5, message: "bad.tbx: expected a <term> with text in <tig>"))
    }

    @Test("a language section without xml:lang is an error at its tag")
    func tbxMissingLanguage() {
        let error = tbxFailure(martif("""
            <termEntry id="election">
              <langSet
                  type="x">
                <tig><term>election</term></tig>
              </langSet>
            </termEntry>
            """))
        #expect(error == Located(line: 6, column: 3, message: "bad.tbx: expected an xml:lang attribute on <langSet>"))
    }

    @Test("an administrativeStatus TBX does not define is an error listing the four it does")
    func tbxUnknownStatus() {
        let error = tbxFailure(election("""
                <tig>
                  <term>election</term>
                  <termNote type="administrativeStatus">approvedTerm</termNote>
                </tig>
            """))
        #expect(error == Located(line: 9, column: 7,
                                 message: "bad.tbx: expected an administrativeStatus of admittedTerm-admn-sts, "
                                     + "deprecatedTerm-admn-sts, preferredTerm-admn-sts, supersededTerm-admn-sts, "
                                     + "not 'approvedTerm'"))
    }

    @Test("a brief-status note with a status Brief does not have is an error")
    func tbxUnknownBriefStatus() {
        let error = tbxFailure(election("""
                <tig>
                  <term>election</term>
                  <note>brief-status: approved</note>
                </tig>
            """))
        #expect(error == Located(line: 9, column: 7, message: "bad.tbx: expected brief-status: preferred, admitted, "
                                     + "forbidden, dnt, unverified, not 'approved'"))
    }

    @Test("a document that is not TBX, or not XML, is an error at its start", arguments: [
        ("<?xml version=\"1.0\"?>\n<html><body>election</body></html>", 2,
         "expected a TBX document (<martif> or <tbx>), not <html>"),
        ("en,ru\nelection,выборы\n", 1, "expected an XML document (a TBX file), not plain text or nothing"),
        ("", 1, "expected an XML document (a TBX file), not plain text or nothing"),
    ])
    func tbxNotTBX(text: String, line: Int, expected: String) {
        let error = tbxFailure(text)
        #expect(error?.line == line)
        #expect(error?.message == "bad.tbx: " + expected)
    }

    @Test("two entries with one id are an error at the second")
    func tbxDuplicateID() {
        let error = tbxFailure(martif("""
            <termEntry id="WHO"><langSet xml:lang="en"><tig><term>WHO</term></tig></langSet></termEntry>
              <termEntry id="WHO"><langSet xml:lang="en"><tig><term>who</term></tig></langSet></termEntry>
            """))
        #expect(error == Located(line: 6, column: 3,
                                 message: "bad.tbx: expected a new entry id, not 'WHO' again (line 5)"))
    }

    @Test("malformed XML is an error where the parser stops")
    func tbxMalformed() {
        let error = tbxFailure(election("""
                <tig><term>election</term></tg>
            """))
        #expect(error?.line == 7)
        #expect(error?.message == "bad.tbx: expected the closing tag of the element that is open here")
    }

    @Test("an external entity (XXE) is refused and the file it names is never read")
    func tbxExternalEntity() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <martif type="TBX"><text><body><termEntry id="x"><langSet xml:lang="en">
              <tig><term>&e;</term></tig>
            </langSet></termEntry></body></text></martif>
            """
        let error = tbxFailure(text)
        #expect(error?.line == 2)
        #expect(error?.column == 14)
        #expect(error?.message.contains("expected no entity declarations") == true)
        #expect(error?.message.contains("root:") == false)
    }

    // MARK: Term sets

    @Test("a term set written as CSV or TSV reads back the same terms", arguments: [Character(","), "\t"])
    func termSetRoundTrip(separator: Character) throws {
        let text = house.termSet(languages: ["en", "ru", "fa"], separator: separator)
        let read = try Glossary(termSet: text, separator: separator, name: "house", file: "house.csv")
        #expect(read.concepts.map { $0.terms.mapValues { $0.map(\.text) } } == [
            ["en": ["election"], "ru": ["выборы"], "fa": ["انتخابات"]],
            ["en": ["World Health Organization"], "ru": ["Всемирная организация здравоохранения"],
             "fa": ["سازمان جهانی بهداشت"]],
            ["en": ["Facebook"], "ru": ["Facebook"], "fa": ["Facebook"]],
            ["en": ["ceasefire"], "ru": ["прекращение огня"], "fa": ["آتش‌بس"]],
        ])
        #expect(read.concepts.map(\.id) == ["election|noun", "World Health Organization|propn", "Facebook|propn",
                                             "ceasefire|noun"])
        #expect(read.concepts.first?.terms["ru"]?.first?.note == "plural only: «выборы», never «выбор» here")
    }

    @Test("a term set never writes a forbidden term, and leaves a cell empty where a language has none")
    func termSetWriting() {
        let glossary = Glossary(name: "g", file: "g", concepts: [
            Concept(id: "WHO", terms: ["ru": [Term("Всемирная организация здоровья", status: .forbidden),
                                              Term("ВОЗ")], "en": [Term("WHO")]]),
            Concept(id: "Dari", terms: ["en": [Term("Dari")]]),
        ])
        #expect(glossary.termSet(languages: ["en", "ru"], separator: ",") == "en,ru\nWHO,ВОЗ\nDari,\n")
    }

    @Test("CSV fields with quoted commas, quotes and line breaks read right; tags become Brief's")
    func termSetQuotedCSV() throws {
        let text = "\u{FEFF}en,zh-CN,fa-AF,description\r\n"
            + "\"Washington, D.C.\",华盛顿哥伦比亚特区,واشنگتن دی سی,\"the US capital,\nnot the state\"\r\n"
            + "\"the \"\"Big Apple\"\"\",纽约,نیویورک,\r\n"
            + "\n"
            + "press,新闻界,,\n"
            + "press,,مطبوعات,\n"
        let read = try Glossary(termSet: text, separator: ",", name: "places", file: "places.csv")
        #expect(read.languages == ["en", "prs", "zh-Hans"])
        #expect(read.concepts.map(\.id) == ["Washington, D.C.", "the \"Big Apple\"", "press", "press-2"])
        #expect(read.concepts.map(\.line) == [2, 4, 6, 7])
        #expect(read.concepts[0].terms["en"] == [Term("Washington, D.C.", note: "the US capital,\nnot the state")])
        #expect(read.concepts[1].terms["zh-Hans"] == [Term("纽约")])
        #expect(read.concepts[2].terms["prs"] == nil)
    }

    @Test("a header cell that is neither a language tag nor pos/description is an error at that cell")
    func termSetBadHeader() {
        let error = csvFailure("en\tru\tnotes\nelection\tвыборы\t\n", separator: "\t")
        #expect(error == Located(line: 1, column: 7,
                                 message: "bad.csv: expected a language tag, 'pos' or 'description', not 'notes'"))
    }

    @Test("a row with more cells than the header is an error at the first extra cell")
    func termSetLongRow() {
        let error = csvFailure("en,ru\nelection,выборы\nsanctions,санкции,extra\n")
        #expect(error == Located(line: 3, column: 19,
                                 message: "bad.csv: expected at most 2 cells, as in the header, not 3"))
    }

    @Test("an unterminated quote is an error at the quote that opens it")
    func termSetUnterminatedQuote() {
        let error = csvFailure("en,ru,description\nelection,выборы,\"a vote\nsanctions,санкции,\n")
        #expect(error == Located(line: 2, column: 17,
                                 message: "bad.csv: expected a closing quote for the field that starts here"))
    }
}
