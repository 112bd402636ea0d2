import Foundation
@testable import Recording

/// A record with every kind of content a run file holds.
func sampleRecord() -> RunRecord {
    RunRecord(
        attributes: [
            "run_id": .string("0123abcd"),
            "grid": .string("quickstart"),
            "dataset": .string("digits"),
            "model": .string("mlp(hidden=[4])"),
            "optimizer": .string("adam(lr=0.001)"),
            "regularizer": .string("l2(lambda=0.0001)"),
            "status": .string("completed"),
            "stop_reason": .string("steps"),
            "config": .string(#"{"dataset":"digits","model":{"mlp":{"hidden":[4]}},"seed":3}"#),
            "note": .string("Größe µ — 学習 🚀"),
            "empty": .string(""),
            "seed": .int(3),
            "steps_done": .int(30),
            "f_evals": .int(31), "g_evals": .int(30), "hv_evals": .int(0),
            "big": .int(Int64.min),
            "wall_time_s": .double(1.25),
            "tiny": .double(.leastNonzeroMagnitude),
        ],
        steps: [0, 10, 20, 30],
        curves: [
            "train_loss": [2.5, 1.0, 0.5, 0.25],
            "val_loss": [2.6, 1.1, 0.75, 0.625],
            "val_accuracy": [0.1, 0.5, 0.75, 0.875],
            "grad_norm": [3.0, .infinity, -0.0, .nan],
        ],
        wallTime: [0.0, 0.1, 0.2, 0.3],
        tensors: [
            "initial/fc1.weight": StoredTensor(shape: [2, 3], elements: .float32([1, 2, 3, 4, 5, -6.5])),
            "final/fc1.weight": StoredTensor(shape: [2, 3], elements: .float32([0.5, 1.5, 2.5, 3.5, 4.5, Float.ulpOfOne])),
            "final/fc1.bias": StoredTensor(shape: [3], elements: .float64([0.1, 0.2, 0.3])),
            "final/scale": StoredTensor(shape: [], elements: .float64([42.0])),
            "final/deep/block/kernel": StoredTensor(shape: [2, 1, 2], elements: .float64([1, 2, 3, 4])),
            "final/empty": StoredTensor(shape: [0, 3], elements: .float32([])),
        ],
        series: [
            "hessian": Series(steps: [0, 15], curves: ["top_eigenvalue": [10.0, 8.5], "trace": [100, 90]]),
            "nothing": Series(steps: [], curves: ["x": []]),
        ])
}

/// Runs an executable and returns its standard output and exit status.
func runProcess(_ path: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}
