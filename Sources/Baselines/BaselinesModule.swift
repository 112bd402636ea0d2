/// Namespace of the Baselines module.
public enum BaselinesModule {}
