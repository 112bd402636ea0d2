import Foundation
import Testing
@testable import Optimizers
import Engine

/// Learning-rate multipliers follow the documented formulas (torch.optim.lr_scheduler
/// conventions: StepLR, CosineAnnealingLR with eta_min = 0, LinearLR warm-up).
@Suite struct ScheduleTests {
    @Test func constantIsOne() {
        let s = LearningRateSchedule.constant
        #expect([0, 1, 99, 10_000].allSatisfy { s.multiplier(at: $0) == 1 })
    }

    @Test func stepDecaysEveryStepSize() {
        let s = LearningRateSchedule(kind: .step, stepSize: 10, gamma: 0.5)
        #expect(s.multiplier(at: 0) == 1)
        #expect(s.multiplier(at: 9) == 1)
        #expect(s.multiplier(at: 10) == 0.5)
        #expect(s.multiplier(at: 25) == 0.25)
        #expect(s.multiplier(at: 100) == pow(0.5, 10))
    }

    @Test func cosineGoesFromOneToZero() {
        let s = LearningRateSchedule(kind: .cosine, totalSteps: 100)
        #expect(s.multiplier(at: 0) == 1)
        #expect(abs(s.multiplier(at: 50) - 0.5) <= 1e-15)
        #expect(abs(s.multiplier(at: 25) - 0.5 * (1 + cos(Double.pi / 4))) <= 1e-15)
        #expect(abs(s.multiplier(at: 100)) <= 1e-15)
        #expect(abs(s.multiplier(at: 150)) <= 1e-15)
    }

    @Test func warmupIsLinearThenHandsOver() {
        let s = LearningRateSchedule(kind: .cosine, warmupSteps: 4, totalSteps: 14)
        #expect(s.multiplier(at: 0) == 0.25)
        #expect(s.multiplier(at: 1) == 0.5)
        #expect(s.multiplier(at: 3) == 1)
        #expect(s.multiplier(at: 4) == 1)
        #expect(abs(s.multiplier(at: 9) - 0.5) <= 1e-15)
    }

    /// The schedule's own cosine agrees with the C library's on [0, π] to a few ulps.
    @Test func ownCosineMatchesLibm() {
        for k in 0...1000 {
            let x = Double.pi * Double(k) / 1000
            #expect(abs(DeterministicTrig.cosHalfTurn(x) - cos(x)) <= 4 * Double.ulpOfOne)
        }
    }
}
