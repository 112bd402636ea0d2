import Support
/// The split rule of the generated data sets: examples are i.i.d., so they are
/// cut in generation order into train (first 80%), validation (next 10%) and
/// test (last 10%), the held-out parts rounded down.
enum SyntheticSplit {
    static func dataset(name: String, params: [String: ParamValue], task: TaskKind, input: InputKind, all: Split,
                        vocabulary: [String]? = nil, classNames: [String]? = nil) -> Dataset {
        let held = Split.holdOutSizes(count: all.count, validationFraction: 0.1, testFraction: 0.1)
        let parts = all.partitioned(validation: held.validation, test: held.test)
        return Dataset(name: name, params: params, task: task, input: input, train: parts.train,
                       validation: parts.validation, test: parts.test, vocabulary: vocabulary, classNames: classNames)
    }
}
