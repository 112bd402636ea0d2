/// Namespace of the Diagnostics module.
public enum DiagnosticsModule {}
