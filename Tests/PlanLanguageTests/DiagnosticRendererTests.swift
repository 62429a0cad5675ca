import Testing

@testable import PlanLanguage

@Suite struct DiagnosticRendererTests {
  @Test func gnuStyleWithSourceLineAndCaretUnderWideText() {
    let sources = SourceStore()
    let line = "add consortium K4 \"氢能轨道\" field F9"
    sources.register(file: "plans/jilin.plan", bytes: Array(("\n" + line + "\n").utf8))
    let d = Diagnostic(
      .error, code: "E103", message: LocalizedText(en: "unknown field 'F9'; did you mean 'F3'?", zh: "x"),
      at: SourceLocation(file: "plans/jilin.plan", line: 2, column: 32), length: 2)
    let text = DiagnosticRenderer(language: .en, sources: sources).render(d)
    // The caret sits under F9: 31 characters before it, of which 4 are CJK (2 columns each) → 35 columns.
    let expected = """
      plans/jilin.plan:2:32: error: unknown field 'F9'; did you mean 'F3'? [E103]
          2 | add consortium K4 "氢能轨道" field F9
            | \(String(repeating: " ", count: 35))^~

      """
    #expect(text == expected)
  }

  @Test func chineseLabels() {
    let d = Diagnostic(.warning, code: "R13", message: LocalizedText(en: "e", zh: "中文"), at: nil)
    #expect(DiagnosticRenderer(language: .zh).render(d) == "警告: 中文 [R13]\n")
  }

  @Test func summaryLine() {
    #expect(DiagnosticRenderer(language: .en).summary(errors: 1, warnings: 2) == "1 error, 2 warnings")
  }

  @Test(arguments: [
    ("人工智能", 8), ("abc", 3), ("e\u{0301}", 1), ("ＡＢ", 4), ("", 0),
  ])
  func displayWidth(_ input: (String, Int)) {
    #expect(DisplayWidth.width(input.0) == input.1)
  }

  @Test func suggestionsByEditDistance() {
    #expect(Suggestion.nearest("midstrem", in: ["upstream", "midstream", "downstream"]) == "midstream")
    #expect(Suggestion.nearest("zzzzzz", in: ["upstream"]) == nil)
    #expect(Suggestion.nearest("F9", in: ["F1", "F3"]) == "F1")
    // A Chinese word is not "close" to a two-letter keyword just because both are short.
    #expect(Suggestion.nearest("补贴", in: ["grant", "subsidy", "tax", "ip"]) == nil)
    #expect(Suggestion.nearest("lsit", in: ["set", "list"]) == "list")
  }

  @Test func languageSelection() {
    #expect(MessageLanguage.resolve(option: .zh, environment: [:]) == .zh)
    #expect(MessageLanguage.resolve(option: nil, environment: ["CPLAN_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
    #expect(MessageLanguage.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    #expect(MessageLanguage.resolve(option: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
    #expect(MessageLanguage.resolve(option: nil, environment: [:]) == .en)
  }
}
