/// Writes gnuplot data files: blocks separated by two blank lines (selected with
/// `index i`), each opening with a header row whose second field is the
/// legend label (read with `title columnheader(2)`).
struct SeriesData {
    private(set) var text = ""
    private(set) var blockCount = 0
    /// Characters in the longest legend label so far (sets the legend's layout).
    private(set) var longestLabel = 0

    /// Starts with comment lines (trusted text only).
    init(comment: [String]) {
        for line in comment { text += "# " + TextEscaping.singleLine(line) + "\n" }
    }

    /// Appends one block: a header `"<x>" "<label>" "<c3>" ...` and numeric rows.
    mutating func addBlock(label: String, columns: [String], rows: [[Double]]) {
        precondition(columns.count >= 2, "need at least the x column and the label column")
        if blockCount > 0 { text += "\n\n" }
        var header = columns
        header[1] = label
        longestLabel = max(longestLabel, TextEscaping.singleLine(label).count)
        text += header.map(TextEscaping.gnuplotDataString).joined(separator: " ") + "\n"
        for row in rows { text += row.map(SeriesData.number).joined(separator: " ") + "\n" }
        blockCount += 1
    }

    /// A number as gnuplot reads it: shortest round-trip text, `NaN` for anything not finite.
    static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "NaN" }
}
