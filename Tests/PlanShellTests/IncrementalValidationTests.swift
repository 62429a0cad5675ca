import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The shell's `validate` re-checks only what an edit touched (``ValidationCache``); after any
/// sequence of edits, undos and redos it must report exactly what a validation of the whole plan
/// reports (``Engine/validate(_:strict:)``), in the same order.
@Suite struct IncrementalValidationTests {
  static let jilin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans/jilin-2025-2030.plan").path

  /// A diagnostic as the user sees it: everything that is printed.
  static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in
      let at = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
      return "\(at) \(d.severity) \(d.code) \(d.message.en) | \(d.notes.map(\.en).joined(separator: "; "))"
    }
  }

  /// A reproducible generator (SplitMix64), so that a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// One random edit of the Jilin plan: every kind of change the cache tells apart (shard,
  /// plan-wide goals and measures, orgs across shards, ranking, goal links, settings, phases,
  /// cascades), plus undo and redo. Some of them fail (a duplicate ID, a referenced remove):
  /// a failed edit must change nothing, the cache included.
  static func edit(_ g: inout Generator) -> String {
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &g)] }
    let goal = pick([
      "G101", "G102", "G103", "G104", "G105", "G106", "G107", "G201", "G202", "G203", "G205", "G206", "G207", "GX1",
      "GX2",
    ])
    let measure = pick(["M101", "M102", "M103", "M104", "M105", "M106", "M107", "M108", "M201", "M202", "M203", "MX1"])
    let consortium = pick(["K1", "K2", "K9"])
    let org = pick(["cfsme", "chipsme", "ciac", "ciomp", "crrc", "faw", "jcfc", "jlpc", "jlu", "partsme", "thu"])
    let phase = pick(["P1", "P2", "P3"])
    let n = Int.random(in: 0...120, using: &g)
    return pick([
      "set goal \(goal) target \(n)",
      "set goal \(goal) baseline \(n)",
      "set goal \(goal) direction down",
      "set goal \(goal) after \(pick(["G101", "G103", "G201", "G205", "GX1"]))",
      "set goal \(goal) category \(pick(["tech", "ecosystem", "industry", "talent"]))",
      "set goal \(goal) consortium \(consortium)",
      "set goal \(goal) phase \(phase)",
      "set goal \(goal) indicator \"\(pick(["装车量", "复材占比"]))\"",
      "add goal \(goal) \"新目标\" phase \(phase) indicator \"装车量\" baseline 1 target \(n)",
      "add goal \(goal) \"新目标\" phase \(phase) consortium \(consortium) indicator \"装车量\" target \(n)",
      "remove goal \(goal)",
      "remove goal \(goal) cascade",
      "set measure \(measure) funder \(pick(["provincial", "municipal", "enterprise", "central"]))",
      "set measure \(measure) instrument \(pick(["management", "talent", "ip", "grant"]))",
      "set measure \(measure) agency \"\(pick(["", "省科技厅"]))\"",
      "set measure \(measure) amount \(n * 100)",
      "set measure \(measure) start \(pick(["2025-01", "2027-06", "2030-12"]))",
      "set measure \(measure) consortium \(consortium)",
      "add measure \(measure) \"新措施\" phase \(phase) instrument grant funder provincial amount \(n * 50)",
      "add measure \(measure) \"新措施\" phase \(phase) consortium \(consortium) instrument talent funder municipal amount \(n)",
      "remove measure \(measure)",
      "add member \(consortium) \(org) role \(pick(["lead", "core", "member"])) chain \(pick(["upstream", "midstream", "downstream"]))",
      "set member \(consortium) \(org) role \(pick(["lead", "core"]))",
      "remove member \(consortium) \(org)",
      "set org \(org) type \(pick(["enterprise", "university", "institute"]))",
      "set org \(org) rd-intensity \(pick(["1%", "2.9%", "5%"]))",
      "set org \(org) size \(pick(["small", "large"]))",
      // R47 reads orgs' names (and no attribute): two orgs of one name, then apart again.
      "set org \(org) name \"\(pick(["中国科学院长春应用化学研究所", " 中国科学院长春应用化学研究所 ", "新单位"]))\"",
      "add consortium K9 \"新联合体\" field \(pick(["F3", "F4"])) period 2026..2028",
      "set consortium \(consortium) period \(pick(["2025..2026", "2025..2029", "2020..2035"]))",
      "set consortium \(consortium) field \(pick(["F1", "F2", "F5"]))",
      "set consortium \(consortium) ip-strategy \(pick(["yes", "no"]))",
      "remove consortium K9",
      "add funding \(consortium) \(phase) \(pick(["provincial", "enterprise"])) \(n * 100)",
      "set funding \(consortium) \(phase) provincial \(n * 10)",
      "set score F\(Int.random(in: 1...5, using: &g)) C\(Int.random(in: 1...4, using: &g)) \(Int.random(in: 1...10, using: &g))",
      "set field F\(Int.random(in: 1...5, using: &g)) justification \"\(pick(["", "省级战略"]))\"",
      "set plan cutoff \(Int.random(in: 1...4, using: &g))",
      "set plan members-min \(pick([3, 5, 7]))",
      "set plan gov-share-warn \(pick(["20%", "30%"]))",
      "set phase P3 period \(pick(["2029..2030", "2029..2031", "2028..2030"]))",
      // Following the plan (SPEC §11): R34–R39.
      "add actual \(goal) \(pick(["2025", "2026", "2027"])) \(n)",
      "add actual \(goal) 2026 status \(pick(["behind", "achieved"]))",
      "remove actual \(goal) 2025",
      "add checkpoint \(goal) \(pick(["2026", "2027"])) \(n)",
      "set goal \(goal) target-year \(pick(["2026", "2027", "2030"]))",
      "add outlay \(consortium) \(pick(["2025", "2026"])) \(pick(["provincial", "enterprise"])) \(n * 100)",
      "set plan as-of \(pick(["2025", "2026", "2031"]))",
      "rename goal \(goal) \(goal)R", "rename org \(org) \(org)X", "rename consortium K9 K8",
      "undo", "undo", "redo",
    ])
  }

  /// With `background`, as at the prompt: a full validation starts on another thread after the
  /// load and after each edit that leaves nothing to reuse, and edits made meanwhile are
  /// replayed on its results.
  @Test(arguments: [false, true])
  func afterRandomEditsTheShellReportsWhatAFullValidationReports(background: Bool) throws {
    let session = Session(output: CapturedOutput())
    #expect(session.execute("load \"\(Self.jilin)\"", file: "<test>"))
    if background { session.validateInBackground() }
    var g = Generator(state: background ? 20_261_130 : 20_261_129)
    var incremental = 0
    for step in 0..<600 {
      let command = Self.edit(&g)
      _ = session.execute(command, file: "<edit \(step)>")
      // Not after every edit: changes also pile up between two `validate`s.
      guard step % 3 != 1 else { continue }
      let strict = step % 7 == 0
      let kept = Self.rendered(session.validateCurrentPlan(strict: strict))
      if !session.validation.lastRunWasFull { incremental += 1 }
      let whole = Self.rendered(Engine.validate(session.plan, strict: strict))
      #expect(kept == whole, "after step \(step): \(command)")
      if kept != whole { return }
    }
    // The cache was used, not bypassed: most validations re-checked only part of the plan
    // (with `background`, also those after a load or a phase edit).
    #expect(incremental > (background ? 300 : 200))
  }

  /// As `cplan PLAN` on a terminal: the plan is validated while it loads (``EarlyValidation``),
  /// then in the background; `validate` answers before any edit (twice), then after edits.
  @Test func aPlanValidatedWhileItLoadedReportsWhatAFullValidationReports() throws {
    let session = Session(output: CapturedOutput())
    #expect(session.loadInitial(path: Self.jilin, validatingEarly: true) == nil)
    session.validateInBackground()
    let whole = Self.rendered(Engine.validate(session.plan))
    #expect(Self.rendered(session.validateCurrentPlan()) == whole)
    #expect(
      Self.rendered(session.validateCurrentPlan(strict: true))
        == Self.rendered(Engine.validate(session.plan, strict: true)))
    var g = Generator(state: 20_261_201)
    for step in 0..<60 {
      // A `load` at the prompt is validated while it loads too.
      if step == 30 {
        #expect(session.execute("load \"\(Self.jilin)\"", file: "<test>"))
        #expect(Self.rendered(session.validateCurrentPlan()) == Self.rendered(Engine.validate(session.plan)))
      }
      let command = Self.edit(&g)
      _ = session.execute(command, file: "<edit \(step)>")
      let kept = Self.rendered(session.validateCurrentPlan())
      #expect(kept == Self.rendered(Engine.validate(session.plan)), "after step \(step): \(command)")
      if kept != Self.rendered(Engine.validate(session.plan)) { return }
    }
  }

  @Test func aValidateWithoutChangesReusesEverythingAndAnUnreportedChangeStartsAfresh() throws {
    let session = Session(output: CapturedOutput())
    #expect(session.execute("load \"\(Self.jilin)\"", file: "<test>"))
    let first = session.validateCurrentPlan()
    #expect(session.validation.lastRunWasFull)  // not prepared in the background: no terminal
    #expect(session.validateCurrentPlan().count == first.count)
    #expect(!session.validation.lastRunWasFull)
    #expect(session.execute("set goal G101 target 0", file: "<test>"))  // no rise from baseline 0: R23
    let afterEdit = session.validateCurrentPlan()
    #expect(!session.validation.lastRunWasFull)
    #expect(afterEdit.contains { $0.code == "R23" })
    #expect(Self.rendered(afterEdit) == Self.rendered(Engine.validate(session.plan)))
    // A plan replaced behind the cache's back (as `recover` does) is validated whole.
    var other = session.plan
    _ = try other.apply(Parser.parse("set goal G101 target 900", file: "<test>").commands[0])
    session.resetPlan(other)
    let replaced = session.validateCurrentPlan()
    #expect(session.validation.lastRunWasFull)
    #expect(!replaced.contains { $0.code == "R23" && $0.message.en.contains("G101") })
  }
}
