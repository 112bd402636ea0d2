import Engine

/// Fixed sinusoidal positional encodings (Vaswani et al., 2017, section 3.5):
/// PE(pos, 2i) = sin(pos / 10000^(2i/D)), PE(pos, 2i + 1) = cos(pos / 10000^(2i/D)),
/// added to the input embeddings. No parameters. The table is computed once with
/// `DeterministicTrig`, so it is identical on every platform.
public struct PositionalEncoding: Sendable {
    public let dim: Int
    public let maxLength: Int
    /// Row-major `[maxLength, dim]`.
    public let table: [Double]

    public init(dim: Int, maxLength: Int) {
        precondition(dim > 0 && maxLength > 0, "positional encoding needs positive sizes")
        self.dim = dim; self.maxLength = maxLength
        let ln10000 = 9.210340371976184
        var table = [Double](repeating: 0, count: dim * maxLength)
        for i in stride(from: 0, to: dim, by: 2) {
            let frequency = DeterministicMath.exp(-Double(i) / Double(dim) * ln10000)
            for pos in 0..<maxLength {
                let (s, c) = DeterministicTrig.sinCos(Double(pos) * frequency)
                table[pos * dim + i] = s
                if i + 1 < dim { table[pos * dim + i + 1] = c }
            }
        }
        self.table = table
    }

    /// Adds the encodings to `x` `[B * T, D]` (batch-major).
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, batch: Int, steps: Int) -> Variable<S> {
        precondition(steps <= maxLength, "sequence of \(steps) steps exceeds the positional table of \(maxLength)")
        let rows = Tensor(shape: [steps, dim], data: table[0..<(steps * dim)].map { S($0) })
        return (x.reshaped([batch, steps, dim]) + x.tape.constant(rows)).reshaped([batch * steps, dim])
    }
}
