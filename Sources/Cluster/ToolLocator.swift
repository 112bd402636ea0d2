import Foundation

/// Finds commands the way a shell does: the first executable regular file
/// named `tool` in the folders of `PATH`, in order.
enum ToolLocator {
    static func locate(_ tool: String, environment: [String: String]) -> String? {
        let folders = (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true)
        for folder in folders.map(String.init) {
            let candidate = folder.hasSuffix("/") ? folder + tool : folder + "/" + tool
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}
