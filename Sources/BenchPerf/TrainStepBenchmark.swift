import Foundation
import Engine
import Models
import Support

/// Training-step throughput (steps per second) of small models in float32 on one
/// thread, side by side with peer implementations of the identical step
/// (`benchmarks/peers/train_step.py`: numpy, and JAX with jit).
///
/// A step is: forward pass, mean softmax cross-entropy, backward pass, and the SGD
/// update w <- w - lr g, on random data of the stated shape (digits-shaped for the
/// MLP: 64 features, 10 classes). Each case is timed for about `seconds` seconds in
/// `repeats` rounds after a warm-up; the best round counts, as a noisy shared
/// machine only ever slows a round down.
enum TrainStepBenchmark {
    /// One benchmarked configuration.
    struct Case {
        let name: String
        let model: any Model
        let batch: Int
        let makeInput: (Int) -> (ModelInput<Float>, [Int])
    }

    static func run(_ arguments: [String]) {
        let seconds = value(of: "--seconds", in: arguments).flatMap(Double.init) ?? 2
        let repeats = value(of: "--repeats", in: arguments).flatMap(Int.init) ?? 3
        let skipPeers = arguments.contains("--no-peers")
        let only = value(of: "--only", in: arguments)
        print("bench-perf train: float32, 1 thread, SGD (lr 0.01), best of \(repeats) rounds of ~\(seconds) s")
        var swift: [String: Double] = [:]
        var order: [String] = []
        let selected = cases() + (arguments.contains("--all") ? extraCases() : [])
        for c in selected where only == nil || only == c.name {
            let rate = measure(c, seconds: seconds, repeats: repeats)
            swift[c.name] = rate
            order.append(c.name)
            print("  swift \(c.name): \(String(format: "%.0f", rate)) steps/s (\(c.model.parameterCount) parameters)")
        }
        let peers = skipPeers ? [:] : runPeers(seconds: seconds, repeats: repeats)
        printTable(order: order, swift: swift, peers: peers)
    }

