/// Shared gnuplot settings for line plots (trusted text only).
enum PlotStyle {
    /// Width of line plots in pixels.
    static let width = 900

    /// Height that leaves room for the legend of `series` entries below the plot:
    /// two columns, or one when a label is too long for two to fit side by side
    /// (about 50 characters at the canvas width), as gnuplot then lays it out.
    static func height(series: Int, longestLabel: Int = 0) -> Int {
        520 + 18 * (longestLabel > 50 ? series : (series + 1) / 2)
    }

    /// Common settings: grid, legend below the plot in two columns, labels.
    static func preamble(xLabel: String, yLabel: String, logY: Bool, logX: Bool = false) -> String {
        var lines = [
            "set grid lc rgb '#d0d0d0'",
            "set key below left Left reverse maxcols 2 samplen 3 spacing 1.1",
            "set xlabel \(quote(xLabel))",
            "set ylabel \(quote(yLabel))",
            "set border 3",
            "set tics nomirror",
        ]
        if logY { lines += ["set logscale y", "set format y '%g'"] }
        if logX { lines += ["set logscale x", "set format x '%g'"] }
        return lines.joined(separator: "\n")
    }

    /// Line colour and dash pattern of series `i` (gnuplot expression in `i`):
    /// the eight default colours, then dashed variants.
    static let lineStyle = "lc 1+i%8 dt 1+(i/8)%5"

    /// The colour of series `i` alone, for fills (which take no dash pattern).
    static let fillColour = "lc 1+i%8"

    /// A trusted constant as a single-quoted gnuplot string.
    static func quote(_ text: String) -> String {
        precondition(!text.contains("'") && !text.contains("\n"), "constants only")
        return "'" + text + "'"
    }

    /// Point interval that marks about ten points on the longest series.
    static func pointInterval(longest: Int) -> Int { max(1, longest / 10) }
}
