/// Register-blocked inner kernel of the packed GEMM: one `mr` x `nr` tile of C
/// computed from a packed A micro-panel and a packed B micro-panel.
///
/// `V` is one row of the tile (`SIMD16<Float>` or `SIMD8<Double>`, two AVX2
/// registers each), so each lane is one element of C and its fused multiply-add
/// chain runs over k in increasing order, exactly as in `Gemm.reference`.
/// Six rows give twelve accumulator registers plus two for B and one for the
/// broadcast A value, which fills the sixteen AVX2 registers (the 6x16 layout
/// of Goto and van de Geijn, "Anatomy of High-Performance Matrix
/// Multiplication", ACM TOMS 34(3), 2008).
enum GemmMicroKernel {
    /// Rows of the register tile.
    static let mr = 6

    /// How the tile's accumulators start and where the result goes.
    struct TileIO<S> {
        /// Partial sums of earlier k-blocks to continue from, or nil to start at +0.
        var partial: UnsafePointer<S>?
        var ldPartial: Int
        /// Old C added after the last k-block (`accumulate`), or nil.
        var old: UnsafePointer<S>?
        var ldOld: Int
        /// Destination of the tile (partial sums or final values).
        var out: UnsafeMutablePointer<S>
        var ldOut: Int
    }

    /// Runs `kc` steps on a full 6 x `V.scalarCount` tile.
    ///
    /// `a` holds `kc` groups of 6 values (column q of the A micro-panel),
    /// `b` holds `kc` rows of `V.scalarCount` values.
    @inline(__always)
    static func run<V: SIMD>(_: V.Type, kc: Int, a: UnsafePointer<V.Scalar>, b: UnsafePointer<V.Scalar>,
                             io: TileIO<V.Scalar>) where V.Scalar: BinaryFloatingPoint {
        var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
        if let part = io.partial {
            let ld = io.ldPartial
            c0 = load(V.self, part)
            c1 = load(V.self, part + ld)
            c2 = load(V.self, part + 2 * ld)
            c3 = load(V.self, part + 3 * ld)
            c4 = load(V.self, part + 4 * ld)
            c5 = load(V.self, part + 5 * ld)
        }
        var ap = a, bp = b
        let nr = V.scalarCount
        // One k step: a broadcast of each of the six A values times one B row.
        @inline(__always) func step(_ a: UnsafePointer<V.Scalar>, _ b: UnsafePointer<V.Scalar>) {
            let bv = load(V.self, b)
            c0 = c0.addingProduct(a[0], bv)
            c1 = c1.addingProduct(a[1], bv)
            c2 = c2.addingProduct(a[2], bv)
            c3 = c3.addingProduct(a[3], bv)
            c4 = c4.addingProduct(a[4], bv)
            c5 = c5.addingProduct(a[5], bv)
        }
        // Unrolled by four to keep loop overhead off the FMA ports.
        var q = 0
        while q + 4 <= kc {
            step(ap, bp)
            step(ap + 6, bp + nr)
            step(ap + 12, bp + 2 * nr)
            step(ap + 18, bp + 3 * nr)
            ap += 24
            bp += 4 * nr
            q += 4
        }
        while q < kc {
            step(ap, bp)
            ap += 6
            bp += nr
            q += 1
        }
        if let old = io.old {
            let ld = io.ldOld
            c0 = load(V.self, old) + c0
            c1 = load(V.self, old + ld) + c1
            c2 = load(V.self, old + 2 * ld) + c2
            c3 = load(V.self, old + 3 * ld) + c3
            c4 = load(V.self, old + 4 * ld) + c4
            c5 = load(V.self, old + 5 * ld) + c5
        }
        let out = io.out, ld = io.ldOut
        store(c0, out)
        store(c1, out + ld)
        store(c2, out + 2 * ld)
        store(c3, out + 3 * ld)
        store(c4, out + 4 * ld)
        store(c5, out + 5 * ld)
    }

    @inline(__always)
    static func load<V: SIMD>(_: V.Type, _ p: UnsafePointer<V.Scalar>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always)
    static func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<V.Scalar>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
}
