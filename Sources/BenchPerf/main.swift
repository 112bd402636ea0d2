switch CommandLine.arguments.dropFirst().first {
case "train": TrainStepBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))
default: print("bench-perf")
}
