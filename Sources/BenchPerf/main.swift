/// `bench-perf`: performance benchmarks of the engine, each compared side by
/// side with a peer implementation in the same run.
///
/// Usage: `bench-perf <benchmark> [options]`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first else {
    print("usage: bench-perf <benchmark> [options]\nbenchmarks: gemm, train")
    exit(2)
}
switch name {
case "gemm":
    GemmBenchmark.main(Array(arguments.dropFirst()))
case "train":
    TrainStepBenchmark.run(Array(arguments.dropFirst()))
default:
    print("bench-perf: unknown benchmark '\(name)'\nbenchmarks: gemm, train")
    exit(2)
}
