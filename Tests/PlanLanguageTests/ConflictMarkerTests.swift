import Testing

@testable import PlanLanguage

/// Merge-conflict markers (SPEC §14): each marker line is an error (E017) at its line, column 1;
/// the base and theirs versions of the statement are parsed but not handed on.
@Suite struct ConflictMarkerTests {
  static let conflicted = """
    add field F1 "碳纤维"
    <<<<<<< ours
    add org jlu "吉林大学" type university
    ||||||| base
    add org jlu "吉林大学"
    =======
    add org jlu "吉林大学" type institute
    >>>>>>> theirs
    add org jcfc "吉林化纤集团"

    """

  @Test func eachMarkerIsAnErrorAtItsLineAndOnlyOursIsHandedOn() {
    let result = Parser.parse(Self.conflicted, file: "p.plan")
    #expect(result.diagnostics.map(\.code) == ["E017", "E017", "E017", "E017"])
    #expect(result.diagnostics.map { $0.location?.line } == [2, 4, 6, 8])
    #expect(result.diagnostics.allSatisfy { $0.location?.column == 1 && $0.length == 7 })
    #expect(result.diagnostics[0].message.en == "unresolved merge conflict ('<<<<<<<' marker)")
    #expect(result.diagnostics[0].message.zh == "未解决的合并冲突（'<<<<<<<' 标记）")
    #expect(result.diagnostics[0].notes.count == 1)  // the hint, once per conflict
    #expect(result.diagnostics[2].message.en == "unresolved merge conflict ('=======' marker)")
    #expect(result.diagnostics[2].notes.isEmpty)
    #expect(result.commands.map { $0.verbToken.location.line } == [1, 3, 9])
  }

  @Test func aChunkedParseHandsOnWhatAWholeParseDoes() {
    var lines: [Int] = []
    Array(Self.conflicted.utf8).withUnsafeBufferPointer { chunk in
      _ = Parser.parseChunk(chunk, file: "p.plan", firstLine: 1, last: true) { event in
        if case .command(let c) = event { lines.append(c.verbToken.location.line) }
        return true
      }
    }
    #expect(lines == [1, 3, 9])
  }

  /// Only seven marker characters at the start of a line, then a blank, a label or the line's
  /// end, make a marker; anything else is the unexpected character it always was.
  @Test(arguments: [
    ("  <<<<<<< ours", "E003", 3), ("<<<<<<<< ours", "E003", 1), ("<<<<<< ours", "E003", 1),
    ("<<<<<<<ours", "E003", 1), ("add field F1 \"x\" =======", "E003", 18), (">>>>>>>", "E017", 1),
    ("=======\t", "E017", 1), ("<<<<<<< ours\r", "E017", 1),
  ])
  func onlyWholeMarkersAtALineStart(_ input: (String, String, Int)) throws {
    let d = try #require(Parser.parse(input.0, file: "t").diagnostics.first)
    #expect(d.code == input.1)
    #expect(d.location?.column == input.2)
  }

  /// A separator or closing marker with no opening one is an error too, and hides nothing.
  @Test func aLoneSeparatorHidesNothing() {
    let result = Parser.parse("=======\nadd field F1 \"x\"\n>>>>>>> theirs\n", file: "t")
    #expect(result.diagnostics.map(\.code) == ["E017", "E017"])
    #expect(result.commands.count == 1)
  }
}
