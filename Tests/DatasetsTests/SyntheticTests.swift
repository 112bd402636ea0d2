import Foundation
import Testing
import Support
@testable import Datasets
import Engine

func synthetic(_ id: String, _ params: [String: ParamValue] = [:], seed: UInt64 = 1) throws -> Dataset {
    try DatasetRegistry.load(id: id, params: params, seed: seed, dataRoot: URL(fileURLWithPath: "/nonexistent"))
}

@Suite struct SyntheticTests {
    static let generated = ["blobs", "spirals", "adding", "copy", "parity", "dyck", "negation_sentiment"]

    @Test(arguments: generated)
    func sameSeedSameDataOtherSeedOtherData(id: String) throws {
        let a: Dataset = try synthetic(id, seed: 5)
        let b: Dataset = try synthetic(id, seed: 5)
        let c: Dataset = try synthetic(id, seed: 6)
        #expect(a.train == b.train && a.validation == b.validation && a.test == b.test)
        #expect(a.train.inputs != c.train.inputs)
        // Defaults: a few thousand examples at most, cut 80/10/10 in order.
        let n = a.train.count + a.validation.count + a.test.count
        #expect(n <= 5000 && a.validation.count == n / 10 && a.test.count == n / 10)
        #expect(a.params == (try DatasetRegistry.builder(id).declaration.defaults))
    }

