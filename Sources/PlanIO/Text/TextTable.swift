import PlanLanguage

/// A table of text aligned by display width (a CJK character takes two columns, a combining
/// mark none), so every line of the table has the same width.
///
/// With ``maxWidth`` set, the widest columns give way first: their cells wrap onto more lines
/// (or, with ``Overflow/truncate``, are cut with `…`) until the table fits, as far as every
/// column can keep ``minimumColumnWidth`` columns. A newline in a cell starts a new line within
/// the cell; tabs and other control characters never reach the output.
package struct TextTable: Sendable {
  package enum Alignment: Sendable { case left, right }

  /// What happens to a cell wider than its column.
  package enum Overflow: Sendable {
    /// The cell takes as many lines as it needs.
    case wrap
    /// The cell is cut to one line ending in `…`.
    case truncate
  }

  package var header: [String]?
  package var rows: [[String]] = []
  package var alignments: [Alignment]
  /// Text between columns.
  package var separator = "  "
  /// Text before every line (counts towards ``maxWidth``).
  package var indent = ""
  /// The widest a line may be, in display columns; `nil`: as wide as the cells need.
  package var maxWidth: Int?
  package var overflow = Overflow.wrap
  /// The narrowest a column is made to fit ``maxWidth`` (never below 2, so a CJK character fits).
  package var minimumColumnWidth = 4
  /// The character of the rule under the header.
  package var rule: Character = "-"
  /// Columns that keep their natural width when the table is fitted (bars, numbers).
  package var fixedColumns: Set<Int> = []

  package init(header: [String]? = nil, alignments: [Alignment] = []) {
    self.header = header
    self.alignments = alignments
  }

  package mutating func add(_ row: [String]) { rows.append(row) }

  /// The number of columns: the longest row's.
  package var columnCount: Int { ((header.map { [$0] } ?? []) + rows).map(\.count).max() ?? 0 }

  /// The natural width of each column: its widest cell line (newlines split a cell).
  package func columnWidths() -> [Int] {
    var widths = Array(repeating: 0, count: columnCount)
    for row in (header.map { [$0] } ?? []) + rows {
      for (i, cell) in row.enumerated() {
        for line in TextWrap.sanitize(cell).split(separator: "\n", omittingEmptySubsequences: false) {
          widths[i] = max(widths[i], DisplayWidth.width(line))
        }
      }
    }
    return widths
  }

  /// The column widths after fitting into ``maxWidth``: every column wider than a cap `c` is
  /// narrowed to `c` (never below its minimum), with `c` the largest cap that fits.
  /// - Complexity: O(k log w) for k columns of natural width up to w.
  package func fittedWidths() -> [Int] {
    let natural = columnWidths()
    guard let maxWidth, !natural.isEmpty else { return natural }
    let available = maxWidth - DisplayWidth.width(indent) - DisplayWidth.width(separator) * (natural.count - 1)
    let minimum = natural.enumerated().map { i, w in fixedColumns.contains(i) ? w : min(w, max(2, minimumColumnWidth)) }
    func widths(cap: Int) -> [Int] { zip(natural, minimum).map { max($1, min($0, cap)) } }
    if natural.reduce(0, +) <= available { return natural }
    var low = 0
    var high = natural.max()!
    while low < high {
      let mid = (low + high + 1) / 2
      if widths(cap: mid).reduce(0, +) <= available { low = mid } else { high = mid - 1 }
    }
    return widths(cap: low)
  }

  /// The total display width of every line.
  package var width: Int {
    let w = fittedWidths()
    return DisplayWidth.width(indent) + w.reduce(0, +) + DisplayWidth.width(separator) * max(0, w.count - 1)
  }

  /// The table as lines, each ending in a newline; with a header, a rule under it.
  /// Every line has the same display width (cells are padded, the last one too).
  package func render() -> String {
    let widths = fittedWidths()
    let total = width
    var out = ""
    func emit(_ row: [String]) {
      var cellLines: [[String]] = []
      for (i, w) in widths.enumerated() {
        let cell = i < row.count ? row[i] : ""
        switch overflow {
        case .wrap: cellLines.append(TextWrap.wrap(cell, to: w))
        case .truncate: cellLines.append([TextWrap.truncate(cell, to: w)])
        }
      }
      let height = cellLines.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        var parts: [String] = []
        for (i, w) in widths.enumerated() {
          let text = lineIndex < cellLines[i].count ? cellLines[i][lineIndex] : ""
          let right = i < alignments.count && alignments[i] == .right
          parts.append(TextWrap.pad(text, to: w, right: right))
        }
        out += indent + parts.joined(separator: separator) + "\n"
      }
    }
    if let header {
      emit(header)
      let ruleWidth = total - DisplayWidth.width(indent)
      let unit = max(1, TextWrap.width(of: rule))
      out += indent + String(repeating: rule, count: ruleWidth / unit)
        + String(repeating: " ", count: ruleWidth % unit) + "\n"
    }
    for row in rows { emit(row) }
    return out
  }
}
