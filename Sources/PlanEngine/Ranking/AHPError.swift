/// Why a pairwise comparison matrix cannot give AHP weights.
///
/// Indices are 0-based positions in the matrix (the criterion order of the caller). The text shown
/// to the planner belongs to the message catalog, not here.
package enum AHPError: Error, Sendable, Equatable {
  /// The matrix has no rows.
  case empty
  /// More criteria than Saaty's random-index table covers (``ahpMaxCriteria``, 15).
  case tooManyCriteria(Int)
  /// Row `row` has `count` entries instead of `expected` (the matrix must be n × n).
  case notSquare(row: Int, count: Int, expected: Int)
  /// The entry at (`row`, `column`) is zero, negative, infinite or NaN.
  case notPositive(row: Int, column: Int, value: Double)
  /// aᵢⱼ·aⱼᵢ differs from 1 by more than 1e-9 (for i = j: the diagonal entry is not 1).
  case notReciprocal(row: Int, column: Int)
  /// Power iteration did not settle within the iteration limit. A positive matrix always has a
  /// unique principal eigenvector (Perron), so this marks an extreme matrix, not a user mistake.
  case didNotConverge(iterations: Int)
}
