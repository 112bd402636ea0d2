import GridLanguage
/// Version of the numeric engine recorded in every run file. Bump it whenever a
/// change alters any recorded number, so baselines say which engine made them.
public enum EngineVersion {
    public static let current = "bench-engine 0.2.0"
}
