import Engine

/// The quadratic f(x) = 1/2 x^T H x with H = P D P, D = diag(spectrum) and P a
/// product of two Householder reflections (orthogonal and symmetric), so the
/// eigenvalues of H are exactly `spectrum` while H is dense.
struct TestQuadratic {
    let spectrum: [Double]
    let reflectors: [[Double]]

    /// H = diag(spectrum) itself.
    init(diagonal spectrum: [Double]) {
        self.spectrum = spectrum
        reflectors = []
    }

    /// H = P D P with reflectors drawn from `RandomStream(seed:, purpose: "test/householder")`.
    init(rotated spectrum: [Double], seed: UInt64 = 11) {
        self.spectrum = spectrum
        var stream = RandomStream(seed: seed, purpose: "test/householder")
        reflectors = (0..<2).map { _ in (0..<spectrum.count).map { _ in stream.normal() } }
    }

    var dimension: Int { spectrum.count }
    var trace: Double { spectrum.reduce(0, +) }
    var sortedDescending: [Double] { spectrum.sorted(by: >) }

    /// Applies the reflection I - 2 u u^T / (u^T u).
    private func reflect(_ u: [Double], _ v: [Double]) -> [Double] {
        let uv = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        let uu = u.reduce(0) { $0 + $1 * $1 }
        return zip(v, u).map { $0 - 2 * uv / uu * $1 }
    }

    /// H v in Double.
    func product(_ v: [Double]) -> [Double] {
        var w = v
        for u in reflectors { w = reflect(u, w) }
        w = zip(spectrum, w).map { $0 * $1 }
        for u in reflectors.reversed() { w = reflect(u, w) }
        return w
    }

    /// H v in the scalar type S (computed in Double, rounded once).
    func hvp<S: Scalar>(_ v: [S]) -> [S] {
        product(v.map { Double($0) }).map { S($0) }
    }

    /// The dense matrix, column by column.
    var dense: [[Double]] {
        (0..<dimension).map { j in
            product((0..<dimension).map { $0 == j ? 1 : 0 })
        }
    }
}
