import Dispatch

/// Blocked, packed, multi-threaded GEMM driver (BLIS loop order: a packed A
/// block of `mc` x `kc` stays in L2, a packed B micro-panel of `kc` x `nr` in L1).
///
/// Threads split only the output (contiguous ranges of row panels or of column
/// panels of C); every C element's k-loop is run by one micro-kernel lane in
/// increasing k, and k-blocks continue the same chain from stored partial sums,
/// so the bits never depend on the thread count or the blocking.
struct PackedGemm<V: SIMD>: @unchecked Sendable where V.Scalar: Scalar {
    typealias S = V.Scalar
    let p: GemmProblem<S>
    /// Depth of one k-block.
    let kc: Int
    /// Rows of one packed A block (a multiple of `mr`).
    let mc: Int
    /// Multiply-adds below which an extra thread costs more than it saves.
    var minWorkPerThread = 1 << 20

    static var nr: Int { V.scalarCount }
    static var mr: Int { GemmMicroKernel.mr }

    var kBlocks: Int { (p.k + kc - 1) / kc }
    var columnPanels: Int { (p.n + Self.nr - 1) / Self.nr }

    /// Runs the product on up to `threads` threads.
    func run(threads: Int) {
        let mr = Self.mr
        let panels = columnPanels
        let rowPanels = (p.m + mr - 1) / mr
        // Waking a thread costs tens of microseconds: give each at least
        // `minWorkPerThread` multiply-adds.
        let byWork = p.m * p.n * p.k / minWorkPerThread
        let workers = max(1, min(threads, max(rowPanels, panels), byWork))
        // Split the larger side of C in row (or column) panels between workers.
        // Each worker packs the B panels it needs itself, so one parallel
        // section suffices (with a row split B is packed once per worker).
        let byRows = rowPanels >= 2 * workers || rowPanels >= panels
        parallel(workers) { t in
            if byRows {
                let r = Self.split(rowPanels, t, workers)
                runUnit(rows: (r.lowerBound * mr)..<min(p.m, r.upperBound * mr), panels: 0..<panels)
            } else {
                runUnit(rows: 0..<p.m, panels: Self.split(panels, t, workers))
            }
        }
    }

    /// Calls `body(t)` for t in 0..<count, concurrently when count > 1.
    private func parallel(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 { body(0); return }
        withoutActuallyEscaping(body) { escapable in
            nonisolated(unsafe) let f = escapable
            DispatchQueue.concurrentPerform(iterations: count) { t in f(t) }
        }
    }

    /// Balanced contiguous share `t` of `count` items split `parts` ways.
    static func split(_ count: Int, _ t: Int, _ parts: Int) -> Range<Int> {
        (count * t / parts)..<(count * (t + 1) / parts)
    }

    /// Offset of the packed B micro-panel `jp` (counted within the packed
    /// panels) of k-block `kb`, when `count` panels are packed.
    @inline(__always)
    func bOffset(kb: Int, jp: Int, count: Int) -> Int {
        let ks = kb * kc
        return ks * count * Self.nr + jp * min(kc, p.k - ks) * Self.nr
    }

    /// Packs all k-blocks of the B column panels `panels` into `buf`.
    private func packB(_ panels: Range<Int>, into buf: UnsafeMutablePointer<S>) {
        for kb in 0..<kBlocks {
            let ks = kb * kc
            for jp in panels {
                GemmPacking.packB(V.self, p, j0: jp * Self.nr, ks: ks, depth: min(kc, p.k - ks),
                                  into: buf + bOffset(kb: kb, jp: jp - panels.lowerBound, count: panels.count))
            }
        }
    }

