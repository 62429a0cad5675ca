import Testing

@testable import PlanLSP

/// A document's lines, its UTF-16 positions and incremental edits (LSP 3.17 `Position`).
@Suite struct DocumentTests {
  func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> TextRange {
    TextRange(start: Position(line: l1, character: c1), end: Position(line: l2, character: c2))
  }

  @Test(arguments: [
    // (text, edit range, new text, expected text, lines moved)
    ("ab😀cd\nxy", [0, 2, 0, 4], "Z", "abZcd\nxy", false),  // the emoji is 2 units: replaced whole
    ("ab😀cd\nxy", [0, 3, 0, 3], "Z", "abZ😀cd\nxy", false),  // inside the pair: before the emoji
    ("吉林\nxy", [0, 99, 0, 99], "!", "吉林!\nxy", false),  // past the end of the line: its end
    ("吉林\nxy", [5, 0, 5, 0], "!", "吉林\nxy!", false),  // past the last line: the end of the text
    ("a\nb\nc", [0, 1, 2, 0], "-", "a-c", true),
    ("a\nb", [1, 0, 1, 0], "x\ny\n", "a\nx\ny\nb", true),
  ])
  func edits(_ text: String, _ r: [Int], _ newText: String, _ expected: String, _ moved: Bool) {
    var d = Document(uri: "u", version: 1, text: text)
    d.markAnalysed()
    d.replace(range(r[0], r[1], r[2], r[3]), with: newText)
    #expect(d.text == expected)
    #expect(d.linesMoved == moved)
    #expect(d.editedLines.isEmpty == moved)
  }

  @Test func scalarColumnsBecomeUTF16Offsets() {
    let d = Document(uri: "u", version: 1, text: "x\nadd org thu \"清华大学😀\" type universityx")
    // `universityx` starts at scalar column 26 (13 ASCII + 4 CJK + 1 emoji + 7 before it), which
    // is UTF-16 offset 26 (the emoji takes 2 units), and is 11 scalars (11 units) long.
    #expect(d.range(line: 2, column: 26, length: 11) == range(1, 26, 1, 37))
    #expect(d.scalarColumn(Position(line: 1, character: 26)) == 26)
  }

  @Test func remembersTheTextOfAnEditedLineOnce() {
    var d = Document(uri: "u", version: 1, text: "one\ntwo")
    d.markAnalysed()
    d.replace(range(1, 0, 1, 1), with: "T")
    d.replace(range(1, 1, 1, 2), with: "W")
    #expect(d.editedLines == [1: "two"])
    #expect(d.lines == ["one", "TWo"])
  }

  @Test(arguments: [
    ("Content-Length: 42", 42), ("content-length:7", 7), ("}{junk}Content-Length: 12", 12), ("Content-Type: x", nil),
    ("Content-Length: ", nil),
  ])
  func contentLengthHeaders(_ line: String, _ expected: Int?) {
    #expect(FrameReader.contentLength(in: Array(line.utf8)) == expected)
  }
}

extension DocumentTests {
  /// CR LF is one Character in Swift; lines are split at the LF byte, the CR kept with its line.
  @Test func crlfLinesAreSplitAtTheLF() {
    let d = Document(uri: "u", version: 1, text: "# cplan plan 1\r\nadd field F1\r\n")
    #expect(d.lines == ["# cplan plan 1\r", "add field F1\r", ""])
    #expect(d.text == "# cplan plan 1\r\nadd field F1\r\n")
  }
}
