import Foundation
import Testing
import TestSupport
@testable import Recording

/// Readers accept run files of this schema version and older ones (files
/// without `schema_version` are version 1) and refuse newer ones by name.
@Suite struct RunFileSchemaTests {
    private func write(schema: AttributeValue?, in folder: TemporaryFolder) throws -> URL {
        var record = sampleRecord()
        record.attributes[RunFileNames.Attribute.schemaVersion] = schema
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(record, to: url)
        return url
    }

    private func refusal(_ read: () throws -> Void) -> RecordingError? {
        do { try read(); return nil } catch let error as RecordingError { return error } catch { return nil }
    }

    @Test func fileWithoutVersionIsVersionOneAndReads() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try write(schema: nil, in: folder)
        let record = try RunFileReader.read(url)
        #expect(RunFileSchema.version(of: record.attributes) == 1)
        #expect(record.curves["train_loss"] == sampleRecord().curves["train_loss"])
    }

    @Test func currentVersionReads() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try write(schema: .int(RunFileSchema.current), in: folder)
        #expect(RunFileSchema.version(of: try RunFileReader.readAttributes(url)) == RunFileSchema.current)
        #expect(try RunFileReader.readHeader(url).lastStep == 30)
    }

    @Test(arguments: [AttributeValue.int(RunFileSchema.current + 1), .int(99), .string("3"), .double(2.5)])
    func newerVersionIsRefusedByEveryReader(_ schema: AttributeValue) throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try write(schema: schema, in: folder)
        for read in [{ _ = try RunFileReader.read(url) }, { _ = try RunFileReader.readAttributes(url) },
                     { _ = try RunFileReader.readHeader(url) }] as [() throws -> Void] {
            guard case .newerSchema(let file, _, let supported)? = refusal(read) else {
                Issue.record("schema \(schema) was not refused"); continue
            }
            #expect(file == url.path)
            #expect(supported == RunFileSchema.current)
        }
        let message = "\(refusal { _ = try RunFileReader.read(url) }!)"
        #expect(message.contains("is newer than this bench reads"), "\(message)")
    }

    @Test func verifiedReadNamesTheNewerSchema() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try write(schema: .int(RunFileSchema.current + 1), in: folder)
        do {
            _ = try VerifiedRunFile.read(url)
            Issue.record("a newer schema was accepted")
        } catch {
            #expect("\(error)".contains("schema version \(RunFileSchema.current + 1)"), "\(error)")
        }
    }

    /// Every stored study's run files predate the attribute: still readable and
    /// verified, as version 1. (Only the committed `study_*` folders: a local
    /// quickstart run writes the current schema.)
    @Test func storedRunFilesStillRead() throws {
        let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results")
        let studies = try FileManager.default.contentsOfDirectory(atPath: results.path).filter { $0.hasPrefix("study_") }.sorted()
        #expect(!studies.isEmpty)
        for study in studies {
            let runs = results.appendingPathComponent(study).appendingPathComponent("runs")
            guard let name = try FileManager.default.contentsOfDirectory(atPath: runs.path)
                .filter({ $0.hasSuffix(".h5") }).sorted().first else { continue }
            let record = try VerifiedRunFile.read(runs.appendingPathComponent(name))
            #expect(RunFileSchema.version(of: record.attributes) == 1, "\(study)/\(name)")
        }
    }
}
