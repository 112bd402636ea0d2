/// Elementwise functions. Derivatives reuse the output where that is cheaper
/// (exp, tanh, sigmoid, sqrt) and are expressed in differentiable operations.
extension Variable {
    /// e^x.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func exp() -> Variable {
        tape.record(TensorKernels.unary(value, S.exp), inputs: [self]) { c in [c.gradient * c.output] }
    }

    /// Natural logarithm.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func log() -> Variable {
        tape.record(TensorKernels.unary(value, S.log), inputs: [self]) { c in [c.gradient / self] }
    }

    /// Hyperbolic tangent; d tanh = 1 - tanh^2.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func tanh() -> Variable {
        tape.record(TensorKernels.unary(value, S.tanh), inputs: [self]) { c in
            [c.gradient * (1 - c.output * c.output)]
        }
    }

    /// Logistic sigmoid; d sigma = sigma (1 - sigma).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func sigmoid() -> Variable {
        tape.record(TensorKernels.unary(value, S.sigmoid), inputs: [self]) { c in
            [c.gradient * (c.output * (1 - c.output))]
        }
    }

    /// max(x, 0); the derivative is the constant step function (0 at x = 0).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func relu() -> Variable {
        tape.record(TensorKernels.unary(value) { $0 > 0 ? $0 : 0 }, inputs: [self]) { c in
            let mask = TensorKernels.unary(self.value) { $0 > 0 ? 1 : 0 }
            return [c.gradient * c.gradient.tape.constant(mask)]
        }
    }

    /// Square root; d sqrt(x) = 1 / (2 sqrt(x)).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func sqrt() -> Variable {
        tape.record(TensorKernels.unary(value) { $0.squareRoot() }, inputs: [self]) { c in
            [(c.gradient * S(0.5)) / c.output]
        }
    }

    /// x^p for a constant exponent p; d = p x^(p-1). Integer p = 2 and 3 are exact
    /// products; other exponents go through exp(p log x) (x > 0).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func pow(_ p: S) -> Variable {
        let f: (S) -> S
        switch p {
        case 1: return self
        case 2: f = { $0 * $0 }
        case 3: f = { $0 * $0 * $0 }
        case 0.5: f = { $0.squareRoot() }
        default: f = { S.exp(p * S.log($0)) }
        }
        return tape.record(TensorKernels.unary(value, f), inputs: [self]) { c in
            [c.gradient * (self.pow(p - 1) * p)]
        }
    }

    /// Absolute value; the derivative is sign(x) (0 at x = 0), a constant.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func abs() -> Variable {
        tape.record(TensorKernels.unary(value) { Swift.abs($0) }, inputs: [self]) { c in
            let sign = TensorKernels.unary(self.value) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
            return [c.gradient * c.gradient.tape.constant(sign)]
        }
    }

    /// Error function; d erf(x) = 2/sqrt(pi) e^(-x^2).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func erf() -> Variable {
        tape.record(TensorKernels.unary(value, S.erf), inputs: [self]) { c in
            let twoOverRootPi = S(1.1283791670955126)
            return [c.gradient * ((self * self * S(-1)).exp() * twoOverRootPi)]
        }
    }

    /// Multiplies by a constant mask (for example dropout or padding masks);
    /// the mask broadcasts against the value.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func masked(by mask: Tensor<S>) -> Variable { self * tape.constant(mask) }

    /// Removes this value from differentiation (its gradient is zero).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func detached() -> Variable { tape.constant(value) }
}
