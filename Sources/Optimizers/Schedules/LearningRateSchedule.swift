import Engine
import Support
/// A learning-rate multiplier as a function of the 0-based step index t; the lr used
/// at step t is `lr * multiplier(t)`.
///
/// With W = `warmupSteps` and u = max(0, t - W):
/// - linear warm-up: for t < W the multiplier is (t + 1) / W (torch `LinearLR`
///   ending at factor 1, started one step in so the first step is not zero);
/// - `constant`: 1;
/// - `step`: γ^⌊u / step_size⌋ (torch `StepLR` stepped once per iteration);
/// - `cosine`: ½ (1 + cos(π min(u, T) / T)) with T = total_steps - W (torch
///   `CosineAnnealingLR` with eta_min = 0, held at 0 after T).
/// Multipliers are computed in `Double` with the project's own cosine, so they do not
/// depend on the C library.
public struct LearningRateSchedule: Sendable, Equatable {
    /// The decay after warm-up.
    public enum Kind: String, Sendable, CaseIterable {
        case constant, step, cosine
    }

    public var kind: Kind
    public var warmupSteps: Int
    public var stepSize: Int
    public var gamma: Double
    /// Horizon of the cosine decay (the run's step budget); unused by other kinds.
    public var totalSteps: Int

    /// A schedule; `cosine` needs `totalSteps > warmupSteps`.
    public init(kind: Kind = .constant, warmupSteps: Int = 0, stepSize: Int = 100, gamma: Double = 0.1, totalSteps: Int = 0) {
        precondition(warmupSteps >= 0 && stepSize >= 1 && gamma > 0, "invalid learning-rate schedule")
        precondition(kind != .cosine || totalSteps > warmupSteps, "cosine schedule needs total_steps > warmup_steps")
        self.kind = kind
        self.warmupSteps = warmupSteps
        self.stepSize = stepSize
        self.gamma = gamma
        self.totalSteps = totalSteps
    }

    /// The constant schedule (multiplier 1).
    public static let constant = LearningRateSchedule()

    /// Multiplier for 0-based step `t`.
    public func multiplier(at t: Int) -> Double {
        precondition(t >= 0, "step index must be non-negative")
        let warm = t < warmupSteps ? Double(t + 1) / Double(warmupSteps) : 1
        let u = Swift.max(0, t - warmupSteps)
        switch kind {
        case .constant:
            return warm
        case .step:
            return warm * LearningRateSchedule.power(gamma, u / stepSize)
        case .cosine:
            let horizon = totalSteps - warmupSteps
            let fraction = Double(Swift.min(u, horizon)) / Double(horizon)
            return warm * 0.5 * (1 + DeterministicTrig.cosHalfTurn(Double.pi * fraction))
        }
    }

    /// x^k by repeated squaring (exact operation order, no `pow`).
    static func power(_ x: Double, _ k: Int) -> Double {
        var result = 1.0, base = x, e = k
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    /// Hyperparameters every first-order optimizer takes for its schedule.
    static let params: [ParamSpec] = [
        ParamSpec.choice("schedule", "constant", Kind.allCases.map(\.rawValue), "learning-rate decay after warm-up: constant, step or cosine"),
        ParamSpec.int("warmup_steps", 0, .nonNegative, "steps of linear warm-up, multiplier (t + 1) / warmup_steps"),
        ParamSpec.int("step_size", 100, .atLeast(1), "step schedule: steps between decays"),
        ParamSpec.double("gamma", 0.1, .openClosed(0, 1), "step schedule: decay factor per step_size steps"),
        ParamSpec.int("total_steps", 0, .nonNegative, "cosine schedule: horizon in steps (0 = the run's step budget, passed by the trainer)",
                      identity: .whenNotDefault),
    ]

    /// Builds the schedule from resolved parameters.
    init(parameters p: OptimizerParameters) {
        self.init(kind: Kind(rawValue: p.string("schedule"))!, warmupSteps: p.int("warmup_steps"),
                  stepSize: p.int("step_size"), gamma: p.double("gamma"), totalSteps: p.int("total_steps"))
    }

    /// Rejects a cosine schedule without a horizon beyond the warm-up.
    static func validate(_ p: OptimizerParameters) throws(OptimizerError) {
        if p.string("schedule") == Kind.cosine.rawValue && p.int("total_steps") <= p.int("warmup_steps") {
            throw .inconsistent(optimizer: p.optimizer,
                                message: "schedule = cosine needs total_steps (\(p.int("total_steps"))) > warmup_steps (\(p.int("warmup_steps"))); "
                                    + "set total_steps or let the trainer pass the run's step budget")
        }
    }
}
