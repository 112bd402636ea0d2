/// The family an optimizer belongs to, declared by the optimizer and recorded
/// in each run file (`optimizer_family`), so reports and cost estimates group
/// and treat optimizers without lists of ids.
public enum OptimizerFamily: String, Sendable, Hashable, CaseIterable {
    /// Gradient-only methods with a learning rate (SGD, Adam, ...); they take
    /// the learning-rate schedule parameters.
    case firstOrder = "first_order"
    /// Methods that build curvature from gradient differences (BFGS, SR1, L-BFGS, ...).
    case quasiNewton = "quasi_newton"
    /// Methods that use Hessian-vector products (Newton-CG, ...).
    case secondOrder = "second_order"
}
