import Foundation

/// The index of a results folder: `results/<grid>/index.json`, one row per run
/// file in `runs/*.h5` (see `ResultsIndexRow`), rows sorted by run id (then file
/// name). It holds nothing the run files do not, so it can always be rebuilt.
///
/// JSON form: `{"runs": [row, ...], "version": 1}`, pretty-printed with sorted
/// keys, so the same run files always give the same bytes.
public struct ResultsIndex: Sendable, Equatable {
    /// The index file's name inside a results folder.
    public static let fileName = "index.json"
    /// The folder of run files inside a results folder.
    public static let runsFolder = "runs"
    /// The `version` written to and expected in `index.json`.
    public static let version = 1

    /// A run file left out of the index, and why.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "\(file): skipped: \(reason)" }
    }

    public var rows: [ResultsIndexRow]
    /// Run files that could not be read (corrupt, partial, not HDF5); never in `rows`.
    public var warnings: [Warning]

    public init(rows: [ResultsIndexRow], warnings: [Warning] = []) {
        self.rows = rows.sorted { ($0.runID, $0.file) < ($1.runID, $1.file) }
        self.warnings = warnings
    }

    /// Reads the header (attributes and last curve values) of every `runs/*.h5`
    /// in `resultsDir`. Hidden files, including unfinished temporary files
    /// (`.<name>.tmp-*`), are ignored; unreadable files and entries that are not
    /// regular files (never opened) become warnings. A
    /// missing `runs` folder gives an empty index; a missing `resultsDir` throws.
    public static func scan(resultsDir: URL) throws -> ResultsIndex {
        guard FolderListing.isFolder(resultsDir) else {
            throw RecordingError.fileSystem(path: resultsDir.path, operation: "open results folder", errno: ENOENT)
        }
        let runs = resultsDir.appendingPathComponent(runsFolder)
        guard FolderListing.isFolder(runs) else { return ResultsIndex(rows: []) }
        var rows: [ResultsIndexRow] = []
        var warnings: [Warning] = []
        for name in try FolderListing.names(in: runs) where name.hasSuffix(".h5") && !name.hasPrefix(".") {
            // Opening a FIFO would block until a writer appears.
            if let kind = VerifiedRunFile.nonRegularKind(runs.appendingPathComponent(name)) {
                warnings.append(Warning(file: "\(runsFolder)/\(name)", reason: "not a regular file (\(kind))"))
                continue
            }
            do {
                let header = try RunFileReader.readHeader(runs.appendingPathComponent(name))
                rows.append(ResultsIndexRow(header: header, file: name))
            } catch {
                warnings.append(Warning(file: "\(runsFolder)/\(name)", reason: "\(error)"))
            }
        }
        return ResultsIndex(rows: rows, warnings: warnings)
    }

    /// Scans `resultsDir` and writes its `index.json` atomically (temporary
    /// file, fsync, rename). Returns the index, whose `warnings` list the run
    /// files that were skipped.
    @discardableResult
    public static func rebuild(resultsDir: URL) throws -> ResultsIndex {
        let index = try scan(resultsDir: resultsDir)
        try index.write(to: resultsDir.appendingPathComponent(fileName))
        return index
    }

    /// Adds or replaces the row of the run file `file` from its in-memory record,
    /// so a writer can keep the index current without reading every file again.
    public mutating func upsert(_ record: RunRecord, file: String) {
        var finals: [String: Double] = [:]
        if let k = RunFileHeader.keptIndex(steps: record.steps, attributes: record.attributes) {
            for (name, values) in record.curves where k < values.count { finals[name] = values[k] }
            if k < record.wallTime.count { finals["wall_time"] = record.wallTime[k] }
        }
        let row = ResultsIndexRow(header: RunFileHeader(attributes: record.attributes, finalCurveValues: finals,
                                                        lastStep: record.steps.last), file: file)
        var kept = rows.filter { $0.file != file }
        kept.append(row)
        self = ResultsIndex(rows: kept, warnings: warnings)
    }

    /// Reads `index.json` of `resultsDir`.
    public static func load(resultsDir: URL) throws -> ResultsIndex {
        let url = resultsDir.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw RecordingError.fileSystem(path: url.path, operation: "read", errno: missing ? ENOENT : EIO)
        }
        let file: IndexFile
        do { file = try decoder().decode(IndexFile.self, from: data) } catch {
            throw RecordingError.unsupportedContent(file: url.path, object: "/", reason: "not a results index: \(error)")
        }
        guard file.version == version else {
            throw RecordingError.unsupportedContent(file: url.path, object: "version",
                                                    reason: "index version \(file.version), expected \(version)")
        }
        return ResultsIndex(rows: file.runs)
    }

    /// The JSON text of the index (ending with a newline).
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFinite
        return Array(try encoder.encode(IndexFile(runs: rows, version: Self.version))) + [UInt8(ascii: "\n")]
    }

    /// Writes the JSON text to `url` atomically; `durable: false` skips the fsyncs
    /// (the index can always be rebuilt from the run files).
    public func write(to url: URL, durable: Bool = true) throws {
        try AtomicFile.writeBytes(try jsonBytes(), to: url, durable: durable)
    }

    private struct IndexFile: Codable {
        var runs: [ResultsIndexRow]
        var version: Int
    }

    private static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
