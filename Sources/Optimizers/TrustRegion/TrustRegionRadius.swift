import Engine

/// The radius rule of Nocedal and Wright's SR1 trust-region method, Algorithm 6.2:
/// with ρ = actual / predicted reduction and s the step,
/// ρ > 0.75: Δ ← 2Δ if ‖s‖ > 0.8Δ (else unchanged); 0.1 ≤ ρ ≤ 0.75: unchanged;
/// otherwise Δ ← Δ/2. Growth is capped at `maxRadius`; shrinking stops at ε_mach²,
/// where steps no longer change the parameters but Δ² is still a normal number (near
/// a minimizer in float32, rounding makes every step fail). A step is accepted when ρ > η.
struct TrustRegionRadius<S: Scalar> {
    private(set) var radius: S
    let maxRadius: S
    let eta: S

    init(radius: S, maxRadius: S, eta: S) {
        precondition(radius > 0 && maxRadius >= radius && eta >= 0 && eta < 1, "invalid trust-region constants")
        self.radius = radius
        self.maxRadius = maxRadius
        self.eta = eta
    }

    /// Whether a step with reduction ratio `ratio` is accepted.
    func accepts(_ ratio: S) -> Bool { ratio > eta }

    /// Adjusts the radius after a step of length `stepNorm` with ratio `ratio`
    /// (NaN counts as a failure).
    mutating func update(ratio: S, stepNorm: S) {
        if ratio > S(0.75) {
            if stepNorm > S(0.8) * radius { radius = min(2 * radius, maxRadius) }
        } else if ratio >= S(0.1) {
            // keep
        } else {
            radius = max(radius / 2, S.ulpOfOne * S.ulpOfOne)
        }
    }
}
