import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Issue 17 item 4: setting a value to what it already is records nothing — no undo step, no
/// unsaved changes — and `new` on an empty plan without a file leaves nothing to save.
@Suite struct NoOpEditTests {
  /// The Jilin plan as loaded (clean).
  static func session() throws -> Session {
    let session = Session(output: CapturedOutput())
    #expect(session.execute("load \"\(IncrementalValidationTests.jilin)\"", file: "<test>"))
    #expect(!session.isDirty)
    return session
  }

  /// Each sets what the Jilin plan already has (its line 10, 57 and the K1 funding lines).
  @Test(arguments: [
    "set plan cutoff 2", "set plan region \"吉林省\" horizon 2025..2030",
    "set consortium K1 period 2025..2029 agreement yes", "set consortium K1 field F2 ip-strategy yes",
  ])
  func settingWhatIsThereRecordsNothing(command: String) throws {
    let session = try Self.session()
    let before = session.plan
    #expect(session.execute(command, file: "<test>"))
    #expect(!session.isDirty)
    #expect(session.plan == before)  // the statements' places too
    // Nothing to undo: the load was the session's first step and `load` at start is not one.
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.consortium, "K1") == nil)  // the undo undid the load, not the set
  }

  @Test func aRealChangeAmongEqualValuesIsRecorded() throws {
    let session = try Self.session()
    #expect(session.execute("set plan cutoff 2 region \"吉林\"", file: "<test>"))
    #expect(session.isDirty)
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.region == "吉林省")
    #expect(!session.isDirty)
  }

  @Test func newOnAnEmptyPlanAndAfterAPlanLeavesNothingToSave() throws {
    let session = Session(output: CapturedOutput())
    #expect(session.execute("new", file: "<test>"))
    #expect(!session.isDirty)
    #expect(session.execute("add field F1 \"x\"", file: "<test>"))
    #expect(session.isDirty)
    #expect(session.execute("new", file: "<test>"))
    #expect(session.plan.isEmpty && !session.isDirty)
    // `undo` brings the unsaved field back, unsaved.
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.field, "F1") != nil && session.isDirty)
  }
}
