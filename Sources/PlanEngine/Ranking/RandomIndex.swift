/// The largest number of criteria that AHP weighting accepts: Saaty's random-index table ends at 15
/// (spec §8: "More than 15 criteria: error").
package let ahpMaxCriteria = 15

/// Saaty's random consistency index RI(n), indexed by n − 1 (Saaty 1980, as listed in spec §8).
private let saatyRandomIndex: [Double] = [
  0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
]

/// Saaty's random consistency index: the mean consistency index of random reciprocal matrices of
/// order n (Saaty 1980, the table in spec §8).
///
/// - Parameter n: The number of criteria.
/// - Returns: RI(n), dimensionless: 0 for n = 1, 2; 0.58 for 3; 0.90 for 4; … 1.59 for 15.
///   `nil` for n < 1 or n > 15, where the table has no value.
package func randomIndex(n: Int) -> Double? {
  guard n >= 1, n <= saatyRandomIndex.count else { return nil }
  return saatyRandomIndex[n - 1]
}
