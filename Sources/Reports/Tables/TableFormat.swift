import Foundation

/// Number formats of tables and labels.
enum TableFormat {
    /// Four significant digits (`%.4g`), for Markdown, HTML and cell labels.
    static func short(_ v: Double) -> String {
        v.isFinite ? String(format: "%.4g", v) : (v.isNaN ? "NaN" : (v > 0 ? "inf" : "-inf"))
    }

    /// Shortest text that reads back to the same double, for CSV.
    static func exact(_ v: Double) -> String {
        v.isFinite ? "\(v)" : (v.isNaN ? "NaN" : (v > 0 ? "inf" : "-inf"))
    }
}

/// One table cell.
enum TableCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number; `nil` means not defined (shown as an en dash, empty in CSV).
    case number(Double?)

    var markdown: String {
        switch self {
        case .text(let s): return TextEscaping.markdown(s)
        case .integer(let i): return String(i)
        case .number(let v): return v.map(TableFormat.short) ?? "–"
        }
    }

    var html: String {
        switch self {
        case .text(let s): return TextEscaping.html(TextEscaping.singleLine(s))
        case .integer(let i): return String(i)
        case .number(let v): return v.map(TableFormat.short) ?? "–"
        }
    }

    var csv: String {
        switch self {
        case .text(let s): return TextEscaping.csv(s)
        case .integer(let i): return String(i)
        case .number(let v): return v.map(TableFormat.exact) ?? ""
        }
    }

    var isNumeric: Bool {
        if case .text = self { return false }
        return true
    }
}

/// A table written as NAME.md and NAME.csv and shown on the index page.
struct ReportTable: Sendable {
    /// File stem (a constant such as `final_metrics`).
    let name: String
    let title: String
    /// How the numbers were computed (trusted text).
    let note: String
    let columns: [String]
    var rows: [[TableCell]]

    /// GitHub-flavoured Markdown: a heading, the note and the table.
    var markdown: String {
        var s = "# \(TextEscaping.markdown(title))\n\n\(TextEscaping.markdown(note))\n\n"
        s += markdownTable
        return s
    }

    /// The table alone in Markdown, numbers right-aligned.
    var markdownTable: String {
        var s = "| " + columns.map(TextEscaping.markdown).joined(separator: " | ") + " |\n"
        let numeric = columns.indices.map { c in !rows.isEmpty && rows.allSatisfy { $0[c].isNumeric } }
        s += "|" + numeric.map { $0 ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
        for row in rows { s += "| " + row.map(\.markdown).joined(separator: " | ") + " |\n" }
        if rows.isEmpty { s += "\n(no rows)\n" }
        return s
    }

    /// RFC 4180 CSV with a header row and CRLF line ends.
    var csv: String {
        var s = columns.map(TextEscaping.csv).joined(separator: ",") + "\r\n"
        for row in rows { s += row.map(\.csv).joined(separator: ",") + "\r\n" }
        return s
    }

    /// An HTML `<table>` (all text escaped).
    var html: String {
        var s = "<table>\n<thead><tr>" + columns.map { "<th>\(TextEscaping.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            s += "<tr>" + row.map { $0.isNumeric ? "<td class=\"num\">\($0.html)</td>" : "<td>\($0.html)</td>" }.joined() + "</tr>\n"
        }
        return s + "</tbody>\n</table>\n"
    }
}
