import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// R48 (issue 18 item 13, SPEC §15): two IDs of one kind that look alike draw a warning naming both.
@Suite struct R48Tests {
  /// The skeletons, by hand: full-width ASCII is U+FF01…U+FF5E, ASCII + 0xFEE0 (`Ｆ` U+FF26 → `F`,
  /// `１` U+FF11 → `1`), then small; Cyrillic `а` U+0430, `о` U+043E, `К` U+041A (small `к`
  /// U+043A), Greek `Ο` U+039F (small `ο` U+03BF) look like Latin `a`, `o`, `k`, `o`.
  @Test(arguments: [
    ("F1", "f1"), ("f1", "f1"), ("Ｆ１", "f1"), ("ｆ１", "f1"), ("\u{0430}1", "a1"), ("\u{041A}1", "k1"),
    ("\u{039F}K", "ok"), ("新材料", "新材料"), ("F　1", "f 1"),
  ])
  func skeletons(_ id: String, _ skeleton: String) {
    #expect(IDSkeleton.of(id) == skeleton)
  }

  /// IDs that do not look alike keep different skeletons: digits are not letters (`O0`, `l1`
  /// are one script's business), and a Chinese ID is its own.
  @Test func differentIDsKeepDifferentSkeletons() {
    let ids = ["F1", "F2", "FI", "Fl", "F0", "FO", "新材料", "新能源", "\u{0431}1", "b2"]
    #expect(Set(ids.map(IDSkeleton.of)).count == ids.count)
  }

  static func findings(_ edits: [String]) throws -> [Diagnostic] {
    Engine.validate(try ValidationFixture.plan(edits)).filter { $0.code == "R48" }
  }

  /// The tester's pairs: `F1` and `Ｆ１`; Latin `a` and Cyrillic `а`; and capitals. The warning
  /// is at the later entity and names both, in both languages.
  @Test(arguments: [
    ("add field Ｆ１ \"全角\"", "field", "Ｆ１", "F1"),
    ("add field f1 \"小写\"", "field", "f1", "F1"),
    ("add org f\u{0430}w \"西里尔\" type enterprise", "org", "f\u{0430}w", "faw"),
    ("add consortium \u{041A}1 \"西里尔\" field F1", "consortium", "\u{041A}1", "K1"),
    ("add phase \u{03A1}1 \"希腊\" period 2029..2030", "phase", "\u{03A1}1", "P1"),
  ])
  func lookAlikesAreNamedTogether(_ edit: String, _ kind: String, _ later: String, _ first: String) throws {
    let found = try Self.findings([edit])
    try #require(found.count == 1, "\(found.map(\.message.en))")
    let d = found[0]
    #expect(d.severity == .warning)
    #expect(d.message.en.hasPrefix("\(kind) \(later) looks like \(kind) \(first) "), "\(d.message.en)")
    #expect(d.message.zh.contains(later) && d.message.zh.contains(first))
    #expect(d.location?.file == "<edit>")
  }

  /// Each kind apart: a goal and a field may share an ID, and so may look alike.
  @Test func kindsAreJudgedApart() throws {
    #expect(try Self.findings(["add criterion Ｆ１ \"全角\" tag chain weight 0"]).isEmpty)
  }

  /// Three IDs of one skeleton: two findings, each naming the first.
  @Test func everyLaterLookAlikeNamesTheFirst() throws {
    let found = try Self.findings(["add field Ｆ１ \"全角\"", "add field f1 \"小写\""])
    #expect(
      found.map(\.message.en).map { $0.split(separator: " ").prefix(6).joined(separator: " ") } == [
        "field Ｆ１ looks like field F1", "field f1 looks like field F1",
      ])
  }

  /// The rule declares what it reads: the entities of every kind with an ID of its own, and no
  /// setting (it has no threshold).
  @Test func declaration() throws {
    let rule = try #require(RuleCatalog.rule("R48"))
    #expect(rule.severity == .warning)
    #expect(rule.settings.isEmpty)
    #expect(Set(rule.reads.map(\.kind)) == Set(Kind.allCases.filter { $0.keyWidth == 1 }))
  }
}
