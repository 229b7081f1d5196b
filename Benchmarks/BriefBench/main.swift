// brief-bench — the measurements behind Benchmarks/run.sh. Prints plain lines that run.sh collects.
//
//   brief-bench segmentation DIR...        Golden Rules pass rate per language (Brief and ICU alone), any JSONL dir
//   brief-bench segspeed FILE LANG         MB/s of Brief's segmenter and of raw ICU sentence break, one core
//   brief-bench rules DIR...               how often each segmentation rule ends a sentence or removes a break
//   brief-bench summarize SET METHOD OUT   summaries of a {"id","lang","text"} JSONL set, and articles/s
//   brief-bench throughput SET SECONDS     default pipeline end to end on one core: articles/s, MB/s, peak memory
//   brief-bench detect DIR                 detection accuracy on paragraphs of >= 200 characters
import Brief
import Foundation

struct Failure: Error, CustomStringConvertible { let description: String }

func lines(_ path: String) throws -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func now() -> Double { Date().timeIntervalSinceReferenceDate }

func segmentation(_ directories: [String]) throws {
    var totals: [String: (pass: Int, icu: Int, all: Int)] = [:]
    var failures: [String] = []
    for directory in directories {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        for file in files {
            let language = String(file.dropLast(6))
            let brief = try SentenceSplitter(language: language)
            let icu = try SentenceSplitter(language: language, mode: .icuOnly)
            var pass = 0, icuPass = 0, count = 0
            for item in try lines("\(directory)/\(file)") {
                guard let text = item["text"] as? String, let expected = item["sentences"] as? [String] else { continue }
                let clean = expected.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                let got = try brief.sentences(in: text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty }
                let raw = try icu.sentences(in: text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty }
                count += 1
                if got == clean { pass += 1 } else { failures.append("\(language) \(item["id"] as? String ?? ""): \(got)") }
                if raw == clean { icuPass += 1 }
            }
            let key = "\(directory.contains("eval") ? "golden" : "own")/\(language)"
            totals[key] = (pass, icuPass, count)
        }
    }
    var byDirectory: [String: (pass: Int, icu: Int, all: Int)] = [:]
    for (key, value) in totals.sorted(by: { $0.key < $1.key }) {
        print(String(format: "segmentation %-28@ brief %3d/%-3d %5.1f%%   icu %3d/%-3d %5.1f%%", key as NSString,
                     value.pass, value.all, 100 * Double(value.pass) / Double(value.all), value.icu, value.all,
                     100 * Double(value.icu) / Double(value.all)))
        let directory = String(key.split(separator: "/").first!)
        let sum = byDirectory[directory] ?? (0, 0, 0)
        byDirectory[directory] = (sum.pass + value.pass, sum.icu + value.icu, sum.all + value.all)
    }
    for (directory, value) in byDirectory.sorted(by: { $0.key < $1.key }) {
        print(String(format: "segmentation TOTAL %-22@ brief %3d/%-3d %5.1f%%   icu %3d/%-3d %5.1f%%", directory as NSString,
                     value.pass, value.all, 100 * Double(value.pass) / Double(value.all), value.icu, value.all,
                     100 * Double(value.icu) / Double(value.all)))
    }
    if ProcessInfo.processInfo.environment["SHOW_FAILURES"] != nil { failures.forEach { print("  FAIL \($0)") } }
}

func segspeed(_ path: String, _ language: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let megabytes = Double(text.utf8.count) / 1_000_000
    for (name, mode) in [("icu", SentenceSplitter.Mode.icuOnly), ("brief", .brief)] {
        let splitter = try SentenceSplitter(language: language, mode: mode)
        var best = Double.infinity
        var count = 0
        for _ in 0..<3 {
            let start = now()
            count = try splitter.ranges(in: text).count
            best = min(best, now() - start)
        }
        print(String(format: "segspeed %@ %.1f MB/s (%d sentences in %.1f MB)", name, megabytes / best, count, megabytes))
    }
}

/// How often each break rule ends a sentence and each join rule removes a break, over the texts of JSONL files.
func rules(_ directories: [String]) throws {
    var breaks: [String: Int] = [:], joins: [String: Int] = [:]
    for directory in directories {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        for file in files {
            let splitter = try SentenceSplitter(language: String(file.dropLast(6)))
            for item in try lines("\(directory)/\(file)") {
                guard let text = item["text"] as? String else { continue }
                let explained = try splitter.explain(text)
                for sentence in explained.sentences { breaks[sentence.rule ?? "?", default: 0] += 1 }
                joins.merge(explained.joinCounts, uniquingKeysWith: +)
            }
        }
    }
    for (kind, counts) in [("break", breaks), ("join", joins)] {
        print("rules \(kind): " + counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", "))
    }
}

/// normalize → segment → summarize with `method` and 3 sentences (the language comes with each article).
func summaryPipeline(_ method: String) throws -> Pipeline {
    try StageRegistry.standard.pipeline(PipelineSpec(yaml: """
        version: 1
        stages:
          - use: normalize
          - use: clean
          - use: segment
          - use: summarize
            with: { method: \(method), sentences: 3 }
        """, file: "bench"))
}

