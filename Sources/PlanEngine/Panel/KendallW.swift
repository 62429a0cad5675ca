/// Kendall's coefficient of concordance W of m rankings of the same n objects, with the
/// correction for ties (Kendall & Babington Smith 1939, "The problem of m rankings", Ann. Math.
/// Statist. 10; the tie correction as in Siegel & Castellan 1988, Nonparametric Statistics for the
/// Behavioral Sciences, 2nd ed., §9.4; spec §12):
///
///     Rᵢ = Σₖ rₖᵢ,  S = Σᵢ (Rᵢ − m(n + 1)/2)²,
///     W  = 12S / (m²(n³ − n) − m·Σ(t³ − t))
///
/// where rₖᵢ is ranking k's mid-rank of object i (``midRanks(_:tolerance:)``) and the sum Σ(t³ − t)
/// runs over every group of t tied objects in every ranking. W is 1 when all rankings agree and
/// near 0 when they are unrelated.
///
/// - Parameter ranks: `ranks[k][i]`: ranking k's mid-rank of object i; m ≥ 2 rankings of the same
///   n ≥ 2 objects, each a permutation of 1…n up to ties. Tied objects are those whose mid-ranks
///   are equal.
/// - Returns: W in 0...1; `nil` with fewer than two rankings or objects, or when every ranking ties
///   every object (the denominator is 0: there is no order to agree on).
/// - Complexity: O(m × n log n).
package func kendallW(_ ranks: [[Double]]) -> Double? {
  let m = ranks.count
  guard m >= 2, let n = ranks.first?.count, n >= 2 else { return nil }
  precondition(ranks.allSatisfy { $0.count == n }, "every ranking ranks the same objects")
  var totals = [Double](repeating: 0, count: n)
  var tieSum = 0.0
  for ranking in ranks {
    for i in 0..<n { totals[i] += ranking[i] }
    var groups = [Double: Int]()
    for rank in ranking { groups[rank, default: 0] += 1 }
    for t in groups.values.sorted() where t > 1 {
      let size = Double(t)
      tieSum += size * size * size - size
    }
  }
  let mean = Double(m) * Double(n + 1) / 2
  let s = totals.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
  let (md, nd) = (Double(m), Double(n))
  let denominator = md * md * (nd * nd * nd - nd) - md * tieSum
  guard denominator > 0 else { return nil }
  return 12 * s / denominator
}
