/// Small dense linear algebra for test expectations (independent of the module).
enum LinearAlgebra {
    /// A⁻¹ by Gauss-Jordan elimination with partial pivoting.
    static func inverse(_ a: [[Double]]) -> [[Double]] {
        let n = a.count
        var m = a.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for k in 0..<n {
            let p = (k..<n).max { abs(m[$0][k]) < abs(m[$1][k]) }!
            m.swapAt(k, p)
            let pivot = m[k][k]
            m[k] = m[k].map { $0 / pivot }
            for i in 0..<n where i != k {
                let factor = m[i][k]
                for j in 0..<(2 * n) { m[i][j] -= factor * m[k][j] }
            }
        }
        return m.map { Array($0[n...]) }
    }

    static func multiply(_ a: [[Double]], _ v: [Double]) -> [Double] {
        a.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Largest absolute entry difference.
    static func maxDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
        zip(a, b).reduce(0) { max($0, zip($1.0, $1.1).reduce(0) { max($0, abs($1.0 - $1.1)) }) }
    }
}
