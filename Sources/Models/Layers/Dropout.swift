import Engine

/// Inverted dropout (Srivastava et al., 2014): in training mode each element is
/// kept with probability 1 - p and scaled by 1 / (1 - p); in evaluation mode, or
/// with p = 0, the input passes unchanged.
///
/// The mask comes from `RandomStream(seed: context.seed, purpose: "dropout/<slot>",
/// index: context.step)`: element i is dropped when the i-th 32-bit draw is below
/// p * 2^32. It depends only on the seed, the slot and the step, so two forward
/// passes at one step (a quasi-Newton curvature pair) see the same mask.
public struct Dropout: Sendable {
    public let slot: String

    public init(slot: String) { self.slot = slot }

    public func callAsFunction<S: Scalar>(_ x: Variable<S>, context: ForwardContext) -> Variable<S> {
        guard context.mode == .train, context.dropout > 0 else { return x }
        return x.masked(by: Dropout.mask(shape: x.shape, p: context.dropout, seed: context.seed,
                                         slot: slot, step: context.step))
    }

    /// The scaled keep mask: 0 for dropped elements, 1 / (1 - p) for kept ones.
    public static func mask<S: Scalar>(shape: [Int], p: Double, seed: UInt64, slot: String, step: Int) -> Tensor<S> {
        precondition(p >= 0 && p < 1, "dropout probability \(p) outside [0, 1)")
        let threshold = UInt32(min(p * 4_294_967_296, 4_294_967_295))
        let keep = S(1 / (1 - p))
        var rng = RandomStream(seed: seed, purpose: "dropout/" + slot, index: UInt64(step))
        let count = shape.reduce(1, *)
        let data = [S](unsafeUninitializedCapacity: count) { buffer, n in
            for i in 0..<count { buffer[i] = rng.nextUInt32() < threshold ? 0 : keep }
            n = count
        }
        return Tensor(shape: shape, data: data)
    }
}
