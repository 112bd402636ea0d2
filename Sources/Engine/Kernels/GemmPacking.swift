/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded layouts
/// the micro-kernel streams through (Goto & van de Geijn, ACM TOMS 34(3), 2008).
///
/// Packing handles the four transpose combinations, so the micro-kernel sees
/// only one layout; padding lanes hold zeros and their results are discarded.
enum GemmPacking {
    /// Packs rows `rows` x columns `ks..<ks+depth` of op(A) as consecutive
    /// micro-panels of `mr` rows: panel r holds `depth` groups of `mr` values.
    static func packA<S: Scalar>(_ p: GemmProblem<S>, rows: Range<Int>, ks: Int, depth: Int, mr: Int,
                                 into dst: UnsafeMutablePointer<S>) {
        var panel = dst
        for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mr) {
            let valid = min(mr, rows.upperBound - i0)
            if p.transA {
                // op(A)(i, q) = a[q * lda + i]: each group of mr is contiguous.
                for q in 0..<depth {
                    let src = p.a + (ks + q) * p.lda + i0
                    let out = panel + q * mr
                    for ii in 0..<valid { out[ii] = src[ii] }
                    for ii in valid..<mr { out[ii] = 0 }
                }
            } else {
                for ii in 0..<valid {
                    let src = p.a + (i0 + ii) * p.lda + ks
                    var out = panel + ii
                    for q in 0..<depth { out.pointee = src[q]; out += mr }
                }
                for ii in valid..<mr {
                    var out = panel + ii
                    for _ in 0..<depth { out.pointee = 0; out += mr }
                }
            }
            panel += depth * mr
        }
    }

    /// Packs rows `ks..<ks+depth` x columns `j0..<j0+nr` of op(B) as `depth`
    /// rows of `V.scalarCount` values (one micro-panel).
    static func packB<V: SIMD>(_: V.Type, _ p: GemmProblem<V.Scalar>, j0: Int, ks: Int, depth: Int,
                               into dst: UnsafeMutablePointer<V.Scalar>) where V.Scalar: Scalar {
        let nr = V.scalarCount
        let valid = min(nr, p.n - j0)
        if p.transB {
            // op(B)(q, j) = b[j * ldb + q]: walk each stored row contiguously.
            for jj in 0..<valid {
                let src = p.b + (j0 + jj) * p.ldb + ks
                var out = dst + jj
                for q in 0..<depth { out.pointee = src[q]; out += nr }
            }
            for jj in valid..<nr {
                var out = dst + jj
                for _ in 0..<depth { out.pointee = 0; out += nr }
            }
        } else if valid == nr {
            for q in 0..<depth {
                let v = UnsafeRawPointer(p.b + (ks + q) * p.ldb + j0).loadUnaligned(as: V.self)
                UnsafeMutableRawPointer(dst + q * nr).storeBytes(of: v, as: V.self)
            }
        } else {
            for q in 0..<depth {
                let src = p.b + (ks + q) * p.ldb + j0
                let out = dst + q * nr
                for jj in 0..<valid { out[jj] = src[jj] }
                for jj in valid..<nr { out[jj] = 0 }
            }
        }
    }
}
