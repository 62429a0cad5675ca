import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// The order lists and exports present fields, consortia and goals in (SPEC §15, issue 17
/// item 9): fields by rank, consortia in their fields' priority order, goals by phase then ID,
/// natural ID order for ties and when the ranking cannot be trusted.
@Suite struct PresentationOrderTests {
  /// Three fields on one criterion (direct weight 1, scale 1..10): 光伏 9, 储能 5, 氢能 9.
  /// Weighted sums n = (x − 1)/9: 光伏 and 氢能 8/9 ≈ 0.889 (tied, rank 1), 储能 4/9 ≈ 0.444
  /// (rank 3). Unicode order of the consortium IDs (储 U+50A8 < 光 U+5149 < 氢 U+6C22) puts the
  /// lowest field's consortium first.
  static let script = """
    add criterion C1 "c" weight 1
    add field 光伏 "光伏"
    add field 储能 "储能"
    add field 氢能 "氢能"
    add score 光伏 C1 9
    add score 储能 C1 5
    add score 氢能 C1 9
    add consortium 储能联合体 "b" field 储能
    add consortium 光伏联合体 "a" field 光伏
    add consortium 氢能联合体 "c" field 氢能
    add consortium 光伏二 "a2" field 光伏
    add phase P2 "later" period 2027..2028
    add phase P1 "first" period 2025..2026
    add goal G10 "x" phase P1
    add goal G2 "y" phase P2
    add goal G9 "z" phase P1
    """

  static func plan(_ text: String = script) throws -> Plan {
    var plan = Plan()
    for command in Parser.parse(text, file: "<test>").commands { _ = try plan.apply(command) }
    return plan
  }

  @Test func fieldsByRankTiesInNaturalIDOrder() throws {
    let plan = try Self.plan()
    let order = PresentationOrder(plan)
    // 光伏 and 氢能 tie at rank 1 (光 U+5149 < 氢 U+6C22), then 储能 at rank 3.
    #expect(order.fields(of: plan).map(\.id) == ["光伏", "氢能", "储能"])
    #expect(order.rankByField == ["光伏": 1, "氢能": 1, "储能": 3])
  }

  @Test func consortiaInTheirFieldsPriorityOrder() throws {
    let plan = try Self.plan()
    // Rank 1: 光伏 (光伏二, 光伏联合体: 二 U+4E8C < 联 U+8054) and 氢能 (氢能联合体), ordered
    // among rank 1 by consortium ID (光 < 氢); rank 3: 储能联合体 last although it sorts first.
    #expect(PresentationOrder(plan).consortia(of: plan).map(\.id) == ["光伏二", "光伏联合体", "氢能联合体", "储能联合体"])
  }

  @Test func withoutATrustedRankingConsortiaAreInNaturalIDOrder() throws {
    // A missing score (R05): no ranking, so natural ID order (储 < 光 < 氢).
    let plan = try Self.plan(Self.script + "\nadd criterion C2 \"d\" weight 0\n")
    let order = PresentationOrder(plan)
    #expect(order.rankByField.isEmpty)
    #expect(order.consortia(of: plan).map(\.id) == ["储能联合体", "光伏二", "光伏联合体", "氢能联合体"])
    #expect(order.fields(of: plan).map(\.id) == ["储能", "光伏", "氢能"])
  }

  @Test func anInconsistentAHPRankingIsNotTrusted() throws {
    // C1 = 3·C2, C2 = 3·C3 but C1 = 1/9·C3: CR far above 0.10 (R04), so no order by rank.
    let text = """
      set plan weighting ahp
      add criterion C1 "a"
      add criterion C2 "b"
      add criterion C3 "c"
      add compare C1 C2 3
      add compare C2 C3 3
      add compare C1 C3 1/9
      add field F2 "x"
      add field F1 "y"
      add score F1 C1 1
      add score F1 C2 1
      add score F1 C3 1
      add score F2 C1 9
      add score F2 C2 9
      add score F2 C3 9
      """
    let plan = try Self.plan(text)
    let ranking = try PlanRanking.compute(plan, method: nil, sensitivity: false)
    #expect(try #require(ranking.consistency).cr > 0.10)
    // F2 leads the (untrusted) ranking; the presentation keeps natural order F1, F2.
    #expect(ranking.rows.first?.field == "F2")
    #expect(PresentationOrder(plan, ranking: ranking).fields(of: plan).map(\.id) == ["F1", "F2"])
  }

  @Test func goalsByPhaseInTimeThenNaturalID() throws {
    let plan = try Self.plan()
    // P1 (2025..2026) before P2 (2027..2028) although P2 was added first; G9 before G10.
    #expect(PresentationOrder.goals(of: plan).map(\.id) == ["G9", "G10", "G2"])
    #expect(PresentationOrder.phases(of: plan).map(\.id) == ["P1", "P2"])
  }
}
