import Foundation
import Testing
@testable import Recording

@Suite struct RunFileRoundTripTests {
    @Test func roundTripIsExact() throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let record = sampleRecord()
        let url = folder.file("run.h5")
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
}

@Suite struct ScratchDump {
    @Test func dump() throws {
        try RunFileWriter.write(sampleRecord(), to: URL(fileURLWithPath: "/tmp/rec/a.h5"))
        print("DIGEST", RunDigest.compute(sampleRecord()))
    }
}
