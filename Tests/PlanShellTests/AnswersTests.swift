import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Answers that do not mislead (issue 18 item 13), the rest of them: `none` is no ID, a
/// setting's range is said one way, tied leaders are all named, long input is not echoed whole,
/// counts take their plural.
@Suite struct AnswersTests {
  static func run(_ lines: [String]) throws -> ShellFixture {
    let f = try ShellFixture(lines: lines)
    f.run()
    return f
  }

  /// `none` is the keyword that clears a value (`consortium none`): an entity so named could
  /// never be referred to, so `add` and `rename` refuse it, in any case.
  @Test func noneIsNoID() throws {
    let f = try Self.run([
      "add field none \"x\"", "add field NONE \"x\"", "add field F1 \"x\"", "rename field F1 none",
      "add org None \"y\" type enterprise",
    ])
    let refusals = f.output.err.components(separatedBy: "'none' cannot be the ID of a ").count - 1
    #expect(refusals == 4, "\(f.output.err)")
    #expect(f.output.err.contains("[E128]"))
    #expect(f.ids(.field) == ["F1"])
    #expect(f.ids(.org).isEmpty)
  }

  /// The cutoff said three things: "at least 1" (for 0), "0 to 1000000000" (for -1) and "a whole
  /// number ≥ 0" (for 1.5). Each value out of its range, or of another type, now gets the one
  /// text of the schema.
  @Test(arguments: ["0", "-1", "1.5", "abc", "1000000001", "50%"])
  func theCutoffSaysOneThing(_ value: String) throws {
    let f = try Self.run(["set plan cutoff \(value)"])
    #expect(f.output.err.contains("a whole number from 1 to 1000000000"), "\(f.output.err)")
    #expect(f.session.plan.settings[Attr.Plan.cutoff] == nil)
  }

  /// Its ends are taken.
  @Test func theCutoffsEndsAreTaken() throws {
    for value in [1, 1_000_000_000] {
      let f = try Self.run(["set plan cutoff \(value)"])
      #expect(!f.output.err.contains("error"), "\(f.output.err)")
      #expect(f.session.plan.settings[Attr.Plan.cutoff] == .integer(value))
    }
  }

  /// Two fields with the same scores share rank 1: the sensitivity heading names both (it
  /// named the first alone).
  @Test func tiedLeadersAreAllNamed() throws {
    let f = try Self.run([
      "add criterion C1 \"a\" tag chain weight 0.5", "add criterion C2 \"b\" tag leader weight 0.5",
      "add field F1 \"x\"", "add field F2 \"y\"", "add field F3 \"z\"",
      "add score F1 C1 5", "add score F1 C2 5", "add score F2 C1 5", "add score F2 C2 5",
      "add score F3 C1 1", "add score F3 C2 1", "rank sensitivity",
    ])
    #expect(f.output.out.contains("rank 1 (F1, F2, tied) changes"), "\(f.output.out)")
  }

  /// `help` with an unknown word quotes 40 characters of it, as other messages do.
  @Test func helpClipsTheWordItEchoes() throws {
    let word = String(repeating: "x", count: 5_000)
    let f = try Self.run(["help \(word)"])
    #expect(f.output.err.contains("no help on '\(String(repeating: "x", count: 40))…'"), "\(f.output.err.prefix(300))")
    // The message quotes 40; the source line below it shows 200 (a diagnostic's most).
    #expect(f.output.err.utf8.count < 1_000, "\(f.output.err.utf8.count) bytes")
  }

  /// A line of 2 MB with an error at its end, and one with an error at its start: the
  /// diagnostic shows 200 characters of the line around the error, `…` where it is cut, and the
  /// caret under the error (it echoed the line whole and a caret line as long).
  @Test func aLongLineIsShownAroundTheError() throws {
    let filler = "\"" + String(repeating: "a", count: 2_000_000) + "\""
    let atEnd = try Self.run(["add field F1 \(filler) bogus 1"])
    #expect(atEnd.output.err.utf8.count < 2_000, "\(atEnd.output.err.utf8.count) bytes")
    let lines = atEnd.output.err.split(separator: "\n")
    let shown = try #require(lines.first { $0.contains("| …") })
    let caret = try #require(lines.first { $0.contains("^") })
    // The caret stands under `bogus`: the same column in the shown line.
    let column = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
    #expect(String(shown.dropFirst(column).prefix(5)) == "bogus", "\(shown)\n\(caret)")

    let atStart = try Self.run(["bogus \(filler)"])
    #expect(atStart.output.err.utf8.count < 2_000, "\(atStart.output.err.utf8.count) bytes")
    #expect(atStart.output.err.contains("| bogus \"aa"))
    #expect(atStart.output.err.contains("…\n"))
  }

  /// A line of 200 characters or fewer is shown whole, as before.
  @Test func aShortLineIsShownWhole() throws {
    let line = "add field F1 \"" + String(repeating: "a", count: 170) + "\" bogus 1"
    #expect(line.count <= 200)
    let f = try Self.run([line])
    #expect(f.output.err.contains("| \(line)\n"), "\(f.output.err)")
    #expect(!f.output.err.contains("…"))
  }

  /// `remove … cascade` counts what went with it in the plural where there are several.
  @Test func aCascadeCountsInThePlural() throws {
    let f = try Self.run([
      "add field F1 \"x\"", "add org o1 \"a\" type enterprise", "add org o2 \"b\" type enterprise",
      "add consortium K1 \"k\" field F1", "add member K1 o1", "add member K1 o2",
      "add consortium K2 \"j\" field F1", "add member K2 o1",
      "remove consortium K1 cascade", "remove org o1 cascade",
    ])
    #expect(f.output.err.contains("removed 1 consortium, 2 members\n"), "\(f.output.err)")
    #expect(f.output.err.contains("removed 1 org, 1 member\n"), "\(f.output.err)")
  }

  @Test(arguments: [
    (1, "member", "1 member"), (2, "member", "2 members"), (0, "member", "0 members"),
    (1, "consortium", "1 consortium"), (3, "consortium", "3 consortia"), (2, "criterion", "2 criteria"),
    (2, "entity", "2 entities"), (2, "day", "2 days"), (2, "match", "2 matches"), (2, "funding", "2 funding"),
  ])
  func englishCounts(_ n: Int, _ noun: String, _ text: String) {
    #expect(EnglishCount.count(n, noun) == text)
  }
}
