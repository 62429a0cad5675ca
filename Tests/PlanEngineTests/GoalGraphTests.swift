import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

@Suite("The after graph: R32 and R33 at scale")
struct GoalGraphTests {
  /// A plan with one phase and `count` goals G1…Gcount, each built directly (no parsing), with
  /// `after` lists from `links`.
  static func chain(_ count: Int, links: (Int) -> [Int]) -> Plan {
    var plan = Plan()
    let at = SourceLocation(file: "big.plan", line: 1, column: 1)
    plan[.phase][EntityKey("P1")] = Entity(
      kind: .phase, key: EntityKey("P1"), name: "阶段", values: [.period(Period(years: 2025, 2030))], location: at)
    var goals = Table()
    for i in 1...count {
      var values = [Value?](repeating: nil, count: Kind.goal.spec.attributes.count)
      values[Attr.Goal.phase] = .ref("P1")
      values[Attr.Goal.category] = .choice("ecosystem")
      let after = links(i)
      if !after.isEmpty { values[Attr.Goal.after] = .refs(after.map { "G\($0)" }) }
      goals[EntityKey("G\(i)")] = Entity(
        kind: .goal, key: EntityKey("G\(i)"), name: nil, values: values,
        location: SourceLocation(file: "big.plan", line: i + 1, column: 1))
    }
    plan[.goal] = goals
    return plan
  }

  @Test func aHundredThousandGoalChainValidatesQuickly() {
    let plan = Self.chain(100_000) { $0 > 1 ? [$0 - 1] : [] }
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure { diagnostics = Engine.validate(plan) }
    // Only R30 (P1 has no measure): no cycle, no stack overflow.
    #expect(diagnostics.map(\.code) == ["R30"])
    #expect(elapsed < .seconds(10), "took \(elapsed)")
  }

  @Test func aHundredThousandGoalRingIsOneCycleWithItsWholePath() {
    let n = 100_000
    let plan = Self.chain(n) { $0 > 1 ? [$0 - 1] : [n] }
    let cycles = Engine.validate(plan).filter { $0.code == "R32" }
    #expect(cycles.count == 1)
    let path = cycles.first?.message.en.split(separator: ":", maxSplits: 1).last?.split(separator: "→") ?? []
    #expect(path.count == n + 1)
    #expect(path.first?.trimmingCharacters(in: .whitespaces) == "G1")
    #expect(path.dropFirst().first?.trimmingCharacters(in: .whitespaces) == "G100000")
  }

  @Test func twoSeparateCyclesAreEachReportedOnceWithTheirWholePath() {
    // G1 → G4 → G2 → G1 and G5 → G6 → G7 → G5, G3 hanging off the first; G8 after itself.
    let links: [Int: [Int]] = [1: [4], 4: [2], 2: [1], 3: [1], 5: [6], 6: [7], 7: [5], 8: [8]]
    let plan = Self.chain(9) { links[$0] ?? [] }
    let r32 = Engine.validate(plan).filter { $0.code == "R32" }
    #expect(
      r32.map(\.message.en) == [
        "the after links of goals form a cycle: G1 → G4 → G2 → G1",
        "the after links of goals form a cycle: G5 → G6 → G7 → G5",
        "the after links of goals form a cycle: G8 → G8",
      ])
    #expect(r32.map { $0.location?.line } == [2, 6, 9])
    #expect(r32.allSatisfy { $0.message.zh.hasPrefix("目标的 after 前置关系形成循环：") })
  }

  @Test func aKnotOfCyclesIsReportedOnceNamingEveryGoalInIt() {
    // Two cycles through G1 (G1 → G2 → G1 and G1 → G3 → G4 → G1) are one knot.
    let links: [Int: [Int]] = [1: [2, 3], 2: [1], 3: [4], 4: [1]]
    let r32 = Engine.validate(Self.chain(4) { links[$0] ?? [] }).filter { $0.code == "R32" }
    #expect(
      r32.map(\.message.en) == [
        "the after links of goals form a cycle: G1 → G2 → G1; 4 goals are tied into this knot: G1, G2, G3, G4"
      ])
  }
}
