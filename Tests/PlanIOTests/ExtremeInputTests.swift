import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// Numeric and size extremes (issue 7; SPEC §2, §4): each row is a few lines added to a small
/// valid plan, and ends in a clear error at its line and column, or in a plan that holds the
/// right value. A plan that loads then goes through everything that computes with numbers —
/// validation, both rankings with sensitivity, every export in both languages, save and reload —
/// with no trap (integer overflow, a conversion of `inf` to an integer, a negative count).
@Suite struct ExtremeInputTests {
  /// Valid: two criteria with direct weights, two fields, one consortium with funding, a phase,
  /// a goal and a measure; ranking works on it. 14 lines, so added lines start at line 15.
  static let base = """
    # cplan plan 1
    set plan title "极端值" region "吉林省" horizon 2025..2030 cutoff 1
    add criterion C1 "产业链" tag chain weight 0.5
    add criterion C2 "科教" tag science weight 0.5
    add field F1 "碳纤维"
    add field F2 "氢能"
    add score F1 C1 8
    add score F1 C2 6
    add score F2 C1 7
    add org faw "一汽" type enterprise size large
    add consortium K1 "汽车" field F1 period 2025..2028
    add phase P1 "攻关期" period 2025..2027
    add goal G1 "电池" phase P1 consortium K1 indicator "能量密度" unit "Wh/kg" baseline 250 target 300
    add funding K1 P1 enterprise 8000

    """
  static let firstAddedLine = 15

  /// 1.7976931348623157e308 (the largest Double) written out in full.
  static let largest = "17976931348623157" + String(repeating: "0", count: 292)
  static let thirtyDigits = "123456789012345678901234567890"
  static let million = 1_000_000

  /// What a row must end in.
  enum Expect: Sendable {
    /// Refused: code, line (nil: the first added line), column, a fragment of the English message.
    case refused(String, line: Int? = nil, column: Int, String)
    /// Loads, and the value of `attribute` of the entity `kind key` is `value`.
    case value(Kind, EntityKey, Int, Value)
    /// Loads, and the entity `kind key` has a name of `count` characters.
    case nameLength(Kind, EntityKey, Int)
    /// Loads, and the plan setting `index` is `value`.
    case setting(Int, Value)
    /// Loads, and is the base plan (the lines changed nothing).
    case unchanged
    /// Loads, is the base plan, and keeps the comment after its last statement (SPEC §15 on §6):
    /// one line, `#`, a space and `count` characters.
    case trailingComment(Int)
  }

  struct Row: Sendable, CustomTestStringConvertible {
    var label: String
    var lines: @Sendable () -> String
    var expect: Expect
    var testDescription: String { label }

    init(_ label: String, _ lines: @autoclosure @escaping @Sendable () -> String, _ expect: Expect) {
      self.label = label
      self.lines = lines
      self.expect = expect
    }
  }

