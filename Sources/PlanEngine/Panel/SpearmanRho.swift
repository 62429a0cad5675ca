/// Spearman's rank correlation ρ of two rankings of the same objects, as the Pearson correlation
/// of their mid-ranks (Spearman 1904; with ties this is the exact form, not the 1 − 6Σd²/(n³ − n)
/// shortcut, which holds only without ties; Siegel & Castellan 1988, §9.2; spec §12):
///
///     ρ = Σᵢ (aᵢ − ā)(bᵢ − b̄) / √(Σᵢ (aᵢ − ā)² · Σᵢ (bᵢ − b̄)²)
///
/// - Parameters:
///   - a: One ranking's mid-ranks (``midRanks(_:tolerance:)``).
///   - b: The other's, of the same objects in the same order.
/// - Returns: ρ in −1...1; `nil` with fewer than two objects or when either ranking ties every
///   object (zero variance: the correlation is undefined).
/// - Complexity: O(n).
package func spearmanRho(_ a: [Double], _ b: [Double]) -> Double? {
  precondition(a.count == b.count, "both rankings rank the same objects")
  let n = a.count
  guard n >= 2 else { return nil }
  let meanA = a.reduce(0, +) / Double(n)
  let meanB = b.reduce(0, +) / Double(n)
  var (covariance, varianceA, varianceB) = (0.0, 0.0, 0.0)
  for i in 0..<n {
    let (da, db) = (a[i] - meanA, b[i] - meanB)
    covariance += da * db
    varianceA += da * da
    varianceB += db * db
  }
  guard varianceA > 0, varianceB > 0 else { return nil }
  return max(-1, min(1, covariance / (varianceA * varianceB).squareRoot()))
}
