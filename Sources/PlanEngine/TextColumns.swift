import PlanLanguage
import PlanModel

/// A small table for the `rank` report: columns aligned by display width (a CJK character takes
/// two columns, ``DisplayWidth``), a rule under the header, every line equally wide.
struct TextColumns {
  /// Column headings.
  var header: [String]
  /// Which columns are right-aligned (numbers).
  var rightAligned: Set<Int> = []
  var rows: [[String]] = []

  /// The table, each line ending in a newline.
  func render() -> String {
    var widths = header.map { DisplayWidth.width($0) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.width(cell)) }
    }
    func line(_ cells: [String]) -> String {
      widths.indices.map { i in
        DisplayWidth.pad(i < cells.count ? cells[i] : "", to: widths[i], right: rightAligned.contains(i))
      }.joined(separator: "  ") + "\n"
    }
    return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
  }
}

/// Fixed-point decimals for reports: `fixed(0.8156, 3)` is `0.816`, `fixed(0.9, 2)` is `0.90`.
func fixed(_ value: Double, _ places: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  guard abs(value) < 1e15 else { return Format.number(value) }
  let scaled = (abs(value) * scale).rounded()
  let negative = value < 0 && scaled > 0
  let whole = Format.number((scaled / scale).rounded(.down))
  var fraction = Format.number(scaled - (scaled / scale).rounded(.down) * scale)
  fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
  return (negative ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
}