    @Test func blobsHaveTheRequestedSpreadAndBalancedClasses() throws {
        let d = try synthetic("blobs", ["n": .int(3000), "classes": .int(3), "dim": .int(2), "spread": .double(0.5)])
        let s = d.train
        #expect(s.count == 2400 && d.input == .dense(features: 2))
        for c in 0..<3 {
            let rows = (0..<s.count).filter { s.labels[$0] == Int32(c) }
            #expect(rows.count == 800)
            for k in 0..<2 {
                let x = rows.map { Double(s.inputs[2 * $0 + k]) }
                let mean = x.reduce(0, +) / Double(x.count)
                let sd = (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
                // Sample sd of 800 normal draws: standard error about 0.5 / sqrt(1600) = 0.0125.
                #expect(abs(sd - 0.5) < 0.05)
                #expect(abs(mean) <= 10.2)
            }
        }
    }

    @Test func noiseFreeSpiralPointsLieOnTheirArm() throws {
        let d = try synthetic("spirals", ["n": .int(200), "noise": .double(0)])
        let s = d.train
        for i in 0..<s.count {
            let x = Double(s.inputs[2 * i]), y = Double(s.inputs[2 * i + 1])
            let r = (x * x + y * y).squareRoot()
            #expect(r >= 0.1 - 1e-6 && r <= 1 + 1e-6)
            let t = (r - 0.1) / 0.9
            let angle = 3 * Double.pi * t + Double(s.labels[i]) * Double.pi
            #expect(abs(x - r * cos(angle)) < 1e-5 && abs(y - r * sin(angle)) < 1e-5)
        }
        #expect(s.labels.filter { $0 == 1 }.count == s.count / 2)
    }

    @Test func trigonometryMatchesTheCLibrary() {
        var x = -60.0
        while x < 60 {
            let (s, c) = DeterministicTrig.sinCosDegree17(x)
            #expect(abs(s - sin(x)) < 1e-14 && abs(c - cos(x)) < 1e-14, "x = \(x)")
            x += 0.0917
        }
        #expect(DeterministicTrig.sinCosDegree17(0) == (0, 1))
    }

    @Test func addingTargetIsTheSumOfTheTwoMarkedValues() throws {
        let d = try synthetic("adding", ["n": .int(100), "length": .int(20)])
        #expect(d.input == .sequence(steps: 20, features: 2) && d.task == .regression(outputs: 1))
        let s = d.train
        #expect(s.targets.count == s.count && s.labels.isEmpty)
        for i in 0..<s.count {
            let steps = (0..<20).map { (value: s.inputs[i * 40 + 2 * $0], marker: s.inputs[i * 40 + 2 * $0 + 1]) }
            let marked = steps.indices.filter { steps[$0].marker == 1 }
            #expect(marked.count == 2 && marked[0] < 10 && marked[1] >= 10)
            #expect(steps.allSatisfy { $0.marker == 0 || $0.marker == 1 } && steps.allSatisfy { $0.value >= 0 && $0.value < 1 })
            #expect(s.targets[i] == steps[marked[0]].value + steps[marked[1]].value)
        }
    }

    @Test func copyTargetsRepeatTheSymbolsAfterTheDelay() throws {
        let d = try synthetic("copy", ["n": .int(50), "symbols": .int(4), "length": .int(3), "delay": .int(5)])
        let steps = 11
        #expect(d.input == .tokens(maxLength: steps, vocabulary: 7) && d.task == .sequenceLabeling(classes: 4))
        let s = d.train
        for i in 0..<s.count {
            let row = s.inputs[i * steps ..< (i + 1) * steps].map { Int($0) }
            let shown = Array(row[0..<3])
            #expect(shown.allSatisfy { (1...4).contains($0) })
            // Blank is K + 1 = 5, go is K + 2 = 6 at the last delay step.
            #expect(Array(row[3..<7]) == [5, 5, 5, 5] && row[7] == 6 && Array(row[8..<11]) == [5, 5, 5])
            let labels = Array(s.labels[i * steps ..< (i + 1) * steps])
            #expect(labels == [Int32](repeating: -1, count: 8) + shown.map { Int32($0 - 1) })
        }
    }


    @Test func parityLabelIsTheXorOfTheBits() throws {
        let d = try synthetic("parity", ["n": .int(400), "length": .int(7)])
        let s = d.train
        for i in 0..<s.count {
            let bits = s.inputs[i * 7 ..< (i + 1) * 7]
            #expect(bits.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(Int32(bits.reduce(0, +)) % 2 == s.labels[i])
        }
        let ones = s.labels.filter { $0 == 1 }.count
        #expect(ones > 120 && ones < 200)
    }

    @Test(arguments: [1, 2])
    func dyckLabelsAgreeWithAStackCheck(types: Int) throws {
        let d = try synthetic("dyck", ["n": .int(600), "types": .int(types), "max_length": .int(12)])
        let vocab = try #require(d.vocabulary)
        #expect(vocab.count == 2 + 2 * types)
        #expect(d.input == .tokens(maxLength: 12, vocabulary: vocab.count))
        let s = d.train
        let lengths = try #require(s.lengths)
        var swappedCounts = 0
        for i in 0..<s.count {
            let n = Int(lengths[i])
            #expect(n % 2 == 0 && n >= 2 && n <= 12)
            let text = s.inputs[i * 12 ..< i * 12 + n].map { vocab[Int($0)] }
            #expect(s.inputs[i * 12 + n ..< (i + 1) * 12].allSatisfy { $0 == 0 })
            var stack: [String] = [], ok = true
            for ch in text {
                if ch == "(" || ch == "[" { stack.append(ch) } else if stack.popLast() != (ch == ")" ? "(" : "[") { ok = false }
            }
            ok = ok && stack.isEmpty
            #expect(ok == (s.labels[i] == 1))
            let opens = text.filter { $0 == "(" || $0 == "[" }.count
            if !ok && 2 * opens == n { swappedCounts += 1 }
        }
        #expect(s.labels.filter { $0 == 1 }.count == s.count / 2)
        // Some unbalanced strings have as many openings as closings.
        #expect(swappedCounts > 20)
    }

    @Test func negationFlipsTheAdjectivesSentiment() throws {
        let d = try synthetic("negation_sentiment", ["n": .int(400)])
        let vocab = try #require(d.vocabulary)
        let good: Set = ["good", "great", "excellent", "wonderful", "pleasant", "fun"]
        let bad: Set = ["bad", "awful", "boring", "terrible", "dull", "poor"]
        let s = d.train
        var negated = 0
        for i in 0..<s.count {
            let n = Int(s.lengths![i])
            let words = s.inputs[i * 6 ..< i * 6 + n].map { vocab[Int($0)] }
            #expect(n >= 4 && n <= 6)
            let positiveWord = good.contains(words.last!)
            #expect(positiveWord || bad.contains(words.last!))
            let not = words.contains("not")
            if not { negated += 1 }
            #expect((positiveWord != not) == (s.labels[i] == 1), "\(words.joined(separator: " "))")
        }
        #expect(negated > 120 && negated < 200)
        #expect(s.labels.filter { $0 == 1 }.count == s.count / 2)
    }
}
