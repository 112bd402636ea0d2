import Support
/// A loaded and expanded grid file.
public struct Grid: Sendable {
    /// The grid's name; results go to `results/<name>/`.
    public let name: String
    public let description: String?
    /// The path the grid was loaded from, as given.
    public let sourcePath: String
    public let train: TrainConfig
    /// The cells in order: dataset > model > optimizer > regularizer > seed,
    /// each axis in the file's order.
    public var cells: [Cell]
    /// How many cells `exclude` removed.
    public let excludedCount: Int

    /// Canonical JSON of the whole grid: name, description, every train
    /// setting, and each cell's run id and configuration in order.
    public var canonicalJSON: String {
        JSONValue.object([
            "name": .string(name),
            "description": description.map { .string($0) } ?? .null,
            "train": train.fullJSON,
            "cells": .array(cells.map { .object(["run_id": .string($0.runId), "config": $0.config]) }),
        ]).text
    }

    /// The text `bench list` prints: a header, one line per cell with its run
    /// id and short names, and the count.
    public var listing: String { GridListing.text(for: self) }
}
