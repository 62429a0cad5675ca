import PlanLanguage
import PlanModel

/// A funding line of a consortium as the money review sees it (SPEC §4 kind `funding`): the
/// amount one source commits for one phase, with that phase's period.
package struct PlannedFunding: Sendable, Hashable {
  /// The funding source (`central`, `provincial`, … SPEC §4, §15).
  package var source: String
  /// The line's amount, in the plan's currency (万元 by default), ≥ 0.
  package var amount: Double
  /// The period of the line's phase, in years (`2025..2027`: January 2025 to December 2027) or
  /// months (`2025-03..2026-06`).
  package var period: Period

  package init(source: String, amount: Double, period: Period) {
    self.source = source
    self.amount = amount
    self.period = period
  }

  /// The line planned evenly over the months of its phase and summed per calendar year (SPEC §11
  /// "Money"): year y gets amount × (months of the period in y) / (months of the period).
  ///
  /// For `2025-03..2026-06` (16 months) and 800: 2025 gets 800 × 10/16 = 500, 2026 gets
  /// 800 × 6/16 = 300.
  ///
  /// - Returns: (calendar year, amount in the plan's currency), in year order, one entry per year
  ///   the period touches; empty when the period ends before it starts (R20 reports it).
  /// - Complexity: O(years of the period).
  package func amountByYear() -> [(year: Int, amount: Double)] {
    let months = period.months
    guard months > 0 else { return [] }
    let (start, end) = (period.start, period.end)
    return (start.year...end.year).map { year in
      let first = year == start.year ? start.month : 1
      let last = year == end.year ? end.month : 12
      return (year, amount * Double(last - first + 1) / Double(months))
    }
  }
}
