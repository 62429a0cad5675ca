import Testing

@testable import PlanLanguage

/// The streaming parse, keyword matching without allocation, and compact source locations
/// (the plan loader's fast path relies on all three).
@Suite struct StreamingParseTests {
  static let source = """
    add field F1 "一"
    bogus command
    add field F2 "二" \\
      note "n"
    add field F3 “三” # comment
    add field "unterminated
    """

  @Test func eventsAreTheParseResultInOrder() {
    let whole = Parser.parse(Self.source, file: "s")
    var commands: [Command] = []
    var diagnostics: [Diagnostic] = []
    var incomplete = false
    Parser.parse(Array(Self.source.utf8), file: "s") { event in
      switch event {
      case .command(let c): commands.append(c)
      case .error(let d): diagnostics.append(d)
      case .incomplete: incomplete = true
      }
      return true
    }
    #expect(commands == whole.commands)
    #expect(diagnostics == whole.diagnostics)
    #expect(incomplete == whole.incomplete)
    #expect(commands.count == 3 && diagnostics.count == 2)
  }

  @Test func bodyReturningFalseStopsTheParse() {
    var seen = 0
    Parser.parse(Array(Self.source.utf8), file: "s") { _ in
      seen += 1
      return false
    }
    #expect(seen == 1)
  }

  @Test func incompleteInputIsTheLastEvent() {
    var events: [String] = []
    Parser.parse(Array("add field F1 \"open".utf8), file: "s", allowIncomplete: true) { event in
      if case .incomplete = event { events.append("incomplete") } else { events.append("other") }
      return true
    }
    #expect(events == ["incomplete"])
  }

  /// `lowercasedKeyword()` and `lowercasedEquals` must say what `lowercased()` says, also for
  /// scalars whose lower case is ASCII (KELVIN SIGN) or longer (İ).
  @Test(arguments: [
    "add", "ADD", "Add", "plan", "Plan", "PLAN", "name", "nAmE", "none", "None", "\u{212A}ey",
    "İd", "ÄDD", "目标", "G1", "gov-share-warn", "", "pla", "plans", "k",
  ])
  func keywordMatchingAgreesWithLowercased(word: String) {
    #expect(word.lowercasedKeyword() == word.lowercased())
    for keyword in ["add", "plan", "name", "none", "key", "id", "g1", "", "k"] {
      #expect(word.lowercasedEquals(keyword) == (word.lowercased() == keyword), "\(word) vs \(keyword)")
    }
  }

  /// Numbers are computed without `strtod` when exact; the double must be the one
  /// `Double(text)` gives, bit for bit.
  @Test func numbersAreTheDoublesOfTheirText() {
    var samples = [
      "0", "-0", "007", "0.1", "0.3", "-2.5", "123456789012345", "1234567890123456", "0.000000000000001",
      "9007199254740993", "1.7976931348623157", "2.2250738585072014", "5e3", "99999999999999.9",
    ]
    var state: UInt64 = 12345
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let intDigits = Int(state >> 60) + 1
      let fracDigits = Int((state >> 55) & 0x1F) % 20
      var text = state & 1 == 0 ? "" : "-"
      var x = state
      for i in 0..<(intDigits + fracDigits) {
        if i == intDigits { text += "." }
        x = x &* 2_862_933_555_777_941_757 &+ 3_037_000_493
        text += String(x >> 61 & 7 == 0 ? 0 : Int(x >> 32) % 10)
      }
      samples.append(text)
    }
    for text in samples {
      let result = Parser.parse("add " + text, file: "n")
      guard case .number(let n)? = result.commands.first?.arguments.first?.kind else { continue }
      #expect(n.value.bitPattern == Double(text)!.bitPattern, "\(text)")
    }
  }

  @Test func keywordMatcherAgreesWithLowercasedLookup() {
    let keywords = [
      "add", "set", "name", "rd-intensity", "key", "id", "goal", "go", "", "phase", "place",
      "baseline-year", "a-very-long-keyword-x", "@", "[", "`", "{", "z", "x1234567", "x12345678",
    ]
    let matcher = KeywordMatcher(keywords)
    for word in [
      "add", "ADD", "Add", "ad", "addd", "NAME", "Rd-Intensity", "rd_intensity", "\u{212A}ey", "İd", "GOAL",
      "Go", "g", "", "目标", "add ", "ÄDD", "PHASE", "Place", "plase", "BASELINE-YEAR", "baseline-yeas",
      "A-Very-Long-Keyword-X", "a-very-long-keyword-y", "@", "[", "`", "{", "Z", "z", "X1234567", "X12345678",
      "x1234568", "x123456789",
    ] {
      #expect(matcher.index(of: word) == keywords.firstIndex(of: word.lowercased()), "\(word)")
    }
  }

  @Test func isKeywordKeepsItsRules() {
    let token = { (w: String) in
      Token(.word(w), at: PlanLanguage.SourceLocation(file: "s", line: 1, column: 1), length: 1)
    }
    #expect(token("NONE").isKeyword("none"))
    #expect(token("None").isKeyword("none"))
    #expect(!token("nones").isKeyword("none"))
    #expect(
      !Token(.string("none"), at: PlanLanguage.SourceLocation(file: "s", line: 1, column: 1), length: 1).isKeyword(
        "none"))
    #expect(token("\u{212A}ey").isKeyword("key"))  // K (KELVIN SIGN) lowers to ASCII k
  }

  @Test func verbsByKeyword() {
    for verb in Verb.allCases {
      #expect(Verb(keyword: verb.rawValue) == verb)
      #expect(Verb(keyword: verb.rawValue.uppercased()) == verb)
    }
    #expect(Verb(keyword: "bogus") == nil)
  }

  @Test func locationsInternTheirFileAndCompareByName() {
    let a = PlanLanguage.SourceLocation(file: "b.plan", line: 3, column: 4)
    let b = PlanLanguage.SourceLocation(file: "b.plan", line: 3, column: 4)
    let c = PlanLanguage.SourceLocation(file: "a.plan", line: 9, column: 9)
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a.file == "b.plan" && a.line == 3 && a.column == 4)
    #expect(c < a)  // by file name first, whatever order the names were interned in
    #expect(PlanLanguage.SourceLocation(file: "b.plan", line: 3, column: 5) > a)
    var d = a
    d.column += 10
    d.file = "c.plan"
    #expect(d.file == "c.plan" && d.column == 14)
    #expect(PlanLanguage.SourceLocation(file: "x", line: Int.max, column: -1).line == Int(UInt32.max))
  }

  @Test func tokensStaySmall() {
    // Every statement's tokens are built and copied; a range bound inline would double this.
    #expect(MemoryLayout<Token>.size <= 56)
    #expect(MemoryLayout<PlanLanguage.SourceLocation>.size == 12)
    #expect(MemoryLayout<YearMonth>.size == 8)
  }
}
