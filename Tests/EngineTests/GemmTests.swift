import Testing
@testable import Engine

/// The fast GEMM paths must equal `Gemm.reference` bit for bit (the
/// determinism contract), for every shape, transpose combination, stride and
/// thread count.
@Suite struct GemmTests {
    /// One randomly filled problem with its own storage.
    struct Case<S: Scalar> {
        var transA: Bool, transB: Bool, accumulate: Bool
        var m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int
        var a: [S], b: [S], c: [S]

        init(m: Int, n: Int, k: Int, transA: Bool, transB: Bool, accumulate: Bool, pad: Int, seed: UInt64) {
            self.m = m; self.n = n; self.k = k
            self.transA = transA; self.transB = transB; self.accumulate = accumulate
            lda = (transA ? m : k) + pad
            ldb = (transB ? k : n) + pad
            ldc = n + pad
            var rng = RandomStream(seed: seed, purpose: "gemm-test", index: UInt64(m * 1_000_000 + n * 1000 + k))
            a = (0..<((transA ? k : m) * lda)).map { _ in S(rng.uniform(-1, 1)) }
            b = (0..<((transB ? n : k) * ldb)).map { _ in S(rng.uniform(-1, 1)) }
            c = (0..<(m * ldc)).map { _ in S(rng.uniform(-2, 2)) }
        }

