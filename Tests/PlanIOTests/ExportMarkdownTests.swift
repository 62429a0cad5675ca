import Testing

@testable import PlanIO

/// SPEC §9 markdown: headings and pipe tables whose cells never break the table.
@Suite struct ExportMarkdownTests {
  /// Cells of a pipe table row: split at `|` not escaped by a backslash.
  func cells(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for ch in line {
      if escaped { escaped = false; continue }
      if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
    }
    return count - 1
  }

  @Test(arguments: ExportFixtures.planNames)
  func everyTableRowHasTheHeadersCells(plan name: String) throws {
    let markdown = Exporter.export(try ExportFixtures.plan(name), format: .markdown, options: ExportOptions())
    var inFence = false
    var columns: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") { inFence.toggle(); continue }
      guard !inFence else { continue }
      if line.hasPrefix("|") {
        if let columns { #expect(cells(line) == columns, "\(line)") } else { columns = cells(line) }
      } else {
        columns = nil
      }
    }
    #expect(markdown.hasPrefix("# "))
    #expect(markdown.contains("\n## "))
  }

  @Test func markupInPlanTextIsEscaped() {
    #expect(MarkdownExport.escape("a|b *c* <d> [e](f) & g\nh") == "a\\|b \\*c\\* \\<d\\> \\[e\\](f) &amp; g<br>h")
  }
}
