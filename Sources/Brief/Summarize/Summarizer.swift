import Foundation

/// Extractive summarization: score sentences, then pick the best within a length budget, in reading order.
///
/// Methods:
/// - `lead` — the first sentences of the article (the newsroom baseline).
/// - `textrank` — PageRank over shared-term overlap (Mihalcea & Tarau 2004).
/// - `lexrank` — PageRank over tf-idf cosine similarity above 0.1 (Erkan & Radev 2004).
/// - `centroid` — cosine similarity to the article's tf-idf centroid (Radev et al. 2004).
/// - `default` — news-aware: `score = 1 / (1 + i / positionDecay) + centralityWeight × centroid centrality
///   − lengthPenalty × min(words, lengthCap) / lengthCap` for the i-th eligible sentence (the lead prior dominates;
///   centrality and a mild preference for shorter sentences break its ties), then MMR selection
///   (`λ × score − (1 − λ) × max cosine to what is already picked`), so the brief does not say the same thing twice.
///   Tuned on the development sets (en-cnndm, fr, vi): it matches or slightly beats Lead-3 on all three.
///
/// Headlines, datelines, bylines and fragments of fewer than four words are never picked while whole sentences
/// remain, and no sentence is picked whose cosine similarity to a picked one exceeds `duplicateThreshold`.
struct Summarizer {
    enum Method: String, Sendable, CaseIterable { case `default`, lead, textrank, lexrank, centroid }

    /// How long the summary may be.
    enum Budget: Sendable, Equatable {
        case sentences(Int), ratio(Double), words(Int), characters(Int)
    }

    /// The tuned parameters of the `default` method (tuned on the development sets only).
    struct Parameters: Sendable {
        var positionDecay = 4.0
        var centralityWeight = 0.2
        var lengthPenalty = 0.3
        var lengthCap = 80.0
        var lambda = 0.95
        var duplicateThreshold = 0.6
    }

    var method: Method
    var budget: Budget
    var keywordCount: Int
    var parameters = Parameters()

    /// The scored units: each document's sentences, with the terms of each.
    struct Input {
        var texts: [Substring]
        var terms: [[Int]]
        var termCount: Int
        /// Position of each sentence within its own article (0 = first), for the lead prior.
        var positions: [Int]
        var eligible: [Bool]
        var wordCounts: [Int]
        /// Term → a spelling of it in the text (a lowercase one when there is one), for keywords.
        var surfaces: [Substring]
        var isWordTerm: [Bool]
    }

    func summarize(_ input: Input) -> (picked: [Int], scores: [Double], keywords: [String], whole: Bool) {
        let n = input.texts.count
        guard n > 0 else { return ([], [], [], true) }
        let graph = SentenceGraph(terms: input.terms, termCount: input.termCount)
        let scores = score(graph, input).map { ($0 * 10_000).rounded() / 10_000 }
        let keywords = keywords(graph, input)
        var candidates = (0..<n).filter { input.eligible[$0] }
        if candidates.isEmpty { candidates = Array(0..<n) }

        let limit = sentenceLimit(candidates.count, input)
        if limit >= candidates.count && fitsWhole(input) {
            return (Array(0..<n), scores, keywords, true)
        }
        var picked: [Int] = []
        var used = 0
        var remaining = candidates
        while !remaining.isEmpty && picked.count < limit {
            var best = -1
            var bestValue = -Double.infinity
            for candidate in remaining {
                let redundancy = picked.map { graph.cosine(candidate, $0) }.max() ?? 0
                if redundancy > parameters.duplicateThreshold { continue }
                let value = method == .lead
                    ? -Double(candidate)
                    : parameters.lambda * scores[candidate] - (1 - parameters.lambda) * redundancy
                if value > bestValue { bestValue = value; best = candidate }
            }
            guard best >= 0 else { break }
            remaining.removeAll { $0 == best }
            let cost = cost(of: best, input)
            if case .sentences = budget {} else if case .ratio = budget {} else if !picked.isEmpty && used + cost > budgetSize {
                continue
            }
            used += cost
            picked.append(best)
        }
        return (picked.sorted(), scores, keywords, false)
    }

