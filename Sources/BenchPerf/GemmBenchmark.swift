#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine

/// `bench-perf gemm`: float32 GEMM throughput of `Gemm.multiplyFloat` beside
/// OpenBLAS `cblas_sgemm` on the same square shapes and thread counts.
///
/// Options: `--sizes 256,512,1024`, `--threads 1,2`, `--reps 15` (timed
/// products per library and configuration), `--rounds 3`,
/// `--openblas-core NAME` (sets `OPENBLAS_CORETYPE`, e.g. `Haswell` to compare
/// at the AVX2 level the project kernel is compiled for).
/// Both libraries run on the same inputs in the same process, alternating in
/// `rounds` blocks per configuration; the table shows the best and the median
/// over repetitions. GFLOP/s counts 2 n^3 flops per product.
enum GemmBenchmark {
    static func main(_ args: [String]) {
        var sizes = [256, 512, 1024], threadCounts = [1, 2], reps = 15, rounds = 3
        var index = 0
        while index < args.count {
            let value = index + 1 < args.count ? args[index + 1] : ""
            switch args[index] {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--threads": threadCounts = value.split(separator: ",").compactMap { Int($0) }
            case "--reps": reps = max(1, Int(value) ?? reps)
            case "--rounds": rounds = max(1, Int(value) ?? rounds)
            case "--openblas-core": setenv("OPENBLAS_CORETYPE", value, 1)
            default:
                print("bench-perf gemm: unknown option \(args[index])")
                exit(2)
            }
            index += 2
        }
        rounds = min(rounds, reps)
        let blas = OpenBLAS.load()
        if blas == nil {
            print("OpenBLAS not found (dlopen libopenblas.so.0 failed): install libopenblas0 to compare; timing the project kernel only.")
        }
        guard verify(n: sizes.min() ?? 256, threads: threadCounts.max() ?? 2) else {
            print("FAILED: project GEMM differs from Gemm.reference")
            exit(1)
        }
        print("GEMM float32, C = A * B, square n x n, GFLOP/s (2 n^3 / time), best | median of \(reps) repetitions")
        if let blas { print("OpenBLAS core: \(blas.coreName)") }
        print(pad("n", 6) + pad("threads", 9) + pad("project", 18) + pad("OpenBLAS", 18) + pad("ratio(best)", 12))
        for n in sizes {
            for threads in threadCounts {
                let row = measure(n: n, threads: threads, reps: reps, rounds: rounds, blas: blas)
                var line = pad("\(n)", 6) + pad("\(threads)", 9) + pad(row.project.text, 18)
                if let other = row.openBLAS {
                    line += pad(other.text, 18) + pad(format(row.project.best / other.best, 2), 12)
                }
                print(line)
            }
        }
    }

    /// Best and median GFLOP/s of one configuration.
    struct Rate {
        var best: Double, median: Double
        var text: String { format(best, 1) + " | " + format(median, 1) }
    }

    static func measure(n: Int, threads: Int, reps: Int, rounds: Int, blas: OpenBLAS?) -> (project: Rate, openBLAS: Rate?) {
        var (a, b) = inputs(n)
        var c = [Float](repeating: 0, count: n * n)
        var ours: [Double] = [], theirs: [Double] = []
        blas?.setThreads(Int32(threads))
        let flops = 2 * Double(n) * Double(n) * Double(n)
        a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    let problem = GemmProblem<Float>(transA: false, transB: false, m: n, n: n, k: n,
                                                     a: UnsafePointer(ap.baseAddress!), lda: n,
                                                     b: UnsafePointer(bp.baseAddress!), ldb: n,
                                                     c: cp.baseAddress!, ldc: n, accumulate: false)
                    // Rounds alternate the libraries so both sample the same
                    // machine conditions; within a round one library runs at a
                    // time, with a pause after OpenBLAS, whose worker threads
                    // keep spinning for a while after a call and would steal
                    // the core from the next timed run.
                    let n32 = Int32(n)
                    for round in 0..<rounds {
                        let count = reps / rounds + (round < reps % rounds ? 1 : 0)
                        for rep in -1..<count {  // rep -1 warms up caches, pages and thread pools
                            let t0 = seconds()
                            Gemm.multiplyFloat(problem, threads: threads)
                            if rep >= 0 { ours.append(flops / (seconds() - t0) / 1e9) }
                        }
                        guard let blas else { continue }
                        for rep in -1..<count {
                            let t0 = seconds()
                            blas.sgemm(OpenBLAS.rowMajor, OpenBLAS.noTrans, OpenBLAS.noTrans, n32, n32, n32, 1,
                                       ap.baseAddress, n32, bp.baseAddress, n32, 0, cp.baseAddress, n32)
                            if rep >= 0 { theirs.append(flops / (seconds() - t0) / 1e9) }
                        }
                        pause()
                    }
                }
            }
        }
        return (rate(ours), blas == nil ? nil : rate(theirs))
    }

    /// Checks the project kernel against `Gemm.reference` bit for bit.
    static func verify(n: Int, threads: Int) -> Bool {
        let (a, b) = inputs(n)
        var fast = [Float](repeating: 0, count: n * n)
        var slow = fast
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                func problem(_ c: UnsafeMutablePointer<Float>) -> GemmProblem<Float> {
                    GemmProblem(transA: false, transB: false, m: n, n: n, k: n, a: ap.baseAddress!, lda: n,
                                b: bp.baseAddress!, ldb: n, c: c, ldc: n, accumulate: false)
                }
                fast.withUnsafeMutableBufferPointer { Gemm.multiplyFloat(problem($0.baseAddress!), threads: threads) }
                slow.withUnsafeMutableBufferPointer { Gemm.reference(problem($0.baseAddress!)) }
            }
        }
        let same = zip(fast, slow).allSatisfy { $0.bitPattern == $1.bitPattern }
        print("check n=\(n) threads=\(threads): project GEMM \(same ? "equals" : "DIFFERS FROM") Gemm.reference bit for bit")
        return same
    }

    static func inputs(_ n: Int) -> ([Float], [Float]) {
        var rng = RandomStream(seed: 42, purpose: "bench-perf/gemm", index: UInt64(n))
        let a = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
        let b = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
        return (a, b)
    }

    static func rate(_ samples: [Double]) -> Rate {
        let sorted = samples.sorted()
        return Rate(best: sorted.last ?? 0, median: sorted.isEmpty ? 0 : sorted[sorted.count / 2])
    }

    /// Lets spinning library threads go idle.
    static func pause() { usleep(300_000) }

    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func format(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        var s = "\(r)"
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
