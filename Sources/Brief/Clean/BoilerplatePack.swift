import CICU
import Foundation

/// Rules that recognize web boilerplate lines, read from a phrase pack in `Dictionaries/boilerplate/`.
///
/// A pack is a TSV file, one rule per line: `KIND<TAB>PATTERN<TAB>RULE`, where KIND is
/// `line` (the trimmed line equals PATTERN), `prefix` (starts with it; lines under 200 characters), `suffix`
/// (ends with it; under 250), `contains` (under 300) or `regex` (an ICU regular expression that must match the
/// whole trimmed line). Matching ignores case (ICU case folding). RULE names the kind of boilerplate
/// (`navigation`, `share`, …) and is what `clean` reports.
/// Immutable once read; a class, so that matching a line does not copy the tables.
final class BoilerplatePack: @unchecked Sendable {
    struct Rule: Sendable {
        enum Kind: String, Sendable { case line, prefix, suffix, contains, regex }
        var kind: Kind
        var pattern: [UInt8]
        var name: String
    }

    let name: String
    /// `line` rules: the folded pattern → its index in `exactNames`.
    private var exact = ByteTable()
    private var exactNames: [String] = []
    private var longestExact = 0
    /// The longest folded `line` pattern, in bytes: a longer folded line needs no lookup.
    private var longestFolded = 0
    /// `prefix` rules by the first byte of their pattern, so a line is only compared with those that can match.
    private var prefixes: [[Rule]] = Array(repeating: [], count: 256)
    /// `suffix` and `contains` rules, in the pack's order (the first that matches names the line).
    private var otherRules: [Rule] = []
    private var suffixes: [Int] = []
    private var contained = PhraseIndex()
    /// The `regex` rules, each anchored to the whole line.
    private var regexRules: [(regex: RegularExpression, name: String)] = []
    /// Names this pack's per-thread index of which regex rules a line's opening allows.
    private let indexKey = "brief.boilerplate.\(UUID().uuidString)"

    /// The pack `name` (a name in `Dictionaries/boilerplate/`, or a path to a user's own pack).
    init(named name: String, data: DataDirectory) throws {
        self.name = name
        let isPath = name.contains("/") || name.hasSuffix(".txt") || name.hasSuffix(".tsv")
        let file = isPath ? URL(fileURLWithPath: name) : data.url.appendingPathComponent("boilerplate/\(name).txt")
        guard let contents = FileManager.default.contents(atPath: file.path) else {
            let available = (try? FileManager.default.contentsOfDirectory(
                atPath: data.url.appendingPathComponent("boilerplate").path)) ?? []
            let names = available.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
            let folder = data.url.appendingPathComponent("boilerplate").path
            throw BriefError(.config, "boilerplate pack '\(name)' not found in \(folder); available: "
                + (names.isEmpty ? "none — the data folder is incomplete" : names.joined(separator: ", ")))
        }
        for (number, row) in TSV.rows(String(decoding: contents, as: UTF8.self)).enumerated() {
            guard let fields = row, !(fields.first?.hasPrefix("#") ?? true) else { continue }
            guard fields.count >= 3, let kind = Rule.Kind(rawValue: fields[0]) else {
                throw BriefError(.config, "\(file.path):\(number + 1):1: expected KIND<TAB>PATTERN<TAB>RULE with KIND "
                    + "one of line, prefix, suffix, contains, regex")
            }
            let pattern = fields[1], ruleName = fields[2]
            switch kind {
            case .line:
                let key = Self.folded(pattern[...])
                key.withUnsafeBufferPointer { key in
                    if let index = exact.value(for: key) {
                        exactNames[Int(index)] = ruleName  // a later rule for the same line wins
                    } else {
                        exact.insert(key, Int32(exactNames.count))
                        exactNames.append(ruleName)
                    }
                }
                longestExact = max(longestExact, key.count * 2)  // lowercase forms can be longer in bytes
                longestFolded = max(longestFolded, key.count)
            case .regex:
                guard let regex = try? RegularExpression("^(?:\(pattern))$", caseInsensitive: true) else {
                    throw BriefError(.config, "\(file.path):\(number + 1):1: invalid regular expression '\(pattern)'")
                }
                regexRules.append((regex, ruleName))
            case .prefix:
                let rule = Rule(kind: kind, pattern: Self.folded(pattern[...]), name: ruleName)
                guard let first = rule.pattern.first else { continue }
                prefixes[Int(first)].append(rule)
            case .suffix, .contains:
                let rule = Rule(kind: kind, pattern: Self.folded(pattern[...]), name: ruleName)
                if kind == .suffix {
                    suffixes.append(otherRules.count)
                } else {
                    contained.add(rule.pattern, order: otherRules.count)
                }
                otherRules.append(rule)
            }
        }
    }

    /// The rule that marks `line` (already trimmed) as boilerplate, if any.
    func match(_ line: Substring) -> String? {
        var line = line
        return line.withUTF8(match)
    }

