import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The shell's actions read by their grammar (``ShellCommand``): the errors for wrong arguments,
/// and the drift between the parser, Tab and `help` that the one grammar fixed.
@Suite struct CommandParsingTests {
  /// The plan of ``GrammarTests`` (a consortium K1 with a goal, a measure and a funding line).
  static func session() -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    session.resetPlan(GrammarTests.plan)
    return (session, output)
  }

  /// The first line of the error of `line` (which must fail), without the source location.
  static func error(_ line: String) -> String? {
    let (session, output) = session()
    guard !session.execute(line, file: "<t>") else { return nil }
    guard let first = output.err.split(separator: "\n").first, let at = first.range(of: "error: ") else {
      return String(output.err)
    }
    return String(first[at.upperBound...])
  }

  /// The column of the caret of the error of `line`.
  static func column(_ line: String) -> Int? {
    let (session, output) = session()
    session.execute(line, file: "<t>")
    guard let first = output.err.split(separator: "\n").first else { return nil }
    // `<t>:1:13: error: …`
    return first.split(separator: ":").dropFirst(2).first.flatMap { Int($0) }
  }

  /// The export formats in the order the grammar lists them: SPEC §9's, then §13's.
  static let formats = ["text", "markdown", "json", "csv", "html"] + ["xlsx", "docx"] + ["sql", "sqlite"]

  @Test(arguments: [
    // Words a command took and ignored: `load PATH`, `run PATH`, `recover [JOURNAL]` take no more.
    ("load x.plan force", "unexpected 'force' [E012]"),
    ("run x.cplan force", "unexpected 'force' [E012]"),
    ("recover a b", "unexpected 'b' [E012]"),
    // The word at fault, not the one before it or the last one.
    ("list member K1 x", "unexpected 'x' [E012]"),
    ("rank method foo sensitivity", "invalid value 'foo' for method (one of weighted|topsis) [E102]"),
    // Once quoted, not twice.
    ("list fieldz", "unknown kind 'fieldz'; did you mean 'field'? [E100]"),
    ("list \"x\"", "expected a kind, found \"x\" [E011]"),
    // As before.
    ("show fieldz", "unknown kind 'fieldz'; did you mean 'field'? [E100]"),
    ("show \"x\"", "expected plan, roadmap, funding or a kind, found \"x\" [E011]"),
    ("show", "missing what to show: plan, roadmap, funding or KIND KEY [E013]"),
    ("show field", "missing field ID [E013]"),
    ("list", "missing a kind to list [E013]"),
    ("list field K1", "unexpected 'K1' [E012]"),
    ("list goal K9", "unknown consortium 'K9'; did you mean 'K1'? [E103]"),
    // The formats: SPEC §9's five and §13's (a list that grows as formats are added).
    ("export", "missing a format (\(CommandParsingTests.formats.joined(separator: ", "))) [E013]"),
    (
      "export foo",
      "invalid value 'foo' for format (one of \(CommandParsingTests.formats.joined(separator: "|"))) [E102]"
    ),
    ("export text bom", "unexpected 'bom' [E012]"),
    ("export csv to", "missing a path after 'to' [E013]"),
    ("rank method", "invalid value 'method' for method (one of weighted|topsis) [E102]"),
    ("validate foo", "unexpected 'foo' [E012]"),
    ("load", "missing a path [E013]"),
    ("save x.plan foo", "unexpected 'foo' [E012]"),
    ("undo x", "unexpected 'x' [E012]"),
    ("quit now", "unexpected 'now' [E012]"),
    ("help field foo", "unexpected 'foo' [E012]"),
  ])
  func wrongArgumentsAreReported(_ line: String, _ expected: String) {
    #expect(CommandParsingTests.error(line) == expected, "\(line)")
  }

  @Test func theErrorPointsAtTheWordAtFault() {
    // `rank method foo sensitivity`: foo starts at column 13 (after "rank method ").
    #expect(CommandParsingTests.column("rank method foo sensitivity") == 13)
    // `list member K1 x`: x at column 16.
    #expect(CommandParsingTests.column("list member K1 x") == 16)
  }

  @Test func rankMethodAHPHintsAtTheWeighting() {
    let (session, output) = CommandParsingTests.session()
    #expect(!session.execute("rank method ahp", file: "<t>"))
    #expect(output.err.contains("hint: AHP sets the weights, not the method: set plan weighting ahp"))
  }

  @Test func listGoalMeasureAndFundingOfAConsortium() {
    let (session, output) = CommandParsingTests.session()
    // The fixture's K1 has goal G1, measure M1 and one funding line (K1 P1 enterprise 8000).
    #expect(session.execute("list goal K1", file: "<t>"))
    #expect(output.out.hasPrefix("G1  量产"))
    output.clear()
    #expect(session.execute("list measure K1", file: "<t>"))
    #expect(output.out.hasPrefix("M1  揭榜挂帅"))
    output.clear()
    #expect(session.execute("list funding K1", file: "<t>"))
    #expect(output.out.hasPrefix("K1  P1  enterprise  8000"))
  }

  @Test func exportCSVWithAByteOrderMark() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (session, _) = CommandParsingTests.session()
    let path = folder.appendingPathComponent("a.csv").path
    #expect(session.execute("export csv to \(path) bom", file: "<t>"))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
  }

  /// The forms Tab did not offer, and help did not show, before the one grammar.
  @Test func driftFixedInTabAndHelp() throws {
    let completer = Completer(plan: GrammarTests.plan, currentDirectory: "/nonexistent")
    #expect(
      completer.complete("export csv ").candidates == [
        "to", "force", "bom", "consortium", "robustness", "samples", "spread", "seed",
      ])
    #expect(
      completer.complete("export csv bom ").candidates == [
        "to", "force", "consortium", "robustness", "samples", "spread", "seed",
      ])
    #expect(
      completer.complete("export html ").candidates == [
        "to", "force", "consortium", "robustness", "samples", "spread", "seed",
      ])
    for kind in ["member", "goal", "measure", "funding"] {
      #expect(completer.complete("list \(kind) ").candidates == ["K1"], "\(kind)")
      #expect(completer.complete("list \(kind) K1 ").candidates.isEmpty, "\(kind)")
    }
    #expect(completer.complete("list field ").candidates.isEmpty)
    #expect(completer.complete("save ").candidates == ["force", "merge"])
    let list = try #require(Help.text("list", language: .en))
    for kind in ["member", "goal", "measure", "funding"] { #expect(list.contains("\n  list \(kind) CONSORTIUM\n")) }
    #expect(try #require(Help.text("recover", language: .en)).hasPrefix("recover [JOURNAL]\n"))
  }
}
