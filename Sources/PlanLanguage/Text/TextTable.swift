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
  /// The narrowest a column is made to fit ``maxWidth`` while a wider page allows (then 2, so a
  /// CJK character still fits).
  package var minimumColumnWidth = 4
  /// The character of the rule under the header.
  package var rule: Character = "-"
  /// Whether the rule under the header is broken at the gaps between columns (one run of
  /// ``rule`` under each column, the ``separator`` between them, as the `rank` report draws it)
  /// instead of one unbroken line.
  package var ruleUnderEachColumn = false
  /// Columns that keep their natural width when the table is fitted (bars, numbers).
  package var fixedColumns: Set<Int> = []
  /// Columns of IDs, lists of IDs and codes: their cells break only after a space or a comma,
  /// and the column is never narrower than its longest ID (so `储能联合体` is never split).
  package var wholeWordColumns: Set<Int> = []
  /// Columns whose cells start with an ID before free text (`攻关期 关键技术突破阶段`): the ID
  /// is kept whole as in ``wholeWordColumns``, the text after it wraps as usual.
  package var firstWordColumns: Set<Int> = []

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
    func measure(_ row: [String]) {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWrap.lineWidth(cell)) }
    }
    if let header { measure(header) }
    for row in rows { measure(row) }
    return widths
  }

  /// The column widths after fitting into ``maxWidth``.
  ///
  /// Every column wider than a cap `c` is narrowed to `c`, with `c` the largest cap that fits,
  /// but no column below its minimum: the widest (free-text) columns give way first. The
  /// minimum is, where the table can afford it, the longest word of the column (so words and
  /// numbers do not break; a CJK character with the punctuation that sticks to it is a word of
  /// its own), else the longest word of its cells (headers may break), else
  /// ``minimumColumnWidth`` (words break), else 2. Fixed columns keep their natural width, and
  /// ``wholeWordColumns`` never go below their longest ID. A table that cannot fit even so is
  /// as narrow as it can be.
  /// - Complexity: O(k log w) after one pass over the cells, for k columns of natural width up to w.
  package func fittedWidths() -> [Int] {
    let natural = columnWidths()
    guard let maxWidth, !natural.isEmpty else { return natural }
    let available = maxWidth - DisplayWidth.width(indent) - DisplayWidth.width(separator) * (natural.count - 1)
    if natural.reduce(0, +) <= available { return natural }
    var cellWords = Array(repeating: 0, count: natural.count)
    var ids = Array(repeating: 0, count: natural.count)
    for row in rows {
      for (i, cell) in row.enumerated() {
        cellWords[i] = max(cellWords[i], longestWord(cell, column: i))
        if firstWordColumns.contains(i) {
          ids[i] = max(
            ids[i], TextWrap.longestUnbreakable(String(cell.prefix { $0 != " " && $0 != "\n" }), keepingWords: true))
        } else if wholeWordColumns.contains(i) {
          ids[i] = cellWords[i]
        }
      }
    }
    let hard = natural.enumerated().map { i, w in
      fixedColumns.contains(i) ? w : max(min(w, max(2, minimumColumnWidth)), ids[i])
    }
    var allWords = cellWords
    for (i, cell) in (header ?? []).enumerated() { allWords[i] = max(allWords[i], Self.longestWord(cell)) }
    for words in [allWords, cellWords] {
      let minimum = natural.indices.map { i in
        fixedColumns.contains(i) ? natural[i] : max(min(words[i], natural[i]), min(natural[i], 2))
      }
      if minimum.reduce(0, +) <= available { return fill(natural, minimum: minimum, available: available) }
    }
    if hard.reduce(0, +) <= available { return fill(natural, minimum: hard, available: available) }
    // Very narrow: two columns each (a CJK character), as far as that goes.
    let narrowest = natural.enumerated().map { i, w in
      fixedColumns.contains(i) ? w : max(min(w, 2), ids[i])
    }
    return fill(natural, minimum: narrowest, available: available)
  }

  /// Whether the table fits ``maxWidth`` without breaking a word of a cell (headers may break).
  package var fitsWithoutBreakingWords: Bool {
    let widths = fittedWidths()
    for row in rows {
      for (i, cell) in row.enumerated() where longestWord(cell, column: i) > widths[i] { return false }
    }
    return true
  }

  /// The widest cap `c` such that the columns, each `max(minimum, min(natural, c))`, fit.
  private func fill(_ natural: [Int], minimum: [Int], available: Int) -> [Int] {
    func widths(cap: Int) -> [Int] { zip(natural, minimum).map { max($1, min($0, cap)) } }
    var low = 0
    var high = natural.max()!
    while low < high {
      let mid = (low + high + 1) / 2
      if widths(cap: mid).reduce(0, +) <= available { low = mid } else { high = mid - 1 }
    }
    return widths(cap: low)
  }

  /// The widest run of text that ``TextWrap/wrap(_:to:keepingWords:)`` would rather not break:
  /// a run of narrow characters between spaces; a wide (CJK) character with the punctuation
  /// that sticks to it.
  static func longestWord(_ cell: String) -> Int { TextWrap.longestUnbreakable(cell) }

  /// The widest run of a cell of column `i` that is not broken (a whole ID in ``wholeWordColumns``).
  func longestWord(_ cell: String, column i: Int) -> Int {
    TextWrap.longestUnbreakable(
      cell, keepingWords: wholeWordColumns.contains(i), keepingFirstWord: firstWordColumns.contains(i))
  }

  /// The total display width of every line.
  package var width: Int { width(of: fittedWidths()) }

  private func width(of columns: [Int]) -> Int {
    DisplayWidth.width(indent) + columns.reduce(0, +) + DisplayWidth.width(separator) * max(0, columns.count - 1)
  }

  /// The table as lines, each ending in a newline; with a header, a rule under it.
  /// Cells are padded to their column's width, but no line ends in spaces (a left-aligned last
  /// cell is not padded, an empty one leaves nothing), so every line is at most ``width`` wide.
  package func render() -> String {
    let widths = fittedWidths()
    let total = width(of: widths)
    var out = ""
    func emit(_ row: [String], isHeader: Bool = false) {
      var cellLines: [[String]] = []
      for (i, w) in widths.enumerated() {
        let cell = i < row.count ? row[i] : ""
        switch overflow {
        case .wrap:
          cellLines.append(
            TextWrap.wrap(
              cell, to: w, keepingWords: !isHeader && wholeWordColumns.contains(i),
              keepingFirstWord: !isHeader && firstWordColumns.contains(i)))
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
        var line = indent + parts.joined(separator: separator)
        while line.utf8.last == 0x20 { line.removeLast() }
        out += line + "\n"
      }
    }
    if let header {
      emit(header, isHeader: true)
      let unit = max(1, TextWrap.width(of: rule))
      if ruleUnderEachColumn {
        emit(widths.map { String(repeating: rule, count: $0 / unit) })
      } else {
        let ruleWidth = total - DisplayWidth.width(indent)
        out += indent + String(repeating: rule, count: ruleWidth / unit) + "\n"
      }
    }
    for row in rows { emit(row) }
    return out
  }
}
