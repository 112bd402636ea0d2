import Support

/// How much memory a model needs, estimated from its parameters and the data's
/// signature by arithmetic alone: nothing is allocated, and sizes are counted in
/// `Double` so absurd sizes (`hidden: [100000, 100000]`) cannot overflow.
///
/// The harness compares the estimate with the machine's memory before it builds
/// a model, because building one may already allocate (position tables, the
/// quadratic's rotation) and a failed allocation traps.
public struct ModelFootprint: Sendable, Equatable {
    /// Trainable scalars.
    public var parameters: Double
    /// Scalars the model allocates when built, beside its parameters (tables,
    /// fixed matrices).
    public var fixedScalars: Double
    /// Scalars of forward activations kept per example for the backward pass.
    public var activationsPerRow: Double

    /// A footprint of the given sizes.
    public init(parameters: Double, fixedScalars: Double, activationsPerRow: Double) {
        self.parameters = parameters; self.fixedScalars = fixedScalars; self.activationsPerRow = activationsPerRow
    }
}

extension ModelRegistry {
    /// The footprint of model `id` with resolved `params` on data of signature
    /// `data` (nil when the data set's sizes are known only once it is loaded:
    /// the smallest data is assumed, so the estimate is a lower bound).
    public static func footprint(id: String, params: [String: ParamValue], data: DataSignature?) -> ModelFootprint {
        let p = FootprintParams(params)
        let d = FootprintData(data)
        switch id {
        case "logreg":
            return dense([d.flatFeatures, d.outputs], normalized: 0)
        case "mlp":
            return dense([d.flatFeatures] + p.list("hidden") + [d.outputs], normalized: p.list("hidden").reduce(0, +))
        case "rnn":
            let gates = gateCount(p.string("cell")), dirs: Double = p.bool("bidirectional") ? 2 : 1
            let input = d.isTokens ? p.int("embed") : d.features
            let reader = d.isTokens ? d.vocabulary * p.int("embed") : 0
            let rec = recurrent(input: input, hidden: p.int("hidden"), layers: p.int("layers"), gates: gates, dirs: dirs)
            let head = p.int("hidden") * dirs * d.outputs + d.outputs
            return ModelFootprint(parameters: reader + rec + head, fixedScalars: 0,
                                  activationsPerRow: d.steps * (input + 3 * dirs * gates * p.int("hidden") * p.int("layers")))
        case "cnn":
            let embed = d.isTokens ? p.int("embed") : d.features, filters = p.int("filters"), widths = p.list("widths")
            let reader = d.isTokens ? d.vocabulary * embed : 0
            let conv = widths.reduce(0) { $0 + $1 * embed * filters + filters }
            let head = filters * Double(widths.count) * d.outputs + d.outputs
            return ModelFootprint(parameters: reader + conv + head, fixedScalars: 0,
                                  activationsPerRow: d.steps * (embed + 3 * filters * Double(widths.count)))
        case "transformer":
            let dim = p.int("d_model"), layers = p.int("layers"), ff = p.int("ff"), heads = p.int("heads")
            let reader = d.isTokens ? d.vocabulary * dim : d.features * dim + dim
            let block = 4 * dim * dim + 4 * dim + 2 * dim * ff + ff + dim + 4 * dim
            return ModelFootprint(parameters: reader + layers * block + dim * d.outputs + d.outputs,
                                  fixedScalars: dim * p.int("max_len"),
                                  activationsPerRow: layers * d.steps * (12 * dim + 3 * ff + 3 * heads * d.steps))
        case "charlm":
            let hidden = p.int("hidden"), layers = p.int("layers")
            let v = d.vocabulary, head = hidden * v + v
            if p.string("cell") == "transformer" {
                let ff = p.int("ff"), heads = p.int("heads")
                let block = 4 * hidden * hidden + 4 * hidden + 2 * hidden * ff + ff + hidden + 4 * hidden
                return ModelFootprint(parameters: v * hidden + layers * block + head, fixedScalars: hidden * d.steps,
                                      activationsPerRow: layers * d.steps * (12 * hidden + 3 * ff + 3 * heads * d.steps)
                                          + d.steps * v)
            }
            let gates = gateCount(p.string("cell")), embed = p.int("embed")
            let rec = recurrent(input: embed, hidden: hidden, layers: layers, gates: gates, dirs: 1)
            return ModelFootprint(parameters: v * embed + rec + head, fixedScalars: 0,
                                  activationsPerRow: d.steps * (embed + 3 * gates * hidden * layers + 2 * v))
        case "quadratic":
            // The rotation (or identity) is stored as a full n x n matrix, and
            // building a rotation holds a second one.
            let n = p.int("n")
            return ModelFootprint(parameters: n, fixedScalars: (p.bool("rotate") ? 2 : 1) * n * n + n,
                                  activationsPerRow: 0)
        default:
            // The other test functions: `n` when they take one, else a few coordinates.
            let n = params["n"]?.intValue.map(Double.init) ?? 4
            return ModelFootprint(parameters: n, fixedScalars: 4 * n, activationsPerRow: 0)
        }
    }

