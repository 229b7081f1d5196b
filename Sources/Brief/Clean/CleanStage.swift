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
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        var counts: [Substring: Int] = [:]
        if duplicates {
            for line in lines {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { counts[Substring(trimmed), default: 0] += 1 }
            }
        }
        var removed: [RemovedLine] = []
        var seen: Set<Substring> = []
        var offset = 0
        var drops: [Range<Int>] = []
        for (index, line) in lines.enumerated() {
            let length = line.utf8.count
            defer { offset += length + 1 }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            var rule = packs.lazy.compactMap { $0.match(trimmed) }.first
            if rule == nil, duplicates, counts[Substring(trimmed), default: 0] > 1 {
                if trimmed.count < 200 {
                    rule = "caption"
                } else if seen.contains(Substring(trimmed)) {
                    rule = "duplicate"
                }
                seen.insert(Substring(trimmed))
            }
            guard let rule else { continue }
            removed.append(RemovedLine(line: index + 1, rule: rule, text: trimmed))
            drops.append(offset..<min(offset + length + 1, document.text.utf8.count))
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
}
