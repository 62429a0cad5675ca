import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The model of following a plan (SPEC §11): goal `target-year`, the kinds checkpoint, actual and
/// outlay, the settings `as-of`, `on-track-min`, `at-risk-min`; their plan files, edits and errors.
@Suite("Actuals, checkpoints and outlays")
struct FollowUpModelTests {
  static let base = """
    set plan title "t" horizon 2025..2030
    add field F1 "x"
    add consortium K1 "k" field F1
    add phase P1 "p" period 2025..2027
    add goal G1 "g" phase P1 consortium K1 baseline 0 target 500
    add goal G2 "q" phase P1 consortium K1

    """

  static func load(_ text: String) throws -> Plan {
    try PlanLoader.load(bytes: Array(text.utf8), file: "f.plan")
  }

  static func applying(_ edits: [String], to plan: Plan) throws(Diagnostic) -> Plan {
    var plan = plan
    let parsed = Parser.parse(edits.joined(separator: "\n") + "\n", file: "<edit>")
    for command in parsed.commands { try plan.apply(command) }
    return plan
  }

  @Test func aPlanWithoutThemIsStillWrittenAsVersion1() throws {
    let text = "# cplan plan 1\n" + Self.base
    #expect(PlanWriter.write(try Self.load(text)) == text)
  }

  /// Each line alone makes the plan version 2; the file is written back byte for byte and loads
  /// to the same plan (a bare number after the keys is the `value` / `amount`, SPEC §15).
  @Test(arguments: [
    "set plan as-of 2026", "set plan on-track-min 95%", "set plan at-risk-min 60%",
    "set goal G1 target-year 2026", "add checkpoint G1 2026 250", "add actual G1 2025 120",
    "add actual G2 2025 status on-track source \"年报\" note \"n\"", "add outlay K1 2025 provincial 800",
  ])
  func eachMakesAVersion2PlanThatRoundTrips(_ edit: String) throws {
    let plan = try Self.applying([edit], to: Self.load("# cplan plan 1\n" + Self.base))
    #expect(plan.formatVersion == 2)
    let written = PlanWriter.write(plan)
    #expect(written.hasPrefix("# cplan plan 2\n"))
    let again = try Self.load(written)
    #expect(PlanWriter.write(again) == written)
    for kind in Kind.allCases {
      #expect(Array(again[kind].values.map(\.values)) == Array(plan[kind].values.map(\.values)))
    }
  }

  @Test func aVersion2FileIsWrittenBackByteForByte() throws {
    let text = """
      # cplan plan 2
      set plan title "t" horizon 2025..2030 as-of 2026 on-track-min 95%
      add field F1 "x"
      add consortium K1 "k" field F1
      add phase P1 "p" period 2025..2027
      add goal G1 "g" phase P1 consortium K1 baseline 0 target 500 target-year 2027
      add goal G2 "q" phase P1 consortium K1
      add checkpoint G1 2026 250
      add actual G1 2025 120 source "统计年报"
      add actual G1 2026 260
      add actual G2 2026 status at-risk
      add outlay K1 2025 enterprise 2000
      add outlay K1 2025 provincial 800

      """
    let plan = try Self.load(text)
    #expect(plan[.actual].count == 3 && plan[.checkpoint].count == 1 && plan[.outlay].count == 2)
    #expect(plan.entity(.goal, "G1")?[Attr.Goal.targetYear]?.integer == 2027)
    #expect(plan[.actual][EntityKey("G1", "2025")]?[Attr.Actual.value]?.number == 120)
    #expect(plan[.outlay][EntityKey("K1", "2025", "provincial")]?[Attr.Outlay.amount]?.number == 800)
    #expect(plan.asOf == 2026 && plan.onTrackMin == 0.95 && plan.atRiskMin == 0.70)
    #expect(PlanWriter.write(plan) == text)
  }

  @Test func removingAGoalCascadesToItsCheckpointsAndActuals() throws {
    let plan = try Self.applying(
      ["add checkpoint G1 2026 250", "add actual G1 2025 120", "add actual G2 2025 status behind"],
      to: Self.load("# cplan plan 1\n" + Self.base))
    #expect(throws: Diagnostic.self) { try Self.applying(["remove goal G1"], to: plan) }
    let removed = try Self.applying(["remove goal G1 cascade"], to: plan)
    #expect(removed[.checkpoint].isEmpty)
    #expect(removed[.actual].keys.map(\.description) == ["G2 2025"])
  }

  @Test func renamingAGoalOrAConsortiumRenamesItsRecords() throws {
    let plan = try Self.applying(
      [
        "add checkpoint G1 2026 250", "add actual G1 2025 120", "add outlay K1 2025 central 10",
        "rename goal G1 G7", "rename consortium K1 K9",
      ], to: Self.load("# cplan plan 1\n" + Self.base))
    #expect(plan[.checkpoint].keys.map(\.description) == ["G7 2026"])
    #expect(plan[.actual].keys.map(\.description) == ["G7 2025"])
    #expect(plan[.outlay].keys.map(\.description) == ["K9 2025 central"])
  }

  /// Bad input: a clear error at the token, and nothing changed.
  @Test(arguments: [
    ("add actual G3 2025 120", "E", "G1"),  // no goal G3: did you mean G1?
    ("add actual G1 25 120", "E", "25"),  // not four digits
    ("add actual G1 20250 120", "E", "20250"),
    ("add actual G1 next 120", "E", "next"),
    ("add outlay K1 2025 provincial -800", "E", "-800"),  // negative
    ("add outlay K1 2025 provincal 800", "E", "provincial"),  // did you mean provincial?
    ("add checkpoint G1 2026", "E", "value"),  // value required
    ("set plan as-of 26", "E", "26"),
    ("set plan on-track-min 0.9", "E", "0.9"),
    ("add actual G1 2025 status done", "E", "achieved"),
  ])
  func badInputIsAClearErrorAndChangesNothing(_ edit: String, _ codePrefix: String, _ mentioned: String) throws {
    let plan = try Self.load("# cplan plan 1\n" + Self.base)
    var copy = plan
    let parsed = Parser.parse(edit + "\n", file: "<edit>")
    let command = try #require(parsed.commands.first)
    do {
      try copy.apply(command)
      Issue.record("accepted: \(edit)")
    } catch {
      #expect(error.code.hasPrefix(codePrefix))
      #expect(error.location?.line == 1)
      #expect(error.message.en.contains(mentioned), "\(error.message.en)")
    }
    #expect(PlanWriter.write(copy) == PlanWriter.write(plan))
  }
}
