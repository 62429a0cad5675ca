import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The exports in the order a planner reads them (issue 17 items 9, 10 and 19): consortia in
/// their fields' priority order also after save and reopen, the chain position on every member
/// row of a Markdown table, a goal's checkpoints beside it, and which weights are in force.
@Suite struct ExportOrderTests {
  /// Two fields on one criterion (direct weight 1): 光伏 9 ranks first, 储能 5 second. The
  /// top field's consortium 光伏联合体 sorts after 储能联合体 in Unicode order (光 U+5149 >
  /// 储 U+50A8), which is the file's canonical order.
  static let text = """
    # cplan plan 2
    add criterion C1 "c" weight 1
    add field 储能 "储能"
    add field 光伏 "光伏"
    add score 光伏 C1 9
    add score 储能 C1 5
    add consortium 储能联合体 "储能创新联合体" field 储能
    add consortium 光伏联合体 "光伏创新联合体" field 光伏
    add org o1 "一" type enterprise
    add org o2 "二" type university
    add org o3 "三" type institute
    add member 光伏联合体 o1 role lead chain platform
    add member 光伏联合体 o2 role core chain platform
    add member 光伏联合体 o3 chain platform
    add phase P1 "p" period 2025..2026
    add goal G1 "g" phase P1 consortium 光伏联合体 baseline 0 target 10
    add checkpoint G1 2025 4

    """

  static func plan() throws -> Plan { try PlanLoader.load(bytes: Array(text.utf8), file: "order.plan") }

  static func export(_ plan: Plan, _ format: ExportFormat) -> String {
    Exporter.export(plan, format: format, options: ExportOptions(language: .en, width: 100))
  }

  /// Where `a` and `b` first occur in `text`, for an order check.
  static func precedes(_ a: String, _ b: String, in text: String) -> Bool {
    guard let i = text.range(of: a)?.lowerBound, let j = text.range(of: b)?.lowerBound else { return false }
    return i < j
  }

  @Test(arguments: [ExportFormat.text, .markdown, .html, .json])
  func theTopPriorityConsortiumComesFirstAfterSaveAndReopen(format: ExportFormat) throws {
    let plan = try Self.plan()
    // The file order (natural key order) puts 储能联合体 first; saving keeps it so.
    let saved = PlanWriter.write(plan)
    #expect(Self.precedes("add consortium 储能联合体", "add consortium 光伏联合体", in: saved))
    let reopened = try PlanLoader.load(bytes: Array(saved.utf8), file: "order.plan")
    for p in [plan, reopened] {
      let out = Self.export(p, format)
      let (top, second) = format == .json ? ("\"id\": \"光伏联合体\"", "\"id\": \"储能联合体\"") : ("光伏创新联合体", "储能创新联合体")
      #expect(Self.precedes(top, second, in: out), "\(format)")
    }
  }

  @Test func markdownRepeatsTheChainPositionAndShowsCheckpoints() throws {
    let out = Self.export(try Self.plan(), .markdown)
    // Three members, all at the platform: the lead first, then core, then member, each row
    // with its chain position (a blank cell would read as "no position").
    #expect(
      out.contains(
        "| platform | o1 | 一 | enterprise | lead ★ |\n| platform | o2 | 二 | university | core |\n| platform | o3 | 三 | institute | member |\n"
      ), "\(out)")
    // G1's checkpoint 4 in 2025 beside it.
    #expect(out.contains("| Checkpoints |"), "\(out)")
    #expect(out.contains("| 2025: 4 |"), "\(out)")
    // The text export keeps its grouped layout: the position on the group's first row only.
    let text = Self.export(try Self.plan(), .text)
    #expect(text.components(separatedBy: "platform").count - 1 == 1, "\(text)")
  }

  @Test func jsonSaysWhichWeightsAreInForce() throws {
    let direct = Self.export(try Self.plan(), .json)
    #expect(
      direct.contains("\"method\": \"weighted\",\n    \"weighting\": \"direct\",\n    \"weights\": {"), "\(direct)")
    let ahp = Self.export(try ExportFixtures.jilin(), .json)
    #expect(ahp.contains("\"weighting\": \"ahp\",\n    \"weights\": {"))
  }
}
