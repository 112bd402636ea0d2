/// A reproducible stream of random numbers identified by `(seed, purpose, index)`.
///
/// The key is the 64-bit seed; the counter holds a 32-bit hash of the purpose
/// string (FNV-1a, stable across processes, unlike Swift's `Hasher`), the 32-bit
/// index, and a 64-bit position that advances by one per Philox block. Two streams
/// with different purposes or indices never share a block.
///
/// Draws: `nextUInt32`, `uniform` in [0, 1), `normal` (Marsaglia's polar method),
/// `bernoulli(p)`, and `permutation(n)` (Fisher-Yates with unbiased bounded ints).
public struct RandomStream: Sendable {
    public let seed: UInt64
    public let purposeHash: UInt32
    public let index: UInt32
    @usableFromInline var position: UInt64 = 0
    @usableFromInline var buffer: SIMD4<UInt32> = .zero
    @usableFromInline var used: Int = 4

    /// Creates the stream for `purpose` (e.g. `"init/encoder.0.wq"`, `"shuffle"`)
    /// and `index` (e.g. the epoch or step) under `seed`.
    public init(seed: UInt64, purpose: String, index: UInt64 = 0) {
        self.seed = seed
        self.purposeHash = RandomStream.fnv1a(purpose)
        self.index = UInt32(truncatingIfNeeded: index) ^ UInt32(truncatingIfNeeded: index >> 32)
    }

    /// FNV-1a, 32-bit, over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
        return h
    }

    @inlinable mutating func refill() {
        let counter = SIMD4<UInt32>(UInt32(truncatingIfNeeded: position), UInt32(truncatingIfNeeded: position >> 32),
                                    index, purposeHash)
        let key = SIMD2<UInt32>(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        buffer = Philox.block(counter: counter, key: key)
        position &+= 1
        used = 0
    }

    /// The next 32 random bits.
    @inlinable public mutating func nextUInt32() -> UInt32 {
        if used == 4 { refill() }
        defer { used += 1 }
        return buffer[used]
    }

    /// The next 64 random bits (two 32-bit draws, high word first).
    @inlinable public mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(nextUInt32())
        return (hi << 32) | UInt64(nextUInt32())
    }

    /// Uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func uniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    /// Uniform double in [low, high).
    @inlinable public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Standard normal draw by Marsaglia's polar method: it needs only the
    /// project's own `log` and a square root, so no C library call is involved.
    @inlinable public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * DeterministicMath.log(s) / s).squareRoot()
            }
        }
    }

    /// True with probability `p`.
    @inlinable public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Unbiased integer in 0..<bound (Lemire's multiply-and-reject method).
    @inlinable public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        while true {
            let x = nextUInt64()
            let (hi, lo) = x.multipliedFullWidth(by: b)
            if lo >= (0 &- b) % b { return Int(hi) }
        }
    }

    /// A uniformly random permutation of 0..<n (Fisher-Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) {
            p.swapAt(i, int(below: i + 1))
        }
        return p
    }
}
