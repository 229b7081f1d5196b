import Foundation

/// Article records in, result records out: the JSON Lines protocol of `brief stream` and of batch record files.
///
/// An input record is a JSON object `{"id": "…", "text": "…", "lang": "…"}` (`id` a string or an integer, `lang`
/// optional, other keys ignored). The answer to a good record is the pipeline's JSON object (`Pipeline.renderer`) with
/// the record's `id` first, exactly as given; the answer to a bad one is an error record,
/// `{"id": …, "error": {"code": 65, "message": "…"}}` (`id` null when it cannot be read; `code` a sysexits code).
/// Every input line gets exactly one answer, in order.
///
/// ```swift
/// let records = RecordProcessor(pipeline: try StageRegistry.standard.pipeline(.standard()))
/// try records.stream(from: STDIN_FILENO) { line in print(line, terminator: "") }
/// ```
public struct RecordProcessor: Sendable {
    /// One answer: the JSON line (without its newline) and, for an error record, the error.
    public struct Answer: Sendable {
        /// The result or error record, one line of JSON.
        public var line: String
        /// Why the record failed, when it did.
        public var error: BriefError?
        /// The glossary coverage of the record's translation draft, when it has one.
        public var coverage: Double?
    }

    /// The pipeline run on every record.
    public let pipeline: Pipeline

    /// A processor running `pipeline` on every record.
    public init(pipeline: Pipeline) { self.pipeline = pipeline }

    /// Reads JSON Lines from `descriptor` until its end and passes each answer line, newline included, to `write`
    /// as soon as it is ready. Returns how many records failed.
    @discardableResult
    public func stream(from descriptor: Int32, write: (String) throws -> Void) throws -> Int {
        var reader = LineReader(descriptor: descriptor)
        var number = 0, failed = 0
        while let line = try reader.next() {
            number += 1
            let answer = self.answer(line, at: "line \(number)")
            if answer.error != nil { failed += 1 }
            try write(answer.line + "\n")
        }
        return failed
    }

    /// The answer to one input line (without its newline); `location` ("line 3") prefixes messages.
    public func answer(line: some Collection<UInt8>, at location: String) -> Answer {
        answer(.line(Array(line)), at: location)
    }

    func answer(_ line: LineReader.Line, at location: String) -> Answer {
        switch line {
        case .tooLong(let length):
            return failure(nil, BriefError(.data, "\(location) is \(length >> 20) MiB; a record may be at most "
                + "\(ArticleInput.maximumBytes >> 20) MiB of text"))
        case .line(let bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return failure(nil, BriefError(.data, "\(location) is empty; expected \(Record.shape)"))
            }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return failure(nil, BriefError(.data, "\(location) is not UTF-8 text"))
            }
            guard let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)) else {
                return failure(nil, BriefError(.data, "\(location) is not valid JSON; expected \(Record.shape)"))
            }
            return answer(record, at: location)
        }
    }

    func answer(_ record: Record, at location: String) -> Answer {
        do {
            var document = try record.document(at: location)
            try pipeline.run(&document)
            guard case .object(let members) = pipeline.renderer(.json).json(document) else { preconditionFailure("an object") }
            return Answer(line: JSON.object([("id", record.id ?? .null)] + members).serialized(), error: nil,
                          coverage: document.translation?.report.coverage)
        } catch let error as BriefError {
            let located = error.message.hasPrefix(location) ? error : BriefError(error.kind, "\(location): \(error.message)")
            return failure(record.id, located)
        } catch {
            return failure(record.id, BriefError(.data, "\(location): \(error)"))
        }
    }

    private func failure(_ id: JSON?, _ error: BriefError) -> Answer {
        let line = JSON.object([
            ("id", id ?? .null),
            ("error", .object([("code", .int(Int(error.exitCode))), ("message", .string(error.message))])),
        ]).serialized()
        return Answer(line: line, error: error)
    }
}

/// An input record as read, leniently: what is wrong with it is kept as `problem` rather than thrown, so that a list
/// of records decodes even when some are bad, and an error record can still name the id.
struct Record: Decodable {
    static let shape = #"a JSON object {"id", "text", "lang"?, "title"?}"#

    var id: JSON?
    var text: String?
    var lang: String?
    var title: String?
    var problem: String?

    private enum Key: String, CodingKey { case id, text, lang, title }

    init(from decoder: any Decoder) {
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            problem = "is not an object"
            return
        }
        if let string = try? container.decode(String.self, forKey: .id) {
            id = .string(string)
        } else if let number = try? container.decode(Int.self, forKey: .id) {
            id = .int(number)
        } else {
            problem = container.contains(.id) ? #"has an "id" that is neither a string nor an integer"#
                : #"has no "id""#
        }
        if problem == nil {
            text = try? container.decode(String.self, forKey: .text)
            if text == nil { problem = #"has no "text" (a string)"# }
        }
        if problem == nil, container.contains(.lang) {
            lang = try? container.decode(String.self, forKey: .lang)
            if lang == nil { problem = #"has a "lang" that is not a string"# }
        }
        if problem == nil, container.contains(.title) {
            title = try? container.decode(String.self, forKey: .title)
            if title == nil { problem = #"has a "title" that is not a string"# }
        }
    }

    /// The document to run, or the reason there is none.
    func document(at location: String) throws -> Document {
        if let problem { throw BriefError(.data, "\(location) \(problem); expected \(Self.shape)") }
        let language = try lang.map { try Language.resolve($0).tag }
        var document = try ArticleInput.document(from: Array(text!.utf8), name: "\(location): the text", language: language)
        document.title = title.map { Renderer.oneLine($0[...])[...].trimmingSpaces }.flatMap { $0.isEmpty ? nil : String($0) }
        return document
    }
}
