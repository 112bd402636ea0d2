/// The index page of a report, as HTML (self-contained, readable from disk
/// without a server) and as Markdown. Every piece of text from the grid or the
/// runs is escaped for its format; links point at slug-named files only.
struct IndexPage {
    struct FigureEntry {
        let spec: FigureSpec
        let hasPDF: Bool
        /// gnuplot's message when the figure failed to render.
        var failure: String? = nil
    }

    let gridName: String
    let gridConfig: String?
    let engineVersion: String
    let recordedEngineVersions: [String]
    let runCount: Int
    let statusTotals: [(status: String, count: Int)]
    let methodNotes: [(title: String, text: String)]
    let tables: [ReportTable]
    let figures: [FigureEntry]

    /// Figure sections in first-appearance order.
    private var sections: [(title: String, figures: [FigureEntry])] {
        var order: [String] = []
        var bySection: [String: [FigureEntry]] = [:]
        for f in figures {
            if bySection[f.spec.section] == nil { order.append(f.spec.section) }
            bySection[f.spec.section, default: []].append(f)
        }
        return order.map { ($0, bySection[$0]!) }
    }

    private var statusLine: String {
        statusTotals.map { "\($0.status) \($0.count)" }.joined(separator: ", ")
    }

    private func links(_ f: FigureEntry) -> [(label: String, file: String)] {
        let n = f.spec.name
        var out = [("PNG", "figures/\(n).png"), ("SVG", "figures/\(n).svg")]
        if f.hasPDF { out.append(("PDF", "figures/\(n).pdf")) }
        out += [("gnuplot script", "figures/\(n).gp"), ("data", "figures/\(n).dat")]
        return out
    }

    var html: String {
        let h = TextEscaping.html
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Report: \(h(TextEscaping.singleLine(gridName)))</title>
            <style>
            body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0 2em; }
            figure img { max-width: 100%; border: 1px solid #eee; }
            pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; }
            </style>
            </head>
            <body>
            <h1>Report: \(h(TextEscaping.singleLine(gridName)))</h1>
            <p>Engine version: <code>\(h(TextEscaping.singleLine(engineVersion)))</code>.
            Runs: \(runCount) (\(h(statusLine))).</p>

            """
        if !recordedEngineVersions.isEmpty {
            s += "<p>Engine versions recorded in the runs: "
                + recordedEngineVersions.map { "<code>\(h(TextEscaping.singleLine($0)))</code>" }.joined(separator: ", ")
                + ".</p>\n"
        }
        s += "<h2>Contents</h2>\n<ul>\n<li><a href=\"#method\">Method</a></li>\n<li><a href=\"#tables\">Tables</a></li>\n"
        for (i, section) in sections.enumerated() {
            s += "<li><a href=\"#figures-\(i + 1)\">Figures: \(h(TextEscaping.singleLine(section.title)))</a></li>\n"
        }
        s += "<li><a href=\"#grid\">Grid configuration</a></li>\n</ul>\n"
        s += "<h2 id=\"method\">Method</h2>\n<ul>\n"
        for note in methodNotes { s += "<li><strong>\(h(note.title)).</strong> \(h(note.text))</li>\n" }
        s += "</ul>\n<h2 id=\"tables\">Tables</h2>\n"
        for table in tables {
            s += "<h3>\(h(table.title))</h3>\n<p><a href=\"tables/\(table.name).md\">Markdown</a> · "
                + "<a href=\"tables/\(table.name).csv\">CSV</a></p>\n<p>\(h(table.note))</p>\n" + table.html
        }
        for (i, section) in sections.enumerated() {
            s += "<h2 id=\"figures-\(i + 1)\">Figures: \(h(TextEscaping.singleLine(section.title)))</h2>\n"
            for f in section.figures {
                let title = h(TextEscaping.singleLine(f.spec.title))
                if let failure = f.failure {
                    s += "<p><strong>Figure not rendered:</strong> \(title): \(h(failure)). "
                        + "<a href=\"figures/\(f.spec.name).gp\">gnuplot script</a> · <a href=\"figures/\(f.spec.name).dat\">data</a></p>\n"
                    continue
                }
                s += "<figure>\n<a href=\"figures/\(f.spec.name).svg\"><img src=\"figures/\(f.spec.name).png\" alt=\"\(title)\" loading=\"lazy\"></a>\n"
                s += "<figcaption>\(title): \(h(f.spec.caption)). "
                    + links(f).map { "<a href=\"\($0.file)\">\($0.label)</a>" }.joined(separator: " · ")
                    + "</figcaption>\n</figure>\n"
            }
        }
        s += "<h2 id=\"grid\">Grid configuration</h2>\n"
        s += gridConfig.map { "<pre>\(h($0))</pre>\n" } ?? "<p>No grid configuration was given.</p>\n"
        s += "</body>\n</html>\n"
        return s
    }

    var markdown: String {
        let m = TextEscaping.markdown
        var s = "# Report: \(m(gridName))\n\nEngine version: \(m(engineVersion)). Runs: \(runCount) (\(m(statusLine))).\n\n"
        if !recordedEngineVersions.isEmpty {
            s += "Engine versions recorded in the runs: \(recordedEngineVersions.map(m).joined(separator: ", ")).\n\n"
        }
        s += "## Method\n\n"
        for note in methodNotes { s += "- **\(m(note.title)).** \(m(note.text))\n" }
        s += "\n## Tables\n\n"
        for table in tables {
            s += "### \(m(table.title))\n\n[Markdown](tables/\(table.name).md) · [CSV](tables/\(table.name).csv)\n\n"
            s += table.markdownTable + "\n"
        }
        for section in sections {
            s += "## Figures: \(m(section.title))\n\n"
            for f in section.figures {
                if let failure = f.failure {
                    s += "### \(m(f.spec.title))\n\n**Figure not rendered:** \(m(failure)). "
                        + "[gnuplot script](figures/\(f.spec.name).gp) · [data](figures/\(f.spec.name).dat)\n\n"
                    continue
                }
                s += "### \(m(f.spec.title))\n\n![\(m(f.spec.title))](figures/\(f.spec.name).png)\n\n"
                s += "\(m(f.spec.caption)). " + links(f).map { "[\($0.label)](\($0.file))" }.joined(separator: " · ") + "\n\n"
            }
        }
        s += "## Grid configuration\n\n"
        if let config = gridConfig {
            // A fence longer than any backtick run inside keeps the text literal.
            var fence = "```"
            while config.contains(fence) { fence += "`" }
            s += "\(fence)text\n\(config)\n\(fence)\n"
        } else {
            s += "No grid configuration was given.\n"
        }
        return s
    }
}
