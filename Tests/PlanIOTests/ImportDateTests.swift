import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// Date cells of a workbook (issue 15): a number whose style's format is a date is read as that
/// date — a measure's `start` typed as a date in Excel becomes its month — in the 1900 and the
/// 1904 date systems. The workbooks are built here, part by part (openpyxl's own in
/// OfficeIntegration).
@Suite struct ImportDateTests {
  /// Serials and their dates, counted by hand from the epochs: the 1900 system's day 1 is
  /// 1900-01-01 and its day 60 the 1900-02-29 Excel keeps from Lotus 1-2-3, so from day 61 a
  /// serial is days since 1899-12-30: 2025-03-01 − 1899-12-30 = 45,717 days (Python:
  /// `(date(2025,3,1) - date(1899,12,30)).days`); in the 1904 system 2025-03-01 − 1904-01-01 =
  /// 44,255. 46,387.75 is 2026-12-31 at 18:00 (the time dropped).
  @Test(arguments: [
    (1.0, false, 1900, 1, 1), (59, false, 1900, 2, 28), (60, false, 1900, 2, 29), (61, false, 1900, 3, 1),
    (45_717, false, 2025, 3, 1), (46_387.75, false, 2026, 12, 31), (0, true, 1904, 1, 1), (44_255, true, 2025, 3, 1),
    (2_958_465, false, 9999, 12, 31),
  ])
  func aSerialIsItsCalendarDate(serial: Double, date1904: Bool, year: Int, month: Int, day: Int) throws {
    let date = try #require(ExcelDate.date(serial: serial, date1904: date1904))
    #expect(date.year == year && date.month == month && date.day == day, "\(date)")
  }

  @Test func aSerialNoCalendarHoldsIsNoDate() {
    #expect(ExcelDate.date(serial: 0) == nil)  // the 1900 system starts at 1
    #expect(ExcelDate.date(serial: -1, date1904: true) == nil)
    #expect(ExcelDate.date(serial: 2_958_466) == nil)  // 10000-01-01
    #expect(ExcelDate.date(serial: .nan) == nil)
  }

  /// Number formats: built-in date formats (14, 22; Chinese 31 `yyyy"年"m"月"d"日"`), codes with
  /// a year, day or month; not a time (`h:mm`, where `m` is minutes), a percent, a number, or
  /// letters in quotes or brackets.
  @Test(
    arguments: [
      (14, nil, true), (22, nil, true), (31, nil, true), (57, nil, true), (0, nil, false), (2, nil, false),
      (20, nil, false), (32, nil, false), (55, nil, false), (176, "yyyy-mm-dd", true), (177, "yyyy\"年\"m\"月\"", true),
      (178, "mmm-yy", true), (179, "[$-804]d\"日\"", true), (180, "h:mm:ss", false), (181, "[h]:mm", false),
      (182, "0.00%", false), (183, "#,##0\"元\"", false), (184, "\"day\" 0", false), (185, "General", false),
      (186, "mm:ss", false),
    ] as [(Int, String?, Bool)])
  func aFormatShowsADateOrNot(id: Int, code: String?, isDate: Bool) {
    #expect(ExcelDate.isDateFormat(id: id, code: code) == isDate)
  }

  /// A workbook with one `measure` sheet: styles 0 general, 1 built-in date 14, 2 a custom
  /// `yyyy"年"m"月"` (id 176), 3 a time (built-in 20, h:mm).
  static func workbook(rows: [String], date1904: Bool) throws -> [UInt8] {
    var zip = ZipContainer()
    func part(_ name: String, _ xml: String) {
      var b = XMLBuffer()
      b.raw(xml)
      zip.add(name, b)
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    part(
      "xl/workbook.xml",
      "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")
        + "<sheets><sheet name=\"measure\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
    part(
      "xl/_rels/workbook.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
    part(
      "xl/styles.xml",
      "<styleSheet xmlns=\"\(main)\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"176\" applyNumberFormat=\"1\"/><xf numFmtId=\"20\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
    )
    part(
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"\(main)\"><sheetData>"
        + rows.enumerated().map { "<row r=\"\($0.offset + 1)\">\($0.element)</row>" }.joined()
        + "</sheetData></worksheet>")
    return try zip.bytes()
  }

  static func text(_ ref: String, _ s: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(s)</t></is></c>" }
  static func number(_ ref: String, _ v: Double, style: Int) -> String {
    "<c r=\"\(ref)\" s=\"\(style)\"><v>\(v)</v></c>"
  }

  /// A measure's start typed as a date (2025-03-01 under format 14, 2026-12-31 18:00 under the
  /// Chinese 年月 format) becomes its month, in either date system; the same serial under a
  /// time format or the general format stays a number, which `start` refuses (E107).
  @Test(arguments: [false, true])
  func aDateCellIsItsMonth(date1904: Bool) throws {
    let offset: Double = date1904 ? 1462 : 0  // 1904-01-01 is day 1,462 of the 1900 system
    let header = Self.text("A1", "id") + Self.text("B1", "name") + Self.text("C1", "phase") + Self.text("D1", "start")
    let rows = [
      header,
      Self.text("A2", "M1") + Self.text("B2", "a") + Self.text("C2", "P1")
        + Self.number("D2", 45_717 - offset, style: 1),
      Self.text("A3", "M2") + Self.text("B3", "b") + Self.text("C3", "P1")
        + Self.number("D3", 46_387.75 - offset, style: 2),
    ]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-date-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.xlsx").path
    try Data(Self.workbook(rows: rows, date1904: date1904)).write(to: URL(fileURLWithPath: path))
    let base = try PlanLoader.load(
      bytes: Array("# cplan plan 1\nadd phase P1 \"p\" period 2025..2026\n".utf8), file: "base.plan")
    let outcome = Importer.run([path], into: base, options: Importer.Options())
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    #expect(PlanWriter.write(outcome.plan).contains("add measure M1 \"a\" phase P1 start 2025-03\n"))
    #expect(PlanWriter.write(outcome.plan).contains("add measure M2 \"b\" phase P1 start 2026-12\n"))

    for style in [0, 3] {
      let bad = [
        header,
        Self.text("A2", "M1") + Self.text("B2", "a") + Self.text("C2", "P1") + Self.number("D2", 45_717, style: style),
      ]
      try Data(Self.workbook(rows: bad, date1904: date1904)).write(to: URL(fileURLWithPath: path))
      let refused = Importer.run([path], into: base, options: Importer.Options())
      #expect(refused.diagnostics.map(\.code) == ["E107"], "style \(style): \(refused.diagnostics)")
    }
  }
}
