import ArgumentParser
import Harness

/// `bench catalog [AXIS]`: every registry id a grid file may name, with its
/// parameters, types, defaults and rules.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List the optimizers, models, regularizers and data sets a grid may name.")

    @Argument(help: "optimizers, models, regularizers or datasets (default: all).") var axis: String?
    @Flag(help: "Markdown tables (the README's parameter reference).") var markdown = false

    func run() throws {
        let catalogs = ComponentCatalogs.registered
        if markdown && axis == nil {
            print(catalogs.markdown, terminator: "")
            return
        }
        let chosen = catalogs.all.filter { axis == nil || $0.name == axis }
        guard !chosen.isEmpty else {
            throw HarnessError.input("unknown catalog '\(axis!)'; choose optimizers, models, regularizers or datasets")
        }
        if markdown {
            for (_, catalog) in chosen { print(catalog.markdown, terminator: "") }
            return
        }
        for (i, (name, catalog)) in chosen.enumerated() {
            if i > 0 { print("") }
            print("== \(name)")
            print(catalog.reference)
        }
    }
}
