import Foundation

/// Rules that recognize web boilerplate lines, read from a phrase pack in `Dictionaries/boilerplate/`.
///
/// A pack is a TSV file, one rule per line: `KIND<TAB>PATTERN<TAB>RULE`, where KIND is
/// `line` (the trimmed line equals PATTERN), `prefix` (starts with it; lines under 200 characters), `suffix`
/// (ends with it; under 250), `contains` (under 300) or `regex` (an ICU regular expression that must match the
/// whole trimmed line). Matching ignores case. RULE names the kind of boilerplate (`navigation`, `share`, …) and
/// is what `clean` reports.
struct BoilerplatePack: Sendable {
    struct Rule: Sendable {
        enum Kind: String, Sendable { case line, prefix, suffix, contains, regex }
        var kind: Kind
        var pattern: String
        var name: String
        var regex: NSRegularExpression?
    }

    let name: String
    private var exact: [String: String] = [:]
    private var rules: [Rule] = []

    /// The pack `name` (a name in `Dictionaries/boilerplate/`, or a path to a user's own pack).
    init(named name: String, data: DataDirectory) throws {
        self.name = name
        let isPath = name.contains("/") || name.hasSuffix(".txt") || name.hasSuffix(".tsv")
        let file = isPath ? URL(fileURLWithPath: name) : data.url.appendingPathComponent("boilerplate/\(name).txt")
        guard let contents = FileManager.default.contents(atPath: file.path) else {
            let available = (try? FileManager.default.contentsOfDirectory(
                atPath: data.url.appendingPathComponent("boilerplate").path)) ?? []
            let names = available.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
            throw BriefError(.config, "boilerplate pack '\(name)' not found; available: \(names.joined(separator: ", "))")
        }
        for (number, line) in String(decoding: contents, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let kind = Rule.Kind(rawValue: String(fields[0])) else {
                throw BriefError(.config, "\(file.path):\(number + 1):1: expected KIND<TAB>PATTERN<TAB>RULE with KIND "
                    + "one of line, prefix, suffix, contains, regex")
            }
            let pattern = String(fields[1]).trimmingCharacters(in: .whitespaces)
            let ruleName = String(fields[2]).trimmingCharacters(in: .whitespaces)
            switch kind {
            case .line: exact[pattern.lowercased()] = ruleName
            case .regex:
                do {
                    let regex = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
                    rules.append(Rule(kind: kind, pattern: pattern, name: ruleName, regex: regex))
                } catch {
                    throw BriefError(.config, "\(file.path):\(number + 1):1: invalid regular expression '\(pattern)'")
                }
            default: rules.append(Rule(kind: kind, pattern: pattern.lowercased(), name: ruleName))
            }
        }
    }

    /// The rule that marks `line` (already trimmed) as boilerplate, if any.
    func match(_ line: String) -> String? {
        let lowered = line.lowercased()
        if let rule = exact[lowered] { return rule }
        let length = line.count
        for rule in rules {
            switch rule.kind {
            case .line: continue
            case .prefix: if length < 200 && lowered.hasPrefix(rule.pattern) { return rule.name }
            case .suffix: if length < 250 && lowered.hasSuffix(rule.pattern) { return rule.name }
            case .contains: if length < 300 && lowered.contains(rule.pattern) { return rule.name }
            case .regex:
                let range = NSRange(line.startIndex..., in: line)
                if length < 300, rule.regex!.firstMatch(in: line, range: range) != nil { return rule.name }
            }
        }
        return nil
    }
}
