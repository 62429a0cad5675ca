/// The decision matrix that every ranking function works on: fields × criteria, as plain arrays.
///
/// It knows nothing of the plan; an adapter builds it from the plan's fields, criteria and scores.
/// All per-criterion arrays have `criterionIDs.count` entries, in the same order; `scores` has
/// `fieldIDs.count` rows of `criterionIDs.count` values each.
///
/// The ranking functions assume what validation checks (spec §7): the weights are ≥ 0 and sum
/// to 1 (R01), `scaleMin[j] < scaleMax[j]` and every score lies on its scale (R02), and no score is
/// missing (R05; a gap is never read as zero, so the adapter must not build an input with one).
/// They do not crash on a scale with `scaleMin ≥ scaleMax` (see ``scaleNormalised(_:)``).
package struct RankingInput: Sendable, Equatable {
  /// Field IDs, one per row of `scores`. Only carried along for the caller; never interpreted.
  package var fieldIDs: [String]
  /// Criterion IDs, one per column of `scores`. Only carried along for the caller.
  package var criterionIDs: [String]
  /// Benefit or cost, per criterion.
  package var directions: [CriterionDirection]
  /// The lower end mⱼ of each criterion's declared scale, in the criterion's score units.
  package var scaleMin: [Double]
  /// The upper end Mⱼ of each criterion's declared scale, in the criterion's score units.
  package var scaleMax: [Double]
  /// The weight wⱼ of each criterion; dimensionless, ≥ 0, summing to 1.
  package var weights: [Double]
  /// `scores[i][j]`: the score xᵢⱼ of field i on criterion j, in the criterion's score units.
  package var scores: [[Double]]

  package init(
    fieldIDs: [String],
    criterionIDs: [String],
    directions: [CriterionDirection],
    scaleMin: [Double],
    scaleMax: [Double],
    weights: [Double],
    scores: [[Double]]
  ) {
    self.fieldIDs = fieldIDs
    self.criterionIDs = criterionIDs
    self.directions = directions
    self.scaleMin = scaleMin
    self.scaleMax = scaleMax
    self.weights = weights
    self.scores = scores
  }

  /// The number of fields (rows).
  package var fieldCount: Int { fieldIDs.count }

  /// The number of criteria (columns).
  package var criterionCount: Int { criterionIDs.count }

  /// Whether every array has the shape the ranking functions expect.
  ///
  /// A mismatch is a bug in the caller, not a user error; the ranking functions check it with a
  /// precondition.
  package var isWellFormed: Bool {
    let c = criterionCount
    return directions.count == c && scaleMin.count == c && scaleMax.count == c
      && weights.count == c && scores.count == fieldCount && scores.allSatisfy { $0.count == c }
  }

  /// A copy with other weights and everything else unchanged.
  package func withWeights(_ newWeights: [Double]) -> RankingInput {
    var copy = self
    copy.weights = newWeights
    return copy
  }
}
