/// What a ranking method computes for every field: its overall score and each criterion's part.
///
/// Shapes: `scores` has one entry per field, `contributions` one row per field with one entry per
/// criterion, both in the order of ``RankingInput``.
package struct ScoreTable: Sendable, Equatable {
  /// `scores[i]`: the overall score of field i; dimensionless, in 0...1 for valid input.
  package var scores: [Double]
  /// `contributions[i][j]`: criterion j's part of field i's score, as the method defines it.
  package var contributions: [[Double]]

  package init(scores: [Double], contributions: [[Double]]) {
    self.scores = scores
    self.contributions = contributions
  }
}
