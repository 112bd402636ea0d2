import Engine
import Testing
@testable import Datasets

@Suite struct BatcherTests {
    @Test func everyEpochVisitsEveryExampleOnce() {
        let b = Batcher(count: 10, batchSize: 4, seed: 7)
        #expect(b.stepsPerEpoch == 3)
        for epoch in 0..<3 {
            let steps = (0..<3).map { b.indices(forStep: epoch * 3 + $0) }
            #expect(steps.map(\.count) == [4, 4, 2])
            #expect(steps.flatMap { $0 }.sorted() == Array(0..<10))
        }
    }

    @Test func epochOrderIsTheShuffleStreamOfThatEpoch() {
        let b = Batcher(count: 50, batchSize: 8, seed: 42)
        for epoch in [0, 1, 5] {
            var stream = RandomStream(seed: 42, purpose: "shuffle", index: UInt64(epoch))
            let expected = stream.permutation(50)
            let steps = (0..<b.stepsPerEpoch).flatMap { b.indices(forStep: epoch * b.stepsPerEpoch + $0) }
            #expect(steps == expected)
        }
        #expect(b.order(epoch: 0) != b.order(epoch: 1))
    }

    @Test func resumedRunSeesTheSameBatches() {
        let first = Batcher(count: 37, batchSize: 5, seed: 3)
        let full = (0..<40).map { first.indices(forStep: $0) }
        // A new batcher started directly at step 23, as after a resume.
        let resumed = Batcher(count: 37, batchSize: 5, seed: 3)
        let tail = (23..<40).map { resumed.indices(forStep: $0) }
        #expect(Array(full[23...]) == tail)
        #expect(resumed.position(ofStep: 23) == (epoch: 2, batch: 7))
        #expect(Batcher(count: 37, batchSize: 5, seed: 4).indices(forStep: 0) != full[0])
    }

    @Test func fullBatchAndDropLast() {
        let full = Batcher(count: 6, batchSize: nil, seed: 1)
        #expect(full.stepsPerEpoch == 1)
        #expect(full.indices(forStep: 0) == [0, 1, 2, 3, 4, 5])
        #expect(full.indices(forStep: 9) == [0, 1, 2, 3, 4, 5])
        let drop = Batcher(count: 10, batchSize: 4, seed: 1, dropLast: true)
        #expect(drop.stepsPerEpoch == 2)
        #expect(drop.indices(forStep: 1).count == 4)
        #expect(drop.position(ofStep: 5) == (epoch: 2, batch: 1))
    }

    @Test func gatherCopiesWholeExamples() {
        let split = Split(count: 3, inputs: [0, 1, 10, 11, 20, 21], lengths: [2, 1, 2], labels: [5, -1, 6, 7, 8, 9])
        let g = split.gather([2, 0, 2])
        #expect(g.count == 3)
        #expect(g.inputs == [20, 21, 0, 1, 20, 21])
        #expect(g.labels == [8, 9, 5, -1, 8, 9])
        #expect(g.lengths == [2, 2, 2])
        #expect(g.inputsPerExample == 2 && g.labelsPerExample == 2 && g.targetsPerExample == 0)
        let r = Split(count: 2, inputs: [1, 2], targets: [0.5, 1.5]).gather([1])
        #expect(r.inputs == [2] && r.targets == [1.5] && r.labels.isEmpty)
        #expect(split.gather([]).count == 0)
    }
}
