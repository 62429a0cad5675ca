import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// Validation that starts while a plan file loads (``EarlyValidation``) gives exactly the
/// findings of a validation of the loaded plan, and reuses what it made only from tables the
/// loaded plan still holds.
@Suite struct EarlyValidationTests {
  /// The fixture plan after `edits`, written in canonical form to a temporary file.
  static func file(_ edits: [String] = [], appending tail: String = "") throws -> String {
    let plan = try ValidationFixture.plan(edits)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("early-\(UUID().uuidString).plan").path
    try (PlanWriter.write(plan) + tail).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A diagnostic as printed: location, severity, code, message and notes, both languages.
  static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in
      let at = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
      let notes = d.notes.map(\.en).joined(separator: "; ")
      return "\(at) \(d.severity) \(d.code) \(d.message.en) | \(d.message.zh) | \(notes)"
    }
  }

  /// Loads `path` with early validation; returns its findings, a plain validation's, and how
  /// many of the six passes and the ranking group were reused.
  static func validate(_ path: String, strict: Bool = false) throws -> (early: [String], plain: [String], taken: Int) {
    defer { try? FileManager.default.removeItem(atPath: path) }
    let early = EarlyValidation()
    let plan = try PlanLoader.load(path: path, observer: early)
    let found = Engine.validate(plan, strict: strict, early: early)
    return (rendered(found), rendered(Engine.validate(plan, strict: strict)), early.taken)
  }

  @Test func aCanonicalFileReusesEveryPassAndTheRanking() throws {
    let result = try Self.validate(try Self.file())
    #expect(result.early == result.plain)
    #expect(result.taken == 7)
  }

  @Test(arguments: [
    ["set goal G1 target 0", "set org faw type university", "set measure M1 agency \"\""],
    ["set goal G1 after G2", "set goal G4 phase P3", "set consortium K1 period 2025..2026"],
    ["set criterion C1 weight 0.9", "set funding K1 P1 provincial 90000", "remove member K1 jlu"],
    ["set score F1 C1 6", "set score F1 C2 6", "set score F1 C3 6", "set plan method topsis"],
  ])
  func findingsAreThoseOfAPlainValidation(edits: [String]) throws {
    let result = try Self.validate(try Self.file(edits), strict: true)
    #expect(!result.early.isEmpty)
    #expect(result.early == result.plain)
    #expect(result.taken == 7)
  }

  @Test func aTableChangedAfterItWasFilledIsIndexedAgain() throws {
    // The `set`s come after every `add`: the goal, org and score tables change after the passes
    // over them (and the ranking) were made.
    let tail = "set goal G1 target 0\nset org faw type university\nset score F1 C1 11\n"
    let result = try Self.validate(try Self.file(appending: tail))
    #expect(result.early.contains { $0.contains("R23") })
    #expect(result.early.contains { $0.contains("R02") })
    #expect(result.early == result.plain)
    // Members (which read orgs), orgs, goals and the ranking are made again.
    #expect(result.taken == 3)
  }

  @Test func aFileOutOfOrderLoadsOtherwiseAndReusesNothing() throws {
    // A setting after the `add`s breaks the order of application (the loader tells the early
    // validation, and fills the tables again at the end): every table is new.
    let result = try Self.validate(try Self.file(appending: "set plan cutoff 1\n"))
    #expect(result.early == result.plain)
    #expect(result.taken == 0)
  }
}
