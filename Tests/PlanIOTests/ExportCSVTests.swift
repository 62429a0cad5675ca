import Foundation
import PlanModel
import Testing

@testable import PlanIO

/// SPEC §9 csv: one row per goal and measure under a fixed header, RFC 4180 quoting; what goes
/// in comes back out of a CSV parser unchanged, Chinese, commas, quotes and newlines included.
@Suite struct ExportCSVTests {
  static let header = "kind,id,phase,consortium,title,indicator,unit,baseline,target,instrument,funder,amount,agency"

  @Test(arguments: ExportFixtures.planNames)
  func headerAndOneRowPerGoalAndMeasure(plan name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let csv = Exporter.export(plan, format: .csv, options: ExportOptions())
    #expect(csv.hasPrefix(Self.header + "\n"))
    let rows = try parseRFC4180(csv)
    #expect(rows.count == 1 + plan[.goal].count + plan[.measure].count)
    #expect(rows.allSatisfy { $0.count == 13 })
    // Goals by phase then ID (SPEC §15; both plans' phases are in time order by ID, and their
    // goal IDs of one phase sort alike as text), then measures in plan order.
    let goals = plan[.goal].values.sorted {
      ($0[Attr.Goal.phase]?.ref ?? "", $0.id.count, $0.id) < ($1[Attr.Goal.phase]?.ref ?? "", $1.id.count, $1.id)
    }
    #expect(rows.dropFirst().map { $0[1] } == goals.map(\.id) + plan[.measure].values.map(\.id))
  }

  /// The rows read back by a strict RFC 4180 parser (below) equal the rows exported.
  @Test(arguments: ExportFixtures.planNames)
  func parsesBackToTheSameRows(plan name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let csv = Exporter.export(plan, format: .csv, options: ExportOptions())
    #expect(try parseRFC4180(csv) == CSVExport.rows(plan))
  }

  /// The same with Python's csv module, an independent reader.
  @Test(arguments: ExportFixtures.planNames)
  func pythonCSVReadsTheSameRows(plan name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let csv = Exporter.export(plan, format: .csv, options: ExportOptions())
    let script = """
      import csv, io, json, sys
      rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=""), strict=True))
      sys.stdout.write(json.dumps(rows, ensure_ascii=False))
      """
    let output = try ExportPython.run(script, input: csv)
    let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]]
    #expect(rows == CSVExport.rows(plan))
  }

  @Test func namesWithChineseCommasQuotesAndNewlinesSurvive() throws {
    let plan = try ExportFixtures.tricky()
    let rows = try parseRFC4180(Exporter.export(plan, format: .csv, options: ExportOptions()))
    func row(_ id: String) -> [String]? { rows.first { $0[1] == id } }
    #expect(row("G1")?[4] == "电池能量密度, \"Wh/kg\"")
    #expect(row("G2")?[4] == "能耗下降\n（第二行）")
    #expect(row("M1")?[4] == "揭榜挂帅, 专项 \"A\"")
    #expect(row("M1")?[12] == "省科技厅, 高新处")
    #expect(row("M2")?[4] == "人才\t激励")
    #expect(row("M3")?[4] == "应用场景\n开放")
    #expect(row("M1")?[11] == "1234.5")
    #expect(row("G6")?[8] == "40.25")
    #expect(row("G5")?[3] == "")  // a plan-wide goal
  }

  @Test func quotingFollowsRFC4180() {
    #expect(CSVExport.field("plain 中文") == "plain 中文")
    #expect(CSVExport.field("a,b") == "\"a,b\"")
    #expect(CSVExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVExport.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVExport.field("cr\rhere") == "\"cr\rhere\"")
  }

  /// Issue 18 item 7 (OWASP CSV injection): a text cell starting with = + - @ tab or CR is written
  /// with a leading ' so a spreadsheet shows it as text; numbers the plan holds as numbers are not
  /// (a negative baseline stays -3); keywords never start so.
  @Test func cellsThatASpreadsheetWouldEvaluateAreWrittenAsText() throws {
    let source = """
      # cplan plan 1
      set plan horizon 2025..2030
      add field F1 "领域"
      add consortium K1 "=HYPERLINK(\\"http://x\\")" field F1 period 2025..2029
      add phase P1 "+SUM(A1)" period 2025..2030
      add goal G1 "-2+3" phase P1 consortium K1 indicator "@cmd" unit "\\tu" baseline -3 target 5
      add measure M1 "普通措施" phase P1 consortium K1 instrument grant funder provincial amount 10 agency "=1+1"

      """
    let plan = try PlanLoader.load(bytes: Array(source.utf8), file: "inject.plan")
    let rows = try parseRFC4180(Exporter.export(plan, format: .csv, options: ExportOptions()))
    func row(_ id: String) -> [String]? { rows.first { $0[1] == id } }
    #expect(row("G1")?[3] == "K1")
    #expect(row("G1")?[4] == "'-2+3")
    #expect(row("G1")?[5] == "'@cmd")
    #expect(row("G1")?[6] == "'\tu")
    #expect(row("G1")?[7] == "-3")  // a number, typed as one
    #expect(row("M1")?[4] == "普通措施")
    #expect(row("M1")?[12] == "'=1+1")
    #expect(CSVExport.text("\r回车") == "'\r回车")  // a plan string cannot hold CR; other sources may
    #expect(CSVExport.text("=A1") == "'=A1")
    #expect(CSVExport.text("A=1") == "A=1")
    #expect(CSVExport.text(nil) == "")
  }
}

/// A strict RFC 4180 reader: fields separated by commas, records by LF or CRLF; a quoted field
/// may hold commas, line breaks and doubled quotes; a quote anywhere else is an error.
func parseRFC4180(_ text: String) throws -> [[String]] {
  struct Malformed: Error { var at: Int }
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  let scalars = Array(text.unicodeScalars)
  var i = 0
  var quoted = false
  var fieldStarted = false
  while i < scalars.count {
    let c = scalars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < scalars.count, scalars[i + 1] == "\"" {
          field.unicodeScalars.append("\"")
          i += 2
          continue
        }
        quoted = false
        i += 1
        guard i == scalars.count || [",", "\n", "\r"].contains(scalars[i]) else { throw Malformed(at: i) }
        continue
      }
      field.unicodeScalars.append(c)
      i += 1
      continue
    }
    switch c {
    case "\"":
      guard !fieldStarted, field.isEmpty else { throw Malformed(at: i) }
      quoted = true
      fieldStarted = true
    case ",":
      row.append(field)
      field = ""
      fieldStarted = false
    case "\r", "\n":
      if c == "\r" {
        guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { throw Malformed(at: i) }
        i += 1
      }
      row.append(field)
      rows.append(row)
      row = []
      field = ""
      fieldStarted = false
    default:
      field.unicodeScalars.append(c)
      fieldStarted = true
    }
    i += 1
  }
  if quoted { throw Malformed(at: i) }
  if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
  return rows
}
