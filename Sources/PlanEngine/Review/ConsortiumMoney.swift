import PlanModel

/// A consortium's money planned against money paid as of the year under review (SPEC §11
/// "Money"): what `show funding K`, the review's money table and its JSON `consortia` print, and
/// what R39 judges.
package struct ConsortiumMoney: Sendable, Hashable {
  /// The government sources in the order R27 sums them: central, provincial, municipal (SPEC §4).
  package static let governmentSources = Schema.sources.filter { Schema.governmentSources.contains($0) }

  /// The year under review, Y (a calendar year).
  package var asOf: Int
  /// Planned per calendar year, every year the funding lines touch (also after Y), in the plan's
  /// currency (``PlannedFunding/amountByYear()``).
  package var plannedByYear: [Int: Double]
  /// Paid per calendar year, every year with an outlay (also after Y), in the plan's currency.
  package var paidByYear: [Int: Double]
  /// Planned and paid up to Y per source, for every source with a funding line or an outlay.
  package var bySource: [String: SourceMoney]
  /// Planned and paid per calendar year and source, every year (also after Y) in which a source
  /// has money planned or paid (`show funding K`).
  package var byYearAndSource: [YearAndSource: SourceMoney]
  /// Planned for the years ≤ Y, all sources, in the plan's currency.
  package var planned: Double
  /// Paid in the years ≤ Y, all sources, in the plan's currency.
  package var paid: Double
  /// Paid by the government sources in the years ≤ Y, in the plan's currency.
  package var governmentPaid: Double

  /// Execution by Y: ``paid`` / ``planned``, a fraction; nil when nothing is planned yet.
  package var execution: Double? { planned > 0 ? paid / planned : nil }

  /// A calendar year and a funding source: a key of ``byYearAndSource``.
  package struct YearAndSource: Sendable, Hashable {
    package var year: Int
    package var source: String

    package init(year: Int, source: String) {
      self.year = year
      self.source = source
    }
  }

  /// The actual government share: ``governmentPaid`` / ``paid``, a fraction, computed on the
  /// outlays to date as R27 computes it on funding lines (government sources over all sources);
  /// nil when nothing is paid yet (R27 does not judge a consortium without funding).
  package var governmentShare: Double? { paid > 0 ? governmentPaid / paid : nil }

  /// The money of one consortium as of year `asOf`.
  ///
  /// Each funding line is planned evenly over the months of its phase and summed per year;
  /// planned by Y sums the years ≤ Y. Paid by Y sums the outlays of years ≤ Y. Sums run over
  /// `funding` and `outlays` in the order given, years ascending; the government amount sums the
  /// sources in ``governmentSources`` order, as R27 does.
  ///
  /// - Parameters:
  ///   - funding: The consortium's funding lines, each with its phase's period.
  ///   - outlays: The consortium's outlays.
  ///   - asOf: The year under review, Y.
  ///   - governmentSources: The sources that count as government, in summation order.
  /// - Complexity: O(funding × years per phase + outlays).
  package init(
    funding: [PlannedFunding], outlays: [PaidOutlay], asOf: Int,
    governmentSources: [String] = ConsortiumMoney.governmentSources
  ) {
    self.asOf = asOf
    var plannedByYear: [Int: Double] = [:]
    var paidByYear: [Int: Double] = [:]
    var bySource: [String: SourceMoney] = [:]
    var byYearAndSource: [YearAndSource: SourceMoney] = [:]
    var planned = 0.0
    var paid = 0.0
    for line in funding {
      if bySource[line.source] == nil { bySource[line.source] = SourceMoney() }
      for (year, amount) in line.amountByYear() {
        plannedByYear[year, default: 0] += amount
        byYearAndSource[YearAndSource(year: year, source: line.source), default: SourceMoney()].planned += amount
        guard year <= asOf else { continue }
        planned += amount
        bySource[line.source, default: SourceMoney()].planned += amount
      }
    }
    for outlay in outlays {
      paidByYear[outlay.year, default: 0] += outlay.amount
      byYearAndSource[YearAndSource(year: outlay.year, source: outlay.source), default: SourceMoney()].paid +=
        outlay.amount
      if bySource[outlay.source] == nil { bySource[outlay.source] = SourceMoney() }
      guard outlay.year <= asOf else { continue }
      paid += outlay.amount
      bySource[outlay.source, default: SourceMoney()].paid += outlay.amount
    }
    var governmentPaid = 0.0
    for source in governmentSources { governmentPaid += bySource[source]?.paid ?? 0 }
    self.plannedByYear = plannedByYear
    self.paidByYear = paidByYear
    self.bySource = bySource
    self.byYearAndSource = byYearAndSource
    self.planned = planned
    self.paid = paid
    self.governmentPaid = governmentPaid
  }
}
