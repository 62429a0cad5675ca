/// The outcome of a robustness run: the settings used and every field's acceptability.
package struct RobustnessResult: Sendable, Equatable {
  /// The number of weight samples N.
  package var samples: Int
  /// The spread P (a fraction: 0.30 for 30%): each weight was multiplied by U(1 − P, 1 + P).
  package var spread: Double
  /// The seed of the generator (``SplitMix64``).
  package var seed: UInt64
  /// The cutoff the `top` shares count against, if any.
  package var cutoff: Int?
  /// One entry per field, in input order.
  package var fields: [FieldAcceptability]

  package init(samples: Int, spread: Double, seed: UInt64, cutoff: Int?, fields: [FieldAcceptability]) {
    self.samples = samples
    self.spread = spread
    self.seed = seed
    self.cutoff = cutoff
    self.fields = fields
  }
}
