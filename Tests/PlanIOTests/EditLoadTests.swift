import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// A plan file read as an edit of its base file (``PlanLoader/load(bytes:file:asEditOf:baseLines:)``,
/// how `cplan merge` reads its sides): only the lines that differ are parsed, and the plan is the
/// one loading the whole file gives (compared as the canonical text), or the file is left to the
/// loader (`nil`) whenever reading it so could differ.
@Suite struct EditLoadTests {
  static func edited(_ text: String, base: String) -> Plan? {
    let bytes = Array(base.utf8)
    guard let lines = PlanLoader.StatementLines(bytes), let plan = try? PlanLoader.load(bytes: bytes, file: "base.plan")
    else { return nil }
    return PlanLoader.load(bytes: Array(text.utf8), file: "side.plan", asEditOf: plan, baseLines: lines)
  }

  static func whole(_ text: String) -> Plan? { try? PlanLoader.load(bytes: Array(text.utf8), file: "side.plan") }

  /// `base` with `edits` made (as ``MergeTests/side(_:)`` makes them of its base).
  static func side(of base: String, _ edits: [LineEdit]) -> String {
    var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for edit in edits {
      switch edit {
      case .replace(let prefix, let line): lines[lines.firstIndex { $0.hasPrefix(prefix) }!] = line
      case .remove(let prefix): lines.removeAll { $0.hasPrefix(prefix) }
      case .add(let line): lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Every side of the merge table read as an edit of its base gives the plan loading gives.
  @Test(arguments: MergeTests.cases)
  func theMergeTablesSidesReadAsEditsLoadAsWholeFilesDo(c: MergeCase) {
    for edits in [c.ours, c.theirs] {
      let text = MergeTests.side(edits)
      guard let edited = Self.edited(text, base: MergeTests.base) else { continue }
      #expect(PlanWriter.write(edited) == Self.whole(text).map { PlanWriter.write($0) })
    }
  }

  static let m101 = "add measure M101 "
  static let newMeasure =
    "add measure M199 \"新措施\" phase P1 consortium K1 instrument grant funder provincial amount 10 agency \"x\" start 2025-01"

  /// Edits of the Jilin sample: read as edits (`true`), each to the plan loading gives; or left
  /// to the loader: a referenced org removed, an unknown org, a duplicate, the settings changed,
  /// a string over two lines.
  @Test(
    arguments: [
      ([.replace(m101, try! jilinLine(m101).replacingOccurrences(of: "amount 3000", with: "amount 3500"))], true),
      ([.remove("add measure M102 ")], true),
      ([.add(newMeasure)], true),
      ([.replace(m101, try! jilinLine(m101).replacingOccurrences(of: "M101 ", with: "M101x "))], true),
      ([.remove("add org cfsme ")], false),
      ([.add("add member K1 nosuch role core")], false),
      ([.add("add measure M101 \"again\" phase P1")], false),
      ([.replace("set plan ", "set plan title \"新\"")], false),
      ([.add("add field F99 \"多\n行\"")], false),
    ] as [([LineEdit], Bool)])
  func editsOfTheSample(edits: [LineEdit], taken: Bool) throws {
    let base = try String(contentsOfFile: ExportFixtures.jilinPath, encoding: .utf8)
    let text = Self.side(of: base, edits)
    #expect(text != base)
    let edited = Self.edited(text, base: base)
    #expect((edited != nil) == taken)
    if let edited { #expect(PlanWriter.write(edited) == Self.whole(text).map { PlanWriter.write($0) }) }
  }

  static func jilinLine(_ prefix: String) throws -> String {
    let base = try String(contentsOfFile: ExportFixtures.jilinPath, encoding: .utf8)
    return base.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
  }
}
