import Support
import Yams

/// One value of a grid axis after expansion, with the place in the file it
/// came from: a single component, or for regularizers the components applied
/// together (empty for `none`), sorted by id.
struct AxisChoice {
    let specs: [ComponentSpec]
    let keyPath: String
    let node: Node

    /// Canonical text that identifies the choice, for duplicate checks.
    var identity: String { JSONValue.array(specs.map(\.json)).text }
}
