import PlanIO
import PlanLanguage
import Testing

@testable import PlanShell

/// `list` lays its rows out without ``TextTable`` when every cell is one plain line
/// (``Session/alignedColumns(_:)``); the text must be what the table gives, trailing spaces cut.
@Suite struct ListLayoutTests {
  /// The table's layout with the spaces at the ends of lines cut: the general path of `list`.
  static func viaTable(_ rows: [[String]]) -> String {
    var table = TextTable()
    for row in rows { table.add(row) }
    return table.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map { String($0).trimmingTrailingSpaces() + "\n" }.joined()
  }

  @Test func aSmallTableByHand() {
    // 汽车 is 4 columns wide, K10 3: the first column is 4 wide, then two spaces.
    let text = Session.alignedColumns([["K1", "汽车", "x"], ["K10", "a", ""]])
    #expect(text == "K1   汽车  x\nK10  a\n")
  }

  @Test(arguments: [
    [["K1", "数字智能网联汽车创新联合体", "F1", "2025..2029"], ["K22", "光电", "F10", "—"]],
    // combining marks (e + U+0301 is one column), emoji, a full-width letter, empty cells
    [["e\u{301}e\u{301}", "🚗", "Ａ"], ["", "x", ""], ["ab", "", "长春"]],
    // rows of different lengths, spaces inside and at the end of the last cell
    [["a", "b c", "d  "], ["甲"], ["x", "y"]],
  ])
  func sameAsTheTable(rows: [[String]]) {
    #expect(Session.alignedColumns(rows) == Self.viaTable(rows))
  }

  @Test(arguments: ["two\nlines", "tab\there", "bell\u{7}", "c1\u{85}control"])
  func aCellThatIsNotOnePlainLineGoesToTheTable(cell: String) {
    #expect(Session.alignedColumns([["K1", cell]]) == nil)
  }
}
