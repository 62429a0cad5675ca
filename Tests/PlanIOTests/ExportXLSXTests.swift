import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The workbook export (SPEC §13, issue 15 item 2), read back with libzip and libxml2
/// (``OfficePackage``); LibreOffice and openpyxl read it in `OfficeIntegration`.
@Suite struct ExportXLSXTests {
  static func workbook(_ plan: Plan, _ language: MessageLanguage = .en) throws -> [String: [UInt8]] {
    try OfficePackage.parts(Exporter.binary(plan, format: .xlsx, options: ExportOptions(language: language)))
  }

  /// A plan from its statements (the header line added).
  static func load(_ statements: String) throws -> Plan {
    try PlanLoader.load(bytes: Array(("# cplan plan 1\n" + statements).utf8), file: "t.plan")
  }

  /// The rows of the sheet named `name` (through the workbook's sheet list and relationships:
  /// sheet k is `xl/worksheets/sheetk.xml`).
  static func sheet(_ parts: [String: [UInt8]], _ name: String) throws -> [[OfficePackage.Cell]] {
    let names = OfficePackage.attributes(parts["xl/workbook.xml"] ?? [], element: "sheet", attribute: "name")
    let k = try #require(names.firstIndex(of: name), "no sheet \(name) in \(names)")
    return OfficePackage.rows(try #require(parts["xl/worksheets/sheet\(k + 1).xml"]))
  }

  // MARK: XML

  /// Text as XML carries it: markup escaped; what XML 1.0 cannot hold as Excel's `_xHHHH_`, and
  /// a literal `_xHHHH_` escaped so it reads back as written (ECMA-376 ST_Xstring).
  @Test(arguments: [
    ("a&b<c>\"d'", "a&amp;b&lt;c&gt;&quot;d'"),
    ("吉林 & 长春", "吉林 &amp; 长春"),
    ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
    ("bell\u{7}nul\u{0}", "bell_x0007_nul_x0000_"),
    ("\u{FFFE}\u{FFFF}", "_xFFFE__xFFFF_"),
    ("_x0041_ and _x00e9_", "_x005F_x0041_ and _x005F_x00e9_"),
    ("_x41_ _xZZZZ_ _x0041", "_x41_ _xZZZZ_ _x0041"),
    ("=SUM(A1:A9)", "=SUM(A1:A9)"),
  ])
  func spreadsheetText(_ text: String, _ expected: String) {
    var xml = XMLBuffer()
    xml.text(text)
    #expect(String(decoding: xml.bytes, as: UTF8.self) == expected)
  }

  @Test(arguments: [("a<b\u{1}c", "a&lt;bc"), ("\u{FFFF}x\u{FFFE}", "x"), ("_x0041_", "_x0041_")])
  func documentText(_ text: String, _ expected: String) {
    var xml = XMLBuffer()
    xml.text(text, controls: .drop)
    #expect(String(decoding: xml.bytes, as: UTF8.self) == expected)
  }

  /// Columns are named in bijective base 26: A…Z, AA (26 + 1), ZZ (26 × 27 = 702nd), AAA.
  @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
  func columnNames(_ index: Int, _ name: String) {
    #expect(Worksheet.column(index) == name)
  }

  @Test(arguments: ExportFixtures.planNames, MessageLanguage.allCases)
  func everyPartIsWellFormedXML(plan: String, language: MessageLanguage) throws {
    let parts = try Self.workbook(try ExportFixtures.plan(plan), language)
    #expect(parts["[Content_Types].xml"] != nil && parts["xl/workbook.xml"] != nil && parts["_rels/.rels"] != nil)
    for (name, bytes) in parts { #expect(OfficePackage.isWellFormed(bytes), "\(name)") }
  }

  /// A sheet for the settings, one per kind the plan uses (in SPEC §6 order), then the derived
  /// sheets; names in the message language.
  @Test(arguments: MessageLanguage.allCases)
  func sheetsAreTheSettingsTheKindsUsedAndTheDerivedOnes(language: MessageLanguage) throws {
    let plan = try ExportFixtures.jilin()
    let parts = try Self.workbook(plan, language)
    let names = OfficePackage.attributes(parts["xl/workbook.xml"]!, element: "sheet", attribute: "name")
    let used = Kind.allCases.filter { !plan[$0].isEmpty }
    var expected: [WorkbookSheets.Sheet] = [.settings] + used.map(WorkbookSheets.Sheet.kind)
    expected += [.derived(.ranking), .derived(.scoreGrid)]
    if !plan[.actual].isEmpty { expected.append(.derived(.status)) }
    expected.append(.derived(.diagnostics))
    #expect(names == expected.map { WorkbookSheets.name($0, language) })
    for name in names { #expect(WorkbookSheets.sheet(named: name) != nil) }
  }

  /// `add funding K1 P1 enterprise 34000`: a row K1, P1, the source's term, and 34000 as a
  /// number cell (no `t`, the value in `<v>`).
  @Test(arguments: [(MessageLanguage.en, "enterprise"), (.zh, "企业")])
  func amountsAreNumbersAndKeywordsTerms(language: MessageLanguage, source: String) throws {
    let parts = try Self.workbook(try ExportFixtures.jilin(), language)
    let rows = try Self.sheet(parts, WorkbookSheets.name(.kind(.funding), language))
    #expect(
      rows[0].map(\.text)
        == (language == .en ? ["consortium", "phase", "source", "amount"] : ["联合体", "阶段", "来源", "金额"]))
    let row = try #require(
      rows.first { $0.count == 4 && $0[0].text == "K1" && $0[1].text == "P1" && $0[2].text == source })
    #expect(row[3].type == nil && row[3].text == "34000")
    #expect(row[0].type == "inlineStr")
  }

  /// `rd-intensity 5%` is the number 0.05 in a percent format (style 2: `0.00%`).
  @Test func percentsAreNumbersInAPercentFormat() throws {
    let rows = try Self.sheet(try Self.workbook(try ExportFixtures.jilin()), "org")
    let column = try #require(rows[0].firstIndex { $0.text == "rd-intensity" })
    let cfsme = try #require(rows.first { $0.first?.text == "cfsme" })
    let cell = try #require(cfsme.first { $0.ref == Worksheet.column(column) + $0.ref.filter(\.isNumber) })
    #expect(cell.style == "2" && Double(cell.text) == 0.05 && cell.type == nil)
  }

  /// Text that looks like a formula stays text: an inline string, no `<f>` anywhere.
  @Test func textIsNeverAFormula() throws {
    let plan = try Self.load("set plan title \"=1+1\"\nadd field F1 \"=SUM(A1:A3)\" note \"@cmd\"\n")
    let parts = try Self.workbook(plan)
    let rows = try Self.sheet(parts, "field")
    #expect(rows[1].map(\.text) == ["F1", "=SUM(A1:A3)", "@cmd"])
    #expect(rows[1].allSatisfy { $0.type == "inlineStr" })
    for (name, bytes) in parts where name.hasPrefix("xl/worksheets/") {
      #expect(OfficePackage.rows(bytes).joined().allSatisfy { !$0.hasFormula }, "\(name)")
    }
  }

  /// Every sheet's first row is frozen (a pane split below row 1) and bold (style 1); each
  /// column as wide as its widest cell in display columns plus 2: the field sheet of a plan with
  /// `add field F1 "碳纤维复合材料"` has column B of 7 CJK characters, 14 columns, width 16.
  @Test func headerRowFrozenAndColumnsByDisplayWidth() throws {
    let plan = try Self.load("add field F1 \"碳纤维复合材料\"\n")
    let parts = try Self.workbook(plan)
    for (name, bytes) in parts where name.hasPrefix("xl/worksheets/") {
      #expect(OfficePackage.attributes(bytes, element: "pane", attribute: "state") == ["frozen"], "\(name)")
      #expect(OfficePackage.attributes(bytes, element: "pane", attribute: "ySplit") == ["1"], "\(name)")
      #expect(OfficePackage.rows(bytes).first?.allSatisfy { $0.style == "1" } == true, "\(name)")
    }
    let names = OfficePackage.attributes(parts["xl/workbook.xml"]!, element: "sheet", attribute: "name")
    let k = try #require(names.firstIndex(of: "field"))
    let widths = OfficePackage.attributes(parts["xl/worksheets/sheet\(k + 1).xml"]!, element: "col", attribute: "width")
    // id: "id"/"F1" → 2 + 2 = 4, at least 6; name: 14 + 2; note, justification: their headers, 4 and 13, + 2.
    #expect(widths == ["6", "16", "6", "15"])
  }

  /// The score grid: fields down, criteria across, each score's value; F2 has no score for C2
  /// (R05), left empty.
  @Test func scoreGrid() throws {
    let plan = try Self.load(
      """
      add criterion C1 "a" weight 0.5
      add criterion C2 "b" weight 0.5
      add field F1 "一"
      add field F2 "二"
      add score F1 C1 8
      add score F1 C2 7.5
      add score F2 C1 3

      """)
    let rows = try Self.sheet(try Self.workbook(plan), "score grid")
    #expect(rows.map { $0.map(\.ref) } == [["A1", "B1", "C1", "D1"], ["A2", "B2", "C2", "D2"], ["A3", "B3", "C3"]])
    #expect(
      rows.map { $0.map(\.text) } == [["Field", "Name", "C1", "C2"], ["F1", "一", "8", "7.5"], ["F2", "二", "3"]])
  }

  /// The settings sheet: each setting the plan sets, its keyword, its value as a cell
  /// (`cutoff 2` a number, `weighting ahp` the keyword or its term), its description.
  @Test func settings() throws {
    let rows = try Self.sheet(try Self.workbook(try ExportFixtures.jilin()), "plan")
    // set plan title "…" region "吉林省" horizon 2025..2030 weighting ahp cutoff 2
    #expect(rows[0].map(\.text) == ["setting", "value", "description"])
    let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0].text, $0[1]) })
    #expect(byName["cutoff"]?.text == "2" && byName["cutoff"]?.type == nil)
    #expect(byName["weighting"]?.text == "ahp" && byName["horizon"]?.text == "2025..2030")
    #expect(byName["currency"] == nil)  // not set: the default
  }
}
