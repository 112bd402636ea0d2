import Support
/// One fully resolved component of a cell: a catalog id with every parameter
/// filled in (defaults included).
///
/// Path parameters hold the absolute path in `params`, but names, JSON and
/// run ids use the path as written in the grid file, so a run id does not
/// change when the checkout moves to another folder.
public struct ComponentSpec: Sendable, Hashable {
    public let axis: GridAxis
    public let id: String
    /// Every parameter, defaults filled in; paths absolute.
    public let params: [String: ParamValue]
    /// The parameters the grid file set explicitly for this cell.
    public let userParams: Set<String>
    /// `params` with paths as written, less parameters declared to enter the
    /// canonical configuration only when set: what names, JSON and run ids use.
    let identityParams: [String: ParamValue]
    /// The traits the component declares.
    public let traits: Set<ComponentTrait>
    /// The optimizer family the component declares (nil for other axes).
    public let family: OptimizerFamily?
    /// The component's declared relative cost per step.
    public let costWeight: Double

    init(axis: GridAxis, id: String, params: [String: ParamValue], userParams: Set<String>,
         identityParams: [String: ParamValue], traits: Set<ComponentTrait>, family: OptimizerFamily?,
         costWeight: Double) {
        precondition(Set(identityParams.keys).isSubset(of: params.keys) && userParams.isSubset(of: params.keys))
        self.axis = axis
        self.id = id
        self.params = params
        self.userParams = userParams
        self.identityParams = identityParams
        self.traits = traits
        self.family = family
        self.costWeight = costWeight
    }

    /// All parameters, sorted by name: `adam(beta1=0.9,beta2=0.999,eps=1e-08,lr=0.001,...)`;
    /// the bare id when the component has no parameters.
    public var canonicalName: String { name(keys: Array(identityParams.keys)) }

    /// Only the parameters the grid file set: `adam(lr=0.001)`, or `adam`.
    public var shortName: String { name(keys: Array(userParams)) }

    /// Canonical JSON of the resolved parameters, e.g. `{"beta1":0.9,...,"lr":0.001}`.
    public var paramsJSON: String { JSONValue.object(identityParams.mapValues(\.json)).text }

    /// `{"id": ..., "params": {...}}`, as it enters a cell's canonical JSON.
    var json: JSONValue {
        .object(["id": .string(id), "params": .object(identityParams.mapValues(\.json))])
    }

    /// A number parameter (integers convert).
    public func double(_ key: String) -> Double? { params[key]?.doubleValue }
    /// An integer parameter.
    public func int(_ key: String) -> Int? { params[key]?.intValue }
    /// A boolean parameter.
    public func bool(_ key: String) -> Bool? { params[key]?.boolValue }
    /// A string parameter (choices and absolute paths).
    public func string(_ key: String) -> String? { params[key]?.stringValue }
    /// An integer-list parameter.
    public func intList(_ key: String) -> [Int]? { params[key]?.intListValue }

    private func name(keys: [String]) -> String {
        if keys.isEmpty { return id }
        let sorted = keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return id + "(" + sorted.map { "\($0)=\(identityParams[$0]!)" }.joined(separator: ",") + ")"
    }
}
