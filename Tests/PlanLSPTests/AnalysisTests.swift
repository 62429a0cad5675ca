import Foundation
import PlanLanguage
import Testing

@testable import PlanLSP

/// A document's analysis after one-line edits: whether it took the edit without reloading the
/// text, and that its findings are always those of a fresh analysis of the same text (what
/// `cplan check` of it finds). An `add` line edited into a syntax error is taken in place, what
/// refers to its entity reported with it, unless that cascades (issue 16: diagnostics within
/// 100 ms on a 10,000-consortium plan).
@Suite struct AnalysisTests {
  static let text = """
    # cplan plan 2
    add criterion C1 "链" weight 1
    add field F1 "一"
    add org O1 "企业" type enterprise
    add consortium K1 "联合体" field F1 period 2025..2027
    add member K1 O1 role lead
    add phase P1 "期" period 2025..2026
    add goal G1 "甲" phase P1 consortium K1 indicator "产能" unit "吨" baseline 0 target 500
    add goal G2 "乙" phase P1 consortium K1 indicator "产能" unit "吨" baseline 0 target 40 after G1
    """

  /// The 0-based lines of K1 (G1 and G2 need it), G1 (referred to by G2's `after`) and G2
  /// (referred to by nothing).
  static let k1 = 4
  static let g1 = 7
  static let g2 = 8

  /// Findings as `code line:column`.
  static func described(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message.en)" }
  }

  /// Replaces line `line` of the open document by `newText` (one incremental change) and
  /// analyses it; checks its findings against a fresh analysis of the same text.
  /// - Returns: whether the analysis took the edit in place, and its findings.
  static func edit(_ open: OpenDocument, line: Int, to newText: String) -> (incremental: Bool, findings: [String]) {
    let old = open.document.lines[line]
    open.document.replace(
      TextRange(start: Position(line: line, character: 0), end: Position(line: line, character: old.utf16.count)),
      with: newText)
    open.analyse()
    let fresh = OpenDocument(uri: "file:///t.plan", version: 1, text: open.document.text)
    fresh.analyse()
    #expect(described(open.analysis.diagnostics) == described(fresh.analysis.diagnostics), "after: \(newText)")
    return (open.analysis.lastWasIncremental, described(open.analysis.diagnostics))
  }

  static func line(_ i: Int) -> String { text.split(separator: "\n")[i].description }

  /// The 1-based column of `needle` in line `i` of the text (scalars).
  static func column(of needle: String, inLine i: Int) -> Int {
    let l = line(i)
    let r = l.range(of: needle)!
    return l.unicodeScalars.distance(from: l.startIndex, to: r.lowerBound) + 1
  }

  @Test func aSyntaxErrorOnAnUnreferencedAddLineIsTakenInPlaceAndFixedInPlace() {
    let open = OpenDocument(uri: "file:///t.plan", version: 1, text: Self.text)
    open.analyse()
    let g2 = Self.line(Self.g2)
    let column = Self.column(of: "40 after", inLine: Self.g2)
    // Broken: the malformed number is the one finding (E005 at its column), without a reload.
    let broken = Self.edit(open, line: Self.g2, to: g2.replacingOccurrences(of: "target 40", with: "target 4@0"))
    #expect(broken.incremental)
    #expect(broken.findings == ["E005 9:\(column) malformed number '4@0'"])
    // Broken otherwise, still in place.
    let again = Self.edit(open, line: Self.g2, to: g2.replacingOccurrences(of: "target 40", with: "target 4@@0"))
    #expect(again.incremental)
    #expect(again.findings.count == 1 && again.findings[0].hasPrefix("E005 9:\(column) "))
    // A value changed on another line meanwhile: still only the broken line's error.
    let other = Self.edit(open, line: Self.g1, to: Self.line(Self.g1).replacingOccurrences(of: "500", with: "600"))
    #expect(other.incremental)
    #expect(other.findings == again.findings)
    // Fixed with a new value: in place, and the plan is the text's (the fresh analysis agrees).
    let fixed = Self.edit(open, line: Self.g2, to: g2.replacingOccurrences(of: "target 40", with: "target 45"))
    #expect(fixed.incremental)
    #expect(!fixed.findings.contains { $0.hasPrefix("E") })
  }

  /// A line whose entity others need, and that they need in turn (the failures cascade), a line
  /// that goes on to the next, or a string left open: the text is reloaded.
  @Test(arguments: [
    (k1, "field F1", "field F1 @"),  // G1 needs K1, and G2 names G1
    (g2, "target 40 after G1", "target 4@0 \\"),  // continued on the next line
    (g2, "target 40 after G1", "target \"40"),  // a string left open
  ])
  func otherSyntaxErrorsReload(line: Int, old: String, new: String) {
    let open = OpenDocument(uri: "file:///t.plan", version: 1, text: Self.text)
    open.analyse()
    let result = Self.edit(open, line: line, to: Self.line(line).replacingOccurrences(of: old, with: new))
    #expect(!result.incremental)
    #expect(!result.findings.isEmpty)
  }

  /// G1 broken: G2's `after G1` fails with it (E103, the suggestion from the goals left), in place.
  @Test func aBrokenLineOthersReferToIsTakenInPlaceWithTheirErrors() {
    let open = OpenDocument(uri: "file:///t.plan", version: 1, text: Self.text)
    open.analyse()
    let g1 = Self.edit(
      open, line: Self.g1, to: Self.line(Self.g1).replacingOccurrences(of: "target 500", with: "target 5@0"))
    #expect(g1.incremental)
    // `after G1` ends G2's line: the error is at G1 there.
    let after = Self.column(of: "after G1", inLine: Self.g2) + "after ".count
    #expect(g1.findings.count == 2, "\(g1.findings)")
    #expect(g1.findings.last?.hasPrefix("E103 9:\(after) unknown goal 'G1'") == true, "\(g1.findings)")
  }

  /// G2 broken, then G1 edited to name G2 in its `after`: G1's line fails too (unknown goal G2).
  @Test func aReferenceMadeToABrokenLinesEntityIsReportedInPlace() {
    let open = OpenDocument(uri: "file:///t.plan", version: 1, text: Self.text)
    open.analyse()
    let g2 = Self.line(Self.g2)
    #expect(
      Self.edit(open, line: Self.g2, to: g2.replacingOccurrences(of: "target 40", with: "target 4@0")).incremental)
    let g1 = Self.edit(open, line: Self.g1, to: Self.line(Self.g1) + " after G2")
    #expect(g1.incremental)
    #expect(g1.findings.count == 2 && g1.findings[0].hasPrefix("E103 8:"), "\(g1.findings)")
  }
}
