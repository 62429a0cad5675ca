import Testing

@testable import PlanEngine

@Suite("Review: changes since approval (SPEC §11)")
struct ReviewChangesTests {
  typealias Goal = PlanSnapshot.Goal
  typealias Measure = PlanSnapshot.Measure
  typealias Funding = PlanSnapshot.Funding
  typealias Change = ChangeSinceApproval

  /// The plan as approved.
  static let approved = PlanSnapshot(
    goals: [
      Goal(
        id: "G1", name: "Patents", indicator: "patents", phase: "P1", target: 200, targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2026, value: 150)]),
      Goal(
        id: "G2", name: "Energy per unit", indicator: "tce", phase: "P1", direction: .down, target: 30,
        targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2026, value: 40), GoalCheckpoint(year: 2025, value: 45)]),
      Goal(id: "G3", name: "Pilot lines", indicator: "lines", phase: "P2", target: 5, targetYear: 2029),
      Goal(id: "G4", name: "Talent", indicator: "people", phase: "P1", target: 100, targetYear: 2027),
      Goal(id: "G5", name: "Standards", indicator: "standards", phase: "P2", target: 3, targetYear: 2029),
      Goal(
        id: "G6", name: "Unchanged", phase: "P1", target: 10, targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2026, value: 5)]),
    ],
    measures: [
      Measure(id: "M1", amount: 500), Measure(id: "M2", amount: 300), Measure(id: "M3", amount: 200), Measure(id: "M4"),
    ],
    funding: [
      Funding(consortium: "K1", phase: "P1", source: "provincial", amount: 800),
      Funding(consortium: "K1", phase: "P1", source: "central", amount: 300),
      Funding(consortium: "K1", phase: "P2", source: "enterprise", amount: 1000),
    ])

  /// The plan now. What moved a goalpost: G1's target 200 → 180, target-year 2027 → 2028 and
  /// checkpoint 2026 150 → 140; G2 (down) target 30 → 32, checkpoint 2025 45 → 46 (raised is
  /// against down), checkpoint 2026 removed; G3 direction up → down; G4 removed; G5 renamed G9;
  /// M1 cut 500 → 400; M3 removed; line K1 P1 provincial cut 800 → 600; K1 P1 central removed.
  /// What did not: G2's target-year earlier (2026), G6's target raised and a checkpoint added,
  /// G9's target raised, G7 new, M2 raised, M4 still without amount, M5 new, K1 P2 enterprise
  /// raised, K1 P2 municipal new.
  static let current = PlanSnapshot(
    goals: [
      Goal(
        id: "G1", name: "Patents", indicator: "patents", phase: "P1", target: 180, targetYear: 2028,
        checkpoints: [GoalCheckpoint(year: 2026, value: 140)]),
      Goal(
        id: "G2", name: "Energy per unit", indicator: "tce", phase: "P1", direction: .down, target: 32,
        targetYear: 2026,
        checkpoints: [GoalCheckpoint(year: 2025, value: 46)]),
      Goal(
        id: "G3", name: "Pilot lines", indicator: "lines", phase: "P2", direction: .down, target: 5, targetYear: 2029),
      Goal(id: "G7", name: "New goal", phase: "P2", target: 1, targetYear: 2029),
      Goal(id: "G9", name: "Standards", indicator: "standards", phase: "P2", target: 4, targetYear: 2029),
      Goal(
        id: "G6", name: "Unchanged", phase: "P1", target: 12, targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2025, value: 3), GoalCheckpoint(year: 2026, value: 5)]),
    ],
    measures: [
      Measure(id: "M1", amount: 400), Measure(id: "M2", amount: 350), Measure(id: "M4"), Measure(id: "M5", amount: 10),
    ],
    funding: [
      Funding(consortium: "K1", phase: "P1", source: "provincial", amount: 600),
      Funding(consortium: "K1", phase: "P2", source: "enterprise", amount: 1200),
      Funding(consortium: "K1", phase: "P2", source: "municipal", amount: 100),
    ])

  @Test("every change that moves a goalpost, in the approved plan's order, nothing else")
  func everyKind() {
    let expected: [Change] = [
      Change(kind: .goal, id: "G1", change: .target, from: .number(200), to: .number(180)),
      Change(kind: .goal, id: "G1", change: .targetYear, from: .year(2027), to: .year(2028)),
      Change(kind: .checkpoint, id: "G1 2026", change: .checkpoint, from: .number(150), to: .number(140)),
      Change(kind: .goal, id: "G2", change: .target, from: .number(30), to: .number(32)),
      Change(kind: .checkpoint, id: "G2 2025", change: .checkpoint, from: .number(45), to: .number(46)),
      Change(kind: .checkpoint, id: "G2 2026", change: .removed, from: .number(40), to: nil),
      Change(kind: .goal, id: "G3", change: .direction, from: .text("up"), to: .text("down")),
      Change(kind: .goal, id: "G4", change: .removed, from: .number(100), to: nil),
      Change(kind: .goal, id: "G5", change: .renamed, from: .text("G5"), to: .text("G9")),
      Change(kind: .measure, id: "M1", change: .amount, from: .number(500), to: .number(400)),
      Change(kind: .measure, id: "M3", change: .removed, from: .number(200), to: nil),
      Change(kind: .funding, id: "K1 P1 provincial", change: .amount, from: .number(800), to: .number(600)),
      Change(kind: .funding, id: "K1 P1 central", change: .removed, from: .number(300), to: nil),
    ]
    let changes = changesSinceApproval(approved: Self.approved, current: Self.current)
    #expect(changes == expected)
    #expect(Set(changes.map(\.change)) == Set(Change.Change.allCases))
  }

  @Test("change spellings are SPEC §11's")
  func spellings() {
    #expect(
      Change.Change.allCases.map(\.rawValue) == [
        "target", "direction", "target-year", "checkpoint", "removed", "renamed", "amount",
      ])
  }

  @Test("a plan compared with itself has no changes")
  func none() {
    #expect(changesSinceApproval(approved: Self.approved, current: Self.approved).isEmpty)
    #expect(changesSinceApproval(approved: Self.current, current: Self.current).isEmpty)
  }

  /// A renamed goal is reported as renamed, not removed, and its lowered target under the new ID.
  @Test("renamed, not removed; its own changes under the current ID")
  func renamed() {
    let approved = PlanSnapshot(goals: [
      Goal(
        id: "G1", name: "Yield", indicator: "%", phase: "P1", target: 95, targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2026, value: 90)])
    ])
    let current = PlanSnapshot(goals: [
      Goal(
        id: "YIELD", name: "Yield", indicator: "%", phase: "P1", target: 92, targetYear: 2027,
        checkpoints: [GoalCheckpoint(year: 2026, value: 90)])
    ])
    #expect(
      changesSinceApproval(approved: approved, current: current) == [
        Change(kind: .goal, id: "G1", change: .renamed, from: .text("G1"), to: .text("YIELD")),
        Change(kind: .goal, id: "YIELD", change: .target, from: .number(95), to: .number(92)),
      ])
  }

  /// Same name and indicator in another phase, or another indicator: a removal and a new goal.
  @Test(
    "no rename without the same name, indicator and phase",
    arguments: [
      Goal(id: "G2", name: "Yield", indicator: "%", phase: "P2", target: 95, targetYear: 2027),
      Goal(id: "G2", name: "Yield", indicator: "t/ha", phase: "P1", target: 95, targetYear: 2027),
      Goal(id: "G2", name: "Yield rate", indicator: "%", phase: "P1", target: 95, targetYear: 2027),
      Goal(id: "G2", name: "Yield", phase: "P1", target: 95, targetYear: 2027),
    ])
  func notRenamed(other: Goal) {
    let approved = PlanSnapshot(goals: [
      Goal(id: "G1", name: "Yield", indicator: "%", phase: "P1", target: 95, targetYear: 2027)
    ])
    #expect(
      changesSinceApproval(approved: approved, current: PlanSnapshot(goals: [other])) == [
        Change(kind: .goal, id: "G1", change: .removed, from: .number(95), to: nil)
      ])
  }

  /// Two approved goals and two newcomers of one identity: matched in the order of each plan.
  @Test("renames match in order")
  func inOrder() {
    let approved = PlanSnapshot(goals: [
      Goal(id: "A", name: "Same", phase: "P1", target: 1), Goal(id: "B", name: "Same", phase: "P1", target: 1),
    ])
    let current = PlanSnapshot(goals: [
      Goal(id: "C", name: "Same", phase: "P1", target: 1), Goal(id: "D", name: "Same", phase: "P1", target: 1),
    ])
    #expect(
      changesSinceApproval(approved: approved, current: current) == [
        Change(kind: .goal, id: "A", change: .renamed, from: .text("A"), to: .text("C")),
        Change(kind: .goal, id: "B", change: .renamed, from: .text("B"), to: .text("D")),
      ])
  }

  /// Two approved goals with one identity and one newcomer: the first is renamed, the second removed.
  @Test("renames match one to one")
  func oneToOne() {
    let approved = PlanSnapshot(goals: [
      Goal(id: "A", name: "Same", phase: "P1", target: 1), Goal(id: "B", name: "Same", phase: "P1", target: 1),
    ])
    let current = PlanSnapshot(goals: [Goal(id: "C", name: "Same", phase: "P1", target: 1)])
    #expect(
      changesSinceApproval(approved: approved, current: current) == [
        Change(kind: .goal, id: "A", change: .renamed, from: .text("A"), to: .text("C")),
        Change(kind: .goal, id: "B", change: .removed, from: .number(1), to: nil),
      ])
  }

  /// The effective target-year moves later through a change of phase (P1 ends 2027, P2 ends 2029):
  /// the snapshot carries the effective year, so the move shows.
  @Test("target-year later through a change of phase; an unset target; an unset amount")
  func phaseAndUnset() {
    let approved = PlanSnapshot(
      goals: [Goal(id: "G1", name: "X", phase: "P1", target: 10, targetYear: 2027)],
      measures: [Measure(id: "M1", amount: 50)])
    let current = PlanSnapshot(
      goals: [Goal(id: "G1", name: "X", phase: "P2", target: nil, targetYear: 2029)], measures: [Measure(id: "M1")])
    #expect(
      changesSinceApproval(approved: approved, current: current) == [
        Change(kind: .goal, id: "G1", change: .target, from: .number(10), to: nil),
        Change(kind: .goal, id: "G1", change: .targetYear, from: .year(2027), to: .year(2029)),
        Change(kind: .measure, id: "M1", change: .amount, from: .number(50), to: nil),
      ])
  }

  /// Moves within 1e-9 are not changes: 0.1 + 0.2 against 0.3, both ways.
  @Test("moves within the tolerance are not changes")
  func tolerance() {
    let approved = PlanSnapshot(
      goals: [Goal(id: "G1", name: "X", phase: "P1", target: 0.1 + 0.2)],
      funding: [Funding(consortium: "K1", phase: "P1", source: "central", amount: 0.1 + 0.2)])
    let current = PlanSnapshot(
      goals: [Goal(id: "G1", name: "X", phase: "P1", target: 0.3)],
      funding: [Funding(consortium: "K1", phase: "P1", source: "central", amount: 0.3)])
    #expect(changesSinceApproval(approved: approved, current: current).isEmpty)
  }

  /// Against the approved direction: approved up with target 100 and checkpoint 2026: 80, now down
  /// with target 50 and checkpoint 60 — the flip, the lowered target and the lowered checkpoint.
  @Test("a flipped goal's target and checkpoints are judged by the approved direction")
  func flipped() {
    let approved = PlanSnapshot(goals: [
      Goal(id: "G1", name: "X", phase: "P1", target: 100, checkpoints: [GoalCheckpoint(year: 2026, value: 80)])
    ])
    let current = PlanSnapshot(goals: [
      Goal(
        id: "G1", name: "X", phase: "P1", direction: .down, target: 50,
        checkpoints: [GoalCheckpoint(year: 2026, value: 60)])
    ])
    #expect(
      changesSinceApproval(approved: approved, current: current) == [
        Change(kind: .goal, id: "G1", change: .target, from: .number(100), to: .number(50)),
        Change(kind: .goal, id: "G1", change: .direction, from: .text("up"), to: .text("down")),
        Change(kind: .checkpoint, id: "G1 2026", change: .checkpoint, from: .number(80), to: .number(60)),
      ])
  }
}
