import Foundation

/// What a rendering wrote.
public struct ReportSummary: Sendable, Equatable {
    /// One rendered figure.
    public struct Figure: Sendable, Equatable {
        /// File stem shared by all of the figure's files.
        public var name: String
        public var title: String
        /// Index-page section (a problem, or "All problems").
        public var section: String
        /// NAME.gp, NAME.dat, NAME.png, NAME.svg and, when asked, NAME.pdf.
        public var files: [URL]
    }

    /// One table.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var title: String
        public var markdown: URL
        public var csv: URL
        public var rowCount: Int
    }

    public var indexHTML: URL
    public var indexMarkdown: URL
    public var figures: [Figure]
    public var tables: [Table]
    /// Number of run records reported.
    public var runCount: Int
    /// Why no figure images were drawn (gnuplot is not installed), or nil when
    /// they were. Their data and scripts are written either way.
    public var figuresSkipped: String? = nil
}
