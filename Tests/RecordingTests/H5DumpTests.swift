import Foundation
import Testing
import TestSupport
@testable import Recording

/// The files must be readable by the HDF5 command-line tools, independently of
/// this module's reader.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/h5dump")))
struct H5DumpTests {
    private func dump(_ arguments: [String]) throws -> String {
        let result = try runProcess("/usr/bin/h5dump", arguments)
        #expect(result.status == 0)
        return result.output
    }

    @Test func attributesAreReadable() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(sampleRecord(), to: url)
        let text = try dump(["-A", url.path])
        #expect(text.contains("ATTRIBUTE \"status\""))
        #expect(text.contains("(0): \"completed\""))
        #expect(text.contains("(0): \"adam(lr=0.001)\""))
        #expect(text.contains("STRSIZE H5T_VARIABLE;"))
        #expect(text.contains("CSET H5T_CSET_UTF8;"))
        #expect(!text.contains("H5T_CSET_ASCII"))
        let seed = try #require(text.range(of: "ATTRIBUTE \"seed\""))
        #expect(text[seed.upperBound...].prefix(80).contains("H5T_STD_I64LE"))
        #expect(text[seed.upperBound...].prefix(120).contains("(0): 3"))
        let wall = try #require(text.range(of: "ATTRIBUTE \"wall_time_s\""))
        #expect(text[wall.upperBound...].prefix(80).contains("H5T_IEEE_F64LE"))
        // h5dump prints each non-ASCII byte as a sign-extended octal escape: "ö"
        // (U+00F6) is UTF-8 C3 B6, printed as \37777777703\37777777666.
        #expect(text.contains(#"(0): "Gr\37777777703\37777777666"#))
    }

    @Test func curvesAndTensorsAreReadable() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(sampleRecord(), to: url)
        let loss = try dump(["-d", "/curves/train_loss", url.path])
        #expect(loss.contains("H5T_IEEE_F64LE"))
        #expect(loss.contains("SIMPLE { ( 4 ) / ( 4 ) }"))
        #expect(loss.contains("(0): 2.5, 1, 0.5, 0.25"))
        let step = try dump(["-d", "/curves/step", url.path])
        #expect(step.contains("H5T_STD_I64LE"))
        #expect(step.contains("(0): 0, 10, 20, 30"))
        let weight = try dump(["-d", "/tensors/initial/fc1.weight", url.path])
        #expect(weight.contains("H5T_IEEE_F32LE"))
        #expect(weight.contains("SIMPLE { ( 2, 3 ) / ( 2, 3 ) }"))
        #expect(weight.contains("(0,0): 1, 2, 3,"))
        #expect(weight.contains("(1,0): 4, 5, -6.5"))
        let scalar = try dump(["-d", "/tensors/final/scale", url.path])
        #expect(scalar.contains("DATASPACE  SCALAR"))
        #expect(scalar.contains("(0): 42"))
        let series = try dump(["-d", "/series/hessian/top_eigenvalue", url.path])
        #expect(series.contains("(0): 10, 8.5"))
    }
}
