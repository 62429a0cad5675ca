import PlanLanguage
import Testing

@testable import PlanIO

/// SPEC §9: the text export's tables align by display width — with Chinese, Latin, combining
/// marks, quotes and newlines in the cells — with `--width N` no line is wider than N, and no
/// line ends in spaces (issue 17 item 16).
@Suite struct ExportTextWidthTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var plan: String
    var language: MessageLanguage
    var width: Int?
    var ascii: Bool
    var testDescription: String {
      "\(plan) \(language.rawValue) width \(width.map(String.init) ?? "default") \(ascii ? "ascii" : "unicode")"
    }
  }

  static let cases: [Case] = ExportFixtures.planNames.flatMap { plan in
    MessageLanguage.allCases.flatMap { language in
      [nil, 60, 40].flatMap { width in
        [false, true].map { Case(plan: plan, language: language, width: width, ascii: $0) }
      }
    }
  }

  @Test(arguments: cases)
  func everyTableFitsAndNoLineEndsInASpace(_ c: Case) throws {
    let plan = try ExportFixtures.plan(c.plan)
    let export = TextExport(
      roadmap: Roadmap(plan), options: ExportOptions(language: c.language, width: c.width, ascii: c.ascii))
    let whole = export.render()
    let limit = c.width ?? 100
    #expect(export.tables.count >= 10)
    for table in export.tables {
      let rendered = table.render()
      // The table stands in the export as it renders alone.
      #expect(whole.contains(rendered))
      let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      let widths = Set(lines.map { DisplayWidth.width($0) })
      // Columns are padded to align; the widest line is the table's width, none wider, and
      // no line is padded out with trailing spaces.
      #expect(widths.max() == table.width, "lines of widths \(widths.sorted()):\n\(rendered)")
      #expect(widths.allSatisfy { $0 <= limit }, "wider than \(limit):\n\(rendered)")
    }
    for line in whole.split(separator: "\n") {
      #expect(DisplayWidth.width(line) <= limit, "line wider than \(limit): \(line)")
      #expect(line.last != " ", "line ends in a space: '\(line)'")
    }
  }

  /// The tricky plan's cells really hold what the test is about.
  @Test func theCellsHoldCJKLatinAndCombiningCharacters() throws {
    let export = TextExport(roadmap: Roadmap(try ExportFixtures.tricky()), options: ExportOptions(width: 60))
    let cells = export.tables.flatMap { $0.rows.joined() }.joined(separator: "\u{1}")
    #expect(cells.unicodeScalars.contains("\u{0303}"))  // q̃: a combining tilde
    #expect(cells.unicodeScalars.contains("\u{0304}"))  // x̄: a combining macron
    #expect(cells.contains("吉林大学") && cells.contains("Université"))
    #expect(cells.contains("\n"))  // a name with a newline
  }
}

/// Issue 17 item 16: at the default 100 columns the text export broke Chinese IDs in the middle
/// ("储能联合 / 体") and left a lone "）" on a line.
@Suite struct ExportTextIDTests {
  /// A Jiangsu plan with Chinese IDs and long Chinese names (also printed by `HTMLPrintIntegration`).
  static let plan = #"""
    # cplan plan 1
    set plan title "江苏省创新联合体规划（2025—2030年），新型储能、集成电路与生物医药三大领域的联合攻关与成果转化" horizon 2025..2030
    add criterion 产业链 "产业链基础" weight 0.6
    add criterion 领军 "领军企业" weight 0.4
    add field 储能领域 "新型储能（锂电、钠电与液流电池）"
    add score 储能领域 产业链 9
    add score 储能领域 领军 8
    add org 宁德时代江苏 "宁德时代新能源科技（江苏）有限公司，动力电池与储能系统的龙头企业" type enterprise
    add org 南大 "南京大学（现代工程与应用科学学院、化学化工学院）" type university
    add consortium 储能联合体 "江苏省新型储能产业创新联合体（锂电、钠电、液流电池与系统集成）" field 储能领域 period 2025..2030
    add member 储能联合体 宁德时代江苏 role lead chain midstream
    add member 储能联合体 南大 role core chain upstream
    add phase 攻关期 "关键技术突破阶段（材料、电芯与系统）" period 2025..2027
    add goal 能量密度目标 "钠离子电池单体能量密度达到每千克一百六十瓦时以上（量产电芯，第三方检测）" phase 攻关期 consortium 储能联合体 indicator "单体能量密度（量产电芯）" unit "Wh/kg" baseline 120 target 160
    add measure 揭榜项目 "实施“揭榜挂帅”项目，支持联合体开展钠离子电池正极材料与电解液的联合攻关（省级科技计划）" phase 攻关期 consortium 储能联合体 instrument grant funder provincial amount 3000 agency "江苏省科学技术厅（高新技术发展及产业化处）"
    add funding 储能联合体 攻关期 provincial 3000
    add funding 储能联合体 攻关期 enterprise 9000
    """#

  @Test(arguments: [nil, 80, 60] as [Int?])
  func noIDIsSplitAndNoLineStartsWithClosingPunctuation(width: Int?) throws {
    let plan = try PlanLoader.load(bytes: Array(Self.plan.utf8), file: "js.plan")
    let text = TextExport(roadmap: Roadmap(plan), options: ExportOptions(language: .zh, width: width)).render()
    let ids = ["储能联合体", "宁德时代江苏", "能量密度目标", "揭榜项目", "储能领域", "南大", "攻关期"]
    // Where nothing wraps, every ID is whole: it must occur as often at the width under test.
    let unwrapped = TextExport(roadmap: Roadmap(plan), options: ExportOptions(language: .zh, width: 10_000)).render()
    for id in ids {
      let count = unwrapped.components(separatedBy: id).count - 1
      #expect(count >= 1, "\(id) is printed")
      #expect(text.components(separatedBy: id).count - 1 == count, "\(id) split:\n\(text)")
    }
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      if let first = trimmed.first { #expect(!"）」，。、：；".contains(first), "line starts with '\(first)': \(line)") }
      #expect(line.last != " ", "line ends in a space: '\(line)'")
    }
  }
}
