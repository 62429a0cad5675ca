/// The group's AHP weights from a panel's judgements, and each expert's own consistency.
package struct GroupAHPResult: Sendable, Equatable {
  /// The group matrix: `matrix[i][j]` the aggregated judgement of criterion i over j (the weighted
  /// geometric mean of those who judged the pair), ones on the diagonal, `matrix[j][i]` its
  /// reciprocal; `nil` for a pair nobody judged.
  package var matrix: [[Double?]]
  /// The pairs nobody judged, in row-major order (rule R03 reports them).
  package var missingPairs: [CriterionPair]
  /// The group's weights, λmax, CI, RI and CR (``ahpWeights(_:)``); `nil` while a pair is missing.
  package var group: AHPResult?
  /// `experts[k]`: expert k's own weights and CR from their own matrix, when they judged every
  /// pair; `nil` otherwise. For n ≤ 2 the CR is 0 (every such matrix is consistent), so rule R40
  /// (own CR > 0.10, n ≥ 3) never fires there.
  package var experts: [AHPResult?]

  package init(
    matrix: [[Double?]], missingPairs: [CriterionPair], group: AHPResult?, experts: [AHPResult?]
  ) {
    self.matrix = matrix
    self.missingPairs = missingPairs
    self.group = group
    self.experts = experts
  }
}
