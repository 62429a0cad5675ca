/// The criterion weights that AHP derives from a pairwise comparison matrix, and its consistency.
package struct AHPResult: Sendable, Equatable {
  /// The normalised principal eigenvector: one weight per criterion, in matrix order; each > 0,
  /// summing to 1.
  package var weights: [Double]
  /// The principal eigenvalue λmax; equals n for a perfectly consistent matrix, and is larger
  /// otherwise.
  package var lambdaMax: Double
  /// The consistency index CI = (λmax − n)/(n − 1); 0 for n ≤ 2.
  package var ci: Double
  /// The random index RI(n) used (Saaty 1980; ``randomIndex(n:)``).
  package var ri: Double
  /// The consistency ratio CR = CI/RI; 0 for n ≤ 2, where RI is 0. Rule R04 rejects CR > 0.10 for
  /// n ≥ 3.
  package var cr: Double

  package init(weights: [Double], lambdaMax: Double, ci: Double, ri: Double, cr: Double) {
    self.weights = weights
    self.lambdaMax = lambdaMax
    self.ci = ci
    self.ri = ri
    self.cr = cr
  }
}
