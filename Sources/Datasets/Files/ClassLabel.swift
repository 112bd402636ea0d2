/// Class labels read from user files (CSV fields, IDX label arrays).
///
/// Labels arrive as floating-point or 32-bit values; converting one that is
/// out of range to `Int32` traps, and a huge label would size the model's
/// output layer by it. Both are refused here with the label's value.
enum ClassLabel {
    /// The most classes a file data set may have: far above any
    /// classification benchmark, far below an output layer that cannot be
    /// allocated.
    static let maxClasses = 65_536

    /// `value` as a label when it is a whole number in `0..<maxClasses`, else nil.
    static func label(_ value: Double) -> Int32? {
        guard value.isFinite, value >= 0, value < Double(maxClasses), value.rounded() == value else { return nil }
        return Int32(value)
    }

    /// What a label must be, for error messages.
    static let expectation = "an integer class label in 0..<\(maxClasses)"
}
