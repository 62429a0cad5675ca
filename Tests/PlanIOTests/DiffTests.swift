import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// `cplan diff A B` (SPEC §1): entity by entity, with each changed attribute's old and new value.
@Suite struct DiffTests {
  /// The Jilin plan file with one goal's target changed, one measure removed, one field added.
  static func editedJilin() throws -> Plan {
    let text = try String(contentsOfFile: ExportFixtures.jilinPath, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let goal = try #require(lines.firstIndex { $0.hasPrefix("add goal G101 ") })
    #expect(lines[goal].hasSuffix(" target 500"))
    lines[goal] = String(lines[goal].dropLast(3)) + "800"
    lines.removeAll { $0.hasPrefix("add measure M103 ") }
    lines.append("add field F6 \"氢能与储能, H₂\" note \"新增\"")
    return try PlanLoader.load(bytes: Array(lines.joined(separator: "\n").utf8), file: "edited.plan")
  }

  @Test func namesExactlyTheGoalTheMeasureAndTheFieldWithOldAndNewValues() throws {
    let diff = PlanDiff.compare(try ExportFixtures.jilin(), try Self.editedJilin())
    #expect(!diff.isEmpty)
    #expect(
      diff.changes.map { "\($0.change) \($0.kind?.rawValue ?? "plan") \($0.key?.description ?? "")" }
        == ["added field F6", "changed goal G101", "removed measure M103"])
    let goal = try #require(diff.changes.first { $0.change == .changed })
    #expect(
      goal.attributes == [
        PlanDiff.AttributeChange(attribute: "target", type: .number, old: .number(500), new: .number(800))
      ])

    let text = diff.text(language: .en)
    #expect(
      text == """
        added field F6 "氢能与储能, H₂"
          note: "新增"
        changed goal G101 "T1000 级碳纤维工程化"
          target: 500 → 800
        removed measure M103 "知识产权共享与运营服务"
          phase: P1
          consortium: K1
          instrument: ip
          funder: provincial
          amount: 500
          agency: "吉林省知识产权局"
          start: 2025-01

        3 differences: 1 added, 1 removed, 1 changed

        """)
    #expect(diff.text(language: .zh).hasSuffix("共 3 处不同：新增 1 个，删除 1 个，修改 1 个\n"))
    // Kinds and keyword values by their Chinese names (issue 17 item 7).
    #expect(diff.text(language: .zh).hasPrefix("新增 候选领域 F6"))
    #expect(diff.text(language: .zh).contains("  instrument: 知识产权\n  funder: 省级\n"))

    let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.json().utf8)) as? [String: Any])
    #expect(json["equal"] as? Bool == false)
    #expect(json["differences"] as? Int == 3)
    let changes = try #require(json["changes"] as? [[String: Any]])
    #expect(changes.map { $0["change"] as? String } == ["added", "changed", "removed"])
    #expect(changes.map { $0["kind"] as? String } == ["field", "goal", "measure"])
    #expect(changes.map { $0["key"] as? String } == ["F6", "G101", "M103"])
    let attributes = try #require(changes[1]["attributes"] as? [[String: Any]])
    #expect(attributes.count == 1)
    #expect(attributes[0]["attribute"] as? String == "target")
    #expect(attributes[0]["old"] as? Int == 500)
    #expect(attributes[0]["new"] as? Int == 800)
    #expect(
      changes[2]["statement"] as? String
        == "add measure M103 \"知识产权共享与运营服务\" phase P1 consortium K1 instrument ip funder provincial amount 500 agency \"吉林省知识产权局\" start 2025-01"
    )
  }

  @Test func equalPlansHaveNoDifference() throws {
    let diff = PlanDiff.compare(try ExportFixtures.jilin(), try ExportFixtures.jilin())
    #expect(diff.isEmpty)
    #expect(diff.text(language: .en) == "")
    #expect(diff.json() == "{\"equal\": true, \"differences\": 0, \"changes\": []}\n")
  }

  /// Statement order, where a statement stands, and defaults written out make no difference.
  @Test func layoutAndExplicitDefaultsAreNotDifferences() throws {
    let a = try PlanLoader.load(
      bytes: Array(
        """
        # cplan plan 1
        add phase P1 "一期" period 2025..2026
        add goal G1 "目标" phase P1 category tech direction up
        set plan currency 万元 title "T"
        """.utf8), file: "a.plan")
    let b = try PlanLoader.load(
      bytes: Array(
        """
        # cplan plan 1
        set plan title "T"

        add goal G1 "目标" phase P1
        add phase P1 "一期" period 2025..2026
        """.utf8), file: "b.plan")
    #expect(PlanDiff.compare(a, b).isEmpty)
  }

  @Test func settingsNamesAndClearedAttributesAreChanges() throws {
    let a = try PlanLoader.load(
      bytes: Array(
        """
        # cplan plan 1
        set plan title "旧" gov-share-warn 30%
        add field F1 "领域" note "备注"
        """.utf8), file: "a.plan")
    let b = try PlanLoader.load(
      bytes: Array(
        """
        # cplan plan 1
        set plan title "新" gov-share-warn 25%
        add field F1 "新名称"
        """.utf8), file: "b.plan")
    let text = PlanDiff.compare(a, b).text(language: .en)
    #expect(
      text == """
        changed plan
          title: "旧" → "新"
          gov-share-warn: 30% → 25%
        changed field F1 "新名称"
          name: "领域" → "新名称"
          note: "备注" → none

        2 differences: 0 added, 0 removed, 2 changed

        """)
    let json = PlanDiff.compare(a, b).json()
    #expect(json.contains("{\"attribute\": \"gov-share-warn\", \"old\": 0.3, \"new\": 0.25}"))
    #expect(json.contains("{\"attribute\": \"note\", \"old\": \"备注\", \"new\": null}"))
  }

  @Test func goldenDiffOfTheJilinPlan() throws {
    let diff = PlanDiff.compare(try ExportFixtures.jilin(), try Self.editedJilin())
    assertSnapshot(diff.text(language: .en), named: "jilin-diff.en.txt")
    assertSnapshot(diff.text(language: .zh), named: "jilin-diff.zh.txt")
    assertSnapshot(diff.json(), named: "jilin-diff.json")
  }
}
