import Engine

/// The last m curvature pairs of L-BFGS and the two-loop recursion, Nocedal and
/// Wright, Algorithm 7.4, with H0 = γ I, γ = s'y / y'y of the newest pair (eq. 7.20).
///
/// Pairs with y's not safely positive follow the `CurvaturePolicy`; the oldest pair
/// is dropped when the memory is full.
struct LBFGSMemory<S: Scalar>: CurvatureModel {
    let capacity: Int
    let policy: CurvaturePolicy
    private(set) var s: [[S]] = []
    private(set) var y: [[S]] = []
    private var rho: [S] = []

    init(capacity: Int, policy: CurvaturePolicy) {
        precondition(capacity >= 1, "L-BFGS memory must hold at least one pair")
        self.capacity = capacity
        self.policy = policy
    }

    var isInitial: Bool { s.isEmpty }

    /// -H g by the two-loop recursion.
    func direction(_ g: [S]) -> [S] {
        let m = s.count
        var q = g
        var alpha = [S](repeating: 0, count: m)
        for i in stride(from: m - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * VectorMath.dot(s[i], q)
            VectorMath.axpy(-alpha[i], y[i], &q)
        }
        if m > 0 {
            VectorMath.scale(&q, by: VectorMath.dot(s[m - 1], y[m - 1]) / VectorMath.dot(y[m - 1], y[m - 1]))
        }
        for i in 0..<m {
            let beta = rho[i] * VectorMath.dot(y[i], q)
            VectorMath.axpy(alpha[i] - beta, s[i], &q)
        }
        VectorMath.scale(&q, by: -1)
        return q
    }

    mutating func reset() {
        s.removeAll()
        y.removeAll()
        rho.removeAll()
    }

    mutating func update(s newS: [S], y newY: [S], gradient: [S], step: S) -> CurvaturePolicy.Outcome {
        let (usable, outcome) = policy.resolve(s: newS, y: newY) { VectorMath.scaled(gradient, -step) }
        guard let yUsed = usable else { return .skipped }
        let sy = VectorMath.dot(newS, yUsed)
        guard sy > 0, sy.isFinite else { return .skipped }
        if s.count == capacity {
            s.removeFirst()
            y.removeFirst()
            rho.removeFirst()
        }
        s.append(newS)
        y.append(yUsed)
        rho.append(1 / sy)
        return outcome
    }
}
