// swift-tools-version:6.0
import Foundation
import PackageDescription

// HDF5's pkg-config name differs between systems, and a system-library target
// takes one name. Debian and Ubuntu ship `hdf5-serial` (their `hdf5` is an
// alternatives link that may point at an MPI build); Fedora, Arch, Homebrew and
// conda ship only `hdf5`. Prefer `hdf5-serial` where its .pc file exists, else
// `hdf5`; BENCH_HDF5_PKG_CONFIG names another.
func hdf5PkgConfigName() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let forced = environment["BENCH_HDF5_PKG_CONFIG"], !forced.isEmpty { return forced }
    let standard = ["/usr/lib/x86_64-linux-gnu/pkgconfig", "/usr/lib/aarch64-linux-gnu/pkgconfig", "/usr/lib/pkgconfig",
                    "/usr/lib64/pkgconfig", "/usr/share/pkgconfig", "/usr/local/lib/pkgconfig", "/opt/homebrew/lib/pkgconfig"]
    let folders = (environment["PKG_CONFIG_PATH"] ?? "").split(separator: ":").map(String.init) + standard
    let serial = folders.contains { FileManager.default.fileExists(atPath: $0 + "/hdf5-serial.pc") }
    return serial ? "hdf5-serial" : "hdf5"
}

// Hot numeric code is compiled for a stated CPU floor: x86-64-v3 (AVX2 + FMA) on
// x86-64, plain arm64 elsewhere. Without it SIMD fused multiply-adds become calls
// into the C library and run about 100x slower.
#if arch(x86_64)
let cpuFloor: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
#else
let cpuFloor: [SwiftSetting] = []
#endif
let fast: [SwiftSetting] = cpuFloor + [
    .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "bench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "bench-perf", targets: ["BenchPerf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: hdf5PkgConfigName(),
                       providers: [.apt(["libhdf5-dev"]), .yum(["hdf5-devel"]), .brew(["hdf5"])]),
        // Compile-time instruction-set facts, read by the module that imports it (see its header).
        .target(name: "CBuildTarget"),
        .target(name: "Support", swiftSettings: fast),
        .target(name: "Engine", swiftSettings: fast),
        .target(name: "Models", dependencies: ["Engine", "Support"], swiftSettings: fast),
        .target(name: "Optimizers", dependencies: ["Engine", "Support"], swiftSettings: fast),
        .target(name: "Datasets", dependencies: ["Engine", "Support"], swiftSettings: fast),
        .target(name: "Regularizers", dependencies: ["Engine", "Models", "Support"], swiftSettings: fast),
        .target(name: "Recording", dependencies: ["Support", "CHDF5"], swiftSettings: fast),
        .target(name: "Reports", dependencies: ["Engine", "Recording", "Support"], swiftSettings: fast),
        .target(name: "Baselines", dependencies: ["Recording", "Support"], swiftSettings: fast),
        .target(name: "Cluster", dependencies: ["Support"], swiftSettings: fast),
        .target(name: "Diagnostics", dependencies: ["Engine"], swiftSettings: fast),
        .target(name: "GridLanguage",
                dependencies: ["Support", .product(name: "Yams", package: "Yams")],
                swiftSettings: fast),
        .target(name: "Harness",
                dependencies: ["GridLanguage", "Baselines", "CBuildTarget", "Datasets", "Diagnostics", "Engine", "Models", "Optimizers", "Recording", "Regularizers", "Reports", "Support"],
                swiftSettings: fast),
        .executableTarget(name: "bench",
                          dependencies: ["Cluster", "Harness", "Recording", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: fast),
        .executableTarget(name: "BenchPerf", dependencies: ["Engine", "Models", "Support"],
                          swiftSettings: fast),
        // Helpers the test targets share (gradient checks, scratch folders); only test targets depend on it.
        .target(name: "TestSupport", dependencies: ["Engine"], path: "Tests/TestSupport", swiftSettings: cpuFloor),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"], swiftSettings: cpuFloor),
        .testTarget(name: "ModelsTests", dependencies: ["Engine", "Models", "Support", "TestSupport"], swiftSettings: cpuFloor),
        .testTarget(name: "OptimizersTests", dependencies: ["Engine", "Optimizers", "Support"], swiftSettings: cpuFloor),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Engine", "Support"]),
        .testTarget(name: "RegularizersTests", dependencies: ["Engine", "Models", "Regularizers", "Support"], swiftSettings: cpuFloor),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "Support", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Recording"]),
        .testTarget(name: "BaselinesTests", dependencies: ["Baselines", "Recording", "Support", "TestSupport"]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "Engine"], swiftSettings: cpuFloor),
        // "bench" is not imported: the end-to-end tests run the executable, so it must be built first.
        .testTarget(name: "HarnessTests",
                    dependencies: ["Datasets", "GridLanguage", "Harness", "Models", "Optimizers", "Recording", "Regularizers", "Support", "bench"],
                    swiftSettings: cpuFloor),
    ]
)
