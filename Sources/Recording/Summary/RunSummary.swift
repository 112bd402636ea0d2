import Foundation

/// The human-readable description of a run file that `bench show RUN.h5` prints.
public enum RunSummary {
    private typealias Name = RunFileNames.Attribute

    /// Attributes shown in the identity block, in this order.
    private static let identity = [Name.runID, Name.grid, Name.dataset, Name.model, Name.optimizer, Name.regularizer,
                                   Name.seed, Name.dtype, Name.paramCount, Name.status, Name.stopReason, Name.error]
    /// Attributes shown in the effort block, in this order.
    private static let effort = [Name.stepsDone, Name.fEvals, Name.gEvals, Name.hvEvals, Name.wallTimeS, Name.peakRSSBytes]
    /// Attributes shown in the provenance block, in this order.
    private static let provenance = [Name.schemaVersion, Name.benchVersion, Name.engineVersion, Name.sourceCommit,
                                     Name.hostName, Name.cpuModel, Name.instructionSet, Name.operatingSystem,
                                     Name.startTime, Name.endTime]
    /// Attributes shown in blocks of their own.
    private static let ownBlocks: Set<String> = [Name.config, Name.optimizerParams, Name.digest]


    /// `text` with every control character other than the line breaks that lay
    /// out the summary shown as `\u{XX}`, so a run file cannot send escape
    /// sequences (colours, cursor moves, title changes) to the terminal.
    static func terminalSafe(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && scalar != "\n") || v == 0x7f || (0x80..<0xa0).contains(v) {
                out += "\\u{" + String(v, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text with: identity and status (including stop reason and error), the
    /// configuration (pretty-printed JSON), the final value of every curve, the
    /// evaluation counts and run time, the provenance (versions, commit, host,
    /// times; "(not recorded)" in older files), the stored digest and whether it matches
    /// the content, any other attributes, the tensors with element types and
    /// shapes, and the series. Numbers print with 6 significant digits.
    public static func describe(_ record: RunRecord) -> String {
        var lines: [String] = []
        lines.append("Run \(record.string(Name.runID) ?? "(no run_id)")")
        for name in identity where name != Name.runID {
            if let value = record.attributes[name] { lines.append(row(label(name), show(value, name))) }
        }

        for name in [Name.config, Name.optimizerParams] {
            guard let text = record.string(name) else { continue }
            lines.append("")
            lines.append(name == Name.config ? "Configuration:" : "Optimizer parameters:")
            lines.append(JSONLayout.pretty(text, indent: "  ") ?? "  " + text)
        }

        lines.append("")
        if let last = record.steps.last {
            lines.append("Final metrics (step \(last), \(record.steps.count) evaluation points):")
        } else {
            lines.append("Final metrics (no evaluation points):")
        }
        let curveNames = record.curves.keys.sorted(by: RunFileLayout.utf8Less)
        for name in curveNames {
            lines.append(row(name, record.curves[name]!.last.map(number) ?? "-"))
        }
        if let wall = record.wallTime.last { lines.append(row("wall_time", number(wall) + " s")) }

        let counts = effort.compactMap { name in record.attributes[name].map { row(label(name), show($0, name)) } }
        if !counts.isEmpty {
            lines.append("")
            lines.append("Evaluations:")
            if let f = record.int(Name.fEvals), let g = record.int(Name.gEvals), let hv = record.int(Name.hvEvals) {
                lines.append(row("total evals", "\(f &+ g &+ hv)"))
            }
            lines += counts
        }

        lines.append("")
        let content = RunDigest.compute(record)
        switch record.string(Name.digest) {
        case content?: lines.append("Digest: \(content) (matches content)")
        case let stored?: lines.append("Digest: \(stored) (MISMATCH: content gives \(content))")
        case nil: lines.append("Digest: not stored (content gives \(content))")
        }

        lines.append("")
        lines.append("Provenance:")
        // Files from before schema 2 have no schema_version attribute; say which version they are.
        lines.append(row("schema version", "\(RunFileSchema.version(of: record.attributes))", width: 19))
        for name in provenance where name != Name.schemaVersion {
            lines.append(row(label(name), record.attributes[name].map { show($0, name) } ?? "(not recorded)", width: 19))
        }

        let known = Set(identity + effort + provenance).union(ownBlocks)
        let others = record.attributes.keys.filter { !known.contains($0) }.sorted(by: RunFileLayout.utf8Less)
        if !others.isEmpty {
            lines.append("")
            lines.append("Other attributes:")
            for name in others { lines.append(row(name, show(record.attributes[name]!, name))) }
        }

        lines.append("")
        lines.append("Tensors (\(record.tensors.count)):")
        let keys = record.tensors.keys.sorted(by: RunFileLayout.utf8Less)
        let width = keys.map(\.count).max() ?? 0
        for key in keys {
            let tensor = record.tensors[key]!
            lines.append("  \(pad(key, width))  \(tensor.numericArray.dtypeName)  [\(tensor.shape.map(String.init).joined(separator: ", "))]")
        }

        if !record.series.isEmpty {
            lines.append("")
            lines.append("Series:")
            for name in record.series.keys.sorted(by: RunFileLayout.utf8Less) {
                let series = record.series[name]!
                let curves = series.curves.keys.sorted(by: RunFileLayout.utf8Less).joined(separator: ", ")
                let span = series.steps.first.map { "steps \($0)...\(series.steps.last!)" } ?? "no steps"
                lines.append("  \(name): \(series.steps.count) points (\(span)): \(curves)")
            }
        }
        return terminalSafe(lines.joined(separator: "\n")) + "\n"
    }

    private static func row(_ label: String, _ value: String, width: Int = 16) -> String {
        "  " + pad(label + ": ", width) + value
    }

    /// `text` followed by spaces up to `width` characters (never cut).
    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func label(_ name: String) -> String {
        let special = [Name.wallTimeS: "wall time", Name.hvEvals: "Hv evals", Name.paramCount: "parameters",
                       Name.peakRSSBytes: "peak RSS bytes"]
        return special[name] ?? name.replacingOccurrences(of: "_", with: " ")
    }

    private static func show(_ value: AttributeValue, _ name: String) -> String {
        switch value {
        case .string(let text): return text.isEmpty ? "(empty)" : text
        case .double(let x) where name == Name.wallTimeS: return number(x) + " s"
        case .int(let n): return "\(n)"
        case .double(let x): return number(x)
        }
    }

    private static func number(_ x: Double) -> String {
        String(format: "%.6g", x)
    }
}
