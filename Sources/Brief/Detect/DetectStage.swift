/// `detect` — identifies the document's language when it was not given (`--lang`, the pipeline's `source`).
///
/// Uses `LanguageDetector` (CLD2 with the full tables, ICU scripts, Brief's variant rules). When the text is too
/// short or mixed to tell, the language is `und`, ICU's root rules apply downstream, and a note says why.
///
/// Options:
/// - `minimumLetters`: fewer letters than this are too few to trust CLD2 (default 20).
///
/// ```yaml
/// - use: detect
///   with: { minimumLetters: 20 }
/// ```
public struct DetectStage: Stage {
    public static let name = "detect"
    public static let summary = "language identification (CLD2 full tables + ICU scripts + VOA variant rules)"
    public static let optionKeys = ["minimumLetters"]
    public static let requires: Set<Facet> = []
    public static let assigns: Set<Facet> = [.language]

    private let detector: LanguageDetector

    public init(options: StageOptions, context: StageContext) throws {
        detector = try LanguageDetector(
            minimumLetters: options.int("minimumLetters", default: 20, in: 1...10_000), data: context.data)
    }

    public func run(_ document: inout Document) throws {
        guard document.language == nil else { return }
        let detection = detector.detect(document.text)
        document.script = detection.script
        if let reason = detection.reason {
            document.notes.append("language undetermined: \(reason)")
            return
        }
        document.language = detection.language
        document.languageConfidence = detection.confidence
    }
}
