import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// What each `show` and `list` answers (issue 17 items 9 and 10), on the Jilin sample plan.
/// Expected values are read off `plans/jilin-2025-2030.plan` by hand. Its ranking (AHP weights
/// w = 0.231, 0.195, 0.148, 0.426 from its compares; weighted sums Σ wⱼ·(xᵢⱼ − 1)/9): F1 (9, 9, 7,
/// 8) 0.809, F2 (8, 7, 5, 9) 0.754, F3 0.652, F4 0.624, F5 0.590 — so K2 (field F1) comes before
/// K1 (field F2), which natural ID order puts first.
@Suite struct ShowListViewsTests {
  static let jilin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans/jilin-2025-2030.plan").path

  static func session(language: MessageLanguage = .en) -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    var settings = Session.Settings()
    settings.language = language
    let session = Session(settings: settings, output: output)
    #expect(session.execute("load \"\(jilin)\"", file: "<test>"))
    output.clear()
    return (session, output)
  }

  static func run(_ command: String) -> String {
    let (session, output) = session()
    #expect(session.execute(command, file: "<test>"), "\(output.err)")
    #expect(output.err.isEmpty, "\(output.err)")
    return output.out
  }

  // MARK: Item 9: consortia by their fields' priority

  @Test func listConsortiumByPriority() {
    #expect(
      Self.run("list consortium")
        == "K2  新能源与智能网联汽车创新联合体  F1  2025..2029\nK1  碳纤维及复合材料创新联合体      F2  2025..2029\n")
  }

  @Test func listGoalByPhaseThenIDWithIndicatorBaselineAndTarget() {
    let out = Self.run("list goal")
    let ids = out.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
    // P1: G101, G102, G201; P2: G103–G105, G202–G204; P3: G106, G107, G205–G207.
    #expect(
      ids == [
        "G101", "G102", "G201", "G103", "G104", "G105", "G202", "G203", "G204", "G106", "G107", "G205", "G206",
        "G207",
      ])
    // Phase, consortium, category, indicator, then baseline (its year) → target and unit.
    let g101 = out.split(separator: "\n").first!.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    #expect(g101 == ["G101", "T1000 级碳纤维工程化", "P1", "K1", "tech", "T1000级碳纤维产能", "0 (2024) → 500 吨"])
    // A goal that should fall is marked ↓.
    #expect(out.hasSuffix("单车制造综合能耗                380 → 300 千克标准煤/辆 ↓\n"), "\(out)")
  }

  @Test func listScoreIsAFieldByCriterionGrid() {
    // Fields by rank (F1…F5 here), criteria in plan order, the scores of the plan file.
    #expect(
      Self.run("list score") == """
        field  name                  C1  C2  C3  C4
        F1     新能源与智能网联汽车  9   9   7   8
        F2     碳纤维及复合材料      8   7   5   9
        F3     光电信息与卫星        6   6   9   7
        F4     轨道交通与氢能列车    7   8   6   6
        F5     高端化工材料          8   6   5   6

        """)
  }

  // MARK: Item 10: each show answers what a planner asks

  @Test func showOrgListsItsConsortiaAndRoles() {
    let out = Self.run("show org faw")
    // faw leads K2 and is a member of K1, downstream in both; K2 first (F1 ranks first).
    #expect(
      out.contains(
        "  consortia: 2\n    K2  新能源与智能网联汽车创新联合体  lead    downstream\n    K1  碳纤维及复合材料创新联合体      member  downstream\n"
      ), "\(out)")
  }

  @Test func listMemberTakesAnOrg() {
    #expect(
      Self.run("list member faw")
        == "K2  新能源与智能网联汽车创新联合体  lead    downstream\nK1  碳纤维及复合材料创新联合体      member  downstream\n")
    // A consortium still lists its members.
    #expect(Self.run("list member K2").hasPrefix("K2  chipsme  core"))
    // Neither a consortium nor an org: the consortium is what was missing.
    let (session, output) = Self.session()
    #expect(!session.execute("list member fawx", file: "<test>"))
    #expect(output.err.contains("unknown consortium 'fawx'"), "\(output.err)")
  }

  @Test func showPhaseListsItsGoalsAndMeasures() {
    let out = Self.run("show phase P1")
    #expect(
      out.contains(
        """
          goals: 3
            G101  T1000 级碳纤维工程化      K1
            G102  复合材料占比提升（2026）  K1
            G201  揭榜挂帅关键技术攻关      K2
          measures: 5
            M101  碳纤维关键核心技术揭榜挂帅专项     K1
            M102  碳纤维领军人才与创新团队引育       K1
            M103  知识产权共享与运营服务             K1
            M201  一汽专项：9个项目29个课题揭榜挂帅  K2
            M202  核心技术人才股权激励               K2

        """), "\(out)")
  }

  @Test func showFieldGivesItsRankAndScores() {
    let out = Self.run("show field F2")
    // F2: 0.231·7/9 + 0.195·6/9 + 0.148·4/9 + 0.426·8/9 = 0.180 + 0.130 + 0.066 + 0.379 = 0.754.
    #expect(out.contains("  rank 2 of 5 (score 0.754)\n"), "\(out)")
    #expect(
      out.contains(
        """
          scores: 4
            C1  产业链基础      8
            C2  领军企业        7
            C3  科教资源        5
            C4  卡脖子紧迫程度  9
          consortia: 1
            K1  碳纤维及复合材料创新联合体

        """), "\(out)")
  }

  @Test func showFieldWithoutATrustedRanking() {
    let (session, output) = Self.session()
    #expect(session.execute("add field F6 \"新\"", file: "<test>"))
    #expect(session.execute("show field F6", file: "<test>"))
    // F6 has no scores (R05): no ranking; every score is missing.
    #expect(output.out.contains("  rank: none (the ranking cannot be trusted: see rank or validate)\n"))
    #expect(output.out.contains("    C1  产业链基础      —\n"), "\(output.out)")
  }

  @Test func showConsortiumListsTheLeadFirstThenByChainPosition() {
    let out = Self.run("show consortium K1")
    // K1's members in the file: cfsme core midstream, ciac core platform, crrc downstream, faw
    // downstream, jcfc lead midstream, jlpc core upstream, jlu core platform.
    let rows = out.split(separator: "\n").filter { $0.hasPrefix("    ") }.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? ""
    }
    #expect(rows == ["jcfc", "jlpc", "cfsme", "crrc", "faw", "ciac", "jlu"], "\(out)")
  }

  @Test func showFundingOfAConsortiumIsNotAFundingKey() {
    let out = Self.run("show funding K1")
    #expect(out.hasPrefix("funding K1 \"碳纤维及复合材料创新联合体\"\n"), "\(out)")
    // K1 P1 provincial 4000 over 24 months: 2000 in 2025.
    #expect(out.contains("  2025  provincial     2000     —\n"), "\(out)")
  }

  // MARK: Item 19: which weights are in force

  @Test func weightingAHPSaysTheDirectWeightsAreNotUsed() throws {
    let output = CapturedOutput()
    var settings = Session.Settings()
    settings.interactive = true
    let session = Session(settings: settings, output: output)
    #expect(
      session.execute(
        """
        add criterion C1 "a" weight 0.6
        add criterion C2 "b" weight 0.4
        add compare C1 C2 3
        add field F1 "x"
        add score F1 C1 5
        add score F1 C2 5
        """, file: "<test>"))
    output.clear()
    #expect(session.execute("set plan weighting ahp", file: "<test>"))
    let note =
      "note: with weighting ahp the direct weights of C1, C2 are not used (they are kept for weighting direct)\n"
    #expect(output.err == note, "\(output.err)")
    output.clear()
    #expect(session.execute("rank", file: "<test>"))
    #expect(output.out.hasSuffix(note), "\(output.out)")
    // Back to direct: nothing to say; the rank report has no note.
    output.clear()
    #expect(session.execute("set plan weighting direct", file: "<test>"))
    #expect(output.err.isEmpty)
    #expect(session.execute("rank", file: "<test>"))
    #expect(!output.out.contains("note:"))
  }

  @Test func helpR28ShowsTheViolationAndTheFix() throws {
    let help = try #require(Help.text("R28", language: .en))
    #expect(help.contains("Example that breaks the rule:\n  add funding K1 P1 provincial 3000\n"), "\(help)")
    #expect(help.contains("Example of the fix:\n  set funding K1 P1 provincial amount 5500\n"), "\(help)")
    // The commands do what help says: the violation draws R28, the fix clears it.
    let rule = try #require(RuleCatalog.rule("R28"))
    let output = CapturedOutput()
    let session = Session(output: output)
    let base = """
      add field F1 "f"
      add consortium K1 "k" field F1
      add phase P1 "p" period 2025..2026
      """
    #expect(session.execute(([base] + rule.violation).joined(separator: "\n"), file: "<test>"), "\(output.err)")
    _ = session.execute("validate", file: "<test>")
    #expect(output.out.contains("[R28]"), "\(output.out)")
    output.clear()
    #expect(session.execute(rule.examples.joined(separator: "\n"), file: "<test>"), "\(output.err)")
    _ = session.execute("validate", file: "<test>")
    #expect(!output.out.contains("[R28]"), "\(output.out)")
  }

  @Test func tabListsIDsWithTheirNames() {
    let (session, _) = Self.session()
    let completion = Completer(plan: session.plan).complete("show consortium ")
    #expect(completion.candidates == ["K1", "K2"])
    #expect(completion.names == ["K1": "碳纤维及复合材料创新联合体", "K2": "新能源与智能网联汽车创新联合体"])
    #expect(
      completion.listing(width: 80) == "K1  碳纤维及复合材料创新联合体\nK2  新能源与智能网联汽车创新联合体\n")
    // Keywords have no names: listed in columns as before.
    let kinds = Completer(plan: session.plan).complete("list c")
    #expect(kinds.names.isEmpty)
  }
}
