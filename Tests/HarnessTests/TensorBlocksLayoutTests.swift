import Testing
import Models
import Optimizers
@testable import Harness

/// The harness hands optimizers the model's tensors: `ParameterLayout.tensorBlocks`
/// repeats each parameter's offset, shape and role in flat-vector order.
@Suite struct TensorBlocksLayoutTests {
    @Test func layoutBecomesTensorBlocks() {
        let layout = ParameterLayout([
            ParameterSpec(name: "emb.weight", shape: [5, 3], role: .embedding, initializer: .zeros),
            ParameterSpec(name: "fc.weight", shape: [3, 2], role: .weight, initializer: .zeros),
            ParameterSpec(name: "fc.bias", shape: [2], role: .bias, initializer: .zeros),
            ParameterSpec(name: "ln.weight", shape: [2], role: .gain, initializer: .ones),
        ])
        let expected = TensorBlocks([
            .init(name: "emb.weight", offset: 0, shape: [5, 3], role: .embedding),
            .init(name: "fc.weight", offset: 15, shape: [3, 2], role: .weight),
            .init(name: "fc.bias", offset: 21, shape: [2], role: .bias),
            .init(name: "ln.weight", offset: 23, shape: [2], role: .gain),
        ])
        #expect(layout.tensorBlocks == expected)
        #expect(expected.dimension == layout.count)
        let point = ParameterLayout([ParameterSpec(name: "x", shape: [2], role: .point, initializer: .values([-1.2, 1]))])
        #expect(point.tensorBlocks == .flat(2))
    }
}
