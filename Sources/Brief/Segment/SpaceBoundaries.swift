/// Sentence boundaries at spaces, for Thai and Lao, which have no sentence punctuation.
///
/// Thai and Lao writers put a space between sentences, and also between clauses, list items, names and numbers.
/// A space ends a sentence when both sides are letters of the script and the sentence so far is long enough to
/// stand alone.
struct SpaceBoundaries {
    let rules: SentenceRules
    let minimumSentence = 24

    /// Offsets where a new sentence starts.
    func boundaries(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        var sentenceStart = 0
        var previous: Unicode.Scalar = " "
        var index = 0
        while index < bytes.count {
            let (scalar, width) = Segmenter.decode(bytes, at: index)
            let next = index + width
            if scalar == " " && next < bytes.count {
                let (after, _) = Segmenter.decode(bytes, at: next)
                if Self.isLetter(previous) && Self.isLetter(after) && index - sentenceStart >= minimumSentence * 3 {
                    result.append(next)
                    sentenceStart = next
                }
            }
            if scalar == "\n" { sentenceStart = next }
            previous = scalar
            index = next
        }
        return result
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x0E01...0x0E4E).contains(value) || (0x0E81...0x0EDF).contains(value)
    }
}