    /// Feed-forward layers of the given widths (plus gain and bias per normalized unit).
    private static func dense(_ widths: [Double], normalized: Double) -> ModelFootprint {
        var parameters = 2 * normalized
        for i in 1..<widths.count { parameters += widths[i - 1] * widths[i] + widths[i] }
        return ModelFootprint(parameters: parameters, fixedScalars: 0, activationsPerRow: 3 * widths.reduce(0, +))
    }

    /// Stacked recurrent layers: per direction, gates x (input x hidden + hidden x hidden + 2 hidden).
    private static func recurrent(input: Double, hidden: Double, layers: Double, gates: Double, dirs: Double) -> Double {
        let first = dirs * gates * (input * hidden + hidden * hidden + 2 * hidden)
        let rest = dirs * gates * (dirs * hidden * hidden + hidden * hidden + 2 * hidden)
        return first + max(0, layers - 1) * rest
    }

    private static func gateCount(_ cell: String) -> Double {
        switch cell {
        case "lstm": return 4
        case "gru": return 3
        default: return 1
        }
    }
}

/// Resolved model parameters read as `Double`s for the footprint arithmetic.
private struct FootprintParams {
    let values: [String: ParamValue]
    init(_ values: [String: ParamValue]) { self.values = values }
    func int(_ key: String) -> Double { values[key]?.intValue.map(Double.init) ?? 1 }
    func list(_ key: String) -> [Double] {
        (values[key]?.intListValue ?? values[key]?.intValue.map { [$0] } ?? []).map(Double.init)
    }
    func string(_ key: String) -> String { values[key]?.stringValue ?? "" }
    func bool(_ key: String) -> Bool { values[key]?.boolValue ?? false }
}

/// The data sizes a footprint reads; the smallest possible data when unknown.
private struct FootprintData {
    var steps: Double = 1, features: Double = 1, outputs: Double = 2, vocabulary: Double = 2, isTokens = false

    init(_ data: DataSignature?) {
        guard let data else { return }
        switch data {
        case .dense(let f, let c): features = Double(f); outputs = Double(c)
        case .sequence(let s, let f, let c): steps = Double(s); features = Double(f); outputs = Double(c)
        case .tokens(let v, let m, let c): vocabulary = Double(v); steps = Double(m); outputs = Double(c); isTokens = true
        case .languageModel(let v, let m): vocabulary = Double(v); steps = Double(m); outputs = Double(v); isTokens = true
        case .regression(let f, let o): features = Double(f); outputs = Double(o)
        case .sequenceRegression(let s, let f, let o): steps = Double(s); features = Double(f); outputs = Double(o)
        case .none: break
        }
    }

    /// Input width of the feed-forward models (sequences are flattened).
    var flatFeatures: Double { steps * features }
}
