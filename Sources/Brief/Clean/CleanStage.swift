/// `clean` — drops web boilerplate lines from flattened article text, reporting the rule that dropped each.
///
/// Each line (trimmed) is checked against the phrase packs in order; the first matching rule drops it. A short line
/// (under 200 characters) that occurs more than once is a repeated image caption and is dropped everywhere
/// (rule `caption`); longer repeated lines keep their first occurrence (rule `duplicate`). Body sentences are never
/// matched by the shipped packs: their rules are whole-line UI labels or patterns that do not occur in prose.
///
/// In any language, pack or not: a run of three or more short, link-like lines (at most four words and 40
/// characters — 12 for a line without spaces —, no sentence punctuation, no blank line after) at the top of the
/// text, before the headline, is a page's navigation (rule `navigation-run`); its last line is kept when it has
/// three words or more, since it may be a short headline.
///
/// Options:
/// - `packs`: phrase packs to apply, by name (`Dictionaries/boilerplate/NAME.txt`) or path; default `[web, voa]`.
/// - `duplicates`: drop repeated lines (default `true`).
///
/// ```yaml
/// - use: clean
///   with: { packs: [web, voa, ./my-site.txt] }
/// ```
public struct CleanStage: Stage {
    public static let name = "clean"
    public static let summary = "drops web boilerplate lines (navigation, banners, captions, bylines, share links)"
    public static let optionKeys = ["packs", "duplicates"]
    public static let requires: Set<Facet> = []
    public static let assigns: Set<Facet> = [.text]

    private let packs: [BoilerplatePack]
    public let duplicates: Bool

    public init(options: StageOptions, context: StageContext) throws {
        packs = try options.strings("packs", default: ["web", "voa"]).map {
            try BoilerplatePack(named: $0, data: context.data)
        }
        duplicates = try options.bool("duplicates", default: true)
    }

    public func run(_ document: inout Document) throws {
        var text = document.text
        let lines = text.withUTF8(TextLines.ranges)
        // Repeated lines: each distinct line gets a number, and each number a count.
        var numbers: [Int] = []
        var counts: [Int] = []
        if duplicates {
            var table = ByteTable()
            text.withUTF8 { bytes in
                for line in lines {
                    let key = UnsafeBufferPointer(rebasing: bytes[line.trimmed])
                    if let number = table.value(for: key) {
                        counts[Int(number)] += 1
                        numbers.append(Int(number))
                    } else {
                        table.insert(key, Int32(counts.count))
                        numbers.append(counts.count)
                        counts.append(1)
                    }
                }
            }
        }
        let navigation = text.withUTF8 { Self.navigationRun(lines, $0) }
        var seen = [Bool](repeating: false, count: counts.count)
        var removed: [RemovedLine] = []
        var drops: [Range<Int>] = []
        let textLength = text.utf8.count
        for (index, line) in lines.enumerated() where !line.trimmed.isEmpty {
            let trimmed = document.string(line.trimmed)
            var rule = packs.lazy.compactMap { $0.match(trimmed) }.first
            if rule == nil, navigation.contains(index) { rule = "navigation-run" }
            if rule == nil, duplicates, counts[numbers[index]] > 1 {
                if trimmed.utf8.count < 200 || trimmed.count < 200 {
                    rule = "caption"
                } else if seen[numbers[index]] {
                    rule = "duplicate"
                }
                seen[numbers[index]] = true
            }
            guard let rule else { continue }
            removed.append(RemovedLine(line: index + 1, rule: rule, text: String(trimmed)))
            drops.append(line.whole.lowerBound..<min(line.whole.upperBound + 1, textLength))
        }
        guard !drops.isEmpty else { return }
        document.rewrite { editor in
            for drop in drops {
                editor.copy(editor.position..<drop.lowerBound)
                editor.delete(drop)
            }
        }
        document.removedLines += removed
    }

    /// The indices of the lines of the link-like run at the top of the text, if it is one (see the type's
    /// documentation): lines of at most four words and 40 characters without sentence punctuation, three or more.
    static func navigationRun(_ lines: [(whole: Range<Int>, trimmed: Range<Int>)], _ bytes: UnsafeBufferPointer<UInt8>)
        -> Set<Int> {
        var run: [Int] = []
        var lastWords = 0
        for (index, line) in lines.enumerated() where !line.trimmed.isEmpty {
            guard line.trimmed.count <= 160 else { break }  // 40 characters are at most 160 bytes: no need to look
            let text = String(decoding: bytes[line.trimmed], as: UTF8.self)
            let words = text.split(separator: " ").count
            // A line with a blank line after it stands alone: the headline, which ends the run.
            let standsAlone = index + 1 < lines.count && lines[index + 1].trimmed.isEmpty
            guard words <= 4, text.count <= (words == 1 ? 12 : 40), !Headline.endsSentence(text), !standsAlone
            else { break }
            run.append(index)
            lastWords = words
        }
        guard run.count >= 3 else { return [] }
        if lastWords >= 3 { run.removeLast() }
        return Set(run)
    }
}

/// The lines `clean` dropped, with the rule that dropped each: `removed` (`line`, `rule`, `text`) in JSON.
struct RemovedLinesSection: OutputSection {
    func json(_ document: Document) -> [(String, JSON)] {
        [("removed", .array(document.removedLines.map {
            .object([("line", .int($0.line)), ("rule", .string($0.rule)), ("text", .string($0.text))])
        }))]
    }
}
