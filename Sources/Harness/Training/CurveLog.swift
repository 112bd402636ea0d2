import GridLanguage
/// Curves collected at evaluation points during a run.
struct CurveLog {
    private(set) var steps: [Int64] = []
    private(set) var columns: [String: [Double]] = [:]
    private(set) var wallTime: [Double] = []

    /// Appends one evaluation point; every column present so far must be given
    /// (a missing value is recorded as NaN).
    mutating func append(step: Int, wallTime t: Double, values: [String: Double]) {
        let index = steps.count
        for key in values.keys where columns[key] == nil {
            columns[key] = [Double](repeating: .nan, count: index)
        }
        for key in columns.keys { columns[key]!.append(values[key] ?? .nan) }
        steps.append(Int64(step))
        wallTime.append(t)
    }

    /// The last value of a curve.
    func last(_ name: String) -> Double? { columns[name]?.last }
}
