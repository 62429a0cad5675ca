/// How the experts' ratings of one field on one criterion become its score (spec §12
/// `rating-aggregate mean|median|geomean [mean]`).
package enum RatingAggregate: String, Sendable, Equatable, CaseIterable {
  /// The weighted arithmetic mean Σₖ vₖrₖ / Σₖ vₖ (vₖ the expert weights).
  case mean
  /// The median; of an even count the mean of the two middle values; weights ignored.
  case median
  /// The weighted geometric mean exp(Σₖ vₖ ln rₖ / Σₖ vₖ); every rating must be > 0.
  case geomean
}
