import PlanLanguage
import PlanModel

/// One sheet of the workbook export as SpreadsheetML (ECMA-376 Part 1, §18.3): a header row in
/// bold and frozen, then rows of cells; numbers as number cells, percents as numbers with a
/// percent format, text as inline string cells (never a formula: a text that starts with `=` is
/// still text); each column as wide as its widest cell in display columns (a CJK character
/// counts two, ``DisplayWidth``), within 6…80.
struct Worksheet {
  /// A cell's content.
  enum Cell {
    case text(String)
    case number(Double)
    /// A fraction shown as a percent (0.3 as 30.00%).
    case percent(Double)
    case empty
  }

  /// The cell styles of `styles.xml`, by index: plain, header (bold), percent.
  enum Style: Int {
    case plain = 0, header = 1, percent = 2
  }

  let name: String
  private var body = XMLBuffer(capacity: 1 << 16)
  private var widths: [Int]
  private(set) var rowCount = 0

  init(name: String, header: [String]) {
    self.name = name
    widths = Array(repeating: 0, count: header.count)
    append(header.map(Cell.text), style: .header)
  }

  /// Appends a row; cells beyond the header's columns widen the sheet.
  mutating func append(_ cells: [Cell], style: Style = .plain) {
    rowCount += 1
    let row = String(rowCount)
    body.raw("<row r=\"\(row)\">")
    for (j, cell) in cells.enumerated() {
      if j >= widths.count { widths.append(0) }
      let ref = Self.column(j) + row
      switch cell {
      case .empty: continue
      case .text(let text):
        widths[j] = max(widths[j], Self.width(of: text))
        body.raw("<c r=\"\(ref)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"") t=\"inlineStr\"><is><t")
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true { body.raw(" xml:space=\"preserve\"") }
        body.raw(">")
        body.text(text)
        body.raw("</t></is></c>")
      case .number(let value), .percent(let value):
        guard value.isFinite else {
          // A plan cannot hold one (E015); written as text rather than as an invalid number.
          append(cellAt: j, ref: ref, text: Format.number(value))
          continue
        }
        let isPercent = if case .percent = cell { true } else { false }
        let shown = isPercent ? Format.percent(value) : Format.number(value)
        widths[j] = max(widths[j], shown.utf8.count + (isPercent ? 2 : 0))
        body.raw("<c r=\"\(ref)\"\(isPercent ? " s=\"2\"" : "")><v>\(Format.number(value))</v></c>")
      }
    }
    body.raw("</row>")
  }

  private mutating func append(cellAt j: Int, ref: String, text: String) {
    body.raw("<c r=\"\(ref)\" t=\"inlineStr\"><is><t>")
    body.text(text)
    body.raw("</t></is></c>")
  }

  /// The worksheet part.
  var xml: XMLBuffer {
    var out = XMLBuffer(capacity: body.bytes.count + 1024)
    out.declaration()
    out.raw(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
    out.raw("<sheetViews><sheetView workbookViewId=\"0\">")
    out.raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
    out.raw("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
    out.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
    if !widths.isEmpty {
      out.raw("<cols>")
      for (j, w) in widths.enumerated() {
        out.raw("<col min=\"\(j + 1)\" max=\"\(j + 1)\" width=\"\(Self.columnWidth(w))\" customWidth=\"1\"/>")
      }
      out.raw("</cols>")
    }
    out.raw("<sheetData>")
    out.append(body)
    out.raw("</sheetData></worksheet>")
    return out
  }

  /// The width of a column whose widest cell takes `columns` display columns: two more for
  /// the padding and the filter button, within 6…80 (Excel's unit is one digit's width).
  static func columnWidth(_ columns: Int) -> Int { min(80, max(6, columns + 2)) }

  /// The widest line of a text, in display columns.
  static func width(of text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.width($0) }.max() ?? 0
  }

  /// `A`, `B`, …, `Z`, `AA`, … for column 0, 1, …
  static func column(_ index: Int) -> String {
    var n = index + 1
    var letters: [UInt8] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(r))
      n = (n - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }
}
