/// Quoting of text for the two languages a job script is written in: bash
/// command lines and `#SBATCH` directive arguments.
public enum ShellQuote {
    /// `text` as one bash word: wrapped in single quotes, inside which bash
    /// interprets nothing, with each embedded `'` written as `'\''` (close the
    /// quote, an escaped quote, reopen). Bash manual, section 3.1.2.2.
    public static func bash(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The argument of an `#SBATCH --output=` directive naming the file
    /// `pattern` (raw Slurm replacement symbols such as `%x-%A_%a.out`) inside
    /// the folder `directory` (taken literally). sbatch splits directive lines
    /// itself, not through a shell: double quotes group words and a backslash
    /// escapes the next character, so `"` becomes `\"`. The value is then a
    /// Slurm file-name pattern in which `%` starts a replacement symbol, so a
    /// literal `%` is written `%%` (sbatch(1), "filename pattern"). Folders
    /// holding a backslash or a line break cannot be expressed (Slurm drops the
    /// output of such paths), so `SlurmOptions.validate()` rejects them.
    public static func sbatchOutput(directory: String, pattern: String) -> String {
        precondition(!directory.contains("\\") && !directory.contains("\n") && !directory.contains("\r"),
                     "an #SBATCH path cannot hold a backslash or a line break")
        let literal = directory.replacingOccurrences(of: "%", with: "%%")
            .replacingOccurrences(of: "\"", with: "\\\"")
        let slash = literal.hasSuffix("/") ? "" : "/"
        return "\"" + literal + slash + pattern + "\""
    }
}
