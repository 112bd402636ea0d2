/// Namespace of the Optimizers module.
public enum OptimizersModule {}
