/// The names a run file uses on disk (DESIGN section 6): root attributes, curve
/// datasets and groups. The writer (`RunExecutor`, the trainer) and every reader
/// (summaries, the index, reports, baselines, commands) spell them through this
/// one vocabulary, so a name cannot drift between the two sides.
///
/// These strings are part of the stored format: renaming one here would make
/// existing run files unreadable, so they only ever gain members.
public enum RunFileNames {
    /// The group holding the evaluation curves (`/curves`).
    public static let curvesGroup = "curves"
    /// The group holding stored tensors (`/tensors`).
    public static let tensorsGroup = "tensors"
    /// The group holding extra series with their own steps (`/series`).
    public static let seriesGroup = "series"
}
