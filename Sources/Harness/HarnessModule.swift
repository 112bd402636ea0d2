/// Namespace of the Harness module.
public enum HarnessModule {}
