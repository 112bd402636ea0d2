import ArgumentParser
import Foundation
import Harness

/// The `bench` command line (DESIGN section 7).
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Reproducible benchmarks of neural-network training optimizers.",
        subcommands: [RunCommand.self, ListCommand.self, ReportCommand.self, CheckCommand.self,
                      BaselineCommand.self, ShowCommand.self, CatalogCommand.self, SlurmCommand.self])

    // Not ArgumentParser's `version:`: that string would be built, running git, on every invocation.
    @Flag(help: "Print the bench, engine and run-file versions and the source commit.") var version = false

    /// `bench --version` prints the versions; `bench` alone prints help.
    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(RunProvenance.versionText)
    }

    /// Runs the tool with the exit statuses of the contract: 0 success, 1 a check
    /// found a regression, 2 bad input or a harness error (usage errors included).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as HarnessError {
            let text = "\(error)"
            // Grid errors already read `file:line:col: error: ...`.
            if text.contains(": error: ") {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            } else {
                ErrorReport.print(text)
            }
            Foundation.exit(2)
        } catch let error as GridError {
            // Found after parsing (a cell's memory or components): still `file:line:col: error: ...`.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            ErrorReport.print(ErrorReport.parserMessage(fullMessage(for: error)))
            Foundation.exit(2)
        }
    }
}
