/// Doubles whose text form or storage is easy to get wrong, shared by the JSON
/// and baseline tests.
public enum AwkwardDoubles {
    /// The classic 0.1 + 0.2, both zeros, the smallest and largest subnormals
    /// (IEEE 754 binary64: 2^-1074 and 2^-1022 - 2^-1074), the extremes of the
    /// normal range, infinities and NaNs with and without payload or sign.
    public static let values: [Double] = [
        0.1 + 0.2, 0.0, -0.0, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude.nextDown, Double.leastNormalMagnitude,
        Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 1.0 / 3.0, 1e-5, 123456789012345680.0,
        Double.pi, Double(Float(0.1)), .infinity, -.infinity, .nan, -Double.nan,
        Double(bitPattern: 0x7ff0_0000_0000_0001), Double(bitPattern: 0xfff8_dead_beef_0001),
    ]
}
