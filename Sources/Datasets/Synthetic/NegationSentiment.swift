import Support
import Engine
import Foundation

/// `negation_sentiment`: sentiment of toy sentences in which "not" flips the
/// polarity ("the movie was good" is positive, "the movie was not good" negative).
///
/// Parameters (defaults): `n` (2000) sentences, `negation_rate` (0.5, the
/// probability that a sentence is negated). Grammar:
/// `determiner noun verb [not] [intensifier] adjective`, with the word lists of
/// `NegationSentiment.words`; the intensifier appears with probability 1/2.
/// Label 1 (positive) when the adjective is positive and the sentence not
/// negated, or the adjective negative and the sentence negated; example i has
/// label i mod 2, so labels are exactly half each and the adjective alone
/// predicts the label only as often as sentences are not negated. Tokens: 0
/// `<pad>`, 1 `<unk>` (unused), then the words in the order of `vocabulary`;
/// sentences of 4 to 6 tokens padded to 6. Stream `data/negation_sentiment`;
/// split as `SyntheticSplit`.
enum NegationSentiment: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "negation_sentiment", "synthetic sentences whose sentiment flips under negation",
        params: [
            .int("n", 2000, .closed(10, 1_000_000), "number of examples over all splits"),
            .double("negation_rate", 0.5, .closed(0, 1), "probability that a sentence is negated", identity: .whenNotDefault),
        ],
        traits: [.seededData])

    static let determiners = ["the", "this", "that"]
    static let nouns = ["movie", "film", "book", "play", "show", "meal", "song", "story"]
    static let verbs = ["was", "is", "seemed", "felt"]
    static let intensifiers = ["very", "really", "quite", "truly"]
    static let positive = ["good", "great", "excellent", "wonderful", "pleasant", "fun"]
    static let negative = ["bad", "awful", "boring", "terrible", "dull", "poor"]
    static let vocabulary = ["<pad>", "<unk>", "not"] + determiners + nouns + verbs + intensifiers + positive + negative
    static let maxLength = 6

    /// `n` short sentences and a label.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        DataShape(rows: params.int("n"), input: .tokens(maxLength: maxLength, vocabulary: vocabulary.count),
                  task: .classification(classes: 2), scalarsPerRow: 2 * maxLength + 1)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), rate = params.double("negation_rate")
        var ids: [String: Int32] = [:]
        for (i, w) in vocabulary.enumerated() { ids[w] = Int32(i) }
        var stream = RandomStream(seed: seed, purpose: "data/negation_sentiment")
        func pick(_ words: [String]) -> Int32 { ids[words[stream.int(below: words.count)]]! }
        var sentences: [[Int32]] = [], labels: [Int32] = []
        for i in 0..<n {
            let label = i % 2 == 1
            let negated = stream.bernoulli(rate)
            var s = [pick(determiners), pick(nouns), pick(verbs)]
            if negated { s.append(ids["not"]!) }
            if stream.bernoulli(0.5) { s.append(pick(intensifiers)) }
            s.append(pick(label != negated ? positive : negative))
            sentences.append(s)
            labels.append(label ? 1 : 0)
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .classification(classes: 2),
                                      input: .tokens(maxLength: maxLength, vocabulary: vocabulary.count),
                                      all: TokenPadding.split(sentences, maxLength: maxLength, labels: labels),
                                      vocabulary: vocabulary, classNames: ["negative", "positive"])
    }
}
