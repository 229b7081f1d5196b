import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The edition of TBX (TermBase eXchange, ISO 30042) a glossary is written in; both are read.
///
/// v2, the `martif` layout most CAT tools export:
/// ```xml
/// <martif type="TBX" xml:lang="en">
///   <text>
///     <body>
///       <termEntry id="election">
///         <langSet xml:lang="ru">
///           <tig>
///             <term>выборы</term>
///             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
///             <termNote type="partOfSpeech">noun</termNote>
///           </tig>
///         </langSet>
///       </termEntry>
///     </body>
///   </text>
/// </martif>
/// ```
/// v3, TBX-Basic in the DCA style: the same with `<tbx type="TBX-Basic" style="dca">`, `<conceptEntry>`,
/// `<langSec>` and `<termSec>` in place of `<martif>`, `<termEntry>`, `<langSet>` and `<tig>`.
public enum TBXVersion: String, Sendable, CaseIterable {
    /// TBX v2 (ISO 30042:2008): `<martif type="TBX">`, `<termEntry>`, `<langSet>`, `<tig>`.
    case v2
    /// TBX v3 (ISO 30042:2019), TBX-Basic, DCA style: `<tbx>`, `<conceptEntry>`, `<langSec>`, `<termSec>`.
    case v3

    /// The element names of this edition.
    fileprivate var names: (root: String, header: String, entry: String, language: String, group: String) {
        switch self {
        case .v2: ("martif", "martifHeader", "termEntry", "langSet", "tig")
        case .v3: ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
        }
    }

    /// The root element's attributes, with `language` as the document's source language.
    fileprivate func rootAttributes(language: String) -> [(String, String)] {
        switch self {
        case .v2: [("type", "TBX"), ("xml:lang", language)]
        case .v3: [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", language),
                   ("xmlns", "urn:iso:std:iso:30042:ed-2")]
        }
    }
}

extension Glossary {
    /// Reads a TBX v2 (`<martif>`) or v3 TBX-Basic (`<tbx style="dca">`) document.
    ///
    /// Each `termEntry`/`conceptEntry` is a concept (its `id`, or `cN` for the N-th entry if it has none); each
    /// `tig`, `ntig` or `termSec` is a term of its `langSet`/`langSec`'s `xml:lang`, normalized to Brief's tag where
    /// Brief has one (`zh-CN` → `zh-Hans`, `fa-AF` → `prs`). `administrativeStatus` preferred/admitted stays,
    /// deprecated and superseded become forbidden, none is preferred; a `<note>` `brief-status: dnt` or
    /// `brief-case: sensitive` sets what TBX-Basic has no field for. A term's other notes and definitions become its
    /// note (joined with `; `); those of a language section go onto that language's first term, and those of the
    /// entry onto the concept's first term. External entities are never loaded, and entity declarations are refused.
    /// Errors are configuration errors `FILE:LINE:COLUMN: what was expected`.
    public init(tbx text: String, name: String, file: String) throws {
        let reader = TBXReader(text: text, file: file)
        try reader.read()
        self.init(name: name, file: file, provenance: reader.provenance, concepts: reader.concepts)
    }

    /// The glossary as an indented TBX document (v3 TBX-Basic unless asked for v2) that `init(tbx:)` reads back
    /// to the same concepts, ids aside: an id that is not an XML name is made one (`election|noun` → `election_noun`).
    public func tbx(version: TBXVersion = .v3) -> String {
        let source = languages.contains("en") ? "en" : languages.first ?? "en"
        var xml = XMLWriter()
        xml.element(version.names.root, version.rootAttributes(language: source)) { xml in
            xml.element(version.names.header) { xml in
                xml.element("fileDesc") { xml in
                    xml.element("titleStmt") { $0.leaf("title", name) }
                    if let provenance { xml.element("sourceDesc") { $0.leaf("p", provenance) } }
                }
            }
            xml.element("text") { xml in
                xml.element("body") { xml in
                    for (concept, id) in zip(concepts, xmlIDs()) { concept.writeTBX(id: id, version, to: &xml) }
                }
            }
        }
        return xml.text
    }

    /// The concepts' ids as distinct XML names: ids that already are one stay as they are.
    private func xmlIDs() -> [String] {
        var taken = Set(concepts.map(\.id).filter(XMLName.isValid))
        var written = Set<String>()
        return concepts.map { concept in
            if XMLName.isValid(concept.id), written.insert(concept.id).inserted { return concept.id }
            let id = taken.insertUnique(XMLName.sanitized(concept.id))
            written.insert(id)
            return id
        }
    }
}

