/// Settings of one report rendering.
public struct ReportOptions: Sendable, Equatable {
    /// Also write NAME.pdf for every figure (pdfcairo).
    public var pdf: Bool
    /// Path of the gnuplot executable; `nil` searches `PATH` for `gnuplot`.
    public var gnuplotPath: String?
    /// The folders searched for gnuplot when `gnuplotPath` is nil, as in `PATH`;
    /// nil uses this process's `PATH`.
    public var searchPath: String?
    /// gnuplot processes run at the same time (at least 1).
    public var maxConcurrentProcesses: Int
    /// The bootstrap procedure of the final-metrics table.
    public var bootstrap: BootstrapInterval

    /// Creates options; by default PNG and SVG only, gnuplot from `PATH`, two
    /// processes at once and a 95% bootstrap interval from 2000 resamples.
    public init(pdf: Bool = false, gnuplotPath: String? = nil, searchPath: String? = nil, maxConcurrentProcesses: Int = 2,
                bootstrap: BootstrapInterval = BootstrapInterval()) {
        precondition(maxConcurrentProcesses >= 1, "need at least one process")
        self.pdf = pdf; self.gnuplotPath = gnuplotPath; self.searchPath = searchPath
        self.maxConcurrentProcesses = maxConcurrentProcesses; self.bootstrap = bootstrap
    }
}
