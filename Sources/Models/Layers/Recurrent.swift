import Engine

/// A stack of recurrent layers (Elman tanh RNN, LSTM or GRU), optionally
/// bidirectional, over padded sequences with per-sequence lengths.
///
/// Dimension letters: T steps, B batch, I inputs, H hidden, G gates (1, 4, 3).
/// Sequences are time-major: row `t * B + b` of a `[T * B, I]` input is step t of
/// sequence b. For speed, each step computes all gates in one product
/// `[x_t, 1, h] [W_ih; b_ih + b_hh; W_hh]` (GRU: `[x_t, 1] [W_ih; b_ih]` and
/// `h W_hh + b_hh`), then slices the gates.
///
/// Cells (h' = new hidden state, c' = new cell state, sigma = logistic):
/// - `rnn` (Elman, 1990): h' = tanh(x W_ih + b_ih + h W_hh + b_hh).
/// - `lstm` (Hochreiter and Schmidhuber, 1997, with the forget gate of Gers et al.,
///   2000, as `torch.nn.LSTM`): gate blocks in the order i, f, o, g;
///   c' = f c + i g, h' = o tanh(c').
/// - `gru` (Cho et al., 2014, as `torch.nn.GRU`): blocks r, z, n;
///   n = tanh(x W_in + b_in + r (h W_hn + b_hn)), h' = (1 - z) n + z h.
///
/// Steps at or beyond a sequence's length leave its state unchanged
/// (h' = m h_cand + (1 - m) h with m = 0), so the forward state after the last step is
/// the state at the last valid step, and the reverse direction starts from zero at the
/// last valid step. Padding therefore never influences valid outputs.
///
/// Parameters, per layer l and direction (`<name>.<l>` or `<name>.<l>.reverse`):
/// `weight_ih` `[I_l, G H]`, `weight_hh` `[H, G H]`, `bias_ih` `[G H]`, `bias_hh` `[G H]`.
public struct Recurrent: Sendable {
    /// The recurrent cell kind.
    public enum Cell: String, Sendable, CaseIterable {
        case rnn, lstm, gru
        /// Number of gate blocks in the stacked weights.
        public var gates: Int {
            switch self {
            case .rnn: return 1
            case .lstm: return 4
            case .gru: return 3
            }
        }
    }

    public let name: String
    public let cell: Cell
    public let inputs: Int
    public let hidden: Int
    public let layers: Int
    public let bidirectional: Bool
    public let specs: [ParameterSpec]

    public init(name: String, cell: Cell, inputs: Int, hidden: Int, layers: Int = 1, bidirectional: Bool = false,
                scheme: InitScheme) {
        precondition(inputs > 0 && hidden > 0 && layers > 0, "Recurrent \(name) needs positive sizes")
        self.name = name; self.cell = cell; self.inputs = inputs; self.hidden = hidden
        self.layers = layers; self.bidirectional = bidirectional
        let gh = cell.gates * hidden
        var specs: [ParameterSpec] = []
        for l in 0..<layers {
            let fanIn = l == 0 ? inputs : hidden * (bidirectional ? 2 : 1)
            for reverse in bidirectional ? [false, true] : [false] {
                let prefix = "\(name).\(l)" + (reverse ? ".reverse" : "")
                specs += [
                    ParameterSpec(name: prefix + ".weight_ih", shape: [fanIn, gh], role: .weight,
                                  initializer: scheme.recurrentWeight(hidden: hidden, fanIn: fanIn)),
                    ParameterSpec(name: prefix + ".weight_hh", shape: [hidden, gh], role: .weight,
                                  initializer: scheme.recurrentWeight(hidden: hidden, fanIn: hidden)),
                    ParameterSpec(name: prefix + ".bias_ih", shape: [gh], role: .bias,
                                  initializer: scheme.recurrentBias(hidden: hidden)),
                    ParameterSpec(name: prefix + ".bias_hh", shape: [gh], role: .bias,
                                  initializer: scheme.recurrentBias(hidden: hidden)),
                ]
            }
        }
        self.specs = specs
    }

    /// Width of each step's output: H, or 2H when bidirectional.
    public var outputSize: Int { hidden * (bidirectional ? 2 : 1) }

