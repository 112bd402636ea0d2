/// One figure before rendering: its gnuplot commands, its data and its labels.
///
/// Only `body` and `width`/`height` reach gnuplot as code, and they are built
/// from constants and numbers alone. Untrusted text goes either into `data`
/// (as quoted data fields, read with `columnheader`, `xtic()` or `ytic()`) or
/// into `title`, which is passed as `ARG1` of `gnuplot -c`.
struct FigureSpec: Sendable {
    /// File stem (`Slug`), shared by NAME.gp, NAME.dat, NAME.png, NAME.svg and NAME.pdf.
    let name: String
    /// Figure title (untrusted).
    let title: String
    /// Heading of the index-page section the figure belongs to (untrusted).
    let section: String
    /// What the figure shows, for the index page (trusted).
    let caption: String
    /// gnuplot commands that draw the plot from the file named by `datafile`.
    let body: String
    let data: String
    let width: Int
    let height: Int

    /// The title as drawn: one line, cut with an ellipsis to about the canvas
    /// width (at 8 pixels per character, wide glyphs included) so it is never
    /// clipped at the edges.
    var plotTitle: String {
        let line = TextEscaping.singleLine(title)
        let limit = max(20, width / 8)
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}

/// Builds complete gnuplot scripts around a `FigureSpec`.
enum GnuplotScript {
    /// `text` as the rest of one gnuplot comment line: control characters
    /// (a newline would end the comment and start a command) become spaces, and
    /// a trailing backslash (which continues a comment onto the next line) is dropped.
    static func commentText(_ text: String) -> String {
        var out = TextEscaping.singleLine(text)
        while out.hasSuffix("\\") { out.removeLast() }
        return out
    }

    /// The script: sets the title from ARG1, draws the PNG, then redraws the same
    /// plot as SVG (and PDF when asked). Every file name is a slug in single quotes.
    static func make(_ spec: FigureSpec, pdf: Bool) -> String {
        precondition(spec.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") },
                     "figure names must be slugs")
        let size = "size \(spec.width),\(spec.height)"
        var s = """
            # \(spec.name): \(commentText(spec.caption))
            # Render from this folder with: gnuplot -c \(spec.name).gp 'TITLE'
            # Labels come from \(spec.name).dat and the title from ARG1; neither is parsed as code.
            title = (ARGC >= 1) ? ARG1 : ''
            datafile = '\(spec.name).dat'
            set terminal pngcairo noenhanced \(size) font 'Sans,10'
            set output '\(spec.name).png'
            set title title noenhanced
            \(spec.body)
            set terminal svg noenhanced \(size) font 'Sans,10' background rgb '#ffffff'
            set output '\(spec.name).svg'
            replot

            """
        if pdf {
            let w = Double(spec.width) / 100, h = Double(spec.height) / 100
            s += """
                set terminal pdfcairo noenhanced size \(w)in,\(h)in font 'Sans,8'
                set output '\(spec.name).pdf'
                replot

                """
        }
        s += "set output\n"
        return s
    }
}
