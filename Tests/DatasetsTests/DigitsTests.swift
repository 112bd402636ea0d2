import Foundation
import Testing
@testable import Datasets

@Suite struct DigitsTests {
    @Test func splitSizesFollowTheFixedRule() throws {
        let d = try DatasetRegistry.load(id: "digits", params: [:], seed: 0, dataRoot: TestFiles.dataRoot)
        #expect(d.train.count == 1078 && d.validation.count == 360 && d.test.count == 359)
        #expect(d.task == .classification(classes: 10))
        #expect(d.input == .dense(features: 64))
        #expect(d.train.inputs.count == 1078 * 64 && d.train.labels.count == 1078)
        #expect(d.train.lengths == nil && d.train.targets.isEmpty)
    }

    @Test func classCountsMatchTheUCITestSet() throws {
        // Class distribution of optdigits.tes as listed in the UCI description (optdigits.names).
        let expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
        let d = try DatasetRegistry.load(id: "digits", params: [:], seed: 0, dataRoot: TestFiles.dataRoot)
        var counts = [Int](repeating: 0, count: 10)
        for split in [d.train, d.validation, d.test] { for l in split.labels { counts[Int(l)] += 1 } }
        #expect(counts == expected)
    }

    @Test func rowsAreInFileOrderAndScaledBy16() throws {
        let d = try DatasetRegistry.load(id: "digits", params: [:], seed: 0, dataRoot: TestFiles.dataRoot)
        // File row 1 (first line of digits.csv.gz): 0,0,5,13,9,1,0,0, ... label 0.
        #expect(Array(d.train.inputs[0..<8]) == [0, 0, 5, 13, 9, 1, 0, 0].map { Float($0) / 16 })
        #expect(d.train.labels[0] == 0)
        // File row 1079 is the first validation row: 0,2,0,8,9,0,0,0, ... label 0.
        #expect(Array(d.validation.inputs[0..<8]) == [0, 2, 0, 8, 9, 0, 0, 0].map { Float($0) / 16 })
        // File row 1439 is the first test row (label 3), row 1797 the last (label 8).
        #expect(Array(d.test.inputs[0..<8]) == [0, 1, 12, 15, 5, 0, 0, 0].map { Float($0) / 16 })
        #expect(d.test.labels.first == 3 && d.test.labels.last == 8)
        let all = d.train.inputs + d.validation.inputs + d.test.inputs
        #expect(all.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(all.contains(1) && all.contains(0))
    }

    @Test func sequenceModesShareValuesWithDigits() throws {
        let flat = try DatasetRegistry.load(id: "digits", params: [:], seed: 0, dataRoot: TestFiles.dataRoot)
        let rows = try DatasetRegistry.load(id: "digits_seq", params: [:], seed: 0, dataRoot: TestFiles.dataRoot)
        let pixels = try DatasetRegistry.load(id: "digits_seq", params: ["mode": .string("pixels")], seed: 0,
                                              dataRoot: TestFiles.dataRoot)
        #expect(rows.input == .sequence(steps: 8, features: 8))
        #expect(pixels.input == .sequence(steps: 64, features: 1))
        #expect(rows.params["mode"] == .string("rows"))
        for d in [rows, pixels] {
            #expect(d.train == flat.train && d.validation == flat.validation && d.test == flat.test)
        }
    }
}
