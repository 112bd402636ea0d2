/// The record of one computation for reverse-mode differentiation.
///
/// A tape belongs to one training run (several tapes may run concurrently; there is
/// no global state). Operations on `Variable`s append a node holding the output
/// value and a backward rule. Backward rules are written in the same differentiable
/// operations, so when gradients are computed with `createGraph: true` the gradient
/// itself is recorded and can be differentiated again: this gives exact
/// Hessian-vector products by reverse-over-reverse differentiation.
public final class Tape<S: Scalar> {
    /// Threads available to kernels (GEMM) inside this computation.
    public let threads: Int
    /// When false, operations compute values only and record nothing.
    public var isRecording = true

    struct Node {
        var inputs: [Int]                 // node index of each input, -1 for constants
        var output: Tensor<S>
        var backward: BackwardRule<S>?    // nil for leaves (parameters)
    }
    var nodes: [Node] = []

    public init(threads: Int = 1) {
        precondition(threads >= 1, "threads must be >= 1")
        self.threads = threads
    }

    /// Number of recorded nodes.
    public var nodeCount: Int { nodes.count }

    /// Forgets every node; variables made before are no longer differentiable.
    public func reset() { nodes.removeAll(keepingCapacity: true) }

    /// A differentiable leaf holding `value` (a trainable parameter).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func parameter(_ value: Tensor<S>) -> Variable<S> {
        nodes.append(Node(inputs: [], output: value, backward: nil))
        return Variable(value: value, node: nodes.count - 1, tape: self)
    }

    /// A constant: never differentiated, records nothing.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func constant(_ value: Tensor<S>) -> Variable<S> {
        Variable(value: value, node: -1, tape: self)
    }

    /// A scalar constant.
    public func constant(_ value: S) -> Variable<S> { constant(Tensor(scalar: value)) }

    /// Records the result of an operation whose inputs are `inputs`. `rule` maps the
    /// gradient of the output to gradients of the inputs that need one.

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func record(_ value: Tensor<S>, inputs: [Variable<S>], rule: @escaping BackwardRule<S>) -> Variable<S> {
        guard isRecording, inputs.contains(where: { $0.node >= 0 }) else {
            return Variable(value: value, node: -1, tape: self)
        }
        nodes.append(Node(inputs: inputs.map(\.node), output: value, backward: rule))
        return Variable(value: value, node: nodes.count - 1, tape: self)
    }

    /// Gradients of the scalar `output` with respect to `variables`.
    ///
    /// With `createGraph`, the backward computation is itself recorded, so the
    /// returned gradients are differentiable (used for Hessian-vector products).
    /// A variable the output does not depend on gets a zero gradient.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func gradients(of output: Variable<S>, withRespectTo variables: [Variable<S>],
                          createGraph: Bool = false) -> [Variable<S>] {
        precondition(output.value.count == 1, "gradients need a scalar output, got shape \(output.value.shape)")
        let saved = isRecording
        isRecording = createGraph
        defer { isRecording = saved }
        guard output.node >= 0 else { return variables.map { constant(.zeros($0.value.shape)) } }
        var grads = [Variable<S>?](repeating: nil, count: output.node + 1)
        grads[output.node] = constant(Tensor(repeating: 1, shape: output.value.shape))
        var index = output.node
        while index >= 0 {
            defer { index -= 1 }
            guard let g = grads[index], let rule = nodes[index].backward else { continue }
            let node = nodes[index]
            let needs = node.inputs.map { $0 >= 0 }
            let out = Variable(value: node.output, node: index, tape: self)
            let inputGrads = rule(BackwardContext(gradient: g, output: out, needs: needs))
            for (slot, input) in node.inputs.enumerated() where input >= 0 {
                guard let gi = inputGrads[slot] else { continue }
                if let existing = grads[input] { grads[input] = existing + gi } else { grads[input] = gi }
            }
            if !createGraph { grads[index] = nil }
        }
        return variables.map { v in
            if v.node >= 0, v.node < grads.count, let g = grads[v.node] { return g }
            return constant(.zeros(v.value.shape))
        }
    }

    /// Exact Hessian-vector products `H v` of the scalar `output` with respect to
    /// `variables` (reverse-over-reverse: differentiates `sum_i <grad_i, v_i>`).
    /// Also returns the gradient values.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func hessianVectorProduct(of output: Variable<S>, withRespectTo variables: [Variable<S>],
                                     vector: [Tensor<S>]) -> (gradient: [Tensor<S>], hv: [Tensor<S>]) {
        precondition(vector.count == variables.count, "one direction tensor per variable")
        let grads = gradients(of: output, withRespectTo: variables, createGraph: true)
        let saved = isRecording
        isRecording = true
        var dot: Variable<S>? = nil
        for (g, v) in zip(grads, vector) {
            precondition(g.value.shape == v.shape, "direction shape \(v.shape) differs from \(g.value.shape)")
            let term = (g * constant(v)).sum()
            dot = dot.map { $0 + term } ?? term
        }
        isRecording = saved
        guard let d = dot else { return ([], []) }
        let hv = gradients(of: d, withRespectTo: variables, createGraph: false)
        return (grads.map(\.value), hv.map(\.value))
    }
}

/// What a backward rule receives: the gradient flowing into the operation's
/// output, the output itself (as a differentiable variable) and which inputs need
/// a gradient.
public struct BackwardContext<S: Scalar> {
    public let gradient: Variable<S>
    public let output: Variable<S>
    public let needs: [Bool]
}

/// A backward rule: gradients for each input (nil where not needed), written in
/// differentiable operations.
public typealias BackwardRule<S: Scalar> = (BackwardContext<S>) -> [Variable<S>?]

/// A value in a computation: a tensor plus, when recorded, its node on the tape.
public struct Variable<S: Scalar> {
    public let value: Tensor<S>
    /// Index of the recorded node, or -1 for constants.
    public let node: Int
    public unowned let tape: Tape<S>

    init(value: Tensor<S>, node: Int, tape: Tape<S>) {
        self.value = value; self.node = node; self.tape = tape
    }

    public var shape: [Int] { value.shape }
    /// True when gradients flow through this value.
    public var isDifferentiable: Bool { node >= 0 }
}
