import PlanEngine
import PlanLanguage
import PlanModel

/// The HTML export's bar chart of the robustness sampling (SPEC §12): one bar per field, in rank
/// order, as long as the share of weight samples in which the field is in the top `cutoff` (its
/// P(rank 1) when the plan has no cutoff), with the share written after the bar. Fields within
/// the cutoff by the plan's own weights are drawn in the accent colour, the others in grey; a
/// grid at 0, 25%, 50%, 75% and 100%.
///
/// Inline SVG with its colours and sizes as attributes, so the page's style sheet (and with it
/// the HTML export of a plan without robustness) is unchanged. Text is escaped as the page's.
struct SVGRobustnessChart {
  let robustness: PlanRanking.Robustness
  /// The ranking's rank of each field (the bars' colour).
  let ranks: [String: Int]
  let title: String

  // Geometry, in SVG user units (the page scales the chart to its width).
  static let width = 760
  static let labelWidth = 250
  static let barWidth = 420
  static let rowHeight = 24
  static let top = 34
  /// Label text is cut to this many display columns (a CJK character is two).
  static let labelColumns = 36

  func e(_ text: String) -> String { HTMLExport.escape(text) }

  /// The `<svg>` element, ending in a newline; `nil` without fields.
  func render() -> String? {
    guard !robustness.rows.isEmpty else { return nil }
    let height = Self.top + robustness.rows.count * Self.rowHeight + 8
    let x0 = Self.labelWidth
    var out =
      "<svg class=\"robustness\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-label=\"\(e(title))\">\n"
    out += "<title>\(e(title))</title>\n"
    // The grid and its scale above the bars.
    for step in 0...4 {
      let x = x0 + Self.barWidth * step / 4
      out +=
        "<line x1=\"\(x)\" y1=\"\(Self.top - 6)\" x2=\"\(x)\" y2=\"\(height - 8)\" stroke=\"#d5dde6\" stroke-width=\"1\"/>"
      out +=
        "<text x=\"\(x)\" y=\"\(Self.top - 12)\" font-size=\"11\" fill=\"#5b6b7c\" text-anchor=\"middle\">\(step * 25)%</text>\n"
    }
    let cutoff = robustness.cutoff
    for (i, row) in robustness.rows.enumerated() {
      let share = max(0, min(1, row.top ?? row.first))
      let y = Self.top + i * Self.rowHeight
      let inside = cutoff.map { (ranks[row.field] ?? .max) <= $0 } ?? (ranks[row.field] == 1)
      let label = DisplayWidth.truncate(
        row.name.isEmpty ? row.field : "\(row.field) \(row.name)", to: Self.labelColumns)
      let length = ExportNumbers.fixed(share * Double(Self.barWidth), places: 1)
      out +=
        "<g><text x=\"\(x0 - 8)\" y=\"\(y + 16)\" font-size=\"13\" fill=\"#1d2733\" text-anchor=\"end\">\(e(label))</text>"
      out +=
        "<rect x=\"\(x0)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"16\" fill=\"\(inside ? "#2f6db5" : "#9aa8b6")\"/>"
      out +=
        "<text x=\"\(x0 + Self.barWidth + 8)\" y=\"\(y + 16)\" font-size=\"12\" fill=\"#1d2733\">\(ExportNumbers.fixed(share, places: 3))</text></g>\n"
    }
    return out + "</svg>\n"
  }
}