    static func cases() -> [Case] {
        let digits = DataSignature.dense(features: 64, classes: 10)
        let mlp = try! ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([128]), "activation": .string("relu")]), data: digits)
        let text = DataSignature.tokens(vocabulary: 1000, maxLength: 32, classes: 2)
        let lstm = try! ModelRegistry.make(id: "rnn", params: Params(["cell": .string("lstm"), "embed": .int(32), "hidden": .int(64)]),
                                           data: text)
        func dense(_ batch: Int) -> (Int) -> (ModelInput<Float>, [Int]) {
            { k in
                var rng = RandomStream(seed: 1, purpose: "bench/mlp", index: UInt64(k))
                let x = Tensor<Float>(shape: [batch, 64], data: (0..<(batch * 64)).map { _ in Float(rng.uniform()) })
                return (.dense(x), (0..<batch).map { _ in rng.int(below: 10) })
            }
        }
        let tokens: (Int) -> (ModelInput<Float>, [Int]) = { k in
            var rng = RandomStream(seed: 1, purpose: "bench/lstm", index: UInt64(k))
            let ids = (0..<(32 * 32)).map { _ in 1 + rng.int(below: 999) }
            return (.tokens(ids, batch: 32, steps: 32, lengths: [Int](repeating: 32, count: 32)), (0..<32).map { _ in rng.int(below: 2) })
        }
        return [Case(name: "mlp_b32", model: mlp, batch: 32, makeInput: dense(32)),
                Case(name: "mlp_b256", model: mlp, batch: 256, makeInput: dense(256)),
                Case(name: "lstm_b32", model: lstm, batch: 32, makeInput: tokens)]
    }

    /// Further models, timed on the Swift side only (`--all`): token classifiers
    /// of 64 steps over a vocabulary of 1000 and character models over 64 steps.
    static func extraCases() -> [Case] {
        let text = DataSignature.tokens(vocabulary: 1000, maxLength: 64, classes: 2)
        let chars = DataSignature.languageModel(vocabulary: 64, maxLength: 64)
        func model(_ id: String, _ params: [String: ParamValue], _ data: DataSignature) -> any Model {
            try! ModelRegistry.make(id: id, params: Params(params), data: data)
        }
        func tokens(vocabulary: Int, perStepLabels: Bool, classes: Int) -> (Int) -> (ModelInput<Float>, [Int]) {
            { k in
                var rng = RandomStream(seed: 1, purpose: "bench/tokens", index: UInt64(k))
                let ids = (0..<(32 * 64)).map { _ in 1 + rng.int(below: vocabulary - 1) }
                let labels = (0..<(perStepLabels ? 32 * 64 : 32)).map { _ in rng.int(below: classes) }
                return (.tokens(ids, batch: 32, steps: 64, lengths: [Int](repeating: 64, count: 32)), labels)
            }
        }
        let classify = tokens(vocabulary: 1000, perStepLabels: false, classes: 2)
        let predict = tokens(vocabulary: 64, perStepLabels: true, classes: 64)
        return [
            Case(name: "cnn_b32", model: model("cnn", [:], text), batch: 32, makeInput: classify),
            Case(name: "gru_b32", model: model("rnn", ["cell": .string("gru")], text), batch: 32, makeInput: classify),
            Case(name: "transformer_b32", model: model("transformer", [:], text), batch: 32, makeInput: classify),
            Case(name: "charlm_lstm", model: model("charlm", [:], chars), batch: 32, makeInput: predict),
            Case(name: "charlm_tfm", model: model("charlm", ["cell": .string("transformer")], chars), batch: 32, makeInput: predict),
        ]
    }

    /// Best steps per second over `repeats` timed rounds.
    static func measure(_ c: Case, seconds: Double, repeats: Int) -> Double {
        var weights = c.model.initialParameters(seed: 0, as: Float.self)
        let batches = (0..<8).map(c.makeInput)
        let tape = Tape<Float>(threads: 1)
        var state = ModelState<Float>()
        let context = ForwardContext(mode: .train)
        let lr: Float = 0.01
        var step = 0
        func trainStep() {
            let (input, labels) = batches[step % batches.count]
            step += 1
            tape.reset()
            let vars = weights.map { tape.parameter($0) }
            let loss = c.model.forward(vars, input: input, context: context, state: &state).softmaxCrossEntropy(labels: labels)
            let grads = tape.gradients(of: loss, withRespectTo: vars)
            tape.reset()   // drops the tape's references to the weights, so the update below does not copy them
            for i in weights.indices {
                grads[i].value.data.withUnsafeBufferPointer { g in
                    weights[i].data.withUnsafeMutableBufferPointer { w in
                        for j in 0..<w.count { w[j] -= lr * g[j] }
                    }
                }
            }
        }
        for _ in 0..<20 { trainStep() }
        var best = 0.0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            var n = 0, elapsed = 0.0
            repeat {
                for _ in 0..<10 { trainStep() }
                n += 10
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while elapsed < seconds
            best = max(best, Double(n) / elapsed)
        }
        return best
    }

    /// Runs the peer script when python3 is available; returns steps/s by
    /// implementation and case, e.g. `["jax_jit": ["mlp_b32": 20000]]`.
    static func runPeers(seconds: Double, repeats: Int) -> [String: [String: Double]] {
        let script = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("benchmarks/peers/train_step.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            print("  (peer script not found at \(script.path); run from the repository root)")
            return [:]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--seconds", String(seconds), "--repeats", String(repeats)]
        var environment = ProcessInfo.processInfo.environment
        for key in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = "1" }
        environment["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            print("  (python3 not available: \(error))")
            return [:]
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var results: [String: [String: Double]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard case .object(let object)? = try? JSONParser.parse(String(line)),
                  case .string(let impl)? = object["impl"], case .string(let name)? = object["case"],
                  let rate = object["steps_per_s"].flatMap(ExactNumber.double) else {
                print("  peer: \(line)")
                continue
            }
            results[impl, default: [:]][name] = rate
        }
        return results
    }

    static func printTable(order: [String], swift: [String: Double], peers: [String: [String: Double]]) {
        let known = ["numpy", "jax_jit", "jax_jit_fused50"]
        let impls = known.filter { peers[$0] != nil } + peers.keys.sorted().filter { !known.contains($0) }
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        print("")
        print(([pad("case", 15), pad("swift", 9)] + impls.flatMap { [pad($0, 16), pad("ratio", 7)] }).joined(separator: " "))
        for name in order {
            var cells = [pad(name, 15), pad(String(format: "%.0f", swift[name] ?? 0), 9)]
            for impl in impls {
                if let peer = peers[impl]?[name] {
                    cells += [pad(String(format: "%.0f", peer), 16), pad(String(format: "%.2fx", (swift[name] ?? 0) / peer), 7)]
                } else {
                    cells += [pad("-", 16), pad("", 7)]
                }
            }
            print(cells.joined(separator: " "))
        }
        if impls.isEmpty { print("(no peer results: python3 with numpy/jax not available)") }
        print("ratio = swift steps/s / peer steps/s (above 1: swift is faster)")
    }

    static func value(of flag: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }
}
