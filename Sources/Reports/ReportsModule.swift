/// Namespace of the Reports module.
public enum ReportsModule {}
