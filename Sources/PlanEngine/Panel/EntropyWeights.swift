#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Objective criterion weights by the entropy method (Shannon entropy of each criterion's column;
/// spec §12 `weighting entropy`, as common in Chinese regional studies, e.g. 熵权法).
///
/// With the scores normalised as §8's weighted sum does (``scaleNormalised(_:)``: 1 best, 0 worst,
/// by the declared scale and the criterion's direction), for m fields and each criterion j:
///
///     pᵢⱼ = nᵢⱼ / Σᵢ nᵢⱼ
///     eⱼ  = −(1/ln m) · Σᵢ pᵢⱼ ln pᵢⱼ        (0 · ln 0 = 0)
///     wⱼ  = (1 − eⱼ) / Σₖ (1 − eₖ)
///
/// A criterion whose scores are spread evenly has eⱼ = 1 and weight 0; one that singles out a
/// field has eⱼ near 0 and a large weight. Choices where the formula is silent: a column with
/// Σᵢ nᵢⱼ = 0 (every field at the worst end of the scale) tells the fields nothing, so eⱼ = 1;
/// when every eⱼ is 1 (Σₖ (1 − eₖ) = 0) the weights are equal, 1/criteria each.
///
/// - Parameter input: A well-formed decision matrix; its `weights` are ignored.
/// - Returns: One weight per criterion, in criterion order, each ≥ 0, summing to 1; empty when
///   there are no criteria.
/// - Throws: ``PanelError/tooFewFields(_:)`` with fewer than two fields (ln 1 = 0).
/// - Complexity: O(fields × criteria).
package func entropyWeights(_ input: RankingInput) throws(PanelError) -> [Double] {
  let m = input.fieldCount
  guard m >= 2 else { throw .tooFewFields(m) }
  let normalised = scaleNormalised(input)
  let lnM = log(Double(m))
  let divergence = (0..<input.criterionCount).map { j -> Double in
    let total = normalised.reduce(0.0) { $0 + $1[j] }
    guard total > 0 else { return 0 }
    var sum = 0.0
    for row in normalised where row[j] > 0 {
      let p = row[j] / total
      sum += p * log(p)
    }
    let entropy = -sum / lnM
    return max(0, 1 - entropy)  // an even column gives eⱼ = 1 up to rounding, never above
  }
  let total = divergence.reduce(0, +)
  guard total > 0 else {
    return divergence.map { _ in 1 / Double(divergence.count) }
  }
  return divergence.map { $0 / total }
}
