import Testing
import Foundation
import Engine
@testable import Models

/// Losses and metrics on small cases worked out by hand.
@Suite struct LossAndMetricTests {
    func value(_ logits: Tensor<Double>, _ f: (Variable<Double>) -> Variable<Double>) -> Double {
        let tape = Tape<Double>()
        return f(tape.constant(logits)).value.scalarValue
    }

    /// Row (log 3, 0, 0) has p(class 0) = 3/5; row (0, 0) has p = 1/2.
    @Test func crossEntropy() {
        let logits = Tensor<Double>(shape: [2, 3], data: [log(3), 0, 0, 0, 0, 0])
        let ce = value(logits) { Loss.softmaxCrossEntropy($0, labels: [0, 2]) }
        #expect(abs(ce - (-log(0.6) - log(1.0 / 3)) / 2) < 1e-12)
        let ignored = value(logits) { Loss.softmaxCrossEntropy($0, labels: [0, -1]) }
        #expect(abs(ignored + log(0.6)) < 1e-12)
    }

    /// Smoothed target (1 - eps) one-hot + eps/C: loss = -(1-eps) log p_y - eps/C sum_c log p_c.
    @Test func labelSmoothing() {
        let logits = Tensor<Double>(shape: [1, 3], data: [log(3), 0, 0])
        let eps = 0.1
        let expected = -(1 - eps) * log(0.6) - eps / 3 * (log(0.6) + 2 * log(0.2))
        #expect(abs(value(logits) { Loss.softmaxCrossEntropy($0, labels: [0], smoothing: eps) } - expected) < 1e-12)
    }

    @Test func meanSquaredError() {
        let tape = Tape<Double>()
        let p = tape.constant(Tensor(shape: [2, 2], data: [1, 2, 3, 4]))
        #expect(Loss.meanSquaredError(p, targets: Tensor(shape: [2, 2], data: [0, 2, 3, 6])).value.scalarValue == 5.0 / 4)
    }

    /// Steps beyond each length are excluded from the mean over tokens.
    @Test func nextTokenCrossEntropyMasksPadding() {
        // B = 2, T = 2, V = 2; logits zero except one step, so p = 1/2 on every valid token
        // but step (0, 1) where p(label 1) = e / (1 + e).
        let logits = Tensor<Double>(shape: [2, 2, 2], data: [0, 0, 0, 1, 0, 0, 5, -5])
        let loss = value(logits) { Loss.nextTokenCrossEntropy($0, labels: [0, 1, 1, 0], lengths: [2, 1]) }
        let e = Foundation.exp(1.0)
        let expected = (log(2) - log(e / (1 + e)) + log(2)) / 3
        #expect(abs(loss - expected) < 1e-12)
    }

    @Test func accuracyIgnoresUnlabelledRows() {
        let logits = Tensor<Double>(shape: [4, 3], data: [1, 2, 0, 5, 1, 1, 0, 0, 0.5, 2, 2, 1])
        #expect(Metrics.accuracy(logits: logits, labels: [1, 0, 1, -1]) == 2.0 / 3)
        #expect(Metrics.accuracy(logits: logits, labels: [-1, -1, -1, 0]) == 1)
        #expect(Metrics.accuracy(logits: logits, labels: [-1, -1, -1, -1]) == 0)
    }

    @Test func perplexityIsExpOfCrossEntropy() {
        #expect(abs(Metrics.perplexity(meanCrossEntropy: log(7)) - 7) < 1e-12)
        #expect(Metrics.perplexity(meanCrossEntropy: 0) == 1)
    }
}
