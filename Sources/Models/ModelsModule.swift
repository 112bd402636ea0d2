/// Namespace of the Models module.
public enum ModelsModule {}