  static let rows: [Row] = [
    // Numbers SPEC §2 does not have: clear errors at the number.
    Row("1e309", "add score F2 C2 1e309", .refused("E005", column: 17, "malformed number '1e309'")),
    Row("NaN", "add score F2 C2 value NaN", .refused("E107", column: 23, "value expects a number, found 'NaN'")),
    Row("inf", "add score F2 C2 value inf", .refused("E107", column: 23, "found 'inf'")),
    Row("-inf", "add score F2 C2 -inf", .refused("E003", column: 17, "unexpected character '-'")),
    Row("0/0", "add score F2 C2 0/0", .refused("E006", column: 17, "fraction '0/0' divides by zero")),
    Row("1/0", "add compare C1 C2 1/0", .refused("E006", column: 19, "fraction '1/0' divides by zero")),
    Row("1/0.000", "add score F2 C2 1/0.000", .refused("E006", column: 17, "divides by zero")),
    Row(
      "a fraction past the largest Double",
      "add score F2 C2 1" + String(repeating: "0", count: 300) + "/0." + String(repeating: "0", count: 300) + "1",
      .refused("E015", column: 17, "is out of range")),
    Row(
      "400 digits", "add score F2 C2 " + String(repeating: "9", count: 400),
      .refused("E015", column: 17, "is out of range")),
    Row(
      "a million digits", "add score F2 C2 " + String(repeating: "9", count: million),
      .refused("E015", column: 17, "number '9999999999999999999999999999999999999999…' is out of range")),
    // Large and signed values that are numbers: kept exactly as the Double they read as.
    Row(
      "a 30-digit score", "add score F2 C2 \(thirtyDigits)",
      .value(.score, EntityKey("F2", "C2"), Attr.Score.value, .number(1.2345678901234568e29))),
    Row(
      "a 30-digit goal target", "add goal G2 \"g\" phase P1 baseline -\(thirtyDigits) target \(thirtyDigits)",
      .value(.goal, EntityKey("G2"), Attr.Goal.target, .number(1.2345678901234568e29))),
    Row(
      "the largest Double as a baseline", "add goal G2 \"g\" phase P1 baseline \(largest) target 1",
      .value(.goal, EntityKey("G2"), Attr.Goal.baseline, .number(.greatestFiniteMagnitude))),
    Row("-0 as a score", "add score F2 C2 -0", .value(.score, EntityKey("F2", "C2"), Attr.Score.value, .number(0))),
    Row(
      "-0 as an amount", "add funding K1 P1 social -0",
      .value(.funding, EntityKey("K1", "P1", "social"), Attr.Funding.amount, .number(0))),
    Row(
      "the smallest positive Double", "add score F2 C2 0." + String(repeating: "0", count: 323) + "5",
      .value(.score, EntityKey("F2", "C2"), Attr.Score.value, .number(.leastNonzeroMagnitude))),
    // Amounts: at most 10^15, so that no sum of them leaves the Double range.
    Row(
      "an amount of 10^15", "add funding K1 P1 social 1000000000000000",
      .value(.funding, EntityKey("K1", "P1", "social"), Attr.Funding.amount, .number(1e15))),
    Row(
      "a 30-digit amount", "add funding K1 P1 social \(thirtyDigits)",
      .refused("E108", column: 26, "amounts are at most 10^15")),
    Row(
      "amounts that would sum past the largest Double",
      "add funding K1 P1 central \(largest)\nadd measure M1 \"m\" phase P1 instrument grant funder central amount \(largest)",
      .refused("E108", column: 27, "amounts are at most 10^15")),
    Row("a negative amount", "add funding K1 P1 social -1", .refused("E108", column: 26, "amounts are never negative")),
    // Years, months and counts.
    Row("year 99999 in a horizon", "set plan horizon 2025..99999", .refused("E016", column: 18, "four-digit")),
    Row("baseline-year 99999", "set goal G1 baseline-year 99999", .refused("E108", column: 27, "a four-digit year")),
    Row(
      "year 9999", "set plan horizon 9998..9999",
      .setting(Attr.Plan.horizon, .period(Period(years: 9998, 9999)))),
    Row(
      "the widest horizon", "set plan horizon 1000..9999",
      .setting(Attr.Plan.horizon, .period(Period(years: 1000, 9999)))),
    Row("month 13", "add phase P2 \"p\" period 2025-13..2026-01", .refused("E007", column: 25, "not a month")),
    Row(
      "a period that ends before it starts", "add phase P2 \"p\" period 2027-12..2025-01",
      .value(
        .phase, EntityKey("P2"), Attr.Phase.period,
        .period(Period(start: YearMonth(year: 2027, month: 12), end: YearMonth(year: 2025, month: 1), monthly: true)))),
    Row(
      "cutoff 10^30", "set plan cutoff 1000000000000000000000000000000",
      .refused("E108", column: 17, "a whole number from 1 to 1000000000")),
    Row("cutoff 10^9", "set plan cutoff 1000000000", .setting(Attr.Plan.cutoff, .integer(1_000_000_000))),
    Row(
      "members-max 10^9 and members-min 10^9", "set plan members-min 1000000000 members-max 1000000000",
      .setting(Attr.Plan.membersMax, .integer(1_000_000_000))),
    Row("cutoff -1", "set plan cutoff -1", .refused("E108", column: 17, "a whole number from 1 to 1000000000")),
    Row(
      "a percent past 100%", "set plan gov-share-max 1\(String(repeating: "0", count: 300))%",
      .refused("E108", column: 24, "0% to 100%")),
    // Ranking at the ends of the Double range: no trap, whatever the scores become.
    Row(
      "weights that sum past the largest Double",
      "set criterion C1 weight \(largest)\nset criterion C2 weight \(largest)",
      .value(.criterion, EntityKey("C1"), Attr.Criterion.weight, .number(.greatestFiniteMagnitude))),
    Row(
      "a scale as wide as the Double range",
      "set criterion C1 scale -\(largest)..\(largest)\nset score F1 C1 value \(largest)\nset score F2 C1 value -\(largest)",
      .value(.score, EntityKey("F1", "C1"), Attr.Score.value, .number(.greatestFiniteMagnitude))),
    Row(
      "a tiny weight", "set criterion C1 weight 0.0000000000000000000000000000001\nset criterion C2 weight 1",
      .value(.criterion, EntityKey("C2"), Attr.Criterion.weight, .number(1))),
    // Long lines: a million characters.
    Row(
      "a name of a million Chinese characters", "add field F3 \"\(String(repeating: "名", count: million))\"",
      .nameLength(.field, EntityKey("F3"), million)),
    Row(
      "an ID of a million characters", "add field \(String(repeating: "F", count: million)) \"x\"",
      .nameLength(.field, EntityKey(String(repeating: "F", count: million)), 1)),
    Row(
      "a comment of a million characters", "# " + String(repeating: "注", count: million),
      .trailingComment(million)),
    Row(
      "a million unexpected characters", "add field F3 \"x\" note " + String(repeating: "@", count: million),
      .refused("E003", column: 23, "unexpected character '@'")),
    Row(
      "an unterminated string of a million characters", "add field F3 \"" + String(repeating: "x", count: million),
      .refused("E002", column: 14, "unterminated string")),
    Row(
      "a word of a million characters as a command", String(repeating: "名", count: million) + " F3",
      .refused("E010", column: 1, "unknown command '名名名")),
    Row(
      "a word of a million characters as a number", "add score F2 C2 value " + String(repeating: "x", count: million),
      .refused("E107", column: 23, "value expects a number, found 'xxxx")),
    // Ten million empty lines, then a bad statement: its line number is exact.
    Row(
      "ten million empty lines", String(repeating: "\n", count: 10_000_000) + "add field F3 \"x\" bogus 1",
      .refused("E101", line: 10_000_000 + firstAddedLine, column: 18, "unknown attribute 'bogus' for field")),
  ]

