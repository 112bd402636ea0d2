import Foundation
import Support
import Testing
import TestSupport
@testable import Recording

@Suite struct RunDigestTests {
    /// Computed from the file `RunFileWriter` makes of `sampleRecord()` with
    /// h5py 3.16 + numpy + hashlib, by the Python function in `RunDigest`'s doc
    /// comment (independent of this module's code).
    static let sampleDigestFromH5py = "e297411747bd26aac2c1a0660d6fbb814820dfdf9e09db04d0030e5b418e0266"

    @Test func matchesIndependentReference() {
        #expect(RunDigest.compute(sampleRecord()) == Self.sampleDigestFromH5py)
    }

    @Test func followsTheDocumentedByteStream() {
        let record = RunRecord(steps: [1, 2], curves: ["loss": [0.5, 0.25]], wallTime: [9, 9],
                               tensors: ["w": StoredTensor(shape: [], elements: .float32([1]))])
        // Sorted paths: /curves/loss < /curves/step < /tensors/w; wall_time left out.
        var bytes: [UInt8] = Array("/curves/loss\0float64\02\0".utf8)
        bytes += [0, 0, 0, 0, 0, 0, 0xE0, 0x3F] + [0, 0, 0, 0, 0, 0, 0xD0, 0x3F]  // 0.5, 0.25 (IEEE 754 LE)
        bytes += Array("/curves/step\0int64\02\0".utf8)
        bytes += [1, 0, 0, 0, 0, 0, 0, 0] + [2, 0, 0, 0, 0, 0, 0, 0]
        bytes += Array("/tensors/w\0float32\0\0".utf8)
        bytes += [0, 0, 0x80, 0x3F]  // 1.0f
        var hash = SHA256()
        hash.update(bytes)
        #expect(RunDigest.compute(record) == SHA256.hexString(hash.finalize()))
    }

    @Test func stableAcrossWriteAndRead() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        var record = sampleRecord()
        record.attributes["digest"] = .string(RunDigest.compute(record))
        try RunFileWriter.write(record, to: url)
        let back = try RunFileReader.read(url)
        #expect(RunDigest.compute(back) == Self.sampleDigestFromH5py)
        #expect(RunDigest.verify(back))
    }

    @Test func oneBitChangesIt() {
        let base = sampleRecord()
        var tensor = base
        if case .float32(var v) = tensor.tensors["final/fc1.weight"]!.elements {
            v[2] = Float(bitPattern: v[2].bitPattern ^ 1)
            tensor.tensors["final/fc1.weight"]!.elements = .float32(v)
        }
        var curve = base
        curve.curves["val_loss"]![1] = Double(bitPattern: base.curves["val_loss"]![1].bitPattern ^ 1)
        var step = base
        step.steps[3] ^= 1
        var series = base
        series.series["hessian"]!.curves["trace"]![0] = Double(bitPattern: 100.0.bitPattern ^ (1 << 63))
        var widened = base
        widened.tensors["initial/fc1.weight"] = StoredTensor(shape: [2, 3], elements: .float64([1, 2, 3, 4, 5, -6.5]))
        var reshaped = base
        reshaped.tensors["initial/fc1.weight"]!.shape = [3, 2]
        let digests = [base, tensor, curve, step, series, widened, reshaped].map(RunDigest.compute)
        #expect(Set(digests).count == digests.count)
    }

    @Test func ignoresWallTimeAndAttributes() {
        let base = sampleRecord()
        var other = base
        other.wallTime = [5, 6, 7, 8]
        other.attributes["status"] = .string("failed")
        other.attributes["digest"] = .string("whatever")
        #expect(RunDigest.compute(other) == RunDigest.compute(base))
        #expect(!RunDigest.verify(other))
    }
}
