import GridLanguage
/// Checks folder names taken from run files before they become output paths.
///
/// `bench report` and `bench baseline` name their default output folder after
/// the `grid` attribute of the run files, which anyone can edit; a name such
/// as `../../x` would otherwise write outside `reports/` or
/// `results/baselines/`.
public enum OutputFolderName {
    /// `name` if it is one path component (not empty, no `/`, no `..`, no NUL);
    /// otherwise `HarnessError.input` naming where it came from and which option overrides it.
    public static func validated(_ name: String, from source: String, option: String) throws -> String {
        let problem: String?
        if name.isEmpty { problem = "is empty" }
        else if name.contains("/") { problem = "contains '/'" }
        else if name.contains("..") { problem = "contains '..'" }
        else if name == "." { problem = "is '.'" }
        else if name.contains("\0") { problem = "contains a NUL byte" }
        else { problem = nil }
        guard let problem else { return name }
        throw HarnessError.input("\(source): grid name \"\(name)\" \(problem), so it cannot name an output folder;"
                                 + " give one with \(option)")
    }
}
