import Testing

@testable import PlanShell

/// The Ctrl-R search state: Chinese search text extends the search like ASCII (SPEC §10).
@Suite struct ReverseSearchTests {
  let entries = [
    "list org",
    "add org 吉林石化研究院 \"吉林石化研究院\" type institute",
    "show org 吉林化纤",
    "add org 吉林石化研究院 \"吉林石化研究院\" type institute",
  ]

  @Test func chineseTextExtendsTheSearch() {
    var s = ReverseSearch(entries: entries, line: "", cursor: 0)
    s.type("吉")
    s.type("林")
    s.type("化")
    #expect(s.line == "show org 吉林化纤")
    s.back()
    s.type("石")
    s.type("化")
    s.type("研")
    #expect(s.text == "吉林石化研" && !s.failed)
    #expect(s.line == entries[1])
    // At the last occurrence: after `add org 吉林石化研究院 "`.
    #expect(s.cursor == "add org 吉林石化研究院 \"".unicodeScalars.count)
  }

  @Test func olderSkipsTheSameLineAndFailsPastTheOldest() {
    var s = ReverseSearch(entries: entries, line: "草稿", cursor: 1)
    #expect(s.line == "草稿" && s.cursor == 1)
    s.type("石")
    #expect(s.line == entries[1])
    s.older(orElse: "")
    #expect(s.failed && s.line == entries[1])  // entries[3] is the same line
    s.back()
    s.type("x")
    #expect(s.failed && s.text == "石x" && s.line == entries[1])
  }

  @Test func ctrlROnAnEmptySearchUsesTheLastText() {
    var s = ReverseSearch(entries: entries, line: "", cursor: 0)
    s.older(orElse: "")
    #expect(s.steps.count == 1)
    s.older(orElse: "化纤")
    #expect(s.text == "化纤" && s.line == "show org 吉林化纤")
  }
}
