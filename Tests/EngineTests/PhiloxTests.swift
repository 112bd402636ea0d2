import Testing
@testable import Engine

/// Known-answer vectors of Philox-4x32-10 from Random123's `kat_vectors`
/// (Salmon et al., SC'11).
@Suite struct PhiloxTests {
    @Test func zeroCounterZeroKey() {
        let out = Philox.block(counter: .zero, key: .zero)
        #expect(out == SIMD4(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8))
    }
    @Test func allOnes() {
        let out = Philox.block(counter: SIMD4(repeating: 0xffff_ffff), key: SIMD2(repeating: 0xffff_ffff))
        #expect(out == SIMD4(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd))
    }
    @Test func piDigits() {
        let out = Philox.block(counter: SIMD4(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344),
                               key: SIMD2(0xa4093822, 0x299f31d0))
        #expect(out == SIMD4(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1))
    }
    @Test func streamsAreReproducibleAndDistinct() {
        var a = RandomStream(seed: 7, purpose: "init/fc1.weight")
        var b = RandomStream(seed: 7, purpose: "init/fc1.weight")
        var c = RandomStream(seed: 7, purpose: "init/fc2.weight")
        let xa = (0..<10).map { _ in a.nextUInt32() }
        let xb = (0..<10).map { _ in b.nextUInt32() }
        let xc = (0..<10).map { _ in c.nextUInt32() }
        #expect(xa == xb)
        #expect(xa != xc)
    }
    @Test func permutationIsAPermutation() {
        var s = RandomStream(seed: 1, purpose: "shuffle", index: 3)
        let p = s.permutation(100)
        #expect(p.sorted() == Array(0..<100))
        #expect(p != Array(0..<100))
    }
    @Test func uniformMomentsAreSane() {
        var s = RandomStream(seed: 3, purpose: "moments")
        let n = 20000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n { let z = s.normal(); sum += z; sumSq += z * z }
        #expect(abs(sum / Double(n)) < 0.05)
        #expect(abs(sumSq / Double(n) - 1) < 0.05)
    }
}
