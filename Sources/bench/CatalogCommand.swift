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
        let all: [(String, ComponentCatalog)] = [("optimizers", catalogs.optimizers), ("models", catalogs.models),
                                                  ("regularizers", catalogs.regularizers), ("datasets", catalogs.datasets)]
        let chosen = all.filter { axis == nil || $0.0 == axis }
        guard !chosen.isEmpty else {
            throw HarnessError.input("unknown catalog '\(axis!)'; choose optimizers, models, regularizers or datasets")
        }
        if markdown {
            for (name, catalog) in chosen { print("### \(name.prefix(1).uppercased() + name.dropFirst())\n\n" + catalog.markdown) }
            return
        }
        for (i, (name, catalog)) in chosen.enumerated() {
            if i > 0 { print("") }
            print("== \(name)")
            print(catalog.reference)
        }
    }
}
