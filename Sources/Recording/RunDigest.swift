import Support

/// The determinism digest of a run: a hex SHA-256 (FIPS 180-4) over every
/// deterministic dataset of its run file.
///
/// Definition. Take every dataset of the run file except `/curves/wall_time`:
/// `/curves/step` (int64), each other `/curves/<name>` (float64), each
/// `/tensors/<key>` (float32 or float64, with its shape), and each
/// `/series/<group>/step` (int64) and `/series/<group>/<name>` (float64). Sort
/// their absolute paths (for example `/curves/train_loss`) by the bytes of their
/// UTF-8 encoding. For each, in that order, feed the hash:
/// 1. the path's UTF-8 bytes, then one 0x00 byte;
/// 2. the element type's name in ASCII (`int64`, `float32` or `float64`, as
///    numpy's `dtype.name` spells it), then 0x00;
/// 3. the shape as decimal lengths joined by `,` (`"64,784"`; `""` for a
///    scalar), then 0x00;
/// 4. the elements in row-major order, each in little-endian IEEE 754 (floats)
///    or two's complement (int64) bytes.
/// The digest is the lowercase hex of the final SHA-256. Attributes (including
/// `digest` itself) and wall-clock times are not covered, so a rerun that
/// computes the same numbers gives the same digest. With h5py and numpy:
///
/// ```python
/// import hashlib, h5py, numpy as np
/// def run_digest(filename):
///     with h5py.File(filename, "r") as f:
///         paths = []
///         f.visititems(lambda n, o: paths.append("/" + n) if isinstance(o, h5py.Dataset) else None)
///         h = hashlib.sha256()
///         for p in sorted(q for q in paths if q != "/curves/wall_time"):
///             d = f[p]
///             h.update(p.encode() + b"\0" + d.dtype.name.encode() + b"\0"
///                      + ",".join(map(str, d.shape)).encode() + b"\0")
///             h.update(np.asarray(d[()]).astype(d.dtype.newbyteorder("<")).tobytes())
///         return h.hexdigest()
/// ```
/// (Python's `sorted` on `str` orders by code point, which is UTF-8 byte order.)
public enum RunDigest {
    /// The digest of `record` as defined above (the same value for the record and
    /// for the file `RunFileWriter` makes of it).
    public static func compute(_ record: RunRecord) -> String {
        var hash = SHA256()
        let datasets = RunFileLayout.deterministicDatasets(record).sorted { RunFileLayout.utf8Less($0.path, $1.path) }
        for dataset in datasets {
            hash.update(Array(dataset.path.utf8) + [0])
            hash.update(Array(dataset.values.dtypeName.utf8) + [0])
            hash.update(Array(dataset.shape.map(String.init).joined(separator: ",").utf8) + [0])
            dataset.values.withRawBytes { hash.update($0) }
        }
        return SHA256.hexString(hash.finalize())
    }

    /// Each deterministic dataset's own digest, by absolute path: the SHA-256 of
    /// exactly what `compute` feeds the run digest for that dataset (steps 1 to
    /// 4 above), so a baseline can say which dataset changed without storing it.
    public static func datasetDigests(_ record: RunRecord) -> [String: String] {
        var digests: [String: String] = [:]
        for dataset in RunFileLayout.deterministicDatasets(record) {
            var hash = SHA256()
            hash.update(Array(dataset.path.utf8) + [0])
            hash.update(Array(dataset.values.dtypeName.utf8) + [0])
            hash.update(Array(dataset.shape.map(String.init).joined(separator: ",").utf8) + [0])
            dataset.values.withRawBytes { hash.update($0) }
            digests[dataset.path] = SHA256.hexString(hash.finalize())
        }
        return digests
    }

    /// True if the record's `digest` attribute equals the digest of its content.
    public static func verify(_ record: RunRecord) -> Bool {
        record.string(RunFileNames.Attribute.digest) == compute(record)
    }
}
