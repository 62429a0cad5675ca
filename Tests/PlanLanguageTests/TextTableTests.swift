import Testing

@testable import PlanLanguage

@Suite struct TextTableTests {
  static let cells = [
    ["C1", "产业链基础", "chain", "0.231"],
    ["q\u{0303}x\u{0304}", "Café au lait (Latin)", "science", "12.5"],
    ["F2", "碳纤维 \"T1000\", 复合材料", "x", "1,234,567.8"],
    ["G9", "第一行\n第二行 second line", "", "0"],
  ]

  func table(width: Int?, overflow: TextTable.Overflow = .wrap) -> TextTable {
    var table = TextTable(header: ["ID", "名称 Name", "Tag", "Value"], alignments: [.left, .left, .left, .right])
    table.rows = Self.cells
    table.maxWidth = width
    table.overflow = overflow
    return table
  }

  func lines(_ table: TextTable) -> [Substring] {
    table.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  @Test(arguments: [nil, 80, 40, 30, 24])
  func linesHaveEqualDisplayWidth(width: Int?) {
    for overflow in [TextTable.Overflow.wrap, .truncate] {
      let t = table(width: width, overflow: overflow)
      let widths = Set(lines(t).map { DisplayWidth.width($0) })
      #expect(widths == [t.width])
      if let width { #expect(t.width <= width) }
    }
  }

  @Test func combiningMarksTakeNoColumn() {
    #expect(DisplayWidth.width("q\u{0303}x\u{0304}") == 2)
    #expect(TextWrap.width(of: "q\u{0303}") == 1)
    #expect(DisplayWidth.width("碳纤维") == 6)
  }

  @Test func wrappingKeepsWordsAndBreaksBetweenChineseCharacters() {
    #expect(TextWrap.wrap("alpha beta gamma", to: 11) == ["alpha beta", "gamma"])
    #expect(TextWrap.wrap("碳纤维复合材料", to: 6) == ["碳纤维", "复合材", "料"])
    #expect(TextWrap.wrap("T1000级碳纤维", to: 9) == ["T1000级碳", "纤维"])
    #expect(TextWrap.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWrap.wrap("a\nb", to: 10) == ["a", "b"])
    #expect(TextWrap.wrap("", to: 10) == [""])
    // A combining mark stays with its letter.
    #expect(TextWrap.wrap("aq\u{0303}b", to: 2) == ["aq\u{0303}", "b"])
  }

  @Test func truncationEndsInAnEllipsis() {
    #expect(TextWrap.truncate("碳纤维复合材料", to: 7) == "碳纤维…")
    #expect(TextWrap.truncate("short", to: 7) == "short")
    #expect(TextWrap.truncate("two\nlines", to: 20) == "two…")
    let t = table(width: 40, overflow: .truncate)
    #expect(lines(t).count == 2 + Self.cells.count)
    #expect(t.render().contains("…"))
  }

  @Test func controlCharactersNeverReachTheOutput() {
    var t = TextTable()
    t.add(["a\tb", "c\u{7}d", "e\r\nf"])
    let out = t.render()
    #expect(!out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(out.contains("a b"))
  }

  @Test func numbersAndWordsDoNotBreakWhenTheTableCanAffordIt() {
    let t = table(width: 50)
    let text = t.render()
    #expect(text.contains("1,234,567.8"))
    #expect(text.contains("science"))
  }

  @Test func aTableWithoutLimitKeepsItsNaturalWidths() {
    let t = table(width: nil)
    #expect(t.fittedWidths() == t.columnWidths())
    #expect(lines(t).count == 2 + Self.cells.count + 1)  // the cell with a newline takes two lines
  }

  /// The `rank` report's tables: numbers right-aligned, a rule under each column. Expected by
  /// hand: widths 4 ("Rank"), 6 ("碳纤维", three wide characters), 5 ("Score", "0.816").
  @Test func aRuleUnderEachColumnAndRightAlignedNumbers() {
    var t = TextTable(header: ["Rank", "Field", "Score"], alignments: [.right, .left, .right])
    t.ruleUnderEachColumn = true
    t.add(["1", "碳纤维", "0.816"])
    t.add(["10", "F2", "0.5"])
    #expect(
      t.render() == """
        Rank  Field   Score
        ----  ------  -----
           1  碳纤维  0.816
          10  F2        0.5

        """)
    t.ruleUnderEachColumn = false
    #expect(t.render().split(separator: "\n")[1] == "-------------------")
  }
}
