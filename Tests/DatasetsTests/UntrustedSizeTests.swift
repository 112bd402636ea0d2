import Foundation
import Testing
import Support
@testable import Datasets

/// Sizes and labels from user files that used to trap: huge class labels and
/// gzip files that expand without bound.
@Suite struct UntrustedSizeTests {
    func loadCSV(_ text: String) throws -> Dataset {
        let folder = try TestFiles.temporaryFolder()
        let url = try TestFiles.write(text, "data.csv", in: folder)
        return try DatasetRegistry.load(id: "csv", params: ["path": .string(url.path)], seed: 0, dataRoot: folder)
    }

    @Test func csvLabelNearInt32MaxIsAnError() throws {
        let rows = "1,2,0\n3,4,1\n5,6,2147483646\n"
        #expect {
            _ = try loadCSV(rows)
        } throws: { error in
            guard case .malformedCSV(_, let line, let field, let expected, _)? = error as? DatasetError else { return false }
            return line == 3 && field == 3 && expected.contains("0..<65536")
        }
    }

    @Test func csvLabelsBelowTheCapLoad() throws {
        let data = try loadCSV("1,2,0\n3,4,1\n5,6,65535\n1,1,0\n2,2,1\n3,3,0\n4,4,1\n5,5,0\n6,6,1\n7,7,0\n")
        #expect(data.task == .classification(classes: 65_536))
    }

    /// A one-dimensional int32 IDX label file holding `labels`.
    func idxLabels(_ labels: [Int32]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x0C, 1]
        let n = UInt32(labels.count)
        bytes += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
        for l in labels {
            let u = UInt32(bitPattern: l)
            bytes += [UInt8(u >> 24), UInt8(u >> 16 & 0xFF), UInt8(u >> 8 & 0xFF), UInt8(u & 0xFF)]
        }
        return bytes
    }

    /// A ubyte IDX image file of `count` 2x2 images.
    func idxImages(_ count: Int) -> [UInt8] {
        [0, 0, 0x08, 3, 0, 0, 0, UInt8(count), 0, 0, 0, 2, 0, 0, 0, 2] + [UInt8](repeating: 7, count: 4 * count)
    }

    @Test func idxLabelInt32MaxIsAnError() throws {
        let folder = try TestFiles.temporaryFolder()
        let images = try TestFiles.write(idxImages(3), "images.idx", in: folder)
        let labels = try TestFiles.write(idxLabels([0, 1, Int32.max]), "labels.idx", in: folder)
        #expect {
            _ = try IDXClassification.load(images: images, labels: labels)
        } throws: { error in
            guard case .malformedIDX(let path, let offset, let expected)? = error as? DatasetError else { return false }
            return path == labels.path && offset == 16 && expected.contains("0..<65536")
        }
    }

    @Test func gzipBombIsStoppedAtTheBound() throws {
        let folder = try TestFiles.temporaryFolder()
        // 4 MiB of zeros compress to a few KiB; a 1 MiB bound must stop it.
        let bomb = try TestFiles.write(try TestFiles.gzip([UInt8](repeating: 0, count: 4 << 20)), "bomb.gz", in: folder)
        #expect {
            _ = try Gunzip.decompress(fileAt: bomb, limit: 1 << 20)
        } throws: { error in
            guard case .unreadableFile(_, let reason)? = error as? DatasetError else { return false }
            return reason.contains("more than 1048576 bytes")
        }
        #expect(try Gunzip.decompress(fileAt: bomb, limit: 8 << 20).count == 4 << 20)
    }
}