  @Test(arguments: rows)
  func extremeInput(_ row: Row) throws {
    let text = Self.base + row.lines() + "\n"
    let bytes = Array(text.utf8)
    let file = "extreme.plan"
    let loaded: Plan?
    do {
      loaded = try PlanLoader.load(bytes: bytes, file: file)
    } catch {
      loaded = nil
      guard case .refused(let code, let line, let column, let fragment) = row.expect else {
        Issue.record(
          "refused: \(error.diagnostics.map { "\($0.code) \($0.location.map(String.init(reflecting:)) ?? "-") \($0.message.en.prefix(200))" })"
        )
        return
      }
      let d = try #require(error.diagnostics.first { $0.code == code }, "\(error.diagnostics.map(\.code))")
      #expect(d.location?.line == line ?? Self.firstAddedLine)
      #expect(d.location?.column == column)
      #expect(d.message.en.contains(fragment), "\(d.message.en.prefix(300))")
      #expect(d.message.en.count < 400, "a message that long is not clear")
      // The caret line renders (a million-character source line included).
      let sources = SourceStore()
      sources.register(file: file, bytes: bytes)
      #expect(DiagnosticRenderer(language: .zh, sources: sources).render(d).contains("^"))
    }
    guard let plan = loaded else { return }
    switch row.expect {
    case .refused(let code, _, _, _):
      Issue.record("loaded, but \(code) was expected")
    case .value(let kind, let key, let attribute, let value):
      let entity = try #require(plan[kind][key], "\(kind) \(key.description.prefix(40)) is missing")
      #expect(entity[attribute] == value, "\(String(describing: entity[attribute]))")
    case .nameLength(let kind, let key, let count):
      let entity = try #require(plan[kind][key])
      #expect(entity.name?.count == count)
    case .setting(let index, let value):
      #expect(plan.settings[index] == value)
    case .unchanged:
      #expect(
        PlanWriter.write(plan) == PlanWriter.write(try PlanLoader.load(bytes: Array(Self.base.utf8), file: "base.plan"))
      )
    case .trailingComment(let count):
      var bare = plan
      bare.comments = PlanComments()
      #expect(
        PlanWriter.write(bare) == PlanWriter.write(try PlanLoader.load(bytes: Array(Self.base.utf8), file: "base.plan"))
      )
      #expect(plan.comments.trailer.count == 1)
      // `#`, a space, then the characters: count + 2 in all.
      #expect(plan.comments.trailer.first?.count == count + 2)
      #expect(plan.comments.trailer.first?.hasSuffix(String(repeating: "注", count: 3)) == true)
    }
    try Self.exercise(plan, thorough: bytes.count < 100_000, infinite: row.label.contains("sum past"))
  }

  /// Everything that computes with the plan's numbers; then save and reload.
  /// - Parameters:
  ///   - thorough: both languages and every format (else Chinese text and JSON only: a plan with
  ///     a million-character name takes seconds per export in a debug build).
  ///   - infinite: a finding may show `inf` (a sum that is infinite); otherwise values are shown
  ///     as digits, never as `inf` or `nan`.
  static func exercise(_ plan: Plan, thorough: Bool, infinite: Bool) throws {
    let findings = Engine.validate(plan, strict: true)
    for d in findings {
      #expect(
        !d.message.en.contains("nan") && (infinite || !d.message.en.contains("inf")), "\(d.message.en.prefix(300))")
    }
    for language in thorough ? [MessageLanguage.en, .zh] : [.zh] {
      for method in ["weighted", "topsis"] {
        if let ranking = try? PlanRanking.compute(plan, method: method, sensitivity: true) {
          _ = RankingReport.text(ranking, plan: plan, language: language)
        }
      }
      for format in thorough ? ExportFormat.textFormats : [.text, .json] {
        let out = Exporter.export(plan, format: format, options: ExportOptions(language: language, width: 80))
        #expect(!out.isEmpty)
      }
      for format in thorough ? ExportFormat.allCases.filter(\.isBinary) : [] {
        let bytes = try Exporter.binary(plan, format: format, options: ExportOptions(language: language))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip's local file header, "PK\3\4"
      }
    }
    let saved = PlanWriter.write(plan)
    let again = try PlanLoader.load(bytes: Array(saved.utf8), file: "saved.plan")
    #expect(PlanWriter.write(again) == saved)
    #expect(PlanDiff.compare(plan, again).isEmpty)
  }
}
