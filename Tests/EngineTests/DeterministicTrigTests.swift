import Testing
import Foundation
import Engine

/// The library-independent sin, cos and atan agree with the C library to a few ulp,
/// and satisfy exact identities.
@Suite struct DeterministicTrigTests {
    @Test func sineAndCosineMatchReference() {
        var worst = 0.0
        for i in -2000...20000 {
            let x = Double(i) * 0.0371
            let (s, c) = DeterministicTrig.sinCos(x)
            worst = max(worst, abs(s - Foundation.sin(x)), abs(c - Foundation.cos(x)))
        }
        #expect(worst < 1e-14)
        #expect(DeterministicTrig.sin(0) == 0 && DeterministicTrig.cos(0) == 1)
    }

    @Test func arctangentMatchesReference() {
        var worst = 0.0
        for i in -3000...3000 {
            let y = Double(i) * 0.013, x = Double(i % 17) - 8.5
            worst = max(worst, abs(DeterministicTrig.atan(y) - Foundation.atan(y)),
                        abs(DeterministicTrig.atan2(y, x) - Foundation.atan2(y, x)))
        }
        #expect(worst < 1e-15 * 8)
        #expect(DeterministicTrig.atan2(0, -1) == Double.pi)
        #expect(abs(DeterministicTrig.atan(1) - Double.pi / 4) < 1e-16)
    }
}
