#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One field's score on one criterion from the experts' ratings of it (spec §12).
///
/// - ``RatingAggregate/mean``: the weighted arithmetic mean Σₖ vₖrₖ / Σₖ vₖ.
/// - ``RatingAggregate/median``: the middle rating in ascending order; of an even count, the mean
///   of the two middle ratings. The expert weights are ignored (spec §12), though still checked.
/// - ``RatingAggregate/geomean``: the weighted geometric mean exp(Σₖ vₖ ln rₖ / Σₖ vₖ) (Aczél &
///   Saaty 1983 show it is the aggregate that keeps reciprocity; used here for ratings alike).
///
/// - Parameters:
///   - ratings: The ratings rₖ, in the criterion's score units; one per expert who rated.
///   - expertWeights: The experts' relative weights vₖ (> 0), one per rating, in the same order.
///   - method: The aggregate.
/// - Returns: The aggregate, in the ratings' units; `nil` when there is no rating.
/// - Throws: ``PanelError/expertWeightNotPositive(expert:weight:)``,
///   ``PanelError/ratingNotFinite(expert:value:)``, and under `geomean`
///   ``PanelError/ratingNotPositive(expert:value:)``; `expert` is the position in `ratings`.
/// - Complexity: O(k) for mean and geomean, O(k log k) for median, k ratings.
package func aggregateRatings(
  _ ratings: [Double], expertWeights: [Double], by method: RatingAggregate
) throws(PanelError) -> Double? {
  precondition(ratings.count == expertWeights.count, "one weight per rating")
  return try aggregate(Array(ratings.indices), ratings, expertWeights, method)
}

/// The score table of a panel: every field's score on every criterion from the experts' ratings
/// (``aggregateRatings(_:expertWeights:by:)`` per cell).
///
/// - Parameters:
///   - ratings: `ratings[k][i][j]`: expert k's rating of field i on criterion j, `nil` where k did
///     not rate it. Every expert's table has the same shape (fields × criteria).
///   - expertWeights: One relative weight (> 0) per expert.
///   - method: The aggregate.
/// - Returns: `scores[i][j]`, `nil` where nobody rated field i on criterion j (the wiring then
///   takes the field's `score`, or reports the gap: R05). Empty when there are no experts.
/// - Throws: as ``aggregateRatings(_:expertWeights:by:)``, with `expert` the index k; the first
///   fault in field, criterion, expert order.
/// - Complexity: O(experts × fields × criteria), times log(experts) for the median.
package func aggregateRatingTable(
  _ ratings: [[[Double?]]], expertWeights: [Double], by method: RatingAggregate
) throws(PanelError) -> [[Double?]] {
  precondition(ratings.count == expertWeights.count, "one weight per expert")
  guard let first = ratings.first else { return [] }
  let criterionCount = first.first?.count ?? 0
  precondition(
    ratings.allSatisfy { $0.count == first.count && $0.allSatisfy { $0.count == criterionCount } },
    "every expert's rating table has the same shape")
  var table: [[Double?]] = []
  table.reserveCapacity(first.count)
  for i in first.indices {
    var row: [Double?] = []
    row.reserveCapacity(criterionCount)
    for j in 0..<criterionCount {
      let experts = ratings.indices.filter { ratings[$0][i][j] != nil }
      let values = experts.map { ratings[$0][i][j]! }
      row.append(try aggregate(experts, values, experts.map { expertWeights[$0] }, method))
    }
    table.append(row)
  }
  return table
}

/// The aggregate of `values`, errors naming `experts[position]`.
private func aggregate(
  _ experts: [Int], _ values: [Double], _ weights: [Double], _ method: RatingAggregate
) throws(PanelError) -> Double? {
  for (position, weight) in weights.enumerated() where !(weight.isFinite && weight > 0) {
    throw .expertWeightNotPositive(expert: experts[position], weight: weight)
  }
  for (position, value) in values.enumerated() {
    guard value.isFinite else { throw .ratingNotFinite(expert: experts[position], value: value) }
    if method == .geomean && !(value > 0) {
      throw .ratingNotPositive(expert: experts[position], value: value)
    }
  }
  guard !values.isEmpty else { return nil }
  let totalWeight = weights.reduce(0, +)
  switch method {
  case .mean:
    return zip(values, weights).reduce(0.0) { $0 + $1.0 * $1.1 } / totalWeight
  case .median:
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  case .geomean:
    return exp(zip(values, weights).reduce(0.0) { $0 + $1.1 * log($1.0) } / totalWeight)
  }
}
