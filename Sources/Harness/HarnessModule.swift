// Harness: the training loop (Training/), scheduling and execution of cells
// (Running/), the command actions behind `bench` (Commands/) and the registered
// components handed to the grid language (Components/). The grid language
// itself (parsing, validation, expansion into cells, run ids) is the module
// `GridLanguage`, which imports no component module; clients of Harness see it
// through this re-export.
@_exported import GridLanguage