        /// Runs `body` on a problem writing into a copy of `c`, returns that copy.
        func run(_ body: (GemmProblem<S>) -> Void) -> [S] {
            var out = c
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { cp in
                        body(GemmProblem(transA: transA, transB: transB, m: m, n: n, k: k,
                                         a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                         c: cp.baseAddress!, ldc: ldc, accumulate: accumulate))
                    }
                }
            }
            return out
        }
    }

    /// Exact encodings (sign, exponent, significand) so that -0 and +0 differ.
    static func bits<S: Scalar>(_ x: [S]) -> [UInt64] {
        x.map { (($0.sign == .minus ? 1 : 0) << 63) | (UInt64($0.exponentBitPattern) << 52) | UInt64($0.significandBitPattern) }
    }

    /// Shapes covering the small path, edge tiles in m and n, several k-blocks
    /// (k > 256), several row blocks (m > 96), and column-split threading
    /// (few rows, many columns).
    static let shapes: [(Int, Int, Int)] = [
        (0, 5, 3), (4, 0, 3), (3, 4, 0), (1, 1, 1), (5, 7, 9), (13, 33, 17),
        (32, 32, 32), (37, 45, 29), (6, 16, 400), (7, 17, 300), (100, 20, 20),
        (3, 200, 60), (61, 9, 70), (1, 300, 120), (130, 2, 140),
    ]

    func checkAll<S: Scalar>(_: S.Type, threadCounts: [Int], multiply: (GemmProblem<S>, Int) -> Void) {
        var seed: UInt64 = 1
        for (m, n, k) in Self.shapes {
            for transA in [false, true] {
                for transB in [false, true] {
                    let accumulate = seed % 2 == 0
                    let test = Case<S>(m: m, n: n, k: k, transA: transA, transB: transB,
                                       accumulate: accumulate, pad: Int(seed % 3), seed: seed)
                    seed += 1
                    let expected = Self.bits(test.run { Gemm.reference($0) })
                    for threads in threadCounts {
                        let got = Self.bits(test.run { multiply($0, threads) })
                        let mismatches = zip(got, expected).filter { $0 != $1 }.count
                        #expect(mismatches == 0,
                                "m=\(m) n=\(n) k=\(k) tA=\(transA) tB=\(transB) acc=\(accumulate) threads=\(threads)")
                    }
                }
            }
        }
    }

    @Test func floatMatchesReferenceBitForBit() {
        checkAll(Float.self, threadCounts: [1, 2]) { Gemm.multiplyFloat($0, threads: $1) }
    }

    @Test func doubleMatchesReferenceBitForBit() {
        checkAll(Double.self, threadCounts: [1, 2]) { Gemm.multiplyDouble($0, threads: $1) }
    }

    /// Tiny blocks and no minimum work per thread: many k-blocks (partial sums
    /// carried through C or the workspace), many row blocks, and real threading
    /// on every shape.
    static let tinyBlocking = Gemm.Blocking(kc: 16, mc: 12, minWorkPerThread: 1)

    @Test func floatTinyBlocksMatchReference() {
        checkAll(Float.self, threadCounts: [1, 2, 3]) { Gemm.multiply(SIMD16<Float>.self, $0, threads: $1, blocking: Self.tinyBlocking) }
    }

    @Test func doubleTinyBlocksMatchReference() {
        checkAll(Double.self, threadCounts: [1, 2, 3]) { Gemm.multiply(SIMD8<Double>.self, $0, threads: $1, blocking: Self.tinyBlocking) }
    }

    /// Large enough for the production settings to use several threads and k-blocks.
    @Test func largeProblemIsThreadCountInvariant() {
        for (transA, transB) in [(false, true)] {
            let test = Case<Float>(m: 150, n: 70, k: 300, transA: transA, transB: transB, accumulate: true,
                                   pad: 1, seed: 77)
            let expected = Self.bits(test.run { Gemm.reference($0) })
            for threads in [1, 2, 3] {
                let got = Self.bits(test.run { Gemm.multiplyFloat($0, threads: threads) })
                #expect(zip(got, expected).filter { $0 != $1 }.isEmpty, "threads=\(threads)")
            }
        }
    }

    @Test func accumulateAddsOldValueLastInBothPaths() {
        // Products 1e8, 1, -1e8 in float32: fma(1, 1, 1e8) rounds to 1e8 (ulp 8),
        // then adding -1e8 gives 0, so C = 5 + 0 = 5. Adding old C first would
        // give ((5 + 1e8) + 1) - 1e8 = 0. Sizes cover the small and packed paths.
        for (m, n) in [(1, 1), (110, 110)] {
            let a = [Float](repeating: 1, count: m * 3)
            var b = [Float](repeating: 0, count: 3 * n)
            for j in 0..<n { b[j] = 1e8; b[n + j] = 1; b[2 * n + j] = -1e8 }
            var c = [Float](repeating: 5, count: m * n)
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        Gemm.multiplyFloat(GemmProblem(transA: false, transB: false, m: m, n: n, k: 3,
                                                       a: ap.baseAddress!, lda: 3, b: bp.baseAddress!, ldb: n,
                                                       c: cp.baseAddress!, ldc: n, accumulate: true), threads: 2)
                    }
                }
            }
            #expect(c.allSatisfy { $0 == 5 })
        }
    }

    @Test func integerProductIsExact() {
        // Small integers are exact in float64, so the product must equal the
        // integer matrix product (independent of the reference kernel).
        let m = 50, n = 41, k = 33
        var rng = RandomStream(seed: 9, purpose: "gemm-int")
        let ai = (0..<(m * k)).map { _ in Int(rng.int(below: 21)) - 10 }
        let bi = (0..<(k * n)).map { _ in Int(rng.int(below: 21)) - 10 }
        var expected = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { expected[i * n + j] = Double((0..<k).reduce(0) { $0 + ai[i * k + $1] * bi[$1 * n + j] }) } }
        let a = ai.map(Double.init), b = bi.map(Double.init)
        var c = [Double](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    Gemm.multiplyDouble(GemmProblem(transA: false, transB: false, m: m, n: n, k: k,
                                                    a: ap.baseAddress!, lda: k, b: bp.baseAddress!, ldb: n,
                                                    c: cp.baseAddress!, ldc: n, accumulate: false), threads: 2)
                }
            }
        }
        #expect(zip(c, expected).allSatisfy { $0 == $1 })
    }

    @Test func knownTwoByTwo() {
        // [[1,2,3],[4,5,6]] * [[7,8],[9,10],[11,12]] = [[58,64],[139,154]].
        let a: [Float] = [1, 2, 3, 4, 5, 6], b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 0, count: 4)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    Gemm.multiplyFloat(GemmProblem(transA: false, transB: false, m: 2, n: 2, k: 3,
                                                   a: ap.baseAddress!, lda: 3, b: bp.baseAddress!, ldb: 2,
                                                   c: cp.baseAddress!, ldc: 2, accumulate: false), threads: 1)
                }
            }
        }
        #expect(c == [58, 64, 139, 154])
    }
}
