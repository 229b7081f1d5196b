import Foundation
import Testing
@testable import Brief

@Suite("Command line")
struct CLITests {
    static let sample = "Examples/sample-article.txt"

    @Test("JSON strings escape quotes, backslashes, controls and line separators, and keep every other character")
    func jsonEscaping() throws {
        let text = "Он сказал: \"мир\" \\ 和平\u{1}\t\n\u{2028}end 🚒"
        let serialized = JSON.object([("text", .string(text))]).serialized()
        #expect(serialized == #"{"text":"Он сказал: \"мир\" \\ 和平\u0001\t\n\u2028end 🚒"}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(serialized.utf8)) as? [String: String]
        #expect(decoded?["text"] == text)
    }

    @Test("brief FILE prints a three-sentence brief of the sample article")
    func summarizeFile() throws {
        let result = try CLI.run([Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(summary.hasPrefix("WASHINGTON — "))
        #expect(!summary.contains("Skip to"))
        #expect(!summary.contains("Share"))
        #expect(result.stdout.contains("Keywords: "))
    }

    @Test("standard input gives the same brief as the file, and two runs are byte-identical")
    func stdinAndDeterminism() throws {
        let data = try Data(contentsOf: Fixtures.repository.appendingPathComponent(Self.sample))
        let fromStdin = try CLI.run([], stdin: data)
        let fromFile = try CLI.run(["summarize", Self.sample])
        let again = try CLI.run(["-"], stdin: data)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromStdin.stdout == again.stdout)
    }

    @Test("--format json has the documented keys, and the offsets slice the input")
    func json() throws {
        let result = try CLI.run([Self.sample, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["title", "language", "languageConfidence", "script", "method", "summary", "sentences",
                                     "keywords", "sentenceCount", "removed", "repairs", "notes"])
        #expect(object["title"] as? String == "US Pledges $1.5 Billion to Fight Hunger in East Africa")
        #expect(object["language"] as? String == "en")
        let input = Array(Fixtures.repositoryText(Self.sample).unicodeScalars)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 3)
        for sentence in sentences {
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(String.UnicodeScalarView(input[start..<end])) == sentence["text"] as? String)
        }
    }

    @Test("--format markdown lists the brief as bullets")
    func markdown() throws {
        let result = try CLI.run([Self.sample, "--format", "markdown", "--sentences", "2"])
        #expect(result.stdout.hasPrefix("# US Pledges $1.5 Billion to Fight Hunger in East Africa\n\n## Summary\n\n- WASHINGTON — "))
        #expect(result.stdout.components(separatedBy: "\n- ").count == 3)
    }

