extension Split {
    /// Cuts the examples, in order, into train (the first ones), validation and test.
    func partitioned(validation: Int, test: Int) -> (train: Split, validation: Split, test: Split) {
        precondition(validation >= 0 && test >= 0 && validation + test <= count, "partition larger than the split")
        let trainEnd = count - validation - test
        return (slice(0..<trainEnd), slice(trainEnd..<trainEnd + validation), slice(trainEnd + validation..<count))
    }

    /// Sizes of a validation and test part that each take `fraction` of `count`, rounded down.
    static func holdOutSizes(count: Int, validationFraction: Double, testFraction: Double) -> (validation: Int, test: Int) {
        (Int(Double(count) * validationFraction), Int(Double(count) * testFraction))
    }
}
