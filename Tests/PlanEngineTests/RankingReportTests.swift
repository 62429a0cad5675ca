import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

@Suite("The rank report: text and JSON")
struct RankingReportTests {
  @Test(arguments: [false, true])
  func jsonHasTheShapeOfSpec9(sensitivity: Bool) throws {
    let text = try RankingReport.json(try RankingPlans.sample(), method: nil, sensitivity: sensitivity)
    #expect(text.hasSuffix("}\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    // `weighting` says which weights are in force (issue 17 item 19): the sample weighs by AHP.
    let keys = ["method", "weighting", "weights", "consistency", "rows"] + (sensitivity ? ["sensitivity"] : [])
    #expect(Set(object.keys) == Set(keys))
    // Stable key order, as written.
    let positions = keys.map { text.range(of: "\"\($0)\":")!.lowerBound }
    #expect(positions == positions.sorted())
    #expect(object["method"] as? String == "weighted")
    #expect(object["weighting"] as? String == "ahp")
    let weights = try #require(object["weights"] as? [String: Double])
    #expect(abs(weights["C4"]! - PlanRankingTests.jilinWeights[3]) < 1e-12)
    let weightKeys = ["C1", "C2", "C3", "C4"].map { text.range(of: "\"\($0)\": 0.")!.lowerBound }
    #expect(weightKeys == weightKeys.sorted())
    let consistency = try #require(object["consistency"] as? [String: Double])
    #expect(Set(consistency.keys) == ["lambdaMax", "ci", "ri", "cr"])
    #expect(abs(consistency["cr"]! - 0.016970105370909302) < 1e-9)
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.count == 5)
    #expect(Set(rows[0].keys) == ["rank", "field", "name", "score"])
    #expect(rows[0]["rank"] as? Int == 1 && rows[0]["field"] as? String == "F1")
    #expect(rows[0]["name"] as? String == "新能源与智能网联汽车")
    // Full precision: the score reads back to the very double computed.
    #expect(
      rows[0]["score"] as? Double == PlanRankingTests.jilinWeighted[0]
        || abs((rows[0]["score"] as! Double) - PlanRankingTests.jilinWeighted[0]) < 1e-12)
    if sensitivity {
      let s = try #require(object["sensitivity"] as? [[String: Any]])
      #expect(s.map { $0["criterion"] as? String } == ["C1", "C2", "C3", "C4"])
      #expect(s[0]["flipAt"] is NSNull)
      #expect(Set(s[0].keys) == ["criterion", "weight", "flipAt"])
      #expect(abs((s[3]["flipAt"] as! Double) - 0.6149849573464183) < 1e-9)
    }
  }

  @Test func directWeightingHasNoConsistencyObject() throws {
    let text = try RankingReport.json(try ValidationFixture.plan(), method: "topsis", sensitivity: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["method", "weighting", "weights", "rows"])
    #expect(object["method"] as? String == "topsis")
    #expect(object["weighting"] as? String == "direct")
  }

  @Test func namesWithQuotesAndControlCharactersStayValidJSON() throws {
    let plan = try ValidationFixture.plan(["set field F1 name \"新能源\\\"汽车\\\"\\t\\\\ \\n\""])
    let text = try RankingReport.json(plan, method: nil, sensitivity: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows[0]["name"] as? String == "新能源\"汽车\"\t\\ \n")
  }

  /// Each character of `line` with the display column it starts at.
  static func columns(_ line: String) -> [(Int, Character)] {
    var at = 0
    return line.map { ch in
      defer { at += DisplayWidth.width(String(ch)) }
      return (at, ch)
    }
  }

  @Test(arguments: MessageLanguage.allCases)
  func textTablesAlignByDisplayWidth(language: MessageLanguage) throws {
    let text = try RankingReport.text(try RankingPlans.sample(), method: nil, sensitivity: true, language: language)
    let blocks = text.components(separatedBy: "\n\n")
    var tables = 0
    for block in blocks {
      let lines = block.split(separator: "\n").map(String.init)
      guard let rule = lines.firstIndex(where: { $0.hasPrefix("----") }) else { continue }
      let table = lines[(rule - 1)...].prefix { !$0.hasPrefix("(") && !$0.hasPrefix("（") }
      // No line is wider than the rule or ends in a space, and where the rule has a gap between
      // columns every line has a space (or has ended): the columns align.
      let ruleLine = lines[rule]
      #expect(table.allSatisfy { DisplayWidth.width($0) <= DisplayWidth.width(ruleLine) }, "\(table)")
      #expect(!table.contains { $0.hasSuffix(" ") }, "\(table)")
      let gaps = Set(Self.columns(ruleLine).filter { $0.1 == " " }.map(\.0))
      #expect(!gaps.isEmpty)
      for line in table {
        #expect(Self.columns(line).allSatisfy { !gaps.contains($0.0) || $0.1 == " " }, "\(line)")
      }
      tables += 1
    }
    #expect(tables == 3)
    #expect(text.contains("λmax = 4.0458, CI = 0.0153, RI = 0.90, CR = 0.0170"))
    #expect(text.contains(language == .zh ? "排名" : "Rank"))
    #expect(text.contains(language == .zh ? "无" : "none"))
    #expect(text.contains("0.809"))
  }

  @Test func weightedContributionsAddUpToTheScore() throws {
    let ranking = try PlanRanking.compute(try RankingPlans.sample(), method: "weighted", sensitivity: false)
    for row in ranking.rows { #expect(abs(row.contributions.reduce(0, +) - row.score) < 1e-12) }
  }
}

@Suite("The sample plan and check --format json")
struct SamplePlanTests {
  @Test func theJilinSamplePlanHasNoDiagnosticsEvenStrict() throws {
    let diagnostics = Engine.validate(try RankingPlans.sample(), strict: true)
    #expect(diagnostics.isEmpty, "\(ValidationFixture.describe(diagnostics))")
  }

  @Test func checkJSONHasTheShapeOfSpec9() throws {
    // Sorted by file, then line: `<edit>` (the R31 edit, line 1) before `fixture.plan` (K1, R12).
    let diagnostics = Engine.validate(
      try ValidationFixture.plan(["set measure M1 agency none", "set org jlu type rnd"]))
    let text = JSONReport.check(diagnostics, errors: 1, warnings: 1, language: .zh)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["diagnostics", "errors", "warnings"])
    let items = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(items.map { $0["code"] as? String } == ["R31", "R12"])
    #expect(Set(items[0].keys) == ["severity", "code", "message", "file", "line", "column"])
    #expect(items.map { $0["severity"] as? String } == ["warning", "error"])
    #expect((items[0]["message"] as? String)?.contains("没有责任部门") == true)
    #expect(items[0]["file"] as? String == "<edit>" && items[0]["line"] as? Int == 1 && items[0]["column"] as? Int == 1)
    #expect(items[1]["file"] as? String == "fixture.plan")
  }
}
