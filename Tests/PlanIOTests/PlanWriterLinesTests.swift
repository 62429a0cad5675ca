import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The line the writer reports for each statement (``PlanWriter/write(_:pieceSize:emit:lines:)``,
/// which `save` uses to locate the plan at the saved file's lines, issue 17 item 15) is the line
/// of the text that holds that statement: read back from the text itself, for a plan with a
/// preamble and for small pieces that split the text anywhere.
@Suite struct PlanWriterLinesTests {
  @Test(arguments: ExportFixtures.planNames, [1 << 18, 64])
  func everyReportedLineHoldsItsStatement(plan name: String, pieceSize: Int) throws {
    let plan = try ExportFixtures.plan(name)
    var text = ""
    var lines: [PlanWriter.StatementLine] = []
    PlanWriter.write(plan, pieceSize: pieceSize, emit: { text += $0 }, lines: &lines)
    #expect(text == PlanWriter.write(plan))
    let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // One statement each: `set plan` and every entity.
    #expect(lines.count == 1 + plan.tables.reduce(0) { $0 + $1.count })
    for l in lines {
      let line = fileLines[l.line - 1]
      if let kind = l.kind, let key = l.key, let entity = plan[kind][key] {
        #expect(line == PlanWriter.statement(entity), "\(l)")
      } else {
        #expect(line.hasPrefix("set plan "), "\(l)")
      }
    }
    // The Jilin file has a preamble of comment lines: the first statement comes after it.
    if name == "jilin" { #expect(lines[0].line == 2 + plan.preamble.count) }
  }
}
