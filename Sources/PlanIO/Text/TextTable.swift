import PlanLanguage

/// A table of text aligned by display width (a CJK character takes two columns), so every
/// line of the table has the same width.
package struct TextTable: Sendable {
  package enum Alignment: Sendable { case left, right }

  package var header: [String]?
  package var rows: [[String]] = []
  package var alignments: [Alignment]
  /// Text between columns.
  package var separator = "  "

  package init(header: [String]? = nil, alignments: [Alignment] = []) {
    self.header = header
    self.alignments = alignments
  }

  package mutating func add(_ row: [String]) { rows.append(row) }

  /// The width of each column: the widest cell.
  package func columnWidths() -> [Int] {
    let all = (header.map { [$0] } ?? []) + rows
    let count = all.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: count)
    for row in all {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.width(cell)) }
    }
    return widths
  }

  /// The table as lines, each ending in a newline; with a header, a rule of `-` under it.
  /// Every line has the same display width (trailing cells are padded).
  package func render() -> String {
    let widths = columnWidths()
    func line(_ row: [String]) -> String {
      var parts: [String] = []
      for (i, w) in widths.enumerated() {
        let cell = i < row.count ? row[i] : ""
        let right = i < alignments.count && alignments[i] == .right
        parts.append(DisplayWidth.pad(cell, to: w, right: right))
      }
      return parts.joined(separator: separator) + "\n"
    }
    var out = ""
    if let header {
      out += line(header)
      let total = widths.reduce(0, +) + separator.count * max(0, widths.count - 1)
      out += String(repeating: "-", count: total) + "\n"
    }
    for row in rows { out += line(row) }
    return out
  }
}
