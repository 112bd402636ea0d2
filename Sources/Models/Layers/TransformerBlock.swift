import Engine

/// A pre-LayerNorm Transformer encoder block (Xiong et al., 2020, "On Layer
/// Normalization in the Transformer Architecture", Fig. 1b):
/// h = x + Dropout(MHA(LN1(x))), y = h + Dropout(W2 ReLU(W1 LN2(h) + b1) + b2).
///
/// Parameters under `<name>`: `ln1`, `attn` (see `MultiHeadAttention`), `ln2`,
/// `ff1` `[D, ff]`, `ff2` `[ff, D]`. Dropout slots `<name>.attn` and `<name>.ff`.
public struct TransformerBlock: Sendable {
    public let name: String
    public let ln1: LayerNorm
    public let attention: MultiHeadAttention
    public let ln2: LayerNorm
    public let ff1: Linear
    public let ff2: Linear

    public init(name: String, dim: Int, heads: Int, feedForward: Int, scheme: InitScheme) {
        self.name = name
        ln1 = LayerNorm(name: name + ".ln1", features: dim)
        attention = MultiHeadAttention(name: name + ".attn", dim: dim, heads: heads, scheme: scheme)
        ln2 = LayerNorm(name: name + ".ln2", features: dim)
        ff1 = Linear(name: name + ".ff1", inputs: dim, outputs: feedForward, scheme: scheme)
        ff2 = Linear(name: name + ".ff2", inputs: feedForward, outputs: dim, scheme: scheme)
    }

    public var specs: [ParameterSpec] { ln1.specs + attention.specs + ln2.specs + ff1.specs + ff2.specs }

    /// Transforms `x` `[B * T, D]` (batch-major).
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, batch: Int, steps: Int, lengths: [Int], causal: Bool,
                                          context: ForwardContext, _ p: inout ParameterCursor<S>) -> Variable<S> {
        let eps = context.normEpsilon
        let attended = attention(ln1(x, epsilon: eps, &p), batch: batch, steps: steps, lengths: lengths, causal: causal, &p)
        let h = x + Dropout(slot: name + ".attn")(attended, context: context)
        let inner = ff1(ln2(h, epsilon: eps, &p), &p).relu()
        return h + Dropout(slot: name + ".ff")(ff2(inner, &p), context: context)
    }
}
