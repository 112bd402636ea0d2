#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS loaded at run time with `dlopen`, so it is a dependency of the
/// benchmark only and the package never links against it.
struct OpenBLAS {
    typealias Sgemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float,
                                      UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                      Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void
    typealias CoreName = @convention(c) () -> UnsafePointer<CChar>?

    /// CBLAS enumeration values (cblas.h).
    static let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112

    let sgemm: Sgemm
    let setThreads: SetThreads
    /// The kernel family OpenBLAS picked for this CPU (e.g. `Haswell`, `SkylakeX`).
    let coreName: String

    /// Loads the first library that exists, or returns nil with a message.
    static func load(names: [String] = ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"]) -> OpenBLAS? {
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let gemm = dlsym(handle, "cblas_sgemm"), let threads = dlsym(handle, "openblas_set_num_threads")
            else { continue }
            var core = "unknown"
            if let sym = dlsym(handle, "openblas_get_corename"),
               let text = unsafeBitCast(sym, to: CoreName.self)() {
                core = String(cString: text)
            }
            return OpenBLAS(sgemm: unsafeBitCast(gemm, to: Sgemm.self),
                            setThreads: unsafeBitCast(threads, to: SetThreads.self), coreName: core)
        }
        return nil
    }
}
