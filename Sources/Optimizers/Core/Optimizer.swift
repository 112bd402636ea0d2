import Engine

/// An iterative method over a flat parameter vector, driven through an `Oracle`.
///
/// Implementations keep their own state (moments, curvature pairs, radii), are not
/// shared between runs, and never read global mutable state, so identical inputs give
/// bit-identical trajectories.
public protocol Optimizer<S>: AnyObject {
    associatedtype S: Scalar
    /// Registry id (`sgd`, `adagrad`, `rmsprop`, `adam`, `adamw`, `bfgs`, `dfp`, `sr1`,
    /// `lsr1`, `lbfgs`, `newton_cg`, `seed_rank1`, `adahessian`, `sophia`, `olbfgs`,
    /// `sqn`, `hessian_free`, `shampoo`).
    static var id: String { get }
    /// Number of parameters this instance was built for.
    var dimension: Int { get }
    /// One iteration: evaluates through the oracle as the method needs and updates `x`
    /// in place. `iteration` is the 0-based index of this step in the run (it drives
    /// learning-rate schedules).
    func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S>
    /// Cumulative skipped/damped updates, line-search evaluations, failed searches,
    /// trust-region rejections and CG work.
    var counters: OptimizerCounters { get }
    /// Hands over the model's parameter tensors (offsets, shapes, roles) once, after
    /// construction and before the first step. The default does nothing; methods that
    /// work per tensor override it. `blocks.dimension` must equal `dimension`.
    func attach(_ blocks: TensorBlocks)
}
