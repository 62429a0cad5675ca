import Foundation
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
  func linesAreAtMostTheTableWidthAndNoneEndsInASpace(width: Int?) {
    for overflow in [TextTable.Overflow.wrap, .truncate] {
      let t = table(width: width, overflow: overflow)
      let lines = lines(t)
      // The rule under the header spans the table; no line is wider (cells are padded to their
      // column, so the columns align, but the last cell is not padded out with spaces).
      #expect(lines.contains { DisplayWidth.width($0) == t.width && $0.allSatisfy { $0 == "-" } })
      #expect(lines.allSatisfy { DisplayWidth.width($0) <= t.width })
      #expect(!lines.contains { $0.last == " " }, "\(t.render())")
      if let width { #expect(t.width <= width) }
    }
  }

  @Test func aLastColumnOfEmptyCellsLeavesNoTrailingSpaces() {
    // `show` printed rows padded with ~150 trailing spaces (issue 17 item 16).
    var t = TextTable(header: ["ID", "Note"])
    t.rows = [["K1", ""], ["储能联合体", "x"], ["", ""]]
    #expect(t.render() == "ID          Note\n----------------\nK1\n储能联合体  x\n\n")
  }

  /// (text, columns, lines): Chinese breaks between characters, but never before closing nor
  /// after opening punctuation (W3C clreq §3.1.7); IDs, with `keepingWords`, not at all.
  static let chineseBreaks: [(String, Int, [String])] = [
    // 11 columns hold 5 characters; `）` may not start a line, so `体` goes down with it.
    ("储能产业联合体）", 11, ["储能产业联", "合体）"]),
    ("储能产业联合体）", 14, ["储能产业联合", "体）"]),
    // `（` may not end a line, `）` not start one.
    ("联合体（储能）", 7, ["联合体", "（储", "能）"]),
    ("甲乙，丙丁。戊己", 4, ["甲", "乙，", "丙", "丁。", "戊己"]),
    ("见「储能」一节", 6, ["见「储", "能」一", "节"]),
    ("见「储能」一节", 4, ["见", "「储", "能」", "一节"]),
  ]

  @Test(arguments: chineseBreaks)
  func chineseBreaksRespectPunctuation(_ row: (String, Int, [String])) {
    #expect(TextWrap.wrap(row.0, to: row.1) == row.2)
    for line in TextWrap.wrap(row.0, to: row.1) {
      #expect(DisplayWidth.width(line) <= row.1)
      #expect(!TextWrap.closing.contains(line.first!), "\(line) starts with closing punctuation")
      #expect(!TextWrap.opening.contains(line.last!), "\(line) ends with opening punctuation")
    }
  }

  @Test func anIDColumnIsNeverNarrowerThanItsLongestIDAndNeverSplit() {
    // The text export at 100 columns printed "储能联合 / 体" (issue 17 item 16).
    var t = TextTable(header: ["联合体", "阶段", "名称"])
    t.rows = [["储能联合体", "P1", String(repeating: "储能产业创新联合体，", count: 12)], ["K2,储能联合体", "P2", "x"]]
    t.maxWidth = 24
    t.wholeWordColumns = [0]
    // 24 − 2 × 2 = 20 columns for the cells. Column 0 may not go below 储能联合体 (10), column
    // 1 is 4 (阶段), so the name column gets 6 ("体，" sticks together: it may not go below 4).
    #expect(t.fittedWidths() == [10, 4, 6])
    let lines = lines(t)
    #expect(lines.allSatisfy { DisplayWidth.width($0) <= 24 })
    let ids = lines.dropFirst(2).map { cell($0, from: 0, to: 10) }.filter { !$0.isEmpty }
    // "K2,储能联合体" breaks after the comma, nowhere else.
    #expect(ids == ["储能联合体", "K2,", "储能联合体"])
    // The free-text column wrapped, never starting a line with `，`.
    let names = lines.dropFirst(2).map { cell($0, from: 18, to: 24) }
    #expect(names.contains("储能产"))
    #expect(!names.contains { $0.first == "，" })
  }

  /// The text of `line` between display columns `from` and `to`, without padding.
  func cell(_ line: Substring, from: Int, to: Int) -> String {
    var out = ""
    var at = 0
    for ch in line {
      if at >= from, at < to { out.append(ch) }
      at += TextWrap.width(of: ch)
    }
    return out.trimmingCharacters(in: .whitespaces)
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

  /// `atPhrases` (prose: the review's notes) breaks where a phrase ends — after a space or
  /// punctuation, before `（` — when that leaves the line at least half full; else as without it.
  /// Widths by hand: a Chinese character or full-width mark 2, ASCII 1.
  @Test(arguments: [
    // 执行率 = 已拨付 / 计 is 6+1+1+1+6+1+1+1+2 = 20; 划 overflows. Plain: between 计 and 划.
    // At phrases: the space before 计划 (18 columns used, ≥ 10).
    ("执行率 = 已拨付 / 计划；实际政府占比", 20, ["执行率 = 已拨付 / 计", "划；实际政府占比"], ["执行率 = 已拨付 /", "计划；实际政府占比"]),
    // The newcomer's "…；实\n际": 计划；实 is 8 columns; at phrases, after ； (6 ≥ 4); 实际政府
    // then has no phrase end and breaks between characters.
    ("计划；实际政府占比", 8, ["计划；实", "际政府占", "比"], ["计划；", "实际政府", "占比"]),
    // 长； is 4 columns, less than half of 10: not taken.
    ("长；一二三四五六七八", 10, ["长；一二三", "四五六七八"], ["长；一二三", "四五六七八"]),
    // Before an opening bracket: 占比 =（中央 — the break goes before （ (6 columns used of 10).
    ("占比 =（中央）", 10, ["占比 =（中", "央）"], ["占比 =", "（中央）"]),
    ("alpha beta gamma", 11, ["alpha beta", "gamma"], ["alpha beta", "gamma"]),
  ])
  func wrappingAtPhrases(text: String, columns: Int, plain: [String], atPhrases: [String]) {
    #expect(TextWrap.wrap(text, to: columns) == plain)
    #expect(TextWrap.wrap(text, to: columns, atPhrases: true) == atPhrases)
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
