/// A pair of criteria, by their 0-based positions, `row` < `column`: the judgement of criterion
/// `row` over criterion `column` in a pairwise comparison matrix.
package struct CriterionPair: Sendable, Equatable, Hashable {
  /// The first criterion i (the row of the judgement aᵢⱼ).
  package var row: Int
  /// The second criterion j (the column of aᵢⱼ), j > i.
  package var column: Int

  package init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}
