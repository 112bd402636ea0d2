import Engine

/// Multi-head scaled dot-product self-attention (Vaswani et al., 2017, eqs. 1-2):
/// head_h = softmax(Q_h K_h^T / sqrt(d_h) + M) V_h, output = concat(heads) W_o + b_o,
/// with Q = x W_q + b_q, K = x W_k + b_k, V = x W_v + b_v.
///
/// Dimension letters: B batch, T steps, D model width, H heads, d_h = D / H.
/// The additive mask M is -1e9 at keys beyond each sequence's length (and, when
/// `causal`, at keys after the query), so those keys get exactly zero weight.
/// The three input projections run as one product with the stacked `[D, 3D]` weight.
/// Parameters `<name>.wq`, `.wk`, `.wv`, `.wo` `[D, D]` and `.bq`, `.bk`, `.bv`, `.bo` `[D]`.
public struct MultiHeadAttention: Sendable {
    public let name: String
    public let dim: Int
    public let heads: Int
    public let specs: [ParameterSpec]

    public init(name: String, dim: Int, heads: Int, scheme: InitScheme) {
        precondition(dim > 0 && heads > 0 && dim % heads == 0, "attention \(name): \(heads) heads must divide width \(dim)")
        self.name = name; self.dim = dim; self.heads = heads
        let input = scheme.attentionInput(d: dim)
        let inBias: Initializer = scheme == .torch ? .zeros : scheme.bias(fanIn: dim)
        specs = ["wq", "wk", "wv"].map { ParameterSpec(name: "\(name).\($0)", shape: [dim, dim], role: .weight, initializer: input) }
            + ["bq", "bk", "bv"].map { ParameterSpec(name: "\(name).\($0)", shape: [dim], role: .bias, initializer: inBias) }
            + [ParameterSpec(name: name + ".wo", shape: [dim, dim], role: .weight, initializer: scheme.attentionOutput(d: dim)),
               ParameterSpec(name: name + ".bo", shape: [dim], role: .bias, initializer: inBias)]
    }

    /// Attends within each sequence of `x` `[B * T, D]` (batch-major: row `b * T + t`).
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, batch: Int, steps: Int, lengths: [Int], causal: Bool,
                                          _ p: inout ParameterCursor<S>) -> Variable<S> {
        precondition(x.shape == [batch * steps, dim], "attention \(name) input \(x.shape)")
        let w = (0..<3).map { p.next(specs[$0]) }
        let b = (3..<6).map { p.next(specs[$0]) }
        let wo = p.next(specs[6]), bo = p.next(specs[7])
        let dh = dim / heads, bh = batch * heads
        let qkv = (x.matmul(Variable.concat(w, axis: 1)) + Variable.concat(b, axis: 0))
            .reshaped([batch, steps, 3, heads, dh]).permuted([2, 0, 3, 1, 4])   // [3, B, H, T, dh]
        func part(_ i: Int) -> Variable<S> { qkv.slice(axis: 0, start: i, length: 1).reshaped([bh, steps, dh]) }
        let q = part(0) * S(1 / Double(dh).squareRoot()), k = part(1), v = part(2)
        var scores = q.batchedMatmul(k, transposeOther: true)                    // [B H, T, T]
        if let mask: Tensor<S> = MultiHeadAttention.mask(batch: batch, heads: heads, steps: steps, lengths: lengths, causal: causal) {
            scores = scores + x.tape.constant(mask)
        }
        let context = scores.softmaxLastAxis().batchedMatmul(v)                         // [B H, T, dh]
            .reshaped([batch, heads, steps, dh]).permuted([0, 2, 1, 3]).reshaped([batch * steps, dim])
        return context.matmul(wo) + bo
    }

    /// The additive mask `[B H, T, T]`, or nil when no key is masked.
    static func mask<S: Scalar>(batch: Int, heads: Int, steps: Int, lengths: [Int], causal: Bool) -> Tensor<S>? {
        precondition(lengths.count == batch, "attention: \(lengths.count) lengths for a batch of \(batch)")
        if !causal && lengths.allSatisfy({ $0 >= steps }) { return nil }
        let blocked = S(-1e9)
        var data = [S](repeating: 0, count: batch * heads * steps * steps)
        for b in 0..<batch {
            for h in 0..<heads {
                let base = (b * heads + h) * steps * steps
                for i in 0..<steps {
                    for j in 0..<steps where j >= lengths[b] || (causal && j > i) { data[base + i * steps + j] = blocked }
                }
            }
        }
        return Tensor(shape: [batch * heads, steps, steps], data: data)
    }
}
