/// The thresholds of the achievement ratio r (SPEC §11 plan settings `on-track-min` and
/// `at-risk-min`), as fractions (90% is 0.9). Their defaults are plan defaults and live with the
/// plan's settings in the schema; the wiring passes the plan's values.
package struct StatusThresholds: Sendable, Hashable {
  /// r at or above this (within ``Review/tolerance``) is `on-track`; a fraction.
  package var onTrackMin: Double
  /// r at or above this (within ``Review/tolerance``), below `onTrackMin`, is `at-risk`; a fraction.
  package var atRiskMin: Double

  package init(onTrackMin: Double, atRiskMin: Double) {
    self.onTrackMin = onTrackMin
    self.atRiskMin = atRiskMin
  }
}
