import Engine

extension Variable {
    /// The elementwise angle atan2(y, x) of points (x = `self`, y), in (-pi, pi].
    ///
    /// d/dx = -y / (x^2 + y^2) and d/dy = x / (x^2 + y^2); the rule is written in
    /// differentiable operations, so the result can be differentiated twice.
    public func angle(y: Variable) -> Variable {
        precondition(shape == y.shape, "angle of shapes \(shape) and \(y.shape)")
        let x = self
        let data = zip(x.value.data, y.value.data).map { xs, ys in
            S(DeterministicTrig.atan2(Double(ys), Double(xs)))
        }
        return tape.record(Tensor(shape: shape, data: data), inputs: [x, y]) { c in
            let r2 = x * x + y * y
            return [c.needs[0] ? -(c.gradient * y) / r2 : nil,
                    c.needs[1] ? (c.gradient * x) / r2 : nil]
        }
    }
}
