// Placeholder until the TBX/CSV branch lands (deleted at merge).
extension Glossary {
    public init(termSet text: String, separator: Character, name: String, file: String) throws { throw BriefError(.config, "pending") }
    public init(tbx text: String, name: String, file: String) throws { throw BriefError(.config, "pending") }
    public func termSet(languages: [String], separator: Character) -> String { "" }
    public func tbx() -> String { "" }
}