    // MARK: Scores

    private func score(_ graph: SentenceGraph, _ input: Input) -> [Double] {
        let n = graph.count
        switch method {
        case .lead:
            return (0..<n).map { 1 / Double(1 + input.positions[$0]) }
        case .textrank:
            return normalized(graph.pageRank { graph.overlap($0, $1) })
        case .lexrank:
            return normalized(graph.pageRank { let c = graph.cosine($0, $1); return c > 0.1 ? c : 0 })
        case .centroid:
            return normalized(centroidScores(graph))
        case .default:
            let centrality = normalized(centroidScores(graph))
            var rank = 0
            var scores = [Double](repeating: 0, count: n)
            for index in 0..<n {
                if input.positions[index] == 0 { rank = 0 }  // each article of a multi-document set has its own lead
                guard input.eligible[index] else { continue }  // each article of a multi-document set has its own lead
                let prior = 1 / (1 + Double(rank) / parameters.positionDecay)
                let length = min(Double(input.wordCounts[index]), parameters.lengthCap) / parameters.lengthCap
                scores[index] = prior + parameters.centralityWeight * centrality[index] - parameters.lengthPenalty * length
                rank += 1
            }
            return scores
        }
    }

    private func centroidScores(_ graph: SentenceGraph) -> [Double] {
        var centroid = [Double](repeating: 0, count: graph.idf.count)
        for vector in graph.vectors { for entry in vector { centroid[entry.term] += entry.weight } }
        let vector = centroid.indices.filter { centroid[$0] > 0 }.map { (term: $0, weight: centroid[$0]) }
        let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return (0..<graph.count).map { graph.cosine($0, with: vector, norm: norm) }
    }

    private func normalized(_ values: [Double]) -> [Double] {
        guard let top = values.max(), top > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / top }
    }

    // MARK: Keywords

    private func keywords(_ graph: SentenceGraph, _ input: Input) -> [String] {
        guard keywordCount > 0 else { return [] }
        var weights = [Double](repeating: 0, count: graph.idf.count)
        for (index, vector) in graph.vectors.enumerated() {
            let prior = 1 / (1 + Double(input.positions[index]) / 5)
            for entry in vector where input.isWordTerm[entry.term] {
                weights[entry.term] += entry.weight * prior
            }
        }
        var seen: Set<String> = []
        var result: [String] = []
        let ranked = weights.indices.filter { weights[$0] > 0 }
            .sorted { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
        for term in ranked {
            let surface = input.surfaces[term]
            guard surface.count > 1, seen.insert(surface.lowercased()).inserted else { continue }
            result.append(String(surface))
            if result.count == keywordCount { break }
        }
        return result
    }

    // MARK: Budget

    private var budgetSize: Int {
        switch budget {
        case .sentences(let n): n
        case .ratio: Int.max
        case .words(let n), .characters(let n): n
        }
    }

    private func sentenceLimit(_ eligible: Int, _ input: Input) -> Int {
        switch budget {
        case .sentences(let n): n
        case .ratio(let r): max(1, Int((Double(eligible) * r).rounded()))
        case .words, .characters: Int.max
        }
    }

    private func cost(of index: Int, _ input: Input) -> Int {
        switch budget {
        case .words: input.wordCounts[index]
        case .characters: input.texts[index].count
        default: 1
        }
    }

    /// Whether the whole text fits a words or characters budget.
    private func fitsWhole(_ input: Input) -> Bool {
        switch budget {
        case .words(let n): input.wordCounts.reduce(0, +) <= n
        case .characters(let n): input.texts.reduce(0) { $0 + $1.count } <= n
        default: true
        }
    }
}
