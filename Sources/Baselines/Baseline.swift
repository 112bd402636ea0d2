import Foundation
import Recording
import Support

/// A stored baseline: the compact content of a grid's runs that later results
/// are checked against (`BaselineChecker`).
///
/// On disk a baseline is a folder with two files:
/// - `baseline.json`: the schema version, the grid name, the engine versions,
///   whether tensors are included, and one entry per run (sorted by `run_id`)
///   with its stored attributes, its curves (`/curves/step` and every curve
///   except wall time), its series, its final metrics (the last value of each
///   metric curve, for people reading the file; checks recompute them from the
///   curves) and, when requested, its final tensors (little-endian bytes in
///   base64 with dtype and shape). Keys are sorted and numbers round-trip bit
///   for bit (`ExactNumber`), so storing unchanged results again gives the
///   same bytes;
/// - `meta.json`: the schema version, when and on which machine the baseline
///   was stored (`BaselineMeta`); it changes on every store and is never compared.
///
/// Each run is a `RunRecord` reduced to what `BaselineStore` keeps: no wall
/// times, only the attributes in `BaselineStore.storedAttributes`, and only
/// the `final/` tensors (none unless `includesTensors`).
public struct Baseline: Sendable, Equatable {
    /// The schema version this code writes and reads.
    public static let schemaVersion = 1

    /// The grid the runs belong to.
    public var grid: String
    /// Whether the runs' final tensors are stored.
    public var includesTensors: Bool
    /// The runs, sorted by `run_id`.
    public var runs: [RunRecord]
    /// When and where the baseline was stored; nil if `meta.json` is absent.
    public var meta: BaselineMeta?

    /// Builds a baseline from runs already reduced by `BaselineStore`; sorts them by `run_id`.
    public init(grid: String, includesTensors: Bool, runs: [RunRecord], meta: BaselineMeta?) {
        self.grid = grid
        self.includesTensors = includesTensors
        self.runs = runs.sorted { ($0.string(RunFileNames.Attribute.runID) ?? "").utf8.lexicographicallyPrecedes(($1.string(RunFileNames.Attribute.runID) ?? "").utf8) }
        self.meta = meta
    }

    /// The distinct `engine_version` attributes of the runs, sorted.
    public var engineVersions: [String] {
        Array(Set(runs.compactMap { $0.string(RunFileNames.Attribute.engineVersion) })).sorted()
    }

    /// The run ids, in the stored order.
    public var runIds: [String] { runs.map { $0.string(RunFileNames.Attribute.runID) ?? "" } }

    /// The run with this `run_id`, if stored.
    public func run(id: String) -> RunRecord? {
        runs.first { $0.string(RunFileNames.Attribute.runID) == id }
    }

    /// The text of `baseline.json` (deterministic: equal baselines give equal bytes).
    public var dataFileText: String { JSONWriter.indented(BaselineCodec.encode(self)) }

    /// Writes `baseline.json` and, if `meta` is set, `meta.json` into `folder`
    /// (created if needed). Each file is replaced atomically (`AtomicFile`);
    /// other files in the folder are left alone.
    public func write(to folder: URL) throws(BaselineError) {
        let path = folder.path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        do {
            try AtomicFile.write(dataFileText, to: folder.appendingPathComponent(ResultsLayout.baselineFileName))
            if let meta {
                let text = JSONWriter.indented(BaselineCodec.encode(meta))
                try AtomicFile.write(text, to: folder.appendingPathComponent(ResultsLayout.baselineMetaFileName))
            }
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// Reads the baseline stored in `folder`.
    ///
    /// Throws `BaselineError` naming the offending path when the folder does
    /// not exist or is not a folder, `baseline.json` is missing, unreadable,
    /// not JSON, of another schema version or not shaped like a baseline, or
    /// when `meta.json` exists but is corrupt. A missing `meta.json` is
    /// allowed (`meta` is then nil): it is informational only.
    public static func read(from folder: URL) throws(BaselineError) -> Baseline {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw .missingFolder(path: folder.path)
        }
        guard isFolder.boolValue else { throw .notAFolder(path: folder.path) }
        let dataPath = folder.appendingPathComponent(ResultsLayout.baselineFileName).path
        guard let dataNode = try readJSON(at: dataPath) else { throw .missingFile(path: dataPath) }
        var baseline = try BaselineCodec.decodeBaseline(dataNode, path: dataPath)
        let metaPath = folder.appendingPathComponent(ResultsLayout.baselineMetaFileName).path
        if let metaNode = try readJSON(at: metaPath) {
            baseline.meta = try BaselineCodec.decodeMeta(metaNode, path: metaPath)
        }
        return baseline
    }

    /// The parsed JSON at `path`, or nil if there is no file there.
    private static func readJSON(at path: String) throws(BaselineError) -> JSONNode? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error")
        }
        do {
            return try JSONParser.parse(bytes: Array(data))
        } catch {
            throw .corrupt(path: path, reason: "invalid JSON at \(error.description)")
        }
    }
}
