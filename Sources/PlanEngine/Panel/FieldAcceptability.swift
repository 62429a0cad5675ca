/// How one field fares across the robustness samples (spec §12): SMAA's rank acceptability,
/// condensed to rank 1, the top set and the mean rank.
package struct FieldAcceptability: Sendable, Equatable {
  /// The field's position in the ``RankingInput``.
  package var field: Int
  /// The share of samples in which the field ranks first (sharing rank 1 counts); 0...1.
  package var first: Double
  /// The share of samples in which its rank is at most `cutoff`; `nil` without a cutoff.
  package var top: Double?
  /// Its mean rank over the samples (ranks from 1, tied fields sharing the best rank of their
  /// group as ``sharedRanks(_:tolerance:)`` gives them).
  package var meanRank: Double

  package init(field: Int, first: Double, top: Double?, meanRank: Double) {
    self.field = field
    self.first = first
    self.top = top
    self.meanRank = meanRank
  }
}
