/// `clean` — drops web boilerplate lines from flattened article text, reporting the rule that dropped each.
///
/// Each line (trimmed) is checked against the phrase packs in order; the first matching rule drops it. A short line
/// (under 200 characters) that occurs more than once is a repeated image caption and is dropped everywhere
/// (rule `caption`); longer repeated lines keep their first occurrence (rule `duplicate`). Body sentences are never
/// matched by the shipped packs: their rules are whole-line UI labels or patterns that do not occur in prose.
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
        let rawLines = Self.lines(of: document.text)
        let lines = rawLines.map(Self.trim)
        let keys = lines.map { ByteKey(Array($0.utf8)) }
        var counts: [ByteKey: Int] = [:]
        if duplicates {
            for (line, key) in zip(lines, keys) where !line.isEmpty { counts[key, default: 0] += 1 }
        }
        var removed: [RemovedLine] = []
        var seen: Set<ByteKey> = []
        var drops: [Range<Int>] = []
        let textLength = document.text.utf8.count
        var offset = 0
        for (index, line) in rawLines.enumerated() {
            let length = line.utf8.count
            defer { offset += length + 1 }
            let trimmed = lines[index]
            guard !trimmed.isEmpty else { continue }
            var rule = packs.lazy.compactMap { $0.match(trimmed) }.first
            if rule == nil, duplicates, counts[keys[index], default: 0] > 1 {
                if trimmed.utf8.count < 200 || trimmed.count < 200 {
                    rule = "caption"
                } else if seen.contains(keys[index]) {
                    rule = "duplicate"
                }
                seen.insert(keys[index])
            }
            guard let rule else { continue }
            removed.append(RemovedLine(line: index + 1, rule: rule, text: String(trimmed)))
            drops.append(offset..<min(offset + length + 1, textLength))
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

    /// The lines of `text`, without their line breaks (split on bytes: a split on characters costs more than the
    /// rest of the stage).
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        while let end = utf8[start...].firstIndex(of: 0x0A) {
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }

    /// A line without its leading and trailing spaces and tabs.
    static func trim(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return line[line.startIndex..<line.startIndex] }
        return line[first...last]
    }
}
