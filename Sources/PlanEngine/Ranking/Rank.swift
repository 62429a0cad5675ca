/// The scores of every field under one ranking method.
///
/// - Parameters:
///   - input: A well-formed decision matrix.
///   - method: ``RankingMethod/weighted`` (``weightedSum(_:)``) or ``RankingMethod/topsis``
///     (``topsis(_:)``).
/// - Returns: The scores and contributions, in input order.
package func evaluate(_ input: RankingInput, method: RankingMethod) -> ScoreTable {
  switch method {
  case .weighted: weightedSum(input)
  case .topsis: topsis(input)
  }
}

/// Ranks the fields by priority: descending score, ties within 1e-9 sharing the best rank of
/// their group (spec §8; see ``sharedRanks(_:tolerance:)``).
///
/// - Parameters:
///   - input: A well-formed decision matrix.
///   - method: How the scores are aggregated.
/// - Returns: One entry per field, sorted by rank, then by input order.
/// - Complexity: O(fields × criteria + fields × log fields).
package func rank(_ input: RankingInput, method: RankingMethod) -> [RankedField] {
  let table = evaluate(input, method: method)
  let ranks = sharedRanks(table.scores)
  return table.scores.indices
    .map { i in
      RankedField(
        index: i, rank: ranks[i], score: table.scores[i], contributions: table.contributions[i])
    }
    .sorted { a, b in a.rank != b.rank ? a.rank < b.rank : a.index < b.index }
}
