import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The review report (SPEC §11 "Review") of the Jilin pair: `plans/jilin-2025-review.plan` (the
/// plan followed through 2025) against `plans/jilin-approved.plan`, and its five formats.
@Suite struct ReviewReportTests {
  static func load(_ name: String) throws -> Plan {
    let bytes = try [UInt8](Data(contentsOf: ExportFixtures.root.appendingPathComponent("plans/\(name)")))
    return try PlanLoader.load(bytes: bytes, file: "plans/\(name)")
  }

  static func jilinReview() throws -> ReviewReport {
    ReviewReport(try load("jilin-2025-review.plan"), approved: try load("jilin-approved.plan"))
  }

  static let schemaPath = ExportFixtures.root.appendingPathComponent("schema/cplan-review.schema.json").path

  /// Each goal's status as of 2025 (the plan's as-of), with the numbers computed by hand.
  @Test func theJilinGoalsHaveTheirStatusesAsOf2025() throws {
    let report = try Self.jilinReview()
    #expect(report.year == ReviewYear(year: 2025, basis: .asOf))
    let byID = Dictionary(uniqueKeysWithValues: report.goals.map { ($0.id, $0.assessment) })
    // G101: 0 (2024) → checkpoint 200 (2025) → 500 (2026); actual 210 in 2025:
    // expected(2025) = 200, r = 210 / 200 = 1.05 ≥ 0.9 → on-track.
    #expect(byID["G101"]?.status == .onTrack)
    #expect(byID["G101"]?.expected == 200)
    #expect(abs((byID["G101"]?.ratio ?? 0) - 1.05) < 1e-12)
    // G102: 20 (2024) → 40 (2026); expected(2025) = 30; actual 27: r = 7 / 10 = 0.7, exactly
    // at-risk-min (70%) → at-risk.
    #expect(byID["G102"]?.status == .atRisk)
    #expect(byID["G102"]?.expected == 30)
    // G105: 30 (2024) → 120 (2028, its phase's last year); expected(2025) = 30 + 90 × 1/4 = 52.5;
    // actual 35: r = 5 / 22.5 = 0.2222 < 0.7 → behind.
    #expect(byID["G105"]?.status == .behind)
    #expect(byID["G105"]?.expected == 52.5)
    #expect(abs((byID["G105"]?.ratio ?? 0) - 5.0 / 22.5) < 1e-12)
    // G201: 0 → 29 by target-year 2025; actual 24 in 2025 ≥ target-year and short → missed.
    #expect(byID["G201"]?.status == .missed)
    // G207 (down): 380 (2024) → 300 (2030); actual 295 ≤ 300 → achieved, though it overshoots.
    #expect(byID["G207"]?.status == .achieved)
    // G209 (P1 2025..2026): baseline-year 2024 < 2025 and no actual → no-data.
    #expect(byID["G209"]?.status == .noData)
    // G202: baseline-year 2024 < 2025 and no actual, but its phase P2 begins in 2027: not judged
    // before it starts → not-due (the newcomer's finding of 2026-12-07).
    #expect(byID["G202"]?.status == .notDue)
    // G208: no baseline, no target, no actual → untracked.
    #expect(byID["G208"]?.status == .untracked)
    // The goals of P2 (2027..2028) without their own baseline-year count from 2026, P3's from
    // 2028: Y = 2025 ≤ baseline-year → not-due.
    for id in ["G103", "G104", "G106", "G107", "G203", "G204", "G205", "G206"] {
      #expect(byID[id]?.status == .notDue, "\(id)")
    }
    // Every status once, not-due nine times (the list above and G202): 7 + 9 = 16 goals.
    for status in GoalStatus.allCases where status != .notDue { #expect(report.counts[status] == 1, "\(status)") }
    #expect(report.counts[.notDue] == 9)
    #expect(report.counts.total == report.goals.count)
  }

  /// Money as of 2025: phase P1 (2025..2026) spread over its 24 months puts half of each line
  /// in 2025; P2 and P3 plan nothing before 2027.
  @Test func theJilinMoneyIsPlannedAgainstPaid() throws {
    let report = try Self.jilinReview()
    let k1 = try #require(report.consortia.first { $0.id == "K1" }?.money)
    // K1 P1: enterprise 34000, municipal 2000, provincial 4000 → 2025: 17000 + 1000 + 2000 = 20000.
    // Outlays 2025: enterprise 15000, municipal 500, provincial 2000 = 17500.
    #expect(k1.planned == 20000)
    #expect(k1.paid == 17500)
    #expect(k1.execution == 17500.0 / 20000)  // 0.875
    #expect(k1.governmentShare == 2500.0 / 17500)  // (500 + 2000) / 17500 = 0.142857…
    #expect(k1.bySource["municipal"] == SourceMoney(planned: 1000, paid: 500))
    let k2 = try #require(report.consortia.first { $0.id == "K2" }?.money)
    // K2 P1: enterprise 30000, provincial 6000 → 2025: 15000 + 3000 = 18000; paid 12000 + 3000.
    #expect(k2.planned == 18000)
    #expect(k2.paid == 15000)
    #expect(k2.governmentShare == 3000.0 / 15000)  // 0.2
    // Planned by year goes on after Y: 2027 gets half of K2's P2 lines, (40000 + 3000 + 5000) / 2.
    #expect(k2.plannedByYear[2027] == 24000)
  }

  /// The approved plan differs by exactly one lowered target and one cut funding line.
  @Test func theJilinPairListsExactlyTheLoweredTargetAndTheCutLine() throws {
    let changes = try #require(try Self.jilinReview().changes)
    #expect(
      changes == [
        ChangeSinceApproval(kind: .goal, id: "G103", change: .target, from: .number(3500), to: .number(3000)),
        ChangeSinceApproval(
          kind: .funding, id: "K2 P2 provincial", change: .amount, from: .number(6000), to: .number(5000)),
      ])
    // Without an approved plan there is no list at all.
    #expect(ReviewReport(try Self.load("jilin-2025-review.plan")).changes == nil)
  }

  /// The year given to `review` wins over `as-of`; an actual after it is not used.
  @Test func anEarlierYearIgnoresLaterActuals() throws {
    let report = ReviewReport(try Self.load("jilin-2025-review.plan"), asOf: 2024)
    #expect(report.year == ReviewYear(year: 2024, basis: .command))
    // As of 2024 every goal with a baseline and target has Y ≤ its baseline-year (≥ 2024).
    #expect(report.goals.allSatisfy { $0.assessment.status == .notDue || $0.assessment.status == .untracked })
    #expect(report.consortia.allSatisfy { ($0.money?.paid ?? 0) == 0 })
  }

  /// Goals are listed by consortium in plan order, within one by phase (P1, P2, P3) then plan order.
  @Test func goalsAreGroupedByConsortiumThenPhase() throws {
    let report = try Self.jilinReview()
    let k2 = try #require(report.consortia.first { $0.id == "K2" })
    #expect(
      k2.goals.map { report.goals[$0].id } == ["G201", "G208", "G209", "G202", "G203", "G204", "G205", "G206", "G207"])
    #expect(report.consortia.map(\.id) == ["K1", "K2"])
  }

  static func render(_ format: ReviewFormat, _ language: MessageLanguage = .en) throws -> String {
    ReviewExporter.render(
      try jilinReview(), format: format,
      options: ReviewOptions(language: language, width: 100, against: "plans/jilin-approved.plan"))
  }

  @Test(arguments: MessageLanguage.allCases)
  func theJSONValidatesAgainstItsSchema(_ language: MessageLanguage) throws {
    let text = try Self.render(.json, language)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      jsonschema.Draft202012Validator.check_schema(schema)
      errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
      for e in errors[:10]: print(e.json_path, e.message)
      """
    let output = try ExportPython.run(script, input: text, arguments: [Self.schemaPath])
    #expect(output.isEmpty, "\(output)")
  }

  @Test func theJSONHasSPECShape() throws {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.render(.json).utf8)) as? [String: Any])
    #expect(json["asOf"] as? Int == 2025)
    #expect((json["counts"] as? [String: Int])?["not-due"] == 9)
    let goals = try #require(json["goals"] as? [[String: Any]])
    let g105 = try #require(goals.first { $0["goal"] as? String == "G105" })
    #expect(
      g105["expected"] as? Double == 52.5 && g105["actual"] as? Double == 35 && g105["actualYear"] as? Int == 2025)
    #expect(g105["status"] as? String == "behind")
    let g208 = try #require(goals.first { $0["goal"] as? String == "G208" })
    #expect(g208["ratio"] is NSNull && g208["baseline"] is NSNull)
    let k1 = try #require((json["consortia"] as? [[String: Any]])?.first)
    #expect(k1["planned"] as? Double == 20000 && k1["paid"] as? Double == 17500 && k1["execution"] as? Double == 0.875)
    let changes = try #require(json["changes"] as? [[String: Any]])
    #expect(changes.map { $0["change"] as? String } == ["target", "amount"])
    #expect(changes.map { $0["id"] as? String } == ["G103", "K2 P2 provincial"])
  }

  /// CSV: one row per goal with the JSON's goal fields, read back by Python's csv module.
  @Test func theCSVHasOneRowPerGoal() throws {
    let text = try Self.render(.csv)
    let script = """
      import csv, sys, json
      print(json.dumps(list(csv.reader(sys.stdin))))
      """
    let output = try ExportPython.run(script, input: text)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    #expect(rows.first == ReviewCSV.header)
    let report = try Self.jilinReview()
    #expect(rows.dropFirst().map { $0[0] } == report.goals.map(\.id))
    #expect(rows.first { $0[0] == "G102" } == ["G102", "K1", "20", "30", "27", "2025", "40", "0.7", "at-risk"])
  }

  /// HTML: it parses; each goal with a baseline and target has one inline `<svg>` (the Jilin
  /// plan: every goal but G208), with one point per actual; statuses are written as words; no
  /// reference leaves the page.
  @Test(arguments: MessageLanguage.allCases)
  func theHTMLHasAChartPerTrackedGoalAndNoNetworkReference(_ language: MessageLanguage) throws {
    let html = try Self.render(.html, language)
    let script = """
      import sys, html.parser
      class P(html.parser.HTMLParser):
          def __init__(self):
              super().__init__(); self.svg = 0; self.circles = 0; self.refs = []; self.stack = []
          def handle_starttag(self, tag, attrs):
              if tag == "svg": self.svg += 1
              if tag == "circle": self.circles += 1
              for k, v in attrs:
                  if k in ("src", "href") and v and not v.startswith("#"): self.refs.append(v)
      p = P(); p.feed(sys.stdin.read()); p.close()
      print(p.svg, p.circles, len(p.refs))
      """
    let output = try ExportPython.run(script, input: html)
    let report = try Self.jilinReview()
    let tracked = report.goals.filter { $0.track.isQuantitative }.count
    let actuals = report.goals.map { $0.track.actuals.count }.reduce(0, +)
    #expect(output == "\(tracked) \(actuals) 0\n")
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    for status in [GoalStatus.behind, .missed, .achieved] {
      #expect(html.contains("class=\"status \(status.rawValue)\">\(ReviewLabels.status(status).text(language))<"))
    }
  }

  /// Text and Markdown: the same tables, in the report's language; text lines fit the width.
  @Test(arguments: MessageLanguage.allCases)
  func textAndMarkdownShowTheTables(_ language: MessageLanguage) throws {
    let text = try Self.render(.text, language)
    for line in text.split(separator: "\n") { #expect(DisplayWidth.width(String(line)) <= 100, "\(line)") }
    #expect(text.contains(ReviewLabels.change(.target).text(language)))
    #expect(text.contains("17,500") && text.contains("87.5%") && text.contains("14.3%"))
    let markdown = try Self.render(.markdown, language)
    #expect(markdown.contains("## " + ReviewLabels.changes.text(language)))
    // The kind and a funding line's source in the report's language (the JSON and CSV keep keywords).
    let (goal, funding, provincial) = language == .zh ? ("目标", "资金", "省级") : ("goal", "funding", "provincial")
    #expect(markdown.contains("| \(goal) | G103 | " + ReviewLabels.change(.target).text(language) + " | 3500 | 3000 |"))
    #expect(
      markdown.contains(
        "| \(funding) | K2 P2 \(provincial) | " + ReviewLabels.change(.amount).text(language) + " | 6000 | 5000 |"),
      "\(markdown)")
  }

  /// In Chinese the review keeps no English word of its own: the title names the year's basis in
  /// Chinese (it read "计划的 as-of"), the changes table's kinds and sources are Chinese terms;
  /// the prose under the money table wraps where a phrase ends, not inside a word (it broke
  /// "实\n际政府占比").
  @Test func theChineseReviewHasNoEnglishWordsOfItsOwn() throws {
    let text = try Self.render(.text, .zh)
    #expect(ReviewTables(report: try Self.jilinReview(), language: .zh).title.hasSuffix(" — 截至 2025 年（计划设定的评估年份）"))
    #expect(!text.contains("as-of"))
    let changes = try #require(text.components(separatedBy: ReviewLabels.changes.zh).last)
    for word in ["goal", "funding", "provincial"] { #expect(!changes.contains(word), "\(word) in \(changes)") }
    #expect(changes.contains("资金") && changes.contains("K2 P2 省级"))
    // The money note: at width 100, each line ends where a phrase ends (，；。 or a space), and
    // its words are whole.
    let note = ReviewLabels.moneyNote(currency: "万元").zh
    let start = try #require(text.range(of: "金额单位："))
    let lines = text[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix {
      !$0.isEmpty
    }.map(String.init)
    #expect(lines.count > 1, "the note must wrap at width 100 for this test to mean anything")
    #expect(lines.joined().filter { $0 != " " } == note.filter { $0 != " " }, "\(lines)")
    for (line, next) in zip(lines, lines.dropFirst()) {
      // A break after punctuation, before `（`, or at a space of the note.
      let atPunctuation = "，；。：、）".contains(line.last!) || next.first == "（"
      #expect(atPunctuation || note.contains(line.suffix(2) + " " + next.prefix(2)), "\(line) | \(next)")
    }
  }

  /// `docx` (SPEC §13): the report as a Word document — the title, the sections as Heading 1
  /// (status counts, each consortium, money, changes), the goal, money and changes tables as
  /// Word tables with their headers in the report's language.
  @Test(arguments: MessageLanguage.allCases)
  func theWordDocumentHasTheSectionsAndTables(_ language: MessageLanguage) throws {
    let report = try Self.jilinReview()
    let options = ReviewOptions(language: language, against: "plans/jilin-approved.plan")
    let parts = try OfficePackage.parts(ReviewExporter.binary(report, options: options))
    for (name, bytes) in parts { #expect(OfficePackage.isWellFormed(bytes), "\(name)") }
    let document = try #require(parts["word/document.xml"])
    let paragraphs = OfficePackage.paragraphs(document)
    let tables = ReviewTables(report: report, language: language)
    #expect(paragraphs.first?.style == "Title" && paragraphs.first?.text == tables.title)
    let t = { (text: LocalizedText) in text.text(language) }
    let consortia = report.consortia.filter { !$0.goals.isEmpty }.map { tables.label($0.id, $0.name) }
    #expect(
      paragraphs.filter { $0.style == "Heading1" }.map(\.text)
        == [t(ReviewLabels.statusCounts)] + consortia + [t(ReviewLabels.money), t(ReviewLabels.changes)])
    let root = try #require(OfficePackage.parse(document))
    let headers = root.all.filter { $0.name == "tbl" }.map { table in
      (table.children.first { $0.name == "tr" }?.children.filter { $0.name == "tc" }.map(\.content)) ?? []
    }
    // One goal table per consortium with goals, then money, then changes.
    #expect(headers.count == consortia.count + 2)
    #expect(headers.first == tables.goals([]).header)
    #expect(headers.dropLast().last == tables.money.header)
    #expect(headers.last == tables.changes.header)
    // The changes table's rows: exactly the lowered target and the cut funding line.
    let changeRows = try #require(root.all.filter { $0.name == "tbl" }.last).children.filter { $0.name == "tr" }
      .dropFirst().map { $0.children.filter { $0.name == "tc" }.map(\.content) }
    let (goal, funding, provincial) = language == .zh ? ("目标", "资金", "省级") : ("goal", "funding", "provincial")
    #expect(
      changeRows == [
        [goal, "G103", t(ReviewLabels.change(.target)), "3500", "3000"],
        [funding, "K2 P2 \(provincial)", t(ReviewLabels.change(.amount)), "6000", "5000"],
      ])
  }

  // MARK: The roadmap exports of a plan with actuals

  static func export(_ name: String, _ format: ExportFormat) throws -> String {
    Exporter.export(try load(name), format: format, options: ExportOptions(language: .en, width: 160))
  }

  /// CSV: `actual,actualYear,status` after the version-1 columns, for goals only; a plan without
  /// actuals keeps the version-1 header.
  @Test func theCSVExportCarriesEachGoalsStatus() throws {
    let lines = try Self.export("jilin-2025-review.plan", .csv).split(separator: "\n").map(String.init)
    #expect(lines[0] == (CSVExport.header + ["actual", "actualYear", "status"]).joined(separator: ","))
    // G102: actual 27 in 2025, at-risk (r = 0.7, computed in theJilinGoalsHaveTheirStatusesAsOf2025).
    #expect(lines.contains { $0.hasPrefix("goal,G102,") && $0.hasSuffix(",27,2025,at-risk") })
    #expect(lines.contains { $0.hasPrefix("goal,G208,") && $0.hasSuffix(",,,untracked") })
    #expect(lines.filter { $0.hasPrefix("measure,") }.allSatisfy { $0.hasSuffix(",,,") })
    let approved = try Self.export("jilin-approved.plan", .csv).split(separator: "\n").first.map(String.init)
    #expect(approved == CSVExport.header.joined(separator: ","))
  }

  /// Text, Markdown and HTML: the goal tables gain the latest actual and the status as of 2025.
  @Test(arguments: [ExportFormat.text, .markdown, .html])
  func theTableExportsCarryEachGoalsStatus(_ format: ExportFormat) throws {
    let text = try Self.export("jilin-2025-review.plan", format)
    #expect(text.contains("Status 2025"))
    #expect(text.contains("35 (2025)") && text.contains("behind"))
    #expect(!(try Self.export("jilin-approved.plan", format)).contains("Status 2025"))
  }

  /// JSON: `goalStatus` (validated by the export schema), only for a plan with actuals.
  @Test func theJSONExportCarriesGoalStatus() throws {
    let text = try Self.export("jilin-2025-review.plan", .json)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let status = try #require(json["goalStatus"] as? [String: Any])
    #expect(status["asOf"] as? Int == 2025)
    let goals = try #require(status["goals"] as? [[String: Any]])
    #expect(goals.first { $0["goal"] as? String == "G201" }?["status"] as? String == "missed")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
      for e in errors[:10]: print(e.json_path, e.message)
      """
    let schema = ExportFixtures.root.appendingPathComponent("schema/cplan-export.schema.json").path
    #expect(try ExportPython.run(script, input: text, arguments: [schema]).isEmpty)
    #expect(!(try Self.export("jilin-approved.plan", .json)).contains("\"goalStatus\""))
  }
}