    @Test("brief segment --format json gives sentences whose offsets slice the input exactly")
    func segmentJSON() throws {
        let text = "Cafe\u{0301} owners protested on Monday.\r\nPolice said 12 people were held. \u{200B}Talks resume Friday!"
        let result = try CLI.run(["segment", "--lang", "en", "--format", "json"], stdin: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["language"] as? String == "en")
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let scalars = Array(text.unicodeScalars)
        #expect(sentences.count == 3)
        for sentence in sentences {
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == sentence["text"] as? String)
        }
        #expect(sentences.last?["text"] as? String == "Talks resume Friday!", "the zero-width space is dropped by normalize")
    }

    @Test("brief segment prints one sentence per line")
    func segmentText() throws {
        let result = try CLI.run(["segment"], stdin: Data("Dr. Amina Yusuf arrived on Sept. 30. She met U.S. officials.".utf8))
        #expect(result.stdout == "Dr. Amina Yusuf arrived on Sept. 30.\nShe met U.S. officials.\n")
    }

    @Test("brief detect reports language, confidence and script")
    func detect() throws {
        let text = Fixtures.text("articles/ru.txt")
        let result = try CLI.run(["detect", "--format", "json"], stdin: Data(text.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["language"] as? String == "ru")
        #expect(object["script"] as? String == "Cyrl")
        #expect((object["confidence"] as? Double ?? 0) > 0.5)
    }

    @Test("brief run uses a declared pipeline; pipeline validate names a misspelled stage's line")
    func runAndValidate() throws {
        let ok = try CLI.run(["run", "Pipelines/default.yaml", Self.sample, "--sentences", "1"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("WASHINGTON — "))
        let valid = try CLI.run(["pipeline", "validate", "Pipelines/default.yaml"])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("normalize → clean → detect → segment → summarize"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).yaml")
        try "version: 1\nstages:\n  - use: normalize\n  - use: segmnt\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try CLI.run(["pipeline", "validate", file.path])
        #expect(bad.status == 78)
        #expect(bad.stderr == "brief: error: \(file.path):4:10: unknown stage 'segmnt'; expected one of: "
            + "clean, detect, normalize, segment, summarize, translate\n")
    }

    @Test("brief --version prints the version and the data folder's fingerprint, which changes with the data")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "brief \(BriefVersion.number)")
        let data = try #require(lines.last)
        #expect(data.wholeMatch(of: /data .+\/Dictionaries [0-9a-f]{16}/) != nil, "\(data)")
        #expect(data.hasSuffix(String(format: "%016llx", DataDirectory.default.contentHash())))
    }

    @Test("installed as make install lays it out, brief finds its data under PREFIX/share/brief from any folder")
    func installedLayout() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("brief-prefix-\(UUID())")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let share = prefix.appendingPathComponent("share/brief")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/brief")
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        for folder in ["Dictionaries", "Pipelines"] {
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent(folder),
                                             to: share.appendingPathComponent(folder))
        }
        let sample = Fixtures.repository.appendingPathComponent("Examples/sample-article.txt").path
        let installed = try CLI.run([sample], binary: binary, directory: FileManager.default.temporaryDirectory)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout == (try CLI.run([sample])).stdout)
        let version = try CLI.run(["--version"], binary: binary, directory: FileManager.default.temporaryDirectory)
        #expect(version.stdout.contains("data \(share.appendingPathComponent("Dictionaries").path) "))
        // A partial data folder is named, with what it lacks.
        try FileManager.default.removeItem(at: share.appendingPathComponent("Dictionaries/boilerplate"))
        let partial = try CLI.run([sample], binary: binary, directory: FileManager.default.temporaryDirectory)
        #expect(partial.status == 78)
        #expect(partial.stderr.contains("not found in \(share.appendingPathComponent("Dictionaries/boilerplate").path); "
            + "available: none — the data folder is incomplete"), "\(partial.stderr)")
        // No data folder at all (here a build would fall back to its repository's): named, exit 78.
        let nowhere = DataDirectory(url: prefix.appendingPathComponent("nowhere"))
        #expect(throws: BriefError(.config, "Brief's data folder \(nowhere.url.path) is missing; set BRIEF_DATA to a "
            + "Dictionaries folder, or reinstall with 'make install PREFIX=…'")) { try nowhere.checkComplete() }
    }

    @Test("bad input gets one clear sentence and the contract's exit code", arguments: [
        (["no-such-file.txt"], "", Int32(66), "no-such-file.txt does not exist"),
        ([String](), "", Int32(65), "standard input is empty"),
        ([String](), "\u{0}\u{1}\u{2}binary\u{0}", Int32(65), "looks like a binary file"),
        (["--lang", "xx-nonsense"], "Some text here.", Int32(64), "unknown language 'xx-nonsense'"),
        (["--sentences", "2", "--words", "10"], "Some text.", Int32(64), "Give only one of"),
        (["Sources"], "", Int32(66), "is a folder"),
    ])
    func badInput(arguments: [String], stdin: String, status: Int32, message: String) throws {
        let result = try CLI.run(arguments, stdin: Data(stdin.utf8))
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("an article over the size limit is refused with the limit named, not read into a pipeline")
    func hugeInput() {
        let bytes = [UInt8](repeating: 0x61, count: ArticleInput.maximumBytes + 1)
        #expect(throws: BriefError(.data, "huge.txt is 65 MiB; one article may be at most 64 MiB — split it, or use "
            + "'brief batch' for many articles")) {
            try ArticleInput.document(from: bytes, name: "huge.txt")
        }
    }

    static let french = "Le président a annoncé mardi une réforme des retraites. Les députés débattront du texte en "
        + "décembre à l'Assemblée nationale. Les syndicats ont appelé à une grève générale à Paris et à Marseille.\n"

    @Test("UTF-16 and UTF-32 with a byte-order mark are decoded, with a note", arguments: ["UTF-16LE", "UTF-16BE", "UTF-32LE"])
    func byteOrderMarks(_ encoding: String) throws {
        let bom: [UInt8] = switch encoding {
        case "UTF-16LE": [0xFF, 0xFE]
        case "UTF-16BE": [0xFE, 0xFF]
        default: [0xFF, 0xFE, 0x00, 0x00]
        }
        let units: [UInt8] = switch encoding {
        case "UTF-16LE": Self.french.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": Self.french.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: Self.french.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
        }
        let decoded = try CLI.run(["--lang", "fr", "--format", "json"], stdin: Data(bom + units))
        let utf8 = try CLI.run(["--lang", "fr", "--format", "json"], stdin: Data(Self.french.utf8))
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout.contains("decoded from \(encoding) (byte-order mark)"), "the note is among the JSON notes")
        let summary = { (json: String) in (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["summary"] as? String }
        #expect(summary(decoded.stdout) == summary(utf8.stdout))
        #expect(summary(decoded.stdout)?.contains("président") ?? false)
    }

    @Test("a legacy encoding ICU's detector is sure of is decoded with a note; one it is unsure of is refused, exit 65")
    func legacyEncodings() throws {
        let latin1 = Self.french.unicodeScalars.map { UInt8($0.value) }  // ISO-8859-1: one byte a character
        let decoded = try CLI.run(["--lang", "fr"], stdin: Data(latin1))
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stderr.contains("ICU's charset detector"))
        #expect(decoded.stdout.contains("Le président a annoncé"))
        let garbage: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" na".utf8) + [0xEF, 0xF1, 0xE0, 0xE8, 0xFC]
        let refused = try CLI.run([], stdin: Data(garbage))
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is not UTF-8 text"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    @Test("invalid UTF-8 is repaired, counted and the article still summarized")
    func invalidUTF8() throws {
        var bytes = Array("The council met on Monday. It approved the budget \u{2014} 12 votes to 3.".utf8)
        bytes.insert(0xFF, at: 10)
        let result = try CLI.run(["--format", "json", "--lang", "en"], stdin: Data(bytes))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"repairs\":{\"invalid-utf8\":1}"))
        #expect(result.stdout.contains("1 invalid UTF-8 byte sequence was replaced with U+FFFD"))
    }

    @Test("brief summarize with several files prints one summary with the document of each sentence; mixed languages get a note")
    func multipleFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-multi-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try SummarizeTests.related.enumerated().map { index, text in
            let file = folder.appendingPathComponent("\(index).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        let result = try CLI.run(["summarize"] + files + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["documents"] as? [String] == files)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 3)
        for sentence in sentences {
            let document = sentence["document"] as! Int
            let input = Array(SummarizeTests.related[document].unicodeScalars)
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(String.UnicodeScalarView(input[start..<end])) == sentence["text"] as? String)
        }
        #expect(!result.stderr.contains("different languages"))

        let swahili = folder.appendingPathComponent("sw.txt")
        try Fixtures.text("articles/sw.txt").write(to: swahili, atomically: true, encoding: .utf8)
        let mixed = try CLI.run(["summarize", files[0], swahili.path])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("the articles are in different languages (en, sw)"), "\(mixed.stderr)")
    }

    @Test("brief languages lists every VOA language with what each stage has")
    func languages() throws {
        let result = try CLI.run(["languages", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["tag"] as? String } == Language.supported.map(\.tag))
        #expect(rows.allSatisfy { ($0["stopwords"] as? Int ?? 0) > 0 }, "every language has stopwords")
    }
}
