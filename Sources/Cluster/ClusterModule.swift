/// Namespace of the Cluster module.
public enum ClusterModule {}
