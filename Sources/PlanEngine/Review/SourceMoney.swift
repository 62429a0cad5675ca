/// One funding source's money of a consortium up to the year under review (SPEC §11 JSON
/// `bySource`).
package struct SourceMoney: Sendable, Hashable {
  /// Planned from this source for the years ≤ Y, in the plan's currency.
  package var planned: Double
  /// Paid by this source in the years ≤ Y, in the plan's currency.
  package var paid: Double

  package init(planned: Double = 0, paid: Double = 0) {
    self.planned = planned
    self.paid = paid
  }

  /// Execution: paid / planned, a fraction (may exceed 1); nil when nothing is planned yet.
  package var execution: Double? { planned > 0 ? paid / planned : nil }
}
