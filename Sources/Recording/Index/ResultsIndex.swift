import Foundation
import Support

/// The index of a results folder: `results/<grid>/index.json`, one row per run
/// file in `runs/*.h5` (see `ResultsIndexRow`), rows sorted by run id (then file
/// name). It holds nothing the run files do not, so it can always be rebuilt.
///
/// JSON form: `{"runs": [row, ...], "version": 1}`, written by the shared
/// `JSONWriter` (indented, sorted keys), so the same run files always give the
/// same bytes.
public struct ResultsIndex: Sendable, Equatable {
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
        let runs = ResultsLayout(directory: resultsDir).runsFolder
        guard FolderListing.isFolder(runs) else { return ResultsIndex(rows: []) }
        var rows: [ResultsIndexRow] = []
        var warnings: [Warning] = []
        for name in try FolderListing.names(in: runs) where ResultsLayout.isRunFileName(name) {
            // Opening a FIFO would block until a writer appears.
            if let kind = VerifiedRunFile.nonRegularKind(runs.appendingPathComponent(name)) {
                warnings.append(Warning(file: "\(ResultsLayout.runsFolderName)/\(name)", reason: "not a regular file (\(kind))"))
                continue
            }
            do {
                let header = try RunFileReader.readHeader(runs.appendingPathComponent(name))
                rows.append(ResultsIndexRow(header: header, file: name))
            } catch {
                warnings.append(Warning(file: "\(ResultsLayout.runsFolderName)/\(name)", reason: "\(error)"))
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
        try index.write(to: ResultsLayout(directory: resultsDir).indexFile)
        return index
    }

    /// Adds or replaces the row of the run file `file` from its in-memory record,
    /// so a writer can keep the index current without reading every file again.
    public mutating func upsert(_ record: RunRecord, file: String) {
        var finals: [String: Double] = [:]
        if let k = RunFileHeader.keptIndex(steps: record.steps, attributes: record.attributes) {
            for (name, values) in record.curves where k < values.count { finals[name] = values[k] }
            if k < record.wallTime.count { finals[RunFileNames.Curve.wallTime] = record.wallTime[k] }
        }
        let row = ResultsIndexRow(header: RunFileHeader(attributes: record.attributes, finalCurveValues: finals,
                                                        lastStep: record.steps.last), file: file)
        var kept = rows.filter { $0.file != file }
        kept.append(row)
        self = ResultsIndex(rows: kept, warnings: warnings)
    }

    /// Reads `index.json` of `resultsDir`.
    public static func load(resultsDir: URL) throws -> ResultsIndex {
        let url = ResultsLayout(directory: resultsDir).indexFile
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw RecordingError.fileSystem(path: url.path, operation: "read", errno: missing ? ENOENT : EIO)
        }
        let node: JSONNode
        do { node = try JSONParser.parse(bytes: [UInt8](data)) } catch {
            throw RecordingError.unsupportedContent(file: url.path, object: "/", reason: "not JSON: \(error.description)")
        }
        guard case .object(let members) = node, let versionNode = members["version"],
              case .array(let items)? = members["runs"] else {
            throw RecordingError.unsupportedContent(file: url.path, object: "/",
                                                    reason: "not a results index: expected runs and version")
        }
        let fileVersion = ExactNumber.int64(versionNode)
        guard fileVersion == Int64(version) else {
            throw RecordingError.unsupportedContent(file: url.path, object: "version",
                                                    reason: "index version \(fileVersion.map(String.init) ?? versionNode.compactText), expected \(version)")
        }
        var rows: [ResultsIndexRow] = []
        for (i, item) in items.enumerated() {
            guard let row = ResultsIndexRow(json: item) else {
                throw RecordingError.unsupportedContent(file: url.path, object: "runs[\(i)]",
                                                        reason: "not a results index row")
            }
            rows.append(row)
        }
        return ResultsIndex(rows: rows)
    }

    /// The JSON text of the index (ending with a newline).
    public func jsonBytes() throws -> [UInt8] {
        let node = JSONNode.object(["runs": .array(rows.map(\.json)), "version": ExactNumber.node(Int64(Self.version))])
        return Array(JSONWriter.indented(node).utf8)
    }

    /// Writes the JSON text to `url` atomically; `durable: false` skips the fsyncs
    /// (the index can always be rebuilt from the run files).
    public func write(to url: URL, durable: Bool = true) throws {
        do {
            try AtomicFile.write(try jsonBytes(), to: url, durable: durable)
        } catch let error as FileWriteError {
            throw RecordingError(error)
        }
    }
}
