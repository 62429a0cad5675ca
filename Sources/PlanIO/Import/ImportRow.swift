import PlanLanguage

/// One cell of a row read from a CSV file or a workbook's sheet.
package struct ImportCell: Sendable, Equatable {
  /// What the cell holds.
  package enum Value: Sendable, Equatable {
    /// Text: every cell of a CSV file; a string cell of a workbook.
    case text(String)
    /// A number cell of a workbook.
    case number(Double)
    /// A number cell of a workbook formatted as a percent: the fraction (`0.035` shown as 3.5%).
    case percent(Double)
    /// A number cell of a workbook formatted as a date (``ExcelDate``): its calendar date.
    case date(year: Int, month: Int, day: Int)
    /// A boolean cell of a workbook.
    case bool(Bool)
    /// A formula cell that holds no cached value (a workbook written by a program that does not
    /// compute formulas): an error where it is read.
    case formulaWithoutValue
  }

  /// The cell's column, 1-based (the field number of a CSV record; A = 1 in a workbook).
  package var column: Int
  package var value: Value

  package init(column: Int, value: Value) {
    self.column = column
    self.value = value
  }

  /// Whether the cell holds nothing (an empty or blank text).
  package var isEmpty: Bool {
    if case .text(let t) = value { return t.allSatisfy(\.isWhitespace) }
    return false
  }
}

/// One row of a CSV file or sheet: its number (the header is row 1; a CSV record that spans
/// lines is one row) and its cells, in column order.
package struct ImportRow: Sendable, Equatable {
  package var number: Int
  package var cells: [ImportCell]

  package init(number: Int, cells: [ImportCell]) {
    self.number = number
    self.cells = cells
  }

  /// Whether every cell is empty: such a row is skipped.
  package var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}
