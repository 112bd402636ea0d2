import Foundation
import TestSupport

extension TemporaryFolder {
    /// Writes an executable `#!/bin/sh` script called `name` with `body`.
    @discardableResult
    func tool(_ name: String, _ body: String) -> String {
        let p = file(name)
        writeExecutable(p, "#!/bin/sh\n" + body + "\n")
        return p
    }

    /// The text of `name` inside the folder, nil when it cannot be read.
    func read(_ name: String) -> String? { try? String(contentsOfFile: file(name), encoding: .utf8) }
}
