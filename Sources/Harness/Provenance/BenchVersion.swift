/// Version of the bench tool, recorded in every run file (`bench_version`) and
/// printed by `bench --version`. Unlike `EngineVersion` it says nothing about
/// numbers: bump it for releases of the tool (commands, formats, reports).
public enum BenchVersion {
    /// The version of this build.
    public static let current = "0.3.0"
}