func summarize(_ path: String, _ method: String, _ output: String) throws {
    let articles = try lines(path)
    let pipeline = try summaryPipeline(method)
    var out = ""
    let start = now()
    for article in articles {
        let text = article["text"] as? String ?? ""
        var document = Document(text: text, id: article["id"] as? String, language: article["lang"] as? String)
        try pipeline.run(&document)
        let sentences = document.summary!.picked.map { String(document.string(of: document.sentences[$0])) }
        out += JSON.object([("id", .string(document.id ?? "")), ("sentences", .array(sentences.map(JSON.string)))])
            .serialized() + "\n"
    }
    let elapsed = now() - start
    try out.write(toFile: output, atomically: true, encoding: .utf8)
    print(String(format: "summarize %@ %@ %.0f articles/s", URL(fileURLWithPath: path).lastPathComponent as NSString,
                 method as NSString, Double(articles.count) / elapsed))
}

func throughput(_ path: String, _ seconds: Double, pipelineFile: String?) throws {
    let articles = try lines(path).compactMap { $0["text"] as? String }
    let pipeline = try StageRegistry.standard.pipeline(pipelineFile.map(PipelineSpec.init(contentsOf:)) ?? PipelineSpec.standard())
    let memoryBefore = peakMemoryMB()
    var count = 0, bytes = 0
    let start = now()
    var checksum = 0
    var stageTime = [Double](repeating: 0, count: pipeline.stages.count)
    while now() - start < seconds {
        for text in articles {
            var document = Document(text: text)
            for (index, stage) in pipeline.stages.enumerated() {
                let stageStart = now()
                try stage.run(&document)
                stageTime[index] += now() - stageStart
            }
            checksum &+= document.summary?.picked.count ?? 0
            count += 1
            bytes += text.utf8.count
        }
    }
    let elapsed = now() - start
    print(String(format: "throughput \(pipeline.name) pipeline: %.0f articles/s, %.1f MB/s, %d articles, peak memory %.0f MB (%.0f MB before), checksum %d",
                 Double(count) / elapsed, Double(bytes) / elapsed / 1_000_000, count, peakMemoryMB(), memoryBefore, checksum))
    let perStage = zip(pipeline.stages, stageTime).map {
        String(format: "%@ %.0f µs", type(of: $0).name as NSString, $1 / Double(count) * 1_000_000)
    }
    print("  per article: " + perStage.joined(separator: ", "))
}

/// Glossary loading per target language, and the cost of drafting the summary: the default pipeline with and
/// without a translate stage on the same English articles, one core.
func translate(_ path: String, _ seconds: Double, _ targets: [String]) throws {
    let articles = try lines(path).compactMap { $0["text"] as? String }
    func rate(_ spec: PipelineSpec) throws -> Double {
        let pipeline = try StageRegistry.standard.pipeline(spec)
        var count = 0
        let start = now()
        while now() - start < seconds {
            for text in articles {
                _ = try pipeline.run(Document(text: text))
                count += 1
            }
        }
        return Double(count) / (now() - start)
    }
    var english = try PipelineSpec.standard()
    english.source = try Language.resolve("en")
    let alone = try rate(english)
    print(String(format: "translate: default pipeline alone %.0f articles/s", alone))
    for target in targets {
        let loadStart = now()
        var options = StageOptions(stage: "translate")
        options.set("to", target)
        _ = try TranslateStage(options: options, context: StageContext(source: try Language.resolve("en")))
        let load = (now() - loadStart) * 1000
        var spec = english
        spec.translate(to: target)
        let drafted = try rate(spec)
        print(String(format: "translate en→%@: glossaries loaded in %.0f ms; with the draft %.0f articles/s (%.0f%% of the time added)",
                     target as NSString, load, drafted, (alone / drafted - 1) * 100))
    }
}

func detect(_ directory: String) throws {
    let detector = try LanguageDetector()
    var right = 0, total = 0, wholeRight = 0, articles = 0
    var misses: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where file.hasSuffix(".txt") {
        let language = String(file.dropLast(4))
        let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
        let whole = detector.detect(text).language
        if whole == language { wholeRight += 1 } else { misses.append("\(language)→\(whole) (whole article)") }
        articles += 1
        // Paragraphs of at least 200 characters (short ones joined with the next).
        var paragraphs: [String] = []
        var current = ""
        for paragraph in text.components(separatedBy: "\n\n").dropFirst() {
            current += (current.isEmpty ? "" : " ") + paragraph.replacingOccurrences(of: "\n", with: " ")
            if current.count >= 200 { paragraphs.append(current); current = "" }
        }
        if !current.isEmpty, let last = paragraphs.popLast() { paragraphs.append(last + " " + current) }
        for paragraph in paragraphs {
            total += 1
            let found = detector.detect(paragraph).language
            if found == language { right += 1 } else { misses.append("\(language)→\(found)") }
        }
    }
    print(String(format: "detect %d/%d paragraphs of >=200 characters = %.1f%%, %d/%d whole articles; misses: %@",
                 right, total, 100 * Double(right) / Double(max(total, 1)), wholeRight, articles,
                 misses.joined(separator: " ") as NSString))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "segmentation": try segmentation(Array(arguments.dropFirst()))
    case "segspeed": try segspeed(arguments[1], arguments[2])
    case "rules": try rules(Array(arguments.dropFirst()))
    case "summarize": try summarize(arguments[1], arguments[2], arguments[3])
    case "throughput": try throughput(arguments[1], Double(arguments[2]) ?? 10, pipelineFile: arguments.count > 3 ? arguments[3] : nil)
    case "detect": try detect(arguments[1])
    case "translate": try translate(arguments[1], Double(arguments[2]) ?? 5, Array(arguments.dropFirst(3)))
    default: print("usage: brief-bench segmentation|segspeed|rules|summarize|throughput|detect|translate …"); exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("brief-bench: \(error)\n".utf8))
    exit(1)
}
