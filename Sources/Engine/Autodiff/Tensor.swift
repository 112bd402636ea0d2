/// A dense, contiguous, row-major array of `S` with a shape.
///
/// Value semantics (copy-on-write through the backing `Array`). A tensor of shape
/// `[]` is a scalar holding one element.
public struct Tensor<S: Scalar>: Sendable, Equatable {
    public private(set) var shape: [Int]
    public var data: [S]

    /// Wraps `data` with `shape`; the element count must match.
    public init(shape: [Int], data: [S]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        precondition(shape.reduce(1, *) == data.count,
                     "shape \(shape) holds \(shape.reduce(1, *)) elements, data has \(data.count)")
        self.shape = shape
        self.data = data
    }

    /// Checked initializer for data coming from users: throws instead of trapping.
    public static func validated(shape: [Int], data: [S]) throws(ShapeError) -> Tensor {
        if shape.contains(where: { $0 < 0 }) || shape.reduce(1, *) != data.count {
            throw ShapeError(message: "shape \(shape) does not match \(data.count) elements")
        }
        return Tensor(shape: shape, data: data)
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: S, shape: [Int]) {
        self.init(shape: shape, data: [S](repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A scalar tensor (shape `[]`).
    public init(scalar: S) { self.init(shape: [], data: [scalar]) }

    /// Number of elements.
    public var count: Int { data.count }

    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// The single element of a one-element tensor.
    public var scalarValue: S {
        precondition(data.count == 1, "scalarValue of a tensor with shape \(shape)")
        return data[0]
    }

    /// The same elements viewed with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: newShape, data: data)
    }
}

/// A shape that does not fit the data or the operation; the message names both shapes.
public struct ShapeError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