extension Concept {
    /// Writes the concept as a TBX entry: a language section per tag, a term group per term.
    fileprivate func writeTBX(id: String, _ version: TBXVersion, to xml: inout XMLWriter) {
        let names = version.names
        xml.element(names.entry, [("id", id)]) { xml in
            for tag in languages {
                xml.element(names.language, [("xml:lang", tag)]) { xml in
                    for term in terms[tag] ?? [] {
                        xml.element(names.group) { xml in
                            xml.leaf("term", term.text)
                            xml.leaf("termNote", term.status.tbxValue, [("type", "administrativeStatus")])
                            if let pos = term.pos { xml.leaf("termNote", pos, [("type", "partOfSpeech")]) }
                            for note in term.tbxNotes { xml.leaf("note", note) }
                        }
                    }
                }
            }
        }
    }
}

extension Term {
    /// The `<note>` lines that carry what TBX-Basic has no field for, then the term's own note.
    fileprivate var tbxNotes: [String] {
        var notes: [String] = []
        if status == .dnt || status == .unverified { notes.append("\(TBXReader.statusNote) \(status.rawValue)") }
        if caseRule != .auto { notes.append("\(TBXReader.caseNote) \(caseRule.rawValue)") }
        if let note { notes.append(note) }
        return notes
    }
}

extension Term.Status {
    /// The TBX `administrativeStatus` values read, by value.
    fileprivate static let tbxValues: [String: Self] = [
        "preferredTerm-admn-sts": .preferred, "admittedTerm-admn-sts": .admitted,
        "deprecatedTerm-admn-sts": .forbidden, "supersededTerm-admn-sts": .forbidden,
    ]

    /// The closest TBX `administrativeStatus` (a `brief-status` note says dnt or unverified exactly).
    fileprivate var tbxValue: String {
        switch self {
        case .preferred, .dnt: "preferredTerm-admn-sts"
        case .admitted, .unverified: "admittedTerm-admn-sts"
        case .forbidden: "deprecatedTerm-admn-sts"
        }
    }
}

/// XML names (NCNames, without a colon), which TBX entry ids must be.
private enum XMLName {
    /// Whether `name` is an NCName: a letter or `_`, then letters, digits, `-`, `.`, `_` (XML 1.0, 5th edition).
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isStart(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy(isPart)
    }

    /// `text` made an NCName: other characters become `_`, and `_` goes before a start that cannot begin one.
    static func sanitized(_ text: String) -> String {
        var name = String(String.UnicodeScalarView(text.unicodeScalars.map { isPart($0) ? $0 : "_" }))
        if let first = name.unicodeScalars.first, isStart(first) { return name }
        name.insert("_", at: name.startIndex)
        return name
    }

    private static func isStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF: true
        default: false
        }
    }

    private static func isPart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isStart(c)
        }
    }
}

extension Set<String> {
    /// Inserts `base`, or `base-2`, `base-3`… if it is taken, and returns what was inserted.
    mutating func insertUnique(_ base: String) -> String {
        var candidate = base
        var number = 2
        while !insert(candidate).inserted {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }
}

/// Indented XML, one element a line.
private struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    private var indent: String { String(repeating: "  ", count: depth) }

    /// An element with other elements inside, which `content` writes.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ content: (inout XMLWriter) -> Void) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\n"
        depth += 1
        content(&self)
        depth -= 1
        text += "\(indent)</\(name)>\n"
    }

    /// An element with text inside.
    mutating func leaf(_ name: String, _ content: String, _ attributes: [(String, String)] = []) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\(Self.escaped(content))</\(name)>\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"".contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Reads a TBX document with `XMLParser`, element by element, into concepts.
private final class TBXReader: NSObject, XMLParserDelegate {
    /// The note prefixes for what TBX-Basic has no field for.
    static let statusNote = "brief-status:", caseNote = "brief-case:"

    /// An element whose text is being read.
    private struct Field {
        enum Kind { case term, termNote(type: String), note, provenance }
        var kind: Kind
        var element: String
        var start: Position
        var text = ""
    }

    /// A `tig`/`ntig`/`termSec` being read.
    private struct Group {
        var element: String
        var start: Position
        var term = Term("")
        var briefStatus: Term.Status?
        var notes: [String] = []
    }

    private typealias Position = (line: Int, column: Int)

    private let text: String
    private let file: String
    private let source: SourcePositions
    private var failure: BriefError?

    private(set) var concepts: [Concept] = []
    private(set) var provenance: String?

