/// How far the experts of a panel agree: their own rankings, Kendall's W and each expert's
/// Spearman's ρ with the group (spec §12).
package struct PanelAgreement: Sendable, Equatable {
  /// `ownRankings[k]`: expert k's own ranking of the fields they rated on every criterion, by
  /// their ratings with the group's weights and method (``rank(_:method:)``); each entry's `index`
  /// is the field's position in the group's ``RankingInput``. Empty for an expert who rated no
  /// field completely.
  package var ownRankings: [[RankedField]]
  /// The fields every expert ranked (indices into the group's input, ascending): W and ρ are
  /// computed over these alone.
  package var commonFields: [Int]
  /// Kendall's W with the tie correction over the experts' mid-ranks of the common fields
  /// (``kendallW(_:)``); `nil` with fewer than two experts or common fields, or when every expert
  /// ties every common field.
  package var kendallW: Double?
  /// `rho[k]`: Spearman's ρ of expert k's mid-ranks with the group's over the common fields
  /// (``spearmanRho(_:_:)``); `nil` with fewer than two common fields or a ranking that ties them
  /// all.
  package var rho: [Double?]
  /// The expert with the lowest ρ, the first in the given order among equals (within 1e-12); `nil`
  /// with fewer than two experts or no ρ.
  package var outlier: Int?

  package init(
    ownRankings: [[RankedField]], commonFields: [Int], kendallW: Double?, rho: [Double?],
    outlier: Int?
  ) {
    self.ownRankings = ownRankings
    self.commonFields = commonFields
    self.kendallW = kendallW
    self.rho = rho
    self.outlier = outlier
  }

  /// Each expert's rank-1 field (the first in field order among tied leaders), `nil` for an
  /// expert who ranked no field.
  package var topFields: [Int?] { ownRankings.map { $0.first?.index } }
}
