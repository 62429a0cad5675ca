/// Two scores closer than this are a tie and share a rank (spec §7 R07: "equal score within 1e-9").
package let scoreTieTolerance = 1e-9

/// Competition ranks ("1, 2, 2, 4") for scores where higher is better.
///
/// The scores are sorted in descending order. A score starts a new group unless it lies within
/// `tolerance` of the group's first (highest) score; every member of a group gets the rank the
/// first member has, which is its 1-based position in the sorted order. Comparing with the group's
/// first score, not with the neighbour, keeps a long run of nearly equal scores from chaining into
/// one group.
///
/// - Parameters:
///   - scores: One score per field; any finite values.
///   - tolerance: The largest difference that still counts as a tie (default 1e-9).
/// - Returns: `ranks[i]`, the rank of `scores[i]`, from 1.
/// - Complexity: O(n log n) for n scores.
package func sharedRanks(_ scores: [Double], tolerance: Double = scoreTieTolerance) -> [Int] {
  let order = scores.indices.sorted { a, b in
    scores[a] != scores[b] ? scores[a] > scores[b] : a < b
  }
  var ranks = [Int](repeating: 0, count: scores.count)
  var groupTop = 0.0
  var groupRank = 0
  for (position, field) in order.enumerated() {
    if position == 0 || groupTop - scores[field] > tolerance {
      groupRank = position + 1
      groupTop = scores[field]
    }
    ranks[field] = groupRank
  }
  return ranks
}
