import Foundation
import Recording

/// The provenance attributes of a run file: which format, tool, engine and
/// source wrote it, on which machine, and when.
///
/// All are root attributes, which the digest does not cover (`RunDigest`), and
/// none is part of the cell's canonical configuration, so they change neither
/// run ids nor digests: two runs of one cell on different machines still
/// compare bit for bit.
public enum RunProvenance {
    private typealias Name = RunFileNames.Attribute

    /// The attributes that are the same for every run of this process.
    public static let process: [String: AttributeValue] = [
        Name.schemaVersion: .int(RunFileSchema.current),
        Name.engineVersion: .string(EngineVersion.current),
        Name.benchVersion: .string(BenchVersion.current),
        Name.sourceCommit: .string(SourceCommit.current),
        Name.hostName: .string(HostDescription.hostName),
        Name.cpuModel: .string(HostDescription.cpuModel),
        Name.instructionSet: .string(InstructionSet.description),
        Name.operatingSystem: .string(HostDescription.operatingSystem),
    ]

    /// The process attributes plus the run's start and end time.
    public static func attributes(start: Date, end: Date) -> [String: AttributeValue] {
        var a = process
        a[Name.startTime] = .string(UTCTimestamp.string(start))
        a[Name.endTime] = .string(UTCTimestamp.string(end))
        return a
    }

    /// What `bench --version` prints: tool, engine and run-file versions, the
    /// source commit and the instruction set.
    public static var versionText: String {
        """
        bench \(BenchVersion.current)
        engine: \(EngineVersion.current)
        run-file schema: \(RunFileSchema.current)
        source commit: \(SourceCommit.current)
        instruction set: \(InstructionSet.description)
        """
    }
}
