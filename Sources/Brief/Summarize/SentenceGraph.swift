import Foundation

/// Sentences as weighted term vectors, and the similarity measures and centrality scores built on them.
struct SentenceGraph {
    /// Per sentence: (term, weight) pairs sorted by term, weight = tf × idf.
    let vectors: [[(term: Int, weight: Double)]]
    /// Per sentence: the number of distinct terms.
    let lengths: [Int]
    /// Per sentence: the vector's Euclidean norm.
    let norms: [Double]
    /// Inverse sentence frequency per term.
    let idf: [Double]

    init(terms: [[Int]], termCount: Int) {
        var documentFrequency = [Int](repeating: 0, count: termCount)
        var counted: [[(term: Int, count: Int)]] = []
        counted.reserveCapacity(terms.count)
        for sentence in terms {
            // Sorted term IDs, then runs of equal IDs: the term counts, in term order, without hashing.
            var entries: [(term: Int, count: Int)] = []
            for term in sentence.sorted() {
                if let last = entries.last, last.term == term {
                    entries[entries.count - 1].count += 1
                } else {
                    entries.append((term, 1))
                    documentFrequency[term] += 1
                }
            }
            counted.append(entries)
        }
        let n = Double(max(terms.count, 1))
        let idf = documentFrequency.map { $0 == 0 ? 0 : log(n / Double($0)) + 1 }
        self.idf = idf
        let vectors = counted.map { entries in entries.map { (term: $0.term, weight: Double($0.count) * idf[$0.term]) } }
        self.vectors = vectors
        lengths = counted.map(\.count)
        norms = vectors.map { vector in vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot() }
    }

    var count: Int { vectors.count }

    /// Cosine similarity of the tf-idf vectors of sentences `a` and `b`.
    func cosine(_ a: Int, _ b: Int) -> Double {
        guard norms[a] > 0, norms[b] > 0 else { return 0 }
        return dot(vectors[a], vectors[b]) / (norms[a] * norms[b])
    }

    /// Cosine similarity of sentence `a` with an arbitrary vector.
    func cosine(_ a: Int, with vector: [(term: Int, weight: Double)], norm: Double) -> Double {
        guard norms[a] > 0, norm > 0 else { return 0 }
        return dot(vectors[a], vector) / (norms[a] * norm)
    }

    /// TextRank's similarity (Mihalcea & Tarau 2004): shared terms over the log lengths.
    func overlap(_ a: Int, _ b: Int) -> Double {
        guard lengths[a] > 1, lengths[b] > 1 else { return 0 }
        var shared = 0
        var i = 0, j = 0
        let x = vectors[a], y = vectors[b]
        while i < x.count && j < y.count {
            if x[i].term == y[j].term { shared += 1; i += 1; j += 1 } else if x[i].term < y[j].term { i += 1 } else { j += 1 }
        }
        return Double(shared) / (log(Double(lengths[a])) + log(Double(lengths[b])))
    }

    private func dot(_ x: [(term: Int, weight: Double)], _ y: [(term: Int, weight: Double)]) -> Double {
        var sum = 0.0
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i].term == y[j].term {
                sum += x[i].weight * y[j].weight
                i += 1; j += 1
            } else if x[i].term < y[j].term { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// PageRank over the weighted graph `weight(a, b)`, `damping` 0.85, to convergence (at most 100 rounds).
    func pageRank(damping: Double = 0.85, _ weight: (Int, Int) -> Double) -> [Double] {
        let n = count
        guard n > 0 else { return [] }
        var matrix = [Double](repeating: 0, count: n * n)
        var outDegree = [Double](repeating: 0, count: n)
        for a in 0..<n {
            for b in (a + 1)..<max(n, a + 1) where b < n {
                let w = weight(a, b)
                guard w > 0 else { continue }
                matrix[a * n + b] = w
                matrix[b * n + a] = w
                outDegree[a] += w
                outDegree[b] += w
            }
        }
        var scores = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<100 {
            var next = [Double](repeating: (1 - damping) / Double(n), count: n)
            var dangling = 0.0
            for a in 0..<n where outDegree[a] == 0 { dangling += scores[a] }
            for b in 0..<n {
                var sum = dangling / Double(n)
                for a in 0..<n where matrix[a * n + b] > 0 { sum += scores[a] * matrix[a * n + b] / outDegree[a] }
                next[b] += damping * sum
            }
            let change = zip(scores, next).reduce(0) { $0 + abs($1.0 - $1.1) }
            scores = next
            if change < 1e-6 { break }
        }
        return scores
    }
}