    private var sawRoot = false
    private var inSourceDesc = false
    private var entry: Concept?
    private var entryStart: Position = (0, 0)
    private var entryNotes: [String] = []
    private var entryFirstLanguage: String?
    private var language: String?
    private var languageNotes: [String] = []
    private var group: Group?
    private var field: Field?
    private var conceptLines: [String: Int] = [:]
    private var unnamed: [Int] = []
    private var tags: [String: String] = [:]

    init(text: String, file: String) {
        self.text = text
        self.file = file
        self.source = SourcePositions(text)
    }

    func read() throws {
        if let declaration = text.range(of: "<!ENTITY") {
            let offset = text.unicodeScalars.distance(from: text.startIndex, to: declaration.lowerBound)
            let at = source.position(ofScalar: offset)
            throw BriefError.config(file: file, line: at.line, column: at.column,
                                    "expected no entity declarations (TBX needs none, and external ones are never loaded)")
        }
        let parser = XMLParser(stream: InputStream(data: Data(text.utf8)))  // in chunks: libxml2 refuses 10 MB at once
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure { throw failure }
        guard parsed, sawRoot else {  // an empty document: libxml2 says nothing
            throw BriefError.config(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                                    Self.noDocument)
        }
        var taken = Set(conceptLines.keys)
        for index in unnamed { concepts[index].id = taken.insertUnique("c\(index + 1)") }
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        let name = Self.localName(elementName)
        let at = source.tagStart(line: parser.lineNumber, column: parser.columnNumber)
        if !sawRoot {
            sawRoot = true
            guard name == "martif" || name == "tbx" else {
                return fail(parser, at, "expected a TBX document (<martif> or <tbx>), not <\(elementName)>")
            }
            if name == "tbx", let style = attributes["style"], style != "dca" {
                fail(parser, at, "expected style=\"dca\" (the only TBX v3 style Brief reads), not '\(style)'")
            }
            return
        }
        guard field == nil else { return }  // markup inside a term or note: its text is read with it
        switch name {
        case "termEntry", "conceptEntry":
            entry = Concept(id: attributes["id"] ?? "", line: at.line)
            entryStart = at
            entryNotes = []
            entryFirstLanguage = nil
        case "langSet", "langSec":
            guard entry != nil else { return fail(parser, at, "expected <\(elementName)> inside an entry") }
            guard let tag = attributes["xml:lang"], !tag.isEmpty else {
                return fail(parser, at, "expected an xml:lang attribute on <\(elementName)>")
            }
            language = normalized(tag)
            languageNotes = []
        case "tig", "ntig", "termSec":
            guard language != nil else { return fail(parser, at, "expected <\(elementName)> inside a language section") }
            group = Group(element: name, start: at)
        case "term" where group != nil:
            field = Field(kind: .term, element: name, start: at)
        case "termNote" where group != nil:
            field = Field(kind: .termNote(type: attributes["type"] ?? ""), element: name, start: at)
        case "note" where entry != nil, "descrip" where entry != nil && attributes["type"] == "definition":
            field = Field(kind: .note, element: name, start: at)
        case "sourceDesc":
            inSourceDesc = true
        case "p" where inSourceDesc:
            field = Field(kind: .provenance, element: name, start: at)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        guard failure == nil else { return }
        let name = Self.localName(elementName)
        if let field {
            if field.element == name { finish(field, parser) }
            return
        }
        switch name {
        case group?.element: finishGroup(parser)
        case "langSet", "langSec": finishLanguage()
        case "termEntry", "conceptEntry": finishEntry(parser)
        case "sourceDesc": inSourceDesc = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        field?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        field?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        let expected = Self.expectations[code] ?? "expected well-formed XML (libxml2 error \(code))"
        fail(parser, (parser.lineNumber, parser.columnNumber), expected)
    }

    // MARK: Building concepts

    private func finish(_ field: Field, _ parser: XMLParser) {
        self.field = nil
        let text = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch field.kind {
        case .term:
            group?.term.text = text
        case .termNote(type: "administrativeStatus"):
            guard let status = Term.Status.tbxValues[text] else {
                let values = Term.Status.tbxValues.keys.sorted().joined(separator: ", ")
                return fail(parser, field.start, "expected an administrativeStatus of \(values), not '\(text)'")
            }
            group?.term.status = status
        case .termNote(type: "partOfSpeech"):
            group?.term.pos = text.isEmpty ? nil : text
        case .termNote:
            break
        case .note where text.isEmpty:
            break
        case .note:
            if group != nil { readTermNote(text, at: field.start, parser) }
            else if language != nil { languageNotes.append(text) }
            else { entryNotes.append(text) }
        case .provenance:
            provenance = [provenance, text].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// A term's note: `brief-status: …`, `brief-case: …` or a note for the translator.
    private func readTermNote(_ note: String, at start: Position, _ parser: XMLParser) {
        if note.hasPrefix(Self.statusNote) {
            let value = note.dropFirst(Self.statusNote.count).trimmingCharacters(in: .whitespaces)
            guard let status = Term.Status(rawValue: value) else {
                let values = Term.Status.allCases.map(\.rawValue).joined(separator: ", ")
                return fail(parser, start, "expected \(Self.statusNote) \(values), not '\(value)'")
            }
            group?.briefStatus = status
        } else if note.hasPrefix(Self.caseNote) {
            let value = note.dropFirst(Self.caseNote.count).trimmingCharacters(in: .whitespaces)
            guard let rule = Term.CaseRule(rawValue: value) else {
                let values = Term.CaseRule.allCases.map(\.rawValue).joined(separator: ", ")
                return fail(parser, start, "expected \(Self.caseNote) \(values), not '\(value)'")
            }
            group?.term.caseRule = rule
        } else {
            group?.notes.append(note)
        }
    }

    private func finishGroup(_ parser: XMLParser) {
        guard let group, let language else { return }
        self.group = nil
        guard !group.term.text.isEmpty else {
            return fail(parser, group.start, "expected a <term> with text in <\(group.element)>")
        }
        var term = group.term
        term.status = group.briefStatus ?? term.status
        term.note = group.notes.isEmpty ? nil : group.notes.joined(separator: "; ")
        entry?.terms[language, default: []].append(term)
        entryFirstLanguage = entryFirstLanguage ?? language
    }

    private func finishLanguage() {
        if let language { addNotes(languageNotes, toFirstTermOf: language) }
        language = nil
    }

    private func finishEntry(_ parser: XMLParser) {
        if let first = entryFirstLanguage { addNotes(entryNotes, toFirstTermOf: first) }
        guard let concept = entry else { return }
        entry = nil
        if concept.id.isEmpty {
            unnamed.append(concepts.count)
        } else if let line = conceptLines[concept.id] {
            return fail(parser, entryStart, "expected a new entry id, not '\(concept.id)' again (line \(line))")
        }
        conceptLines[concept.id] = concept.line
        concepts.append(concept)
    }

    private func addNotes(_ notes: [String], toFirstTermOf language: String) {
        guard !notes.isEmpty, var first = entry?.terms[language]?.first else { return }
        first.note = ([first.note].compactMap { $0 } + notes).joined(separator: "; ")
        entry?.terms[language]?[0] = first
    }

    // MARK: Helpers

    private func fail(_ parser: XMLParser, _ at: Position, _ expected: String) {
        if failure == nil { failure = .config(file: file, line: at.line, column: at.column, expected) }
        parser.abortParsing()
    }

    /// Brief's tag for a TBX language tag where Brief knows it, else the tag as written.
    private func normalized(_ tag: String) -> String {
        if let known = tags[tag] { return known }
        let resolved = (try? Language.resolve(tag).tag) ?? tag
        tags[tag] = resolved
        return resolved
    }

    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private static let noDocument = "expected an XML document (a TBX file), not plain text or nothing"

    /// What was expected, for the libxml2 errors a hand-edited file most often has.
    private static let expectations: [Int: String] = [
        4: noDocument,
        5: "expected nothing after the document's root element",
        23: "expected ';' after an entity name (write a bare & as &amp;)",
        26: "expected one of XML's entities (&amp; &lt; &gt; &quot; &apos;)",
        76: "expected the closing tag of the element that is open here",
        77: "expected the document's open elements to be closed before it ends",
    ]
}

/// Lines and columns, counted in Unicode scalars as libxml2 counts them.
private struct SourcePositions {
    private let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
    }

    /// The line and column of the scalar at `offset`.
    func position(ofScalar offset: Int) -> (line: Int, column: Int) {
        let line = lineStarts.lastIndex { $0 <= offset } ?? 0
        return (line + 1, offset - lineStarts[line] + 1)
    }

    /// Where the tag that the parser reports at `line`:`column` (its end) starts: its `<`.
    func tagStart(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !scalars.isEmpty, (1...lineStarts.count).contains(line) else { return (line, column) }
        var line = line
        var offset = min(lineStarts[line - 1] + max(column - 1, 0), scalars.count - 1)
        while offset > 0, scalars[offset] != "<" { offset -= 1 }
        while lineStarts[line - 1] > offset { line -= 1 }
        return (line, offset - lineStarts[line - 1] + 1)
    }
}
