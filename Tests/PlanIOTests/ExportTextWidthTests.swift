import PlanLanguage
import Testing

@testable import PlanIO

/// SPEC §9: the text export's tables align by display width, so every line of a table has the
/// same width — with Chinese, Latin, combining marks, quotes and newlines in the cells — and
/// with `--width N` no line is wider than N.
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
  func everyLineOfEveryTableHasTheSameWidth(_ c: Case) throws {
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
      #expect(widths.count == 1, "lines of different widths \(widths.sorted()):\n\(rendered)")
      #expect(widths.allSatisfy { $0 <= limit }, "wider than \(limit):\n\(rendered)")
    }
    for line in whole.split(separator: "\n") {
      #expect(DisplayWidth.width(line) <= limit, "line wider than \(limit): \(line)")
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
