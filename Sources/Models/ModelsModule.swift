/// Namespace of the Models module: layers, networks, analytic test functions,
/// losses, metrics and the model registry.
///
/// Callers hold models as `any Model`, and a generic method called through an
/// existential cannot be specialized at compile time. Every `forward` (and every
/// test function's `value`) therefore carries `@_specialize` for `Float` and
/// `Double`: the generic entry point then jumps at run time to code compiled for the
/// concrete element type, which measured about 7x faster than the generic path on
/// the MLP training step.
public enum ModelsModule {}
