import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Issue 17 item 5: `help terms` prints the one table of terms; completion matches a Chinese
/// term anywhere in it.
@Suite struct ChineseTermsHelpTests {
  @Test(arguments: [MessageLanguage.en, .zh])
  func helpTermsListsEveryTermWithItsKeyword(language: MessageLanguage) throws {
    let text = try #require(Help.text("terms", language: language))
    let lines = text.split(separator: "\n").map(String.init)
    for (keyword, term) in Schema.chineseLabels {
      #expect(lines.contains { $0.hasPrefix(keyword + " ") && $0.contains(term) }, "\(keyword) \(term)")
    }
    // A synonym stands on its keyword's line.
    #expect(lines.contains { $0.hasPrefix("soe ") && $0.contains("国企") })
    #expect(Help.topics.contains("terms"))
  }

  @Test(arguments: [
    ("场", ["应用场景"]), ("项", ["项目资助"]), ("补", ["后补助", "保险补偿"]), ("x", [String]()),
  ])
  func aChineseTermMatchesAnywhere(typed: String, expected: [String]) {
    let terms = Completer.choiceOptions(Schema.instruments, typed: typed)
    #expect(Completer.matching(terms, prefix: typed, caseInsensitive: true) == expected)
  }
}
