/// Broadcasting arithmetic. Gradients are summed back to each input's shape.
extension Variable {
    /// Sums this value down to `shape` (the adjoint of broadcasting).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func sum(to shape: [Int]) -> Variable {
        if value.shape == shape { return self }
        let from = value.shape
        return tape.record(TensorKernels.sumTo(value, shape), inputs: [self]) { c in
            [c.gradient.broadcast(to: from)]
        }
    }

    /// Repeats this value along broadcast axes to `shape`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func broadcast(to shape: [Int]) -> Variable {
        if value.shape == shape { return self }
        let from = value.shape
        return tape.record(TensorKernels.broadcastTo(value, shape), inputs: [self]) { c in
            [c.gradient.sum(to: from)]
        }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func + (a: Variable, b: Variable) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return a.tape.record(TensorKernels.binary(a.value, b.value, +), inputs: [a, b]) { c in
            [c.needs[0] ? c.gradient.sum(to: sa) : nil, c.needs[1] ? c.gradient.sum(to: sb) : nil]
        }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func - (a: Variable, b: Variable) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return a.tape.record(TensorKernels.binary(a.value, b.value, -), inputs: [a, b]) { c in
            [c.needs[0] ? c.gradient.sum(to: sa) : nil, c.needs[1] ? (-c.gradient).sum(to: sb) : nil]
        }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func * (a: Variable, b: Variable) -> Variable {
        a.tape.record(TensorKernels.binary(a.value, b.value, *), inputs: [a, b]) { c in
            [c.needs[0] ? (c.gradient * b).sum(to: a.shape) : nil,
             c.needs[1] ? (c.gradient * a).sum(to: b.shape) : nil]
        }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func / (a: Variable, b: Variable) -> Variable {
        a.tape.record(TensorKernels.binary(a.value, b.value, /), inputs: [a, b]) { c in
            [c.needs[0] ? (c.gradient / b).sum(to: a.shape) : nil,
             c.needs[1] ? (-(c.gradient * c.output) / b).sum(to: b.shape) : nil]
        }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static prefix func - (a: Variable) -> Variable {
        a.tape.record(TensorKernels.unary(a.value) { -$0 }, inputs: [a]) { c in [-c.gradient] }
    }

    /// `a * s` for a constant scalar.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func * (a: Variable, s: S) -> Variable {
        a.tape.record(TensorKernels.unary(a.value) { $0 * s }, inputs: [a]) { c in [c.gradient * s] }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func * (s: S, a: Variable) -> Variable { a * s }

    /// `a + s` for a constant scalar.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func + (a: Variable, s: S) -> Variable {
        a.tape.record(TensorKernels.unary(a.value) { $0 + s }, inputs: [a]) { c in [c.gradient] }
    }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    public static func - (a: Variable, s: S) -> Variable { a + (-s) }

    /// `s - a` for a constant scalar.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func - (s: S, a: Variable) -> Variable { (-a) + s }
}
