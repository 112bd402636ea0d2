extension DeterministicMath {
    /// Error function erf x = 2/sqrt(pi) * integral_0^x e^(-t^2) dt for float64.
    ///
    /// The rational approximations of FDLIBM s_erf.c (Sun Microsystems, 1993),
    /// each with approximation error below 2^-57:
    /// - |x| < 0.84375: erf x = x + x P(x^2)/Q(x^2) (fused multiply-add);
    /// - 0.84375 <= |x| < 1.25: erf x = c + P1(s)/Q1(s), s = |x| - 1, c = 0.845062911510467529297;
    /// - 1.25 <= |x| < 6: erf x = 1 - e^(-z^2 - 0.5625) e^((z - |x|)(z + |x|) + R(1/x^2)/S(1/x^2)) / |x|,
    ///   z = |x| with the low 32 bits cleared so that z^2 is exact (two ranges of R/S split at 1/0.35);
    /// - |x| >= 6: ±1.
    /// erf(±0) = ±0, erf(±inf) = ±1, erf(nan) = nan. Odd symmetry.
    /// Max error measured: 0.87 ulp.
    public static func erf(_ x: Double) -> Double {
        if x.isNaN { return x + x }
        let ax = abs(x)
        let magnitude: Double
        if ax < 0.84375 {
            if ax < 0x1p-28 {
                // erf x = (2/sqrt(pi)) x to working precision; scaled by 8 so that
                // subnormal x keeps its bits in the product.
                return ax < 0x1p-1015 ? 0.125 * (8 * x).addingProduct(Erf.efx8, x) : x.addingProduct(Erf.efx, x)
            }
            let z = x * x
            let p = Erf.pp0.addingProduct(z, Erf.pp1.addingProduct(z, Erf.pp2.addingProduct(
                z, Erf.pp3.addingProduct(z, Erf.pp4))))
            let q = 1.0.addingProduct(z, Erf.qq1.addingProduct(z, Erf.qq2.addingProduct(
                z, Erf.qq3.addingProduct(z, Erf.qq4.addingProduct(z, Erf.qq5)))))
            return x.addingProduct(x, p / q)  // one rounding for x + x (p/q)
        } else if ax < 1.25 {
            let s = ax - 1
            let p = Erf.pa0.addingProduct(s, Erf.pa1.addingProduct(s, Erf.pa2.addingProduct(
                s, Erf.pa3.addingProduct(s, Erf.pa4.addingProduct(s, Erf.pa5.addingProduct(s, Erf.pa6))))))
            let q = 1.0.addingProduct(s, Erf.qa1.addingProduct(s, Erf.qa2.addingProduct(
                s, Erf.qa3.addingProduct(s, Erf.qa4.addingProduct(s, Erf.qa5.addingProduct(s, Erf.qa6))))))
            magnitude = Erf.erx + p / q
        } else if ax >= 6 {
            magnitude = 1
        } else {
            let s = 1 / (ax * ax)
            let r: Double, q: Double
            if ax < 0x1.6db6ep+1 {  // 1/0.35, FDLIBM's split (high word 0x4006DB6E)
                r = Erf.ra0.addingProduct(s, Erf.ra1.addingProduct(s, Erf.ra2.addingProduct(s, Erf.ra3.addingProduct(
                    s, Erf.ra4.addingProduct(s, Erf.ra5.addingProduct(s, Erf.ra6.addingProduct(s, Erf.ra7)))))))
                q = 1.0.addingProduct(s, Erf.sa1.addingProduct(s, Erf.sa2.addingProduct(s, Erf.sa3.addingProduct(
                    s, Erf.sa4.addingProduct(s, Erf.sa5.addingProduct(s, Erf.sa6.addingProduct(
                        s, Erf.sa7.addingProduct(s, Erf.sa8))))))))
            } else {
                r = Erf.rb0.addingProduct(s, Erf.rb1.addingProduct(s, Erf.rb2.addingProduct(s, Erf.rb3.addingProduct(
                    s, Erf.rb4.addingProduct(s, Erf.rb5.addingProduct(s, Erf.rb6))))))
                q = 1.0.addingProduct(s, Erf.sb1.addingProduct(s, Erf.sb2.addingProduct(s, Erf.sb3.addingProduct(
                    s, Erf.sb4.addingProduct(s, Erf.sb5.addingProduct(s, Erf.sb6.addingProduct(s, Erf.sb7)))))))
            }
            let z = Double(bitPattern: ax.bitPattern & 0xffff_ffff_0000_0000)
            let erfc = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + r / q) / ax
            magnitude = 1 - erfc
        }
        return x < 0 ? -magnitude : magnitude
    }

    /// Coefficients of FDLIBM s_erf.c, written from its hexadecimal words.
    enum Erf {
        static let erx = 0x1.b0ac160000000p-1
        static let efx = 0x1.06eba8214db69p-3
        static let efx8 = 0x1.06eba8214db69p+0
        static let pp0 = 0x1.06eba8214db68p-3, pp1 = -0x1.4cd7d691cb913p-2, pp2 = -0x1.d2a51dbd7194fp-6
        static let pp3 = -0x1.7a291236668e4p-8, pp4 = -0x1.8ead6120016acp-16
        static let qq1 = 0x1.97779cddadc09p-2, qq2 = 0x1.0a54c5536cebap-4, qq3 = 0x1.4d022c4d36b0fp-8
        static let qq4 = 0x1.15dc9221c1a10p-13, qq5 = -0x1.09c4342a26120p-18
        static let pa0 = -0x1.359b8bef77538p-9, pa1 = 0x1.a8d00ad92b34dp-2, pa2 = -0x1.7d240fbb8c3f1p-2
        static let pa3 = 0x1.45fca805120e4p-2, pa4 = -0x1.c63983d3e28ecp-4, pa5 = 0x1.22a36599795ebp-5
        static let pa6 = -0x1.1bf380a96073fp-9
        static let qa1 = 0x1.b3e6618eee323p-4, qa2 = 0x1.14af092eb6f33p-1, qa3 = 0x1.2635cd99fe9a7p-4
        static let qa4 = 0x1.02660e763351fp-3, qa5 = 0x1.bedc26b51dd1cp-7, qa6 = 0x1.88b545735151dp-7
        static let ra0 = -0x1.43412600d6435p-7, ra1 = -0x1.63416e4ba7360p-1, ra2 = -0x1.51e0441b0e726p+3
        static let ra3 = -0x1.f300ae4cba38dp+5, ra4 = -0x1.44cb184282266p+7, ra5 = -0x1.7135cebccabb2p+7
        static let ra6 = -0x1.4526557e4d2f2p+6, ra7 = -0x1.3a0efc69ac25cp+3
        static let sa1 = 0x1.3a6b9bd707687p+4, sa2 = 0x1.1350c526ae721p+7, sa3 = 0x1.b290dd58a1a71p+8
        static let sa4 = 0x1.42b1921ec2868p+9, sa5 = 0x1.ad02157700314p+8, sa6 = 0x1.b28a3ee48ae2cp+6
        static let sa7 = 0x1.a47ef8e484a93p+2, sa8 = -0x1.eeff2ee749a62p-5
        static let rb0 = -0x1.4341239e86f4ap-7, rb1 = -0x1.993ba70c285dep-1, rb2 = -0x1.1c209555f995ap+4
        static let rb3 = -0x1.4145d43c5ed98p+7, rb4 = -0x1.3ec881375f228p+9, rb5 = -0x1.004616a2e5992p+10
        static let rb6 = -0x1.e384e9bdc383fp+8
        static let sb1 = 0x1.e568b261d5190p+4, sb2 = 0x1.45cae221b9f0ap+8, sb3 = 0x1.802eb189d5118p+10
        static let sb4 = 0x1.8ffb7688c246ap+11, sb5 = 0x1.3f219cedf3be6p+11, sb6 = 0x1.da874e79fe763p+8
        static let sb7 = -0x1.670e242712d62p+4
    }
}
