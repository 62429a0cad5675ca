/// A suggestion for repairing an inconsistent comparison matrix (spec §12, for rule R04's
/// message): the judgement whose change lowers CR most, and the Saaty value to give it.
package struct AHPRepair: Sendable, Equatable {
  /// The judgement aᵢⱼ (i < j) to change.
  package var pair: CriterionPair
  /// Its current value aᵢⱼ.
  package var current: Double
  /// The Saaty value for aᵢⱼ that gives the lowest CR, and that CR.
  package var bestValue: Double
  package var bestCR: Double
  /// The Saaty value nearest to `current` (in scale steps, ``saatyPosition(_:)``) that brings CR
  /// to at most the threshold, and that CR; `nil` when no value of this judgement does.
  package var suggested: Double?
  package var suggestedCR: Double?

  package init(
    pair: CriterionPair, current: Double, bestValue: Double, bestCR: Double, suggested: Double?,
    suggestedCR: Double?
  ) {
    self.pair = pair
    self.current = current
    self.bestValue = bestValue
    self.bestCR = bestCR
    self.suggested = suggested
    self.suggestedCR = suggestedCR
  }
}

/// The judgement of a comparison matrix whose change lowers the consistency ratio most, and the
/// Saaty value nearest to its current one that brings CR to ≤ `threshold` (spec §12, R04).
///
/// Exhaustive over single changes: for every pair i < j and every other value v on Saaty's
/// scale (``saatyScale``), aᵢⱼ := v and aⱼᵢ := 1/v, and CR from ``ahpWeights(_:)`` (Saaty 1980;
/// RI from ``randomIndex(n:)``). The judgement whose best value gives the lowest CR is chosen
/// (ties: the first pair in row-major order; the lower value). Among that judgement's values with
/// CR ≤ `threshold`, the one nearest to the current value in scale steps is suggested (ties: the
/// lower CR, then the lower value). This is the brute-force form of the single-judgement
/// repairs of Harker (1987) and of ahpy's and AHPtools' suggestions.
///
/// - Parameters:
///   - matrix: A complete n × n reciprocal comparison matrix, 3 ≤ n ≤ 15 for a suggestion.
///   - threshold: The CR to reach (default 0.10, rule R04).
/// - Returns: The suggestion; `nil` for n < 3, where CR is always 0.
/// - Throws: ``AHPError`` when the matrix cannot give weights (see ``ahpWeights(_:)``).
/// - Complexity: n(n − 1)/2 × 16 power iterations.
package func ahpRepair(_ matrix: [[Double]], threshold: Double = 0.10) throws(AHPError) -> AHPRepair? {
  _ = try ahpWeights(matrix)
  let n = matrix.count
  guard n >= 3 else { return nil }
  var best: AHPRepair?
  for i in 0..<n {
    for j in (i + 1)..<n {
      let current = matrix[i][j]
      var trials: [(value: Double, cr: Double)] = []
      for value in saatyScale where abs(value - current) > 1e-9 * max(1, current) {
        var changed = matrix
        changed[i][j] = value
        changed[j][i] = 1 / value
        trials.append((value, try ahpWeights(changed).cr))
      }
      guard let lowest = trials.min(by: { $0.cr < $1.cr }) else { continue }
      if let best, best.bestCR <= lowest.cr { continue }
      let position = saatyPosition(current)
      let enough = trials.filter { $0.cr <= threshold }.min { a, b in
        let (da, db) = (abs(saatyPosition(a.value) - position), abs(saatyPosition(b.value) - position))
        if da != db { return da < db }
        if a.cr != b.cr { return a.cr < b.cr }
        return a.value < b.value
      }
      best = AHPRepair(
        pair: CriterionPair(row: i, column: j), current: current, bestValue: lowest.value,
        bestCR: lowest.cr, suggested: enough?.value, suggestedCR: enough?.cr)
    }
  }
  return best
}
