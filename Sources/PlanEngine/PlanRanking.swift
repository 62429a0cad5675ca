import PlanLanguage
import PlanModel

/// The priority ranking of a plan's fields (SPEC §8), as data for `rank`, the exports and rules R07–R10.
package struct PlanRanking: Sendable, Equatable {
  package struct Row: Sendable, Equatable {
    package var rank: Int
    package var field: String
    package var name: String
    /// Weighted sum Sᵢ in [0, 1], or TOPSIS closeness Cᵢ in [0, 1].
    package var score: Double
    /// Per criterion (in ``PlanRanking/criteria`` order): wⱼ·nᵢⱼ (weighted) or vᵢⱼ (TOPSIS).
    package var contributions: [Double]
  }

  /// AHP consistency (SPEC §8; RI: Saaty 1980).
  package struct Consistency: Sendable, Equatable {
    package var lambdaMax: Double
    package var ci: Double
    package var ri: Double
    package var cr: Double
  }

  package struct Sensitivity: Sendable, Equatable {
    package var criterion: String
    package var weight: Double
    /// The nearest weight in [0, 1] at which the rank-1 field changes; `nil`: none.
    package var flipAt: Double?
    /// The field that takes rank 1 just past `flipAt`; `nil` when `flipAt` is.
    package var overtakenBy: String?
  }

  /// `weighted` or `topsis`.
  package var method: String
  /// Criterion IDs in plan order.
  package var criteria: [String]
  /// Weights in criteria order (direct, or the AHP eigenvector): the weights in force.
  package var weights: [Double]
  /// Where ``weights`` come from, the plan's `weighting`: `direct` (the criteria's `weight`),
  /// `ahp` (the eigenvector of the comparisons, or of the experts' group judgements) or
  /// `entropy` (from the scores); the criteria's `weight` is unused but under `direct`.
  package var weighting = "direct"
  package var consistency: Consistency?
  /// Sorted by rank, then plan order.
  package var rows: [Row]
  package var sensitivity: [Sensitivity]?
  // Expert panels and robust ranking (SPEC §12).
  /// The plan's `cutoff`, when set.
  package var cutoff: Int? = nil
  /// The experts (natural ID order), when the plan has experts.
  package var experts: [ExpertRow]? = nil
  package var consensus: Consensus? = nil
  /// With `robustness` and a `cutoff`: each criterion's cutoff sensitivity.
  package var cutoffSensitivity: [CutoffFlip]? = nil
  /// With `robustness`: the acceptabilities.
  package var robustness: Robustness? = nil
}