    private func match(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        // Every rule but `line` applies to lines under 300 characters; most article paragraphs are longer.
        if line.count > 1200 && line.count > longestExact { return nil }
        let length = line.count < 300 ? line.count : (line.count > 1200 ? 1200 : Self.scalarCount(line))
        // Byte comparisons: String's own compare canonical equivalence, which is far slower and not needed here
        // (the text is NFC after `normalize`, and so are the packs).
        var lowered: [UInt8] = []
        (try? CaseMapper.shared())?.fold(line, into: &lowered)
        return lowered.withUnsafeBufferPointer { lowered in
            if lowered.count <= longestFolded, let index = exact.value(for: lowered) { return exactNames[Int(index)] }
            guard length < 300 else { return nil }
            if length < 200, let first = lowered.first {
                for rule in prefixes[Int(first)] where Self.has(rule.pattern, at: 0, in: lowered) { return rule.name }
            }
            var first = contained.firstOrder(in: lowered) ?? .max
            if length < 250 {
                for order in suffixes where order < first {
                    let pattern = otherRules[order].pattern
                    if Self.has(pattern, at: lowered.count - pattern.count, in: lowered) { first = order }
                }
            }
            if first < otherRules.count { return otherRules[first].name }
            return regexRules.isEmpty ? nil : regexMatch(line)
        }
    }

    /// The `regex` rule matching `line`, if any. Most lines cannot match any of them from their first three characters
    /// on; ICU tells which rules an opening allows (the match wanted more text), remembered per thread.
    private func regexMatch(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        let index = ThreadCache.object(indexKey) { OpeningIndex() }
        var end = 0, scalars = 0
        while end < line.count {
            if line[end] & 0xC0 != 0x80 {
                if scalars == OpeningIndex.length { break }
                scalars += 1
            }
            end += 1
        }
        let opening = UnsafeBufferPointer(rebasing: line[..<end])
        let rules: [Int]
        if let known = index.table.value(for: opening) {
            rules = index.rules[Int(known)]
        } else {
            let text = String(decoding: opening, as: UTF8.self)
            rules = regexRules.indices.filter { regexRules[$0].regex.forThisThread().mayMatch(startingWith: text[...]) }
            if index.rules.count >= OpeningIndex.limit { index.table = ByteTable(); index.rules = [] }
            index.table.insert(opening, Int32(index.rules.count))
            index.rules.append(rules)
        }
        guard !rules.isEmpty else { return nil }
        let utf16 = Array(String(decoding: line, as: UTF8.self).utf16)
        return rules.first { regexRules[$0].regex.forThisThread().matchesWhole(utf16: utf16) }.map { regexRules[$0].name }
    }

    /// Whether `pattern` occurs in `text` at byte `offset`.
    private static func has(_ pattern: [UInt8], at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 0, offset + pattern.count <= text.count else { return false }
        return pattern.withUnsafeBytes { memcmp(text.baseAddress! + offset, $0.baseAddress!, pattern.count) == 0 }
    }

    /// The number of Unicode scalars in UTF-8 `bytes`.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// UTF-8 case-folded (ICU's full case folding) for caseless comparison.
    static func folded(_ text: Substring) -> [UInt8] {
        var text = text
        var folded: [UInt8] = []
        text.withUTF8 { bytes in (try? CaseMapper.shared())?.fold(bytes, into: &folded) }
        return folded
    }
}

/// Finds which of many byte patterns occur in a text, in one pass over it: the four bytes at each position are hashed
/// into a bitmap of the patterns' openings, and only the rare hits are compared in full.
private struct PhraseIndex {
    private var patterns: [(bytes: [UInt8], order: Int)] = []
    private var openings = [UInt64](repeating: 0, count: 1 << 10)  // a bit per 16-bit hash of four bytes
    private var buckets: [UInt16: [Int]] = [:]  // the patterns with each opening hash
    private var short: [Int] = []  // patterns under four bytes, searched on their own

    mutating func add(_ pattern: [UInt8], order: Int) {
        guard !pattern.isEmpty else { return }
        patterns.append((pattern, order))
        guard pattern.count >= 4 else { return short.append(patterns.count - 1) }
        let hash = pattern.withUnsafeBufferPointer { Self.hash($0.baseAddress!) }
        openings[Int(hash >> 6)] |= 1 << (hash & 63)
        buckets[hash, default: []].append(patterns.count - 1)
    }

    /// The smallest `order` of the patterns that occur in `text`.
    func firstOrder(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !patterns.isEmpty, let base = text.baseAddress else { return nil }
        var first: Int?
        func found(_ index: Int) { first = min(first ?? .max, patterns[index].order) }
        for index in short where Self.occurs(patterns[index].bytes, in: text) { found(index) }
        var position = 0
        while position + 4 <= text.count {
            let hash = Self.hash(base + position)
            if openings[Int(hash >> 6)] & (1 << (hash & 63)) != 0 {
                for index in buckets[hash] ?? [] {
                    let pattern = patterns[index].bytes
                    if position + pattern.count <= text.count && memcmp(base + position, pattern, pattern.count) == 0 {
                        found(index)
                    }
                }
            }
            position += 1
        }
        return first
    }

    private static func hash(_ bytes: UnsafePointer<UInt8>) -> UInt16 {
        UInt16(truncatingIfNeeded: (UnsafeRawPointer(bytes).loadUnaligned(as: UInt32.self) &* 0x9E37_79B1) >> 16)
    }

    private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.withUnsafeBytes { brief_bytes_contain(haystack.baseAddress, haystack.count, $0.baseAddress, $0.count) != 0 }
    }
}

/// Which regex rules of a pack a line's opening leaves possible (one per thread and pack).
private final class OpeningIndex {
    /// Characters of a line's opening.
    static let length = 3
    /// Openings remembered before the index starts over (memory stays flat on any archive).
    static let limit = 100_000
    /// An opening's bytes → its index in `rules`.
    var table = ByteTable()
    var rules: [[Int]] = []
}
