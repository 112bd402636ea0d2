/// Namespace of the Regularizers module.
public enum RegularizersModule {}
