import PlanLanguage
import Testing

@testable import PlanModel

/// Issue 17 item 5 (SPEC §15): one table holds a Chinese term for every keyword value, further
/// names may map to a keyword, a term is read as its keyword, and a near miss is answered with
/// the term it is near, in both languages.
@Suite struct ChineseTermsTests {
  /// Every keyword value the schema accepts: settings, attributes and key parts.
  static var everyKeyword: Set<String> {
    var all = Set<String>()
    for a in Schema.plan { if case .choice(let c) = a.type { all.formUnion(c) } }
    for spec in Schema.kinds {
      for part in spec.keys { if case .choice(let c) = part { all.formUnion(c) } }
      for a in spec.attributes { if case .choice(let c) = a.type { all.formUnion(c) } }
    }
    return all
  }

  @Test func everyKeywordHasAChineseTerm() {
    // An ASCII term (TOPSIS) is a name, not a translation: topsis is typed as it is.
    let missing = Self.everyKeyword.filter { Schema.chineseLabels[$0] == nil && $0 != "topsis" }
    #expect(missing.isEmpty, "\(missing.sorted())")
  }

  /// Each Chinese name reads as one keyword: no name is both a term and a synonym of another
  /// keyword, and every synonym's keyword exists.
  @Test func eachNameNamesOneKeyword() {
    for (name, keyword) in Schema.chineseSynonyms {
      #expect(Self.everyKeyword.contains(keyword), "\(name) → \(keyword)")
      #expect(Schema.chineseLabels.first { $0.value == name }.map { $0.key == keyword } ?? true, "\(name)")
      #expect(Schema.choice(forLabel: name) == keyword)
    }
    let terms = Schema.chineseLabels.values
    #expect(Set(terms).count == terms.count)
  }

  /// The newcomer's refusals (issue 17 item 5), each now read as its keyword and saved as it.
  @Test(arguments: [
    ("size 大型", Attr.Org.size, "large"), ("ownership 混合所有制", Attr.Org.ownership, "mixed"),
    ("ownership 国企", Attr.Org.ownership, "soe"), ("type 高校", Attr.Org.type, "university"),
    ("type 大学", Attr.Org.type, "university"),
  ])
  func aChineseNameIsReadAsItsKeyword(attribute: String, index: Int, keyword: String) throws {
    var plan = Plan()
    let command = try #require(Parser.parse("add org x \"x\" \(attribute)\n", file: "t").commands.first)
    try plan.apply(command)
    #expect(plan.entity(.org, "x")?[index]?.choice == keyword)
  }

  /// A near miss names the term it is near; the Chinese message lists the terms beside the
  /// keywords.
  @Test(arguments: [
    ("add criterion C9 \"x\" tag 科教", "科教资源"), ("add measure M1 \"x\" phase P1 instrument 税收", "税收优惠"),
    ("add measure M1 \"x\" phase P1 instrument 场景", "应用场景"), ("add org x \"x\" size larg", "large"),
  ])
  func aNearMissSuggestsInBothLanguages(line: String, suggestion: String) throws {
    var plan = Plan()
    let setup = Parser.parse("add phase P1 \"一期\" period 2025..2026\n", file: "t")
    for c in setup.commands { try plan.apply(c) }
    let command = try #require(Parser.parse(line, file: "t").commands.first)
    do {
      try plan.apply(command)
      Issue.record("accepted: \(line)")
    } catch {
      #expect(error.code == "E102")
      #expect(error.message.en.hasSuffix("did you mean '\(suggestion)'?"), "\(error.message.en)")
      #expect(error.message.zh.hasSuffix("是不是 '\(suggestion)'？"), "\(error.message.zh)")
    }
  }

  @Test func theChineseMessageListsTheTerms() throws {
    var plan = Plan()
    let command = try #require(Parser.parse("add org x \"x\" size 特大型\n", file: "t").commands.first)
    do {
      try plan.apply(command)
      Issue.record("accepted")
    } catch {
      #expect(error.message.zh.contains("（可选 large（大型）|medium（中型）|small（小型））"), "\(error.message.zh)")
      #expect(error.message.en.contains("(one of large|medium|small)"))
    }
  }
}
