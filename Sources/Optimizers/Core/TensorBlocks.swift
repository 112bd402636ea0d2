/// The model's parameter tensors as seen in the flat vector optimizers work on.
///
/// The flat vector is the concatenation of the model's tensors, each row-major
/// (`ParameterLayout` in Models). `TensorBlocks` repeats, for every tensor, its offset
/// in that vector, its shape and its role, without a dependency of Optimizers on
/// Models: the harness builds it from the layout and hands it to the optimizer with
/// `Optimizer.attach(_:)` after construction and before the first step.
///
/// A method that works per tensor (Shampoo's Kronecker factors, AdaHessian's spatial
/// averaging, `seed_rank1`'s per-tensor norms) reads it; all others ignore it. An
/// optimizer that was never attached sees `TensorBlocks.flat(dimension)`: one
/// vector-shaped block of role `point` covering everything (what a test function is).
public struct TensorBlocks: Sendable, Equatable {
    /// What a tensor is for (the model's `ParameterSpec.Role`, by name).
    public enum Role: String, Sendable, Equatable {
        /// A layer's weight matrix or kernel.
        case weight
        /// An additive bias.
        case bias
        /// A normalization gain.
        case gain
        /// An embedding table (vocabulary × dimension).
        case embedding
        /// The point of an analytic test function (the whole vector).
        case point
    }

    /// One tensor: entries offset ..< offset + count of the flat vector, row-major.
    public struct Block: Sendable, Equatable {
        /// Dotted parameter name (e.g. `rnn.0.weight_ih`).
        public let name: String
        /// First index in the flat vector.
        public let offset: Int
        /// Tensor shape; the number of entries is the product of the dimensions.
        public let shape: [Int]
        /// What the tensor is for.
        public let role: Role

        /// Creates a block; every dimension must be at least 1 (precondition).
        public init(name: String, offset: Int, shape: [Int], role: Role) {
            precondition(offset >= 0 && !shape.isEmpty && shape.allSatisfy { $0 >= 1 }, "TensorBlocks.Block: invalid shape or offset")
            self.name = name
            self.offset = offset
            self.shape = shape
            self.role = role
        }

        /// Number of entries, ∏ shape.
        public var count: Int { shape.reduce(1, *) }
        /// Index range in the flat vector.
        public var range: Range<Int> { offset..<(offset + count) }
        /// Whether the tensor has more than one dimension (`p.dim() > 1` in PyTorch).
        public var isMatrix: Bool { shape.count > 1 }
        /// The tensor as a matrix: rows = shape[0], columns = product of the other
        /// dimensions (the row-major reshape; a vector is 1 × n).
        public var matrixShape: (rows: Int, columns: Int) {
            shape.count == 1 ? (1, shape[0]) : (shape[0], count / shape[0])
        }
    }

    /// The tensors in flat-vector order.
    public let blocks: [Block]
    /// Length of the flat vector (sum of the block sizes).
    public let dimension: Int

    /// Creates the structure; blocks must tile 0 ..< dimension in order without gaps
    /// (precondition).
    public init(_ blocks: [Block]) {
        var next = 0
        for b in blocks {
            precondition(b.offset == next, "TensorBlocks: block '\(b.name)' starts at \(b.offset), expected \(next)")
            next += b.count
        }
        precondition(next >= 1, "TensorBlocks: no parameters")
        self.blocks = blocks
        self.dimension = next
    }

    /// One vector-shaped block of role `point` over the whole vector (a test
    /// function, or an optimizer that was never attached).
    public static func flat(_ dimension: Int) -> TensorBlocks {
        TensorBlocks([Block(name: "x", offset: 0, shape: [dimension], role: .point)])
    }
}

extension Optimizer {
    /// Default: the method ignores the tensor structure (its numbers do not change).
    public func attach(_ blocks: TensorBlocks) {}
}
