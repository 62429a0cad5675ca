import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// SPEC §12 in the exports: the expert panel (the experts' table, Kendall's W and the outlier, the
/// group's CR) in the text, Markdown, HTML, JSON and workbook exports of `plans/jilin-panel.plan`,
/// the robustness when asked for (the HTML export's bar chart), and neither in an export for one
/// consortium. Plans without experts export as before (the golden tests).
@Suite struct ExportPanelTests {
  static let path = ExportFixtures.root.appendingPathComponent("plans/jilin-panel.plan").path

  static func plan() throws -> Plan {
    try PlanLoader.load(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), file: "plans/jilin-panel.plan")
  }

  static func export(
    _ format: ExportFormat, _ language: MessageLanguage = .en, robustness: PlanRanking.RobustnessOptions? = nil,
    consortium: String? = nil
  ) throws -> String {
    var options = ExportOptions(language: language)
    options.robustness = robustness
    options.consortium = consortium
    return Exporter.export(try plan(), format: format, options: options)
  }

  /// The experts' rows as the exports print them. From the numpy/scipy figures of
  /// `PanelSampleTests` (own CR 0.016970, 0.003838, 0.679494, 0.030101, 0.003838; ρ 1, 1, 0.9, 0.9,
  /// −0.7; top fields F1 ×4 and F3), at 3 places; the weights as the plan gives them.
  static let expertRows: [[String]] = [
    ["E1", "王教授（吉林大学，示例）", "1.5", "0.017", "1.000", "F1"],
    ["E2", "李研究员（长春应化所，示例）", "1", "0.004", "1.000", "F1"],
    ["E3", "赵高工（示例）", "1", "0.679", "0.900", "F1"],
    ["E4", "陈教授（示例）", "1", "0.030", "0.900", "F1"],
    ["E5", "刘总（示例）", "0.5", "0.004", "-0.700", "F3"],
  ]

  @Test func markdownShowsThePanelWAndTheOutlierAndTheGroupCR() throws {
    let md = try Self.export(.markdown)
    #expect(
      md.contains("\n### Expert panel\n\nExpert panel: 5 experts; scores from their ratings by the weighted mean"))
    #expect(
      md.contains("| Expert | Name | Weight | Own CR | ρ | Top field |\n| --- | --- | ---: | ---: | ---: | --- |\n"))
    for row in Self.expertRows { #expect(md.contains("| " + row.joined(separator: " | ") + " |\n"), "\(row)") }
    // W = 0.392 over the 5 fields (PanelSampleTests, scipy); the group CR 0.0106347 (numpy) at 3 places.
    #expect(md.contains("Kendall's W = 0.392 over 5 fields (consensus-min 0.5); outlier: E5 (刘总（示例）), ρ = -0.700"))
    #expect(md.contains("Group AHP consistency (AIJ): λmax 4.029, CI 0.010, RI 0.90, CR 0.011 (≤ 0.10, acceptable)"))
    // Not asked for: no robustness.
    #expect(!md.contains("Robustness"))
  }

  @Test func chineseHeadingsComeFromTheCatalog() throws {
    let md = try Self.export(.markdown, .zh, robustness: PlanRanking.RobustnessOptions(samples: 500))
    #expect(md.contains("\n### 专家评审\n"))
    #expect(md.contains("| 专家 | 名称 | 权重 | 自身 CR | ρ | 首选领域 |"))
    #expect(md.contains("肯德尔协调系数 W = 0.392（5 个领域；consensus-min 0.5）；离群专家：E5 (刘总（示例）)，ρ = -0.700"))
    #expect(md.contains("专家组 AHP 一致性（AIJ）："))
    #expect(md.contains("\n### 排序稳健性\n\n稳健性：500 组权重样本"))
    #expect(md.contains("| 领域 | 名称 | P(第 1 名) | P(前 2 名) | 平均名次 |"))
    let text = try Self.export(.text, .zh)
    #expect(text.contains("专家评审") && text.contains("肯德尔协调系数 W = 0.392"))
  }

  @Test func textShowsTheSamePanel() throws {
    let text = try Self.export(.text, robustness: PlanRanking.RobustnessOptions(samples: 500))
    #expect(text.contains("Expert panel\n"))
    #expect(text.contains("Kendall's W = 0.392 over 5 fields"))
    #expect(text.contains("Robustness of the ranking\n") && text.contains("P(top 2)"))
    #expect(text.contains("Cutoff sensitivity: the weight at which the top 2 changes"))
  }

  @Test func robustnessTablesAreTheRankingsSampling() throws {
    // The exports print what `rank robustness` computes for the same options, at 3 places.
    let options = PlanRanking.RobustnessOptions(samples: 2_000, spread: 0.5, seed: 9)
    let ranking = try PlanRanking.compute(try Self.plan(), method: nil, sensitivity: false, robustness: options)
    let rows = try #require(ranking.robustness?.rows)
    let md = try Self.export(.markdown, robustness: options)
    #expect(md.contains("Robustness: 2000 weight samples, each weight × U(1 − 50%, 1 + 50%), renormalised; seed 9"))
    for row in rows {
      let cells = [
        row.field, row.name, ExportNumbers.fixed(row.first, places: 3), ExportNumbers.fixed(row.top!, places: 3),
        ExportNumbers.fixed(row.meanRank, places: 2),
      ]
      #expect(md.contains("| " + cells.joined(separator: " | ") + " |\n"), "\(cells)")
    }
    // Shares add up over the fields: Σ P(rank 1) = 1 without ties, Σ P(top 2) = 2.
    #expect(abs(rows.map(\.first).reduce(0, +) - 1) < 1e-9)
    #expect(abs(rows.compactMap(\.top).reduce(0, +) - 2) < 1e-9)
  }

  @Test func htmlDrawsABarPerFieldAsLongAsItsShareInTheTop() throws {
    let options = PlanRanking.RobustnessOptions(samples: 2_000, spread: 0.5, seed: 9)
    let ranking = try PlanRanking.compute(try Self.plan(), method: nil, sensitivity: false, robustness: options)
    let html = try Self.export(.html, robustness: options)
    #expect(html.contains("<h3>Expert panel</h3>"))
    #expect(html.contains("<tr class=\"warn\"><td class=\"id\">E5</td>"))
    let svg = try #require(html.range(of: "<svg class=\"robustness\"").map { String(html[$0.lowerBound...]) })
    let chart = String(svg[..<svg.range(of: "</svg>")!.upperBound])
    #expect(chart.contains("<title>Share of the weight samples in which each field is in the top 2</title>"))
    // One bar per field, in rank order, each 420 units × P(top 2); the top 2 by the plan's own
    // weights (F1, F2) in the accent colour.
    let rows = try #require(ranking.robustness?.rows)
    var rest = Substring(chart)
    for row in rows {
      let width = ExportNumbers.fixed(row.top! * 420, places: 1)
      let colour = ["F1", "F2"].contains(row.field) ? "#2f6db5" : "#9aa8b6"
      let bar = try #require(rest.range(of: "<rect "), "no bar for \(row.field)")
      let tail = rest[bar.lowerBound...]
      #expect(tail.hasPrefix("<rect x=\"250\" y=\""), "\(row.field)")
      #expect(tail.prefix(90).contains("width=\"\(width)\" height=\"16\" fill=\"\(colour)\""), "\(row.field)")
      rest = rest[bar.upperBound...]
    }
    #expect(rest.range(of: "<rect ") == nil)
    // A page without robustness has no chart.
    #expect(!(try Self.export(.html)).contains("<svg class=\"robustness\""))
  }

  @Test func jsonCarriesThePanelAndTheRobustnessAndValidates() throws {
    let text = try Self.export(.json, robustness: PlanRanking.RobustnessOptions(samples: 500))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let ranking = try #require(object["ranking"] as? [String: Any])
    let experts = try #require(ranking["experts"] as? [[String: Any]])
    #expect(experts.map { $0["expert"] as? String } == ["E1", "E2", "E3", "E4", "E5"])
    let consensus = try #require(ranking["consensus"] as? [String: Any])
    #expect(abs((consensus["w"] as? Double ?? -1) - 0.392) < 1e-12)
    #expect(consensus["outlier"] as? String == "E5")
    #expect((ranking["robustness"] as? [Any])?.count == 5)
    #expect((ranking["cutoffSensitivity"] as? [Any])?.count == 4)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
      for e in errors[:10]: print(e.json_path, e.message)
      """
    let output = try ExportPython.run(script, input: text, arguments: [ExportJSONTests.schemaPath])
    #expect(output.isEmpty, "\(output)")
  }

  @Test(arguments: ExportFormat.textFormats.filter { $0 != .csv && $0 != .sql })
  func oneConsortiumsExportLeavesThePanelOut(format: ExportFormat) throws {
    let whole = try Self.export(format, robustness: PlanRanking.RobustnessOptions(samples: 200))
    let part = try Self.export(format, robustness: PlanRanking.RobustnessOptions(samples: 200), consortium: "K1")
    for mark in ["E5", "Kendall", "obustness"] {
      #expect(whole.contains(mark), "\(format) \(mark)")
      #expect(!part.contains(mark), "\(format) \(mark)")
    }
  }

  @Test(arguments: MessageLanguage.allCases)
  func theWorkbookHasAnExpertsSheet(language: MessageLanguage) throws {
    let parts = try OfficePackage.parts(
      Exporter.binary(try Self.plan(), format: .xlsx, options: ExportOptions(language: language)))
    let name = WorkbookSheets.name(.derived(.experts), language)
    let rows = try ExportXLSXTests.sheet(parts, name)
    #expect(
      rows.first?.map(\.text)
        == (language == .en
          ? ["Expert", "Name", "Weight", "Own CR", "ρ", "Top field"] : ["专家", "名称", "权重", "自身 CR", "ρ", "首选领域"]))
    #expect(rows.dropFirst().prefix(5).map { $0[0].text } == ["E1", "E2", "E3", "E4", "E5"])
    // Numbers as numbers at full precision: E3's own CR 0.6794936448743982 (numpy), E5's ρ −0.7.
    #expect(abs((Double(rows[3][3].text) ?? -1) - 0.6794936448743982) < 1e-9)
    #expect(Double(rows[5][4].text) == -0.7)
    // Then after an empty row W (0.392, scipy in PanelSampleTests) and the outlier, each a label and a cell.
    let tail = rows.suffix(2).map { $0.map(\.text) }
    #expect(tail.first?.first == (language == .en ? "Kendall's W" : "肯德尔协调系数 W"))
    #expect(abs((tail.first.flatMap { Double($0[1]) } ?? -1) - 0.392) < 1e-12)
    #expect(tail.last == [language == .en ? "Outlier" : "离群专家", "E5"])
    // A plan without experts has no such sheet.
    let plain = try OfficePackage.parts(
      Exporter.binary(try ExportFixtures.jilin(), format: .xlsx, options: ExportOptions()))
    #expect(
      !OfficePackage.attributes(plain["xl/workbook.xml"] ?? [], element: "sheet", attribute: "name").contains("experts")
    )
  }
}