    /// Computes C[rows, columns of `panels`] with its own packing buffers.
    private func runUnit(rows: Range<Int>, panels: Range<Int>) {
        if rows.isEmpty || panels.isEmpty { return }
        let nr = Self.nr, mr = Self.mr
        let nk = kBlocks
        let packedB = Self.allocate(p.k * panels.count * nr)
        defer { packedB.deallocate() }
        packB(panels, into: packedB)
        let aBuf = Self.allocate(mc * kc)
        defer { aBuf.deallocate() }
        // With `accumulate`, old C must survive until the last k-block, so
        // partial sums of earlier blocks live in a workspace instead of C.
        let useWorkspace = p.accumulate && nk > 1
        let wld = panels.count * nr
        let work = useWorkspace ? Self.allocate(mc * wld) : nil
        defer { work?.deallocate() }
        let edge = Self.allocate(3 * mr * nr)
        defer { edge.deallocate() }

        for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: mc) {
            let blockRows = ic..<min(ic + mc, rows.upperBound)
            for kb in 0..<nk {
                let ks = kb * kc, depth = min(kc, p.k - ks)
                GemmPacking.packA(p, rows: blockRows, ks: ks, depth: depth, mr: mr, into: aBuf)
                let first = kb == 0, last = kb == nk - 1
                for jp in panels {
                    let bPanel = packedB + bOffset(kb: kb, jp: jp - panels.lowerBound, count: panels.count)
                    let j0 = jp * nr
                    let cols = min(nr, p.n - j0)
                    for i0 in stride(from: blockRows.lowerBound, to: blockRows.upperBound, by: mr) {
                        let tileRows = min(mr, blockRows.upperBound - i0)
                        let aPanel = aBuf + (i0 - blockRows.lowerBound) * depth
                        let cTile = p.c + i0 * p.ldc + j0
                        var io: GemmMicroKernel.TileIO<S>
                        if useWorkspace {
                            let wTile = work! + (i0 - blockRows.lowerBound) * wld + (jp - panels.lowerBound) * nr
                            io = .init(partial: first ? nil : UnsafePointer(wTile), ldPartial: wld,
                                       old: last ? UnsafePointer(cTile) : nil, ldOld: p.ldc,
                                       out: last ? cTile : wTile, ldOut: last ? p.ldc : wld)
                        } else {
                            io = .init(partial: first ? nil : UnsafePointer(cTile), ldPartial: p.ldc,
                                       old: last && p.accumulate ? UnsafePointer(cTile) : nil, ldOld: p.ldc,
                                       out: cTile, ldOut: p.ldc)
                        }
                        if tileRows == mr && cols == nr {
                            GemmMicroKernel.run(V.self, kc: depth, a: aPanel, b: bPanel, io: io)
                        } else {
                            runEdge(io, rows: tileRows, cols: cols, depth: depth, a: aPanel, b: bPanel, scratch: edge)
                        }
                    }
                }
            }
        }
    }

    /// Runs a partial tile through the full kernel on padded copies.
    private func runEdge(_ io: GemmMicroKernel.TileIO<S>, rows: Int, cols: Int, depth: Int,
                         a: UnsafePointer<S>, b: UnsafePointer<S>, scratch: UnsafeMutablePointer<S>) {
        let nr = Self.nr, mr = Self.mr
        let part = scratch, old = scratch + mr * nr, out = scratch + 2 * mr * nr
        part.update(repeating: 0, count: 2 * mr * nr)
        for r in 0..<rows {
            for c in 0..<cols {
                if let src = io.partial { part[r * nr + c] = src[r * io.ldPartial + c] }
                if let src = io.old { old[r * nr + c] = src[r * io.ldOld + c] }
            }
        }
        let padded = GemmMicroKernel.TileIO<S>(partial: io.partial == nil ? nil : UnsafePointer(part), ldPartial: nr,
                                               old: io.old == nil ? nil : UnsafePointer(old), ldOld: nr,
                                               out: out, ldOut: nr)
        GemmMicroKernel.run(V.self, kc: depth, a: a, b: b, io: padded)
        for r in 0..<rows {
            for c in 0..<cols { io.out[r * io.ldOut + c] = out[r * nr + c] }
        }
    }

    /// Cache-line aligned scratch memory.
    static func allocate(_ count: Int) -> UnsafeMutablePointer<S> {
        UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<S>.stride, alignment: 64)
            .bindMemory(to: S.self, capacity: max(1, count))
    }
}
