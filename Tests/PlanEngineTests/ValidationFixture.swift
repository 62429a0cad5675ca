import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// A small plan that breaks no rule at all, and helpers to change it one statement at a time.
///
/// Two consortia (K1 on the top field F1; K2 on F2, below `cutoff 1` but justified), three phases
/// covering the horizon (P3 plan-wide only: both consortia end in 2028), fields whose scores
/// differ so clearly that neither the method nor a ±10% weight move changes the top.
enum ValidationFixture {
  static let text = """
    # cplan plan 1
    set plan title "测试计划" region "吉林省" horizon 2025..2030 cutoff 1
    add criterion C1 "产业链基础" tag chain weight 0.4
    add criterion C2 "领军企业" tag leader weight 0.3
    add criterion C3 "科教资源" tag science weight 0.3
    add field F1 "新能源汽车"
    add field F2 "碳纤维" justification "省级战略性新兴产业"
    add field F3 "高端化工"
    add score F1 C1 9
    add score F1 C2 9
    add score F1 C3 9
    add score F2 C1 6
    add score F2 C2 6
    add score F2 C3 6
    add score F3 C1 3
    add score F3 C2 3
    add score F3 C3 3
    add org faw "一汽" type enterprise size large rd-intensity 5%
    add org jcf "吉林化纤" type enterprise size large rd-intensity 4%
    add org petro "吉林石化" type enterprise size large
    add org crrc "中车长客" type enterprise size large
    add org sme1 "零部件企业" type enterprise size small
    add org sme2 "复材企业" type enterprise size medium
    add org jlu "吉林大学" type university
    add org ciac "长春应化所" type institute
    add consortium K1 "汽车联合体" field F1 period 2025..2028 ip-strategy yes
    add consortium K2 "碳纤维联合体" field F2 period 2025..2028
    add member K1 faw role lead chain downstream
    add member K1 petro role core chain upstream
    add member K1 sme1 chain midstream
    add member K1 crrc chain application
    add member K1 jlu role core chain platform
    add member K2 jcf role lead chain midstream
    add member K2 petro role core chain upstream
    add member K2 sme2 chain midstream
    add member K2 crrc chain downstream
    add member K2 ciac role core chain platform
    add phase P1 "攻关期" period 2025..2026
    add phase P2 "产业化期" period 2027..2028
    add phase P3 "生态期" period 2029..2030
    add goal G1 "整车技术攻关" phase P1 consortium K1 indicator "装车量" unit 万辆 baseline 1 target 5
    add goal G2 "整车规模化" phase P2 consortium K1 indicator "装车量" unit 万辆 baseline 5 target 20 after G1
    add goal G3 "研发人才" phase P1 consortium K1 category talent indicator "研发人员" unit 人 baseline 100 target 300 after G1
    add goal G4 "复材技术攻关" phase P1 consortium K2 indicator "复材占比" unit "%" baseline 20 target 30
    add goal G5 "复材规模化" phase P2 consortium K2 indicator "复材占比" unit "%" baseline 30 target 40 after G4
    add goal G9 "产业生态" phase P3 category ecosystem indicator "联合体数量" unit 个 baseline 2 target 4
    add measure M1 "揭榜挂帅" phase P1 consortium K1 instrument grant funder provincial amount 1000 agency "省科技厅" start 2025-01
    add measure M2 "人才激励" phase P1 consortium K1 instrument talent funder enterprise amount 500 agency "一汽" start 2025-01
    add measure M3 "首台套后补助" phase P2 consortium K1 instrument subsidy funder provincial amount 1000 agency "省工信厅" start 2026-10
    add measure M4 "揭榜挂帅" phase P1 consortium K2 instrument grant funder municipal amount 800 agency "市科技局" start 2025-01
    add measure M5 "人才激励" phase P1 consortium K2 instrument talent funder enterprise amount 300 agency "吉林化纤" start 2025-01
    add measure M6 "知识产权运营" phase P2 consortium K2 instrument ip funder provincial amount 500 agency "省知识产权局" start 2026-10
    add measure M7 "公共服务平台" phase P3 instrument platform funder provincial amount 200 agency "省科技厅" start 2028-10
    add funding K1 P1 enterprise 8000
    add funding K1 P1 provincial 1000
    add funding K1 P2 enterprise 8000
    add funding K1 P2 provincial 1000
    add funding K2 P1 enterprise 5000
    add funding K2 P1 municipal 800
    add funding K2 P2 enterprise 5000
    add funding K2 P2 provincial 500

    """

  /// The clean plan, loaded as the file `fixture.plan`.
  static func plan() throws -> Plan {
    try load(text, file: "fixture.plan")
  }

  /// The clean plan after `edits`, applied in order as shell commands of the source `<edit>`
  /// (line n is the n-th edit).
  static func plan(_ edits: [String]) throws -> Plan {
    var plan = try plan()
    try apply(edits, to: &plan)
    return plan
  }

  /// Loads plan-file text.
  static func load(_ text: String, file: String) throws -> Plan {
    do {
      return try PlanLoader.load(bytes: Array(text.utf8), file: file)
    } catch {
      throw FixtureError.load(error.diagnostics.map { "\($0.code) \($0.message.en)" })
    }
  }

  /// Applies shell commands to `plan`.
  static func apply(_ edits: [String], to plan: inout Plan) throws {
    let parsed = Parser.parse(edits.joined(separator: "\n") + "\n", file: "<edit>")
    guard parsed.diagnostics.isEmpty else { throw FixtureError.load(parsed.diagnostics.map(\.message.en)) }
    for command in parsed.commands {
      do {
        try plan.apply(command)
      } catch {
        throw FixtureError.load(["\(error.code) \(error.message.en)"])
      }
    }
  }

  /// Diagnostics as `code message` lines, for failure messages.
  static func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.code) \($0.message.en)" }.joined(separator: "\n")
  }

  /// The rule codes of a validation, as a set.
  static func codes(_ plan: Plan) -> Set<String> {
    Set(Engine.validate(plan).map(\.code))
  }
}

enum FixtureError: Error, CustomStringConvertible {
  case load([String])
  var description: String {
    switch self {
    case .load(let lines): "fixture does not load: " + lines.joined(separator: "; ")
    }
  }
}
