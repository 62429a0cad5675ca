/// Two ρ closer than this are equal when the outlier is chosen.
private let rhoTieTolerance = 1e-12

/// The panel's agreement: each expert's own ranking, Kendall's W and Spearman's ρ of each expert
/// with the group, and the outlier (spec §12).
///
/// - Each expert's own ranking ranks the fields they rated on every criterion, by their own
///   ratings, with the group's weights, scales, directions and method (``rank(_:method:)`` on the
///   group's input cut down to those fields and those ratings). Under TOPSIS the normalisation is
///   over the fields that expert ranked.
/// - Agreement is measured over the fields every expert ranked: each expert's ranking and the
///   group's ranking (by the group's scores, ``scores(_:method:)``) are restricted to those fields
///   and turned into mid-ranks (``midRanks(_:tolerance:)``; ties within 1e-9 as for ranks).
///   Kendall's W (``kendallW(_:)``) is over the experts' mid-ranks; ρ (``spearmanRho(_:_:)``) is
///   each expert's against the group's.
/// - The outlier is the expert with the lowest ρ; among equal ρ the first in the order given (the
///   wiring passes the experts in natural ID order).
///
/// - Parameters:
///   - group: The group's decision matrix: its weights and the aggregated scores.
///   - method: The group's ranking method.
///   - expertScores: `expertScores[k][i][j]`: expert k's rating of field i on criterion j, `nil`
///     where k did not rate it; where a field has a `score`, the wiring puts that score in every
///     expert's table ("a field's score stands for everyone"). Each table is fields × criteria of
///     the group's input.
/// - Returns: The rankings, the common fields, W, each ρ and the outlier.
/// - Complexity: O(experts × fields × (criteria + log fields)).
package func panelAgreement(
  _ group: RankingInput, method: RankingMethod, expertScores: [[[Double?]]]
) -> PanelAgreement {
  precondition(group.isWellFormed, "RankingInput arrays disagree in shape")
  precondition(
    expertScores.allSatisfy {
      $0.count == group.fieldCount && $0.allSatisfy { $0.count == group.criterionCount }
    },
    "every expert's table is fields × criteria")
  var own: [[RankedField]] = []
  var rated = Set(0..<group.fieldCount)
  for table in expertScores {
    let fields = table.indices.filter { i in table[i].allSatisfy { $0 != nil } }
    rated.formIntersection(fields)
    var input = group
    input.fieldIDs = fields.map { group.fieldIDs[$0] }
    input.scores = fields.map { i in table[i].map { $0! } }
    own.append(
      rank(input, method: method).map { entry in
        var entry = entry
        entry.index = fields[entry.index]
        return entry
      })
  }
  let common = rated.sorted()
  let groupScores = scores(group, method: method)
  let groupRanks = midRanks(common.map { groupScores[$0] })
  let expertRanks = own.map { ranking in
    let byField = Dictionary(uniqueKeysWithValues: ranking.map { ($0.index, $0.score) })
    return midRanks(common.map { byField[$0]! })
  }
  let w = kendallW(expertRanks)
  let rho = expertRanks.map { spearmanRho($0, groupRanks) }
  var outlier: Int?
  if rho.count >= 2 {
    for (k, value) in rho.enumerated() {
      guard let value else { continue }
      if let current = outlier, let best = rho[current], value >= best - rhoTieTolerance {
        continue
      }
      outlier = k
    }
  }
  return PanelAgreement(
    ownRankings: own, commonFields: common, kendallW: w, rho: rho, outlier: outlier)
}
