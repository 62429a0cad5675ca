import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// Issue 15 items 2 and 3: real clients read the workbook and the document cplan writes.
/// LibreOffice headless converts the xlsx to CSV (every sheet) and the docx to PDF, each
/// `soffice` with a profile of its own (`-env:UserInstallation`), so the tests may run in
/// parallel; openpyxl reads the workbook's sheets, headers, numbers and frozen panes; python-docx
/// the document's headings and tables; poppler reads the PDF's pages and footers and renders the
/// first pages to PNG (kept in `$TMPDIR/cplan-office-pages/` for a person to look at). Part of
/// `make test-integration` (libreoffice-calc, libreoffice-writer, poppler-utils in the Makefile's
/// APT_PACKAGES; openpyxl and python-docx in PIP_PACKAGES); a missing program fails the test.
@Suite struct OfficeIntegration {
  /// A fresh directory, removed by the caller.
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-office-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `arguments` (the program found on PATH); returns standard output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }

  /// `soffice --headless --convert-to FILTER` of `file` into `directory`, with a profile of its own.
  static func convert(_ file: URL, to filter: String, in directory: URL) throws {
    let profile = directory.appendingPathComponent("lo-profile")
    _ = try run(
      [
        "soffice", "-env:UserInstallation=file://" + profile.path, "--headless", "--norestore", "--convert-to", filter,
        "--outdir", directory.path, file.path,
      ], environment: ["HOME": directory.path])
  }

  static func write(_ plan: Plan, _ format: ExportFormat, _ options: ExportOptions, to url: URL) throws {
    try Data(Exporter.binary(plan, format: format, options: options)).write(to: url)
  }

  // MARK: Workbook

  /// LibreOffice reads every sheet: the funding sheet's CSV holds `K1,P1,enterprise,34000`
  /// (plans/jilin-2025-2030.plan: `add funding K1 P1 enterprise 34000`), the settings sheet the
  /// title, and in Chinese the funding source reads 企业.
  @Test(arguments: [(MessageLanguage.en, "K1,P1,enterprise,34000"), (.zh, "K1,P1,企业,34000")])
  func libreOfficeConvertsTheWorkbookToCSV(language: MessageLanguage, fundingRow: String) throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try ExportFixtures.jilin()
    let xlsx = dir.appendingPathComponent("plan.xlsx")
    try Self.write(plan, .xlsx, ExportOptions(language: language), to: xlsx)
    // Comma, double quote, UTF-8 (76), first line 1, …, sheet -1: every sheet, one file each.
    try Self.convert(xlsx, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", in: dir)
    func sheet(_ s: WorkbookSheets.Sheet) throws -> String {
      try String(
        contentsOf: dir.appendingPathComponent("plan-\(WorkbookSheets.name(s, language)).csv"), encoding: .utf8)
    }
    #expect(try sheet(.kind(.funding)).split(separator: "\n").contains { $0 == fundingRow })
    #expect(try sheet(.settings).contains(plan.title!))
    #expect(try sheet(.derived(.ranking)).split(separator: "\n").count == plan[.field].count + 1)
  }

  /// openpyxl: the sheet names, each sheet's header row, number cells as numbers, the panes
  /// frozen at A2, percent cells formatted as percents.
  @Test(arguments: MessageLanguage.allCases)
  func openpyxlReadsSheetsHeadersAndNumbers(language: MessageLanguage) throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try ExportFixtures.jilin()
    let xlsx = dir.appendingPathComponent("plan.xlsx")
    try Self.write(plan, .xlsx, ExportOptions(language: language), to: xlsx)
    let script = """
      import json, sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      out = {}
      for ws in wb.worksheets:
          rows = list(ws.iter_rows(values_only=True))
          out[ws.title] = {"freeze": ws.freeze_panes, "header": list(rows[0]),
                           "rows": [[c if not isinstance(c, float) or not c.is_integer() else int(c) for c in r]
                                    for r in rows[1:]],
                           "types": [[type(c).__name__ for c in r] for r in rows[1:]],
                           "formats": [[c.number_format for c in r] for r in ws.iter_rows(min_row=2)],
                           "widths": {k: d.width for k, d in ws.column_dimensions.items()}}
      json.dump(out, sys.stdout, ensure_ascii=False)
      """
    let json = try ExportPython.run(script, input: "", arguments: [xlsx.path])
    let book = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
    let used = Kind.allCases.filter { !plan[$0].isEmpty }
    for kind in used {
      let sheet = try #require(book[WorkbookSheets.name(.kind(kind), language)], "\(kind)")
      #expect(sheet["freeze"] as? String == "A2")
      #expect(
        sheet["header"] as? [String] == WorkbookSheets.columns(kind).map { WorkbookSheets.header($0, language) })
      #expect((sheet["rows"] as? [Any])?.count == plan[kind].count)
    }
    // Funding amounts are numbers: each row's 4th cell an int, summing to the plan's total.
    let funding = try #require(book[WorkbookSheets.name(.kind(.funding), language)])
    let types = try #require(funding["types"] as? [[String]])
    #expect(types.allSatisfy { $0[3] == "int" || $0[3] == "float" })
    let total = plan[.funding].values.compactMap { $0[Attr.Funding.amount]?.number }.reduce(0, +)
    let rows = try #require(funding["rows"] as? [[Any]])
    #expect(rows.compactMap { ($0[3] as? NSNumber)?.doubleValue }.reduce(0, +) == total)
    // rd-intensity is a percent cell.
    let orgs = try #require(book[WorkbookSheets.name(.kind(.org), language)])
    let column = WorkbookSheets.columns(.org).firstIndex(of: "rd-intensity")!
    let formats = try #require(orgs["formats"] as? [[String]])
    let values = try #require(orgs["rows"] as? [[Any]])
    for (row, format) in zip(values, formats) where !(row[column] is NSNull) {
      #expect(format[column] == "0.00%")
      #expect(((row[column] as? NSNumber)?.doubleValue ?? 2) <= 1)
    }
  }

  /// Dates typed in a spreadsheet program: openpyxl writes a `date` as a serial with the format
  /// `yyyy-mm-dd` (and a `datetime` with `yyyy-mm-dd h:mm:ss`), which import reads as the date —
  /// a measure's start its month (issue 15: they were read as numbers, 45717).
  @Test func openpyxlDatesImportAsMonths() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("措施.xlsx").path
    let script = """
      import sys, datetime
      from openpyxl import Workbook
      wb = Workbook(); ws = wb.active; ws.title = "支持措施"
      ws.append(["ID", "名称", "阶段", "开始"])
      ws.append(["M1", "揭榜挂帅", "P1", datetime.date(2025, 3, 1)])
      ws.append(["M2", "场景开放", "P1", datetime.datetime(2026, 11, 30, 18, 0)])
      wb.save(sys.argv[1])
      """
    _ = try ExportPython.run(script, input: "", arguments: [path])
    let base = try PlanLoader.load(
      bytes: Array("# cplan plan 1\nadd phase P1 \"p\" period 2025..2026\n".utf8), file: "base.plan")
    let outcome = Importer.run([path], into: base, options: Importer.Options())
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    let text = PlanWriter.write(outcome.plan)
    #expect(text.contains("add measure M1 \"揭榜挂帅\" phase P1 start 2025-03\n"), "\(text)")
    #expect(text.contains("add measure M2 \"场景开放\" phase P1 start 2026-11\n"), "\(text)")
  }

  // MARK: Document

  /// python-docx: the headings by style (Heading 1 for the sections, Heading 2 for the
  /// consortia) and the tables (the ranking's header row).
  @Test(arguments: MessageLanguage.allCases)
  func pythonDocxReadsHeadingsAndTables(language: MessageLanguage) throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try ExportFixtures.jilin()
    let docx = dir.appendingPathComponent("plan.docx")
    try Self.write(plan, .docx, ExportOptions(language: language), to: docx)
    let script = """
      import json, sys, docx
      d = docx.Document(sys.argv[1])
      s = d.sections[0]
      json.dump({"headings": [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith("Heading")],
                 "title": [p.text for p in d.paragraphs if p.style.name == "Title"],
                 "tables": [[c.text for c in t.rows[0].cells] for t in d.tables],
                 "page": [round(s.page_width.mm), round(s.page_height.mm)],
                 "footer": s.footer.paragraphs[0].text}, sys.stdout, ensure_ascii=False)
      """
    let json = try ExportPython.run(script, input: "", arguments: [docx.path])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(doc["title"] as? [String] == [plan.title!])
    #expect(doc["page"] as? [Int] == [210, 297])
    let headings = try #require(doc["headings"] as? [[String]])
    #expect(headings.first == ["Heading 1", ExportLabels.ranking.text(language)])
    let consortia = headings.filter { $0[0] == "Heading 2" }.map { $0[1] }
    // SPEC §15: consortia in the priority order of their fields — K2 (field F1, rank 1 in the
    // jilin ranking) before K1 (field F2, rank 2), not in the file's order.
    let byPriority = ["K2", "K1"].compactMap { plan[.consortium][EntityKey($0)] }
    #expect(byPriority.count == plan[.consortium].count)
    #expect(consortia.dropFirst() == ArraySlice(byPriority.map { $0.id + " " + ($0.name ?? "") }))
    let tables = try #require(doc["tables"] as? [[String]])
    #expect(tables.first?.prefix(2) == [ExportLabels.rank.text(language), ExportLabels.field.text(language)])
  }

  /// The review as a Word document (`review --format docx`, issue 13 item 8): python-docx reads
  /// the title, the sections as Heading 1 (the counts by status, each consortium, money, the
  /// changes since approval) and the tables' header rows; the changes table holds exactly the
  /// Jilin pair's lowered target and cut funding line.
  @Test(arguments: MessageLanguage.allCases)
  func pythonDocxReadsTheReview(language: MessageLanguage) throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    func load(_ name: String) throws -> Plan {
      let bytes = try [UInt8](Data(contentsOf: ExportFixtures.root.appendingPathComponent("plans/\(name)")))
      return try PlanLoader.load(bytes: bytes, file: "plans/\(name)")
    }
    let report = ReviewReport(try load("jilin-2025-review.plan"), approved: try load("jilin-approved.plan"))
    let docx = dir.appendingPathComponent("review.docx")
    try Data(ReviewExporter.binary(report, options: ReviewOptions(language: language))).write(to: docx)
    let script = """
      import json, sys, docx
      d = docx.Document(sys.argv[1])
      json.dump({"headings": [p.text for p in d.paragraphs if p.style.name == "Heading 1"],
                 "title": [p.text for p in d.paragraphs if p.style.name == "Title"],
                 "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, sys.stdout, ensure_ascii=False)
      """
    let json = try ExportPython.run(script, input: "", arguments: [docx.path])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let t = { (text: LocalizedText) in text.text(language) }
    #expect(doc["title"] as? [String] == [ReviewTables(report: report, language: language).title])
    let consortia = report.consortia.filter { !$0.goals.isEmpty }.map { $0.id + " " + ($0.name ?? "") }
    #expect(
      doc["headings"] as? [String]
        == [t(ReviewLabels.statusCounts)] + consortia + [t(ReviewLabels.money), t(ReviewLabels.changes)])
    let tables = try #require(doc["tables"] as? [[[String]]])
    #expect(tables.first?.first?.first == t(ReviewLabels.goal))
    // G102 of K1: baseline 20, expected 30, actual 27 in 2025, target 40, r = 70.0%, at risk
    // (ReviewReportTests.theJilinGoalsHaveTheirStatusesAsOf2025).
    #expect(
      tables.first?.contains {
        $0.first?.hasPrefix("G102") == true && $0.dropFirst().prefix(6) == ["20", "30", "27", "2025", "40", "70.0%"]
      }
        == true, "\(tables.first ?? [])")
    let changes = try #require(tables.last)
    #expect(changes.count == 3, "\(changes)")  // the header, the lowered target, the cut line
    #expect(changes.dropFirst().map { $0[1] } == ["G103", "K2 P2 " + (language == .zh ? "省级" : "provincial")])
  }

  /// LibreOffice prints the document to PDF: A4 pages, every page's footer "Page k of n" with its
  /// own k, the Chinese headings in a CJK font; the first two pages rendered to PNG.
  @Test(arguments: MessageLanguage.allCases)
  func libreOfficePrintsTheDocument(language: MessageLanguage) throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try ExportFixtures.jilin()
    let docx = dir.appendingPathComponent("plan-\(language).docx")
    try Self.write(plan, .docx, ExportOptions(language: language), to: docx)
    try Self.convert(docx, to: "pdf", in: dir)
    let pdf = dir.appendingPathComponent("plan-\(language).pdf")
    let info = try Self.run(["pdfinfo", pdf.path])
    let pages = try #require(
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
    #expect(pages >= 3)
    // A4: 595.3 × 841.9 points, which pdfinfo names.
    #expect(info.contains("(A4)"), "\(info)")
    let text = try Self.run(["pdftotext", "-layout", pdf.path, "-"])
    let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(pages)
    for (k, page) in pageTexts.enumerated() {
      let footer = ExportLabels.pageFooter(String(k + 1), String(pages)).text(language)
      #expect(page.contains(footer), "page \(k + 1) lacks \(footer)")
    }
    if language == .zh {
      let fonts = try Self.run(["pdffonts", pdf.path])
      #expect(fonts.contains("WenQuanYi") || fonts.contains("Noto") || fonts.contains("CJK"), "\(fonts)")
    }
    let keep = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-office-pages")
    try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
    _ = try Self.run([
      "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", pdf.path,
      keep.appendingPathComponent("jilin-\(language)").path,
    ])
  }
}
