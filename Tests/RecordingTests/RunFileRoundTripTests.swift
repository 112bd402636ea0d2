import Foundation
import Testing
import TestSupport
@testable import Recording

@Suite struct RunFileRoundTripTests {
    @Test func roundTripIsExact() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let record = sampleRecord()
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(record, to: url)
        let back = try RunFileReader.read(url)
        #expect(back.attributes == record.attributes)
        #expect(back.steps == record.steps)
        #expect(back.wallTime == record.wallTime)
        #expect(back.tensors == record.tensors)
        #expect(back.series == record.series)
        #expect(Set(back.curves.keys) == Set(record.curves.keys))
        // NaN != NaN, so curves are compared bit by bit.
        for (name, values) in record.curves {
            #expect(back.curves[name]?.map(\.bitPattern) == values.map(\.bitPattern), "curve \(name)")
        }
        #expect(try folder.contents() == ["run.h5"])
    }

    @Test func attributeKindsAndUnicodeSurvive() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        let attributes: [String: AttributeValue] = [
            "note": .string("Größe µ — 学習 🚀"), "empty": .string(""), "ünï": .string("key too"),
            "one": .int(1), "minus": .int(-7), "min": .int(.min), "max": .int(.max),
            "half": .double(0.5), "negzero": .double(-0.0), "inf": .double(.infinity),
            "whole": .double(3.0),
        ]
        try RunFileWriter.write(RunRecord(attributes: attributes), to: url)
        let back = try RunFileReader.readAttributes(url)
        // `.double(3.0)` must not come back as `.int(3)`, nor `.int(1)` as a double.
        #expect(back == attributes)
        if case .double(let z)? = back["negzero"] { #expect(z.sign == .minus) } else { Issue.record("negzero") }
    }

    @Test func emptyRecordRoundTrips() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("empty.h5")
        try RunFileWriter.write(RunRecord(), to: url)
        #expect(try RunFileReader.read(url) == RunRecord())
    }

    @Test func emptyCurvesRoundTrip() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        let record = RunRecord(steps: [], curves: ["train_loss": [], "val_loss": []], wallTime: [])
        try RunFileWriter.write(record, to: url)
        #expect(try RunFileReader.read(url) == record)
        let header = try RunFileReader.readHeader(url)
        #expect(header.lastStep == nil)
        #expect(header.finalCurveValues.isEmpty)
    }

    @Test func headerHoldsLastValues() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        let record = sampleRecord()
        try RunFileWriter.write(record, to: url)
        let header = try RunFileReader.readHeader(url)
        #expect(header.attributes == record.attributes)
        #expect(header.lastStep == 30)
        #expect(header.finalCurveValues["train_loss"] == 0.25)
        #expect(header.finalCurveValues["val_loss"] == 0.625)
        #expect(header.finalCurveValues["val_accuracy"] == 0.875)
        #expect(header.finalCurveValues["wall_time"] == 0.3)
        #expect(header.finalCurveValues["grad_norm"]?.isNaN == true)
        #expect(header.finalCurveValues["step"] == nil)
    }

    @Test func sameRecordGivesSameBytes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let a = folder.fileURL("a.h5"), b = folder.fileURL("b.h5")
        try RunFileWriter.write(sampleRecord(), to: a)
        try RunFileWriter.write(sampleRecord(), to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func concurrentWritersDoNotCollide() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let base = folder.url
        // Two threads write each name: temporary names must differ and the final file must be whole.
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            var record = sampleRecord()
            record.attributes["run_id"] = .string("run\(i % 4)")
            try? RunFileWriter.write(record, to: base.appendingPathComponent("run\(i % 4).h5"))
        }
        #expect(try folder.contents() == ["run0.h5", "run1.h5", "run2.h5", "run3.h5"])
        for i in 0..<4 {
            let back = try RunFileReader.read(folder.fileURL("run\(i).h5"))
            #expect(back.string("run_id") == "run\(i)")
            #expect(back.tensors == sampleRecord().tensors)
        }
    }

    @Test func invalidRecordsAreRejectedBeforeWriting() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        let bad: [RunRecord] = [
            RunRecord(steps: [1, 2], curves: ["train_loss": [1]]),
            RunRecord(steps: [1, 2], wallTime: [0]),
            RunRecord(curves: ["a/b": []]),
            RunRecord(curves: ["step": []]),
            RunRecord(tensors: ["w": StoredTensor(shape: [2, 2], elements: .float32([1, 2, 3]))]),
            RunRecord(tensors: ["final//w": StoredTensor(shape: [], elements: .float32([1]))]),
            RunRecord(series: ["h": Series(steps: [1], curves: ["x": [1, 2]])]),
            RunRecord(attributes: ["s": .string("nul\0inside")]),
        ]
        for record in bad {
            #expect {
                try RunFileWriter.write(record, to: url)
            } throws: { error in
                guard case RecordingError.invalidRecord(let file, _)? = error as? RecordingError else { return false }
                return file == url.path
            }
        }
        #expect(try folder.contents().isEmpty)
    }
}
