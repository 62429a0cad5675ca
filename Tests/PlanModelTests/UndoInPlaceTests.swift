import PlanLanguage
import Testing

@testable import PlanModel

/// `remove` records the one entity it removes and where it stood (not a copy of the tables), so
/// undo and redo are cheap on a large plan and still restore the plan exactly.
@Suite struct UndoInPlaceTests {
  static func plan() throws -> Plan {
    var plan = Plan()
    let text = """
      add phase P1 "一期" period 2025..2026
      add goal G1 "a" phase P1
      add goal G2 "b" phase P1 after G1
      add goal G3 "c" phase P1
      add goal G4 "d" phase P1
      add field F1 "f"
      add criterion C1 "c"
      add score F1 C1 3
      """
    for c in Parser.parse(text, file: "u").commands { try plan.apply(c) }
    return plan
  }

  static func command(_ line: String) -> Command { Parser.parse(line, file: "u").commands[0] }

  @Test(arguments: [
    "remove goal G3", "remove goal G1 cascade", "remove goal G4", "remove score F1 C1",
    "remove goal G2", "add goal G9 \"z\" phase P1", "rename goal G3 G7",
  ])
  func undoRestoresAndRedoRepeats(line: String) throws {
    let original = try Self.plan()
    var plan = original
    let change = try plan.apply(Self.command(line))
    let changed = plan
    #expect(changed != original)
    let redo = plan.revert(change)
    #expect(plan == original)  // same entities, same order
    let undo = plan.revert(redo)
    #expect(plan == changed)
    _ = plan.revert(undo)
    #expect(plan == original)
  }

  @Test func removingFromTheMiddleRecordsOnlyThatEntity() throws {
    var plan = try Self.plan()
    let change = try plan.apply(Self.command("remove goal G3"))
    guard case .removed(let entity, let index) = change else {
      Issue.record("expected .removed, got \(change)")
      return
    }
    #expect(entity.id == "G3" && index == 2)
    #expect(plan[.goal].keys.map(\.a) == ["G1", "G2", "G4"])
  }

  @Test func referencedEntityIsNotRemoved() throws {
    var plan = try Self.plan()
    let before = plan
    #expect(throws: Diagnostic.self) { try plan.apply(Self.command("remove goal G1")) }
    #expect(plan == before)
    #expect(plan.referrers(of: .goal, id: "G1", limit: 5).list == ["goal G2 (after)"])
    #expect(plan.referrers(of: .field, id: "F1", limit: 5).list == ["score F1 C1"])
  }
}