    /// Runs the stack over `x` `[T * B, I]` (time-major).
    ///
    /// Returns the last layer's outputs `[T * B, outputSize]` (time-major; rows of
    /// padded steps are unspecified) when `wantSequence`, and the final states
    /// `[B, outputSize]`: the forward state at each sequence's last valid step,
    /// followed by the reverse state at step 0. Dropout (slot `<name>.<l>`) is
    /// applied between layers, with one mask over the time-major outputs
    /// `[T * B, outputSize]` (so the mask of a step does not depend on later padding).
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, steps: Int, batch: Int, lengths: [Int], wantSequence: Bool,
                                          context: ForwardContext,
                                          _ p: inout ParameterCursor<S>) -> (sequence: Variable<S>?, final: Variable<S>) {
        precondition(x.shape == [steps * batch, inputs], "Recurrent \(name) input \(x.shape), expected [\(steps * batch), \(inputs)]")
        precondition(lengths.count == batch && lengths.allSatisfy { $0 >= 0 && $0 <= steps },
                     "Recurrent \(name): lengths \(lengths) for \(batch) sequences of \(steps) steps")
        let tape = x.tape
        let directions = bidirectional ? 2 : 1
        // Steps beyond the longest sequence change no state: they are skipped.
        let active = lengths.max() ?? 0
        guard active > 0 else {
            for spec in specs { _ = p.next(spec) }
            return (wantSequence ? tape.constant(.zeros([steps * batch, outputSize])) : nil,
                    tape.constant(.zeros([batch, outputSize])))
        }
        let masks = StepMasks<S>(lengths: lengths, steps: active)
        let ones = tape.constant(Tensor(repeating: 1, shape: [batch, 1]))
        // Step inputs [x_t, 1] (the 1 multiplies the bias row of the stacked weights).
        var stepInputs = Recurrent.splitRows(
            Variable.concat([x.slice(axis: 0, start: 0, length: active * batch),
                             tape.constant(Tensor(repeating: 1, shape: [active * batch, 1]))], axis: 1),
            parts: active)
        var finals: [Variable<S>] = []
        var sequence: Variable<S>? = nil
        for l in 0..<layers {
            let last = l == layers - 1
            let keep = !last || wantSequence
            var outputs: [[Variable<S>]] = []
            finals = []
            for d in 0..<directions {
                let r = runDirection(stepInputs, base: (l * directions + d) * 4, reverse: d == 1, batch: batch,
                                     masks: masks, keepOutputs: keep, &p)
                finals.append(r.final)
                outputs.append(r.outputs)
            }
            guard keep else { continue }
            let joined = (0..<active).map { t in directions == 1 ? outputs[0][t] : Variable.concat([outputs[0][t], outputs[1][t]], axis: 1) }
            if last {
                var parts = joined
                if active < steps { parts.append(tape.constant(.zeros([(steps - active) * batch, outputSize]))) }
                sequence = parts.count == 1 ? parts[0] : Variable.concat(parts, axis: 0)
            } else {
                // One mask over the time-major [active * B, width] outputs, sliced per step.
                let dropout = context.mode == .train && context.dropout > 0
                let mask: Tensor<S>? = dropout ? Dropout.mask(shape: [active * batch, outputSize], p: context.dropout,
                                                              seed: context.seed, slot: "\(name).\(l)", step: context.step) : nil
                let width = batch * outputSize
                stepInputs = (0..<active).map { t in
                    var h = joined[t]
                    if let mask {
                        h = h.masked(by: Tensor(shape: [batch, outputSize], data: Array(mask.data[(t * width)..<((t + 1) * width)])))
                    }
                    return Variable.concat([h, ones], axis: 1)
                }
            }
        }
        let final = finals.count == 1 ? finals[0] : Variable.concat(finals, axis: 1)
        return (sequence, final)
    }

    /// One direction of one layer over the step inputs `[x_t, 1]` (`[B, I + 1]` each).
    /// Returns each step's hidden state (when `keepOutputs`) and the final state.
    ///
    /// Each step multiplies `[x_t, 1, h]` by the stacked `[W_ih; b_ih + b_hh; W_hh]` in
    /// one product (GRU: `[x_t, 1] [W_ih; b_ih]` and `h W_hh + b_hh`, as the reset
    /// gate acts on the hidden part alone).
    private func runDirection<S: Scalar>(_ stepInputs: [Variable<S>], base: Int, reverse: Bool, batch: Int,
                                         masks: StepMasks<S>, keepOutputs: Bool,
                                         _ p: inout ParameterCursor<S>) -> (outputs: [Variable<S>], final: Variable<S>) {
        let wih = p.next(specs[base])
        let whh = p.next(specs[base + 1]), bih = p.next(specs[base + 2]), bhh = p.next(specs[base + 3])
        let h = hidden, gh = cell.gates * hidden, active = stepInputs.count
        let inputWeights = Variable.concat([wih, (cell == .gru ? bih : bih + bhh).reshaped([1, gh])], axis: 0)
        let stacked = cell == .gru ? inputWeights : Variable.concat([inputWeights, whh], axis: 0)
        var state: Variable<S>? = nil
        var cellState: Variable<S>? = nil
        var outputs = [Variable<S>?](repeating: nil, count: active)
        for t in reverse ? Array((0..<active).reversed()) : Array(0..<active) {
            let xt = stepInputs[t]
            var candidate: Variable<S>
            switch cell {
            case .rnn:
                candidate = (state.map { Variable.concat([xt, $0], axis: 1).matmul(stacked) } ?? xt.matmul(inputWeights)).tanh()
            case .lstm:
                let gates = state.map { Variable.concat([xt, $0], axis: 1).matmul(stacked) } ?? xt.matmul(inputWeights)
                let sig = gates.slice(axis: 1, start: 0, length: 3 * h).sigmoid()
                let g = gates.slice(axis: 1, start: 3 * h, length: h).tanh()
                let i = sig.slice(axis: 1, start: 0, length: h)
                let o = sig.slice(axis: 1, start: 2 * h, length: h)
                var c = i * g
                if let old = cellState { c = sig.slice(axis: 1, start: h, length: h) * old + c }
                if let m = masks.keep[t] { c = masked(c, old: cellState, m, masks.drop[t]!) }
                cellState = c
                candidate = o * c.tanh()
            case .gru:
                let xp = xt.matmul(inputWeights)
                let hp = state.map { $0.matmul(whh) + bhh } ?? bhh
                let rz = (xp.slice(axis: 1, start: 0, length: 2 * h) + hp.slice(axis: -1, start: 0, length: 2 * h)).sigmoid()
                let r = rz.slice(axis: 1, start: 0, length: h), z = rz.slice(axis: 1, start: h, length: h)
                let n = (xp.slice(axis: 1, start: 2 * h, length: h) + r * hp.slice(axis: -1, start: 2 * h, length: h)).tanh()
                candidate = state.map { n + z * ($0 - n) } ?? (n - z * n)
            }
            if let m = masks.keep[t] { candidate = masked(candidate, old: state, m, masks.drop[t]!) }
            state = candidate
            if keepOutputs { outputs[t] = candidate }
        }
        return (keepOutputs ? outputs.map { $0! } : [], state!)
    }

    /// Splits `x` `[parts * n, k]` into `parts` row blocks `[n, k]` by halving
    /// recursively. Slicing each block straight from `x` would make every block's
    /// gradient a zero-padded copy of all of `x` (quadratic in the step count);
    /// halving pads each level only to its parent, so the backward pass costs
    /// O(|x| log parts).
    static func splitRows<S: Scalar>(_ x: Variable<S>, parts: Int) -> [Variable<S>] {
        if parts == 1 { return [x] }
        let rows = x.shape[0] / parts, half = parts / 2
        return splitRows(x.slice(axis: 0, start: 0, length: half * rows), parts: half)
            + splitRows(x.slice(axis: 0, start: half * rows, length: (parts - half) * rows), parts: parts - half)
    }

    /// m * new + (1 - m) * old, row by row (old = 0 before the first step).
    private func masked<S: Scalar>(_ new: Variable<S>, old: Variable<S>?, _ keep: Tensor<S>, _ drop: Tensor<S>) -> Variable<S> {
        let kept = new.masked(by: keep)
        return old.map { kept + $0.masked(by: drop) } ?? kept
    }
}

/// Per-step row masks `[B, 1]` of valid (`keep`) and padded (`drop`) sequences;
/// nil at steps where every sequence is valid.
struct StepMasks<S: Scalar> {
    var keep: [Tensor<S>?]
    var drop: [Tensor<S>?]

    init(lengths: [Int], steps: Int) {
        keep = []; drop = []
        for t in 0..<steps {
            if lengths.allSatisfy({ $0 > t }) { keep.append(nil); drop.append(nil); continue }
            let k = lengths.map { $0 > t ? S(1) : S(0) }
            keep.append(Tensor(shape: [lengths.count, 1], data: k))
            drop.append(Tensor(shape: [lengths.count, 1], data: k.map { 1 - $0 }))
        }
    }
}
