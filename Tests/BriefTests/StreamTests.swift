import Foundation
import Testing
@testable import Brief

@Suite("brief stream")
struct StreamTests {
    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func line(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("one result per record, in order, with the id as given and the record's language")
    func order() throws {
        let input = [
            Self.line(["id": "ru-1", "text": Fixtures.text("articles/ru.txt")]),
            Self.line(["id": 2, "text": Fixtures.text("articles/en.txt")]),
            Self.line(["id": "fr", "lang": "fr", "text": "Le conseil s'est réuni lundi. Il a approuvé le budget."]),
            Self.line(["id": "am", "text": Fixtures.text("articles/am.txt"), "extra": true]),
        ].joined(separator: "\r\n")  // CRLF line ends, and no newline after the last line
        let result = try CLI.run(["stream"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.count == 4)
        #expect(records[0]["id"] as? String == "ru-1")
        #expect(records[1]["id"] as? Int == 2)
        #expect(records.map { $0["language"] as? String } == ["ru", "en", "fr", "am"])
        #expect(records.allSatisfy { ($0["summary"] as? String)?.isEmpty == false })
        #expect(result.stdout.hasPrefix(#"{"id":"ru-1","title":"Паводки в Казахстане вынудили тысячи людей покинуть дома","language":"ru","#),
                "the id comes first, then the headline of its first line, then the JSON keys")
    }

    @Test("a bad record is answered by an error record in its place; nothing is skipped")
    func errors() throws {
        var input = Data()
        for line in [
            Self.line(["id": "good", "text": "The council met on Monday. It approved the budget."]),
            "not json",
            "",
            Self.line(["id": "no-text"]),
            Self.line(["id": "empty", "text": "  "]),
            Self.line(["id": "lang", "lang": "xx-notalanguage", "text": "Hello there, world."]),
            Self.line(["id": "binary", "text": "a\u{0}\u{1}\u{2}\u{3}\u{4}b"]),
            "[1, 2]",
            Self.line(["id": 1.5, "text": "A fractional id."]),
        ] {
            input.append(Data((line + "\n").utf8))
        }
        input.append(Data([0xFF, 0xFE, 0x7B, 0x0A]))  // not UTF-8
        input.append(Data((Self.line(["id": "last", "text": "The last record. It still comes back."]) + "\n").utf8))
        let result = try CLI.run(["stream"], stdin: input)
        #expect(result.status == 0, "errors are records, not exit codes")
        let records = try Self.records(result.stdout)
        #expect(records.count == 11)
        #expect(records.map { $0["id"] as? String } == ["good", nil, nil, "no-text", "empty", "lang", "binary", nil, nil, nil, "last"])
        let codes = records.map { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(codes == [nil, 65, 65, 65, 65, 64, 65, 65, 65, 65, nil])
        let messages = records.compactMap { ($0["error"] as? [String: Any])?["message"] as? String }
        #expect(messages[0] == #"line 2 is not valid JSON; expected a JSON object {"id", "text", "lang"?, "title"?}"#)
        #expect(messages[2].hasPrefix(#"line 4 has no "text""#))
        #expect(messages[4].hasPrefix("line 6: unknown language 'xx-notalanguage'"))
        #expect(messages[8] == "line 10 is not UTF-8 text")
    }

    @Test("each answer is written as soon as its record is read")
    func flushesPerRecord() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["stream", "--lang", "en"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { process.terminate() }
        let answers = Locked<[String]>([])
        let arrived = DispatchSemaphore(value: 0)
        let reader = Thread {
            var pending = Data()
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    answers.withLock { $0.append(String(decoding: pending[..<newline], as: UTF8.self)) }
                    pending = Data(pending[(newline + 1)...])
                    arrived.signal()
                }
            }
        }
        reader.start()
        for id in ["first", "second"] {
            let record = Self.line(["id": id, "text": "The council met on Monday. It approved the budget."]) + "\n"
            input.fileHandleForWriting.write(Data(record.utf8))
            #expect(arrived.wait(timeout: .now() + 30) == .success, "the answer to '\(id)' came before more input")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(answers.withLock { $0 }.map { $0.hasPrefix(#"{"id":""#) } == [true, true])
    }

    @Test("--lang sets the language of records without one; --format other than json is a usage error")
    func options() throws {
        let text = "Il consiglio comunale si è riunito lunedì. Ha approvato il bilancio dopo un lungo dibattito. "
            + "Il sindaco ha firmato il testo. L'opposizione ha chiesto nuove elezioni. I negozi resteranno aperti."
        let record = Self.line(["id": "x", "text": text]) + "\n"
        let result = try CLI.run(["stream", "--lang", "it", "--sentences", "1"], stdin: Data(record.utf8))
        let records = try Self.records(result.stdout)
        #expect(records.first?["language"] as? String == "it")
        #expect((records.first?["sentences"] as? [Any])?.count == 1)
        #expect(try CLI.run(["stream", "--format", "text"], stdin: Data()).status == 64)
        #expect(try CLI.run(["stream"], stdin: Data()).stdout.isEmpty)
    }
}
