import PlanEngine
import PlanModel

/// The small inline SVG chart of one goal in the HTML review (SPEC §11): the expected line
/// (baseline → checkpoints → target, ``GoalTrack/expected(_:)``'s points) and the actuals as
/// points, with the year under review as a dashed rule. Years run left to right from the
/// baseline-year to the last of the target-year, the latest actual and the year under review;
/// values bottom to top over the range of every point drawn. No script, no reference outside.
struct ReviewChart {
  let track: GoalTrack
  /// The year under review, Y.
  let asOf: Int
  /// The chart's accessible name (the goal's ID and name).
  let title: String

  static let width = 220.0
  static let height = 84.0
  /// Room for the value labels on the left, and the year labels below.
  static let left = 38.0
  static let right = 8.0
  static let top = 8.0
  static let bottom = 18.0

  /// The chart, or nil for a goal without a baseline and a target that differ (nothing to draw).
  func svg() -> String? {
    guard track.isQuantitative, let baseline = track.baseline, let target = track.target else { return nil }
    let line: [(year: Int, value: Double)] =
      [(track.baselineYear, baseline)] + track.checkpoints.map { ($0.year, $0.value) } + [(track.targetYear, target)]
    let actuals = track.actuals.compactMap { a in a.value.map { (year: a.year, value: $0) } }.sorted {
      $0.year < $1.year
    }
    let years = line.map(\.year) + actuals.map(\.year) + [asOf]
    let firstYear = track.baselineYear
    let lastYear = max(years.max() ?? track.targetYear, firstYear + 1)
    let values = line.map(\.value) + actuals.map(\.value)
    var low = values.min() ?? 0, high = values.max() ?? 1
    if high - low < 1e-12 { (low, high) = (low - 1, high + 1) }
    let plotWidth = Self.width - Self.left - Self.right
    let plotHeight = Self.height - Self.top - Self.bottom
    func x(_ year: Int) -> String { n(Self.left + Double(year - firstYear) / Double(lastYear - firstYear) * plotWidth) }
    func y(_ value: Double) -> String { n(Self.top + (high - value) / (high - low) * plotHeight) }
    let e = HTMLExport.escape
    var out =
      "<svg class=\"goal-chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" role=\"img\" aria-label=\"\(e(title))\">"
    out += "<title>\(e(title))</title>"
    let bottomY = n(Self.top + plotHeight)
    out +=
      "<line class=\"axis-line\" x1=\"\(n(Self.left))\" y1=\"\(bottomY)\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(bottomY)\"/>"
    if asOf >= firstYear && asOf <= lastYear {
      out += "<line class=\"as-of\" x1=\"\(x(asOf))\" y1=\"\(n(Self.top))\" x2=\"\(x(asOf))\" y2=\"\(bottomY)\"/>"
    }
    out +=
      "<polyline class=\"expected\" points=\"" + line.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " ")
      + "\"/>"
    for a in actuals where a.year >= firstYear {
      out +=
        "<circle class=\"actual\" cx=\"\(x(a.year))\" cy=\"\(y(a.value))\" r=\"3\"><title>\(a.year): \(Format.number(a.value))</title></circle>"
    }
    let labelY = n(Self.height - 4)
    out += "<text class=\"tick\" x=\"\(n(Self.left))\" y=\"\(labelY)\" text-anchor=\"start\">\(firstYear)</text>"
    out +=
      "<text class=\"tick\" x=\"\(n(Self.width - Self.right))\" y=\"\(labelY)\" text-anchor=\"end\">\(lastYear)</text>"
    out +=
      "<text class=\"tick\" x=\"\(n(Self.left - 4))\" y=\"\(n(Self.top + 8))\" text-anchor=\"end\">\(ReviewTables.value(high))</text>"
    out +=
      "<text class=\"tick\" x=\"\(n(Self.left - 4))\" y=\"\(bottomY)\" text-anchor=\"end\">\(ReviewTables.value(low))</text>"
    return out + "</svg>"
  }

  /// A coordinate with at most one decimal.
  private func n(_ v: Double) -> String { Format.number((v * 10).rounded() / 10) }
}
