extension Facet {
    /// A summary is present.
    public static let summary: Facet = "summary"
}

/// An extractive summary: which sentences were picked, and why.
public struct Summary: Sendable, Equatable {
    /// The method that produced it (`lead`, `textrank`, …).
    public var method: String
    /// Indices into `Document.sentences` of the picked sentences, in reading order.
    public var picked: [Int]
    /// A score per sentence of the document (higher is more central / more important).
    public var scores: [Double]
    /// The most characteristic words of the article.
    public var keywords: [String]

    public init(method: String, picked: [Int], scores: [Double], keywords: [String] = []) {
        self.method = method
        self.picked = picked
        self.scores = scores
        self.keywords = keywords
    }
}

/// Where a document keeps its summary.
enum SummaryKey: DocumentKey { typealias Value = Summary }

extension Document {
    /// The summary, once a summarizer has run.
    public var summary: Summary? {
        get { self[SummaryKey.self] }
        set { self[SummaryKey.self] = newValue }
    }
}
