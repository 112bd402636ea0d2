/// Philox-4x32-10 counter-based random number generator (Salmon, Moraes, Dror and
/// Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11).
///
/// A block is a pure function of a 128-bit counter and a 64-bit key: there is no
/// hidden state, so any stream can be recomputed from its key and position.
public enum Philox {
    /// Multipliers and Weyl key increments of Philox-4x32 (Random123 constants).
    @usableFromInline static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    @usableFromInline static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// Ten rounds of Philox-4x32 over `counter` with `key`.
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 { k &+= SIMD2(w0, w1) }
            let p0 = UInt64(m0) &* UInt64(c[0])
            let p1 = UInt64(m1) &* UInt64(c[2])
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            c = SIMD4(hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0)
        }
        return c
    }
}
