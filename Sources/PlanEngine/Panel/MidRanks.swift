/// Mid-ranks ("fractional ranks") for scores where higher is better: fields whose scores tie get
/// the mean of the positions they occupy (1, 2.5, 2.5, 4), so the ranks of n fields always sum to
/// n(n + 1)/2, as Kendall's W and Spearman's ρ need (Kendall & Babington Smith 1939; Siegel &
/// Castellan 1988, §9.4).
///
/// Ties are the groups of ``sharedRanks(_:tolerance:)``: scores within `tolerance` of their
/// group's highest score. A group of t fields starting at 1-based position p gets p + (t − 1)/2.
///
/// - Parameters:
///   - scores: One score per field; any finite values.
///   - tolerance: The largest difference that still counts as a tie (default 1e-9).
/// - Returns: `ranks[i]`, the mid-rank of `scores[i]`, from 1.
/// - Complexity: O(n log n) for n scores.
package func midRanks(_ scores: [Double], tolerance: Double = scoreTieTolerance) -> [Double] {
  let shared = sharedRanks(scores, tolerance: tolerance)
  var groupSize = [Int: Int]()
  for rank in shared { groupSize[rank, default: 0] += 1 }
  return shared.map { rank in Double(rank) + Double(groupSize[rank]! - 1) / 2 }
}
