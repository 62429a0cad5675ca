import Testing

@testable import PlanLanguage

/// Lexes one command and returns its argument tokens' kinds (after the verb `add`).
private func kinds(_ text: String) -> [Token.Kind] {
  let result = Parser.parse("add " + text, file: "t")
  #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  return result.commands.first?.arguments.map(\.kind) ?? []
}

private func firstError(_ text: String, allowIncomplete: Bool = false) -> Diagnostic? {
  Parser.parse(text, file: "t", allowIncomplete: allowIncomplete).diagnostics.first
}

@Suite struct LexerTests {
  @Test func wordsWithChineseLetters() {
    #expect(kinds("新能源车 F_1 gov-share-warn") == [.word("新能源车"), .word("F_1"), .word("gov-share-warn")])
  }

  @Test func threeKindsOfQuotes() {
    #expect(
      kinds(#""a \"b\" \\ \n \t" “中文，引号” 「书名」"#) == [
        .string("a \"b\" \\ \n \t"), .string("中文，引号"), .string("书名"),
      ])
  }

  @Test func numbersFractionsPercents() {
    let k = kinds("12 0.25 -3 1/3 30%")
    #expect(k.count == 5)
    guard case .number(let a) = k[0], case .number(let b) = k[1], case .number(let c) = k[2],
      case .number(let d) = k[3], case .number(let e) = k[4]
    else {
      Issue.record("not numbers: \(k)")
      return
    }
    #expect(a.value == 12 && a.isInteger)
    #expect(b.value == 0.25 && !b.isInteger)
    #expect(c.value == -3)
    #expect(d.value == 1.0 / 3.0 && d.form == .fraction)
    #expect(e.value == 0.30 && e.form == .percent)
  }

  @Test func periodsAndMonths() {
    let k = kinds("2025..2027 2025-03..2026-06 2025-03 1..10")
    #expect(
      k[0]
        == .range(
          .number(NumberLiteral(value: 2025, text: "2025", form: .plain)),
          .number(NumberLiteral(value: 2027, text: "2027", form: .plain))))
    #expect(k[1] == .range(.month(YearMonth(year: 2025, month: 3)), .month(YearMonth(year: 2026, month: 6))))
    #expect(k[2] == .month(YearMonth(year: 2025, month: 3)))
    if case .range(.number(let a), .number(let b)) = k[3] {
      #expect(a.value == 1 && b.value == 10)
    } else {
      Issue.record("\(k[3])")
    }
  }

  @Test func commaLists() {
    #expect(kinds("G1,G2,目标3") == [.list(["G1", "G2", "目标3"])])
  }

  @Test func commentsAndIdeographicSpace() {
    let r = Parser.parse("add\u{3000}field F1 # 注释 \"not a string\n", file: "t")
    #expect(r.diagnostics.isEmpty)
    #expect(r.commands.first?.arguments.map(\.kind) == [.word("field"), .word("F1")])
  }

  @Test func backslashContinuationMakesOneCommand() {
    let r = Parser.parse("add field F1 \\\n  \"名称\"\nlist field\n", file: "t")
    #expect(r.commands.count == 2)
    #expect(r.commands[0].arguments.count == 3)
    #expect(r.commands[0].arguments[2].location.line == 2)
    #expect(r.commands[1].location.line == 3)
  }

  @Test func openStringContinuesOnNextLine() {
    let r = Parser.parse("add field F1 \"第一行\n第二行\"\n", file: "t")
    #expect(r.diagnostics.isEmpty)
    #expect(r.commands.first?.arguments.last?.kind == .string("第一行\n第二行"))
  }

  @Test func incompleteInputIsNotAnError() {
    let open = Parser.parse("add field F1 \"未完", file: "<shell>", allowIncomplete: true)
    #expect(open.incomplete && open.diagnostics.isEmpty)
    let continued = Parser.parse("add field F1 \\", file: "<shell>", allowIncomplete: true)
    #expect(continued.incomplete && continued.diagnostics.isEmpty)
    let complete = Parser.parse("add field F1 \"完\"", file: "<shell>", allowIncomplete: true)
    #expect(!complete.incomplete)
  }

  @Test func nfcNormalisesIDsAndNames() {
    // "ö" composed (U+00F6) and decomposed (o + U+0308) are one ID.
    let composed = kinds("K\u{00F6}ln \"M\u{00F6}\"")
    let decomposed = kinds("Ko\u{0308}ln \"Mo\u{0308}\"")
    #expect(composed == decomposed)
    #expect(composed[0] == .word("K\u{00F6}ln"))
  }

  @Test func pathsAfterLoadSaveRun() {
    let r = Parser.parse(
      "load plans/jilin-2025-2030.plan\nsave \"带 空格.plan\" force\nexport json to out/x.json force\n", file: "t")
    #expect(r.diagnostics.isEmpty)
    #expect(r.commands[0].arguments.map(\.kind) == [.path("plans/jilin-2025-2030.plan")])
    #expect(r.commands[1].arguments.map(\.kind) == [.path("带 空格.plan"), .word("force")])
    #expect(r.commands[2].arguments.map(\.kind) == [.word("json"), .word("to"), .path("out/x.json"), .word("force")])
  }

  /// An ASCII word or a plain number is lexed by a short cut when a blank or the line's end
  /// follows it; whatever follows, the token (kind, column, length) is the general path's.
  @Test func wordsAndNumbersEndWhereTheGeneralRulesSay() {
    func tokens(_ text: String) -> [String] {
      let r = Parser.parse(text, file: "t")
      #expect(r.diagnostics.isEmpty, "\(text): \(r.diagnostics.map(\.message.en))")
      return r.commands.flatMap { c in
        ([c.verbToken] + c.arguments).map { "\($0.summary)@\($0.location.line):\($0.location.column)+\($0.length)" }
      }
    }
    #expect(tokens("add field F1") == ["'add'@1:1+3", "'field'@1:5+5", "'F1'@1:11+2"])
    #expect(
      tokens("add  F1\tF2\r\nadd F3#c\nadd F4\\\n F5") == [
        "'add'@1:1+3", "'F1'@1:6+2", "'F2'@1:9+2", "'add'@2:1+3", "'F3'@2:5+2", "'add'@3:1+3", "'F4'@3:5+2",
        "'F5'@4:2+2",
      ])
    #expect(
      tokens("add F1号 名F2 G1\u{3000}G2") == ["'add'@1:1+3", "'F1号'@1:5+3", "'名F2'@1:9+3", "'G1'@1:13+2", "'G2'@1:16+2"])
    #expect(tokens("add G1,G2 _a-b_1") == ["'add'@1:1+3", "G1,G2@1:5+5", "'_a-b_1'@1:11+6"])
    #expect(
      tokens("add 12 0.25 007 12\t3#c") == [
        "'add'@1:1+3", "12@1:5+2", "0.25@1:8+4", "007@1:13+3", "12@1:17+2", "3@1:20+1",
      ])
    #expect(
      tokens("add 30% 1/3 2025..2026 2025-03 1234567890123456789") == [
        "'add'@1:1+3", "30%@1:5+3", "1/3@1:9+3", "2025..2026@1:13+10", "2025-03@1:24+7", "1234567890123456789@1:32+19",
      ])
    let k = kinds("7 007 0.50 1234567890123456789")
    #expect(
      k == [
        .number(NumberLiteral(value: 7, text: "7", form: .plain)),
        .number(NumberLiteral(value: 7, text: "007", form: .plain)),
        .number(NumberLiteral(value: 0.5, text: "0.50", form: .plain)),
        .number(NumberLiteral(value: 1234567890123456789, text: "1234567890123456789", form: .plain)),
      ])
    #expect(firstError("add field F1 12.")?.code == "E005")
    #expect(firstError("add field F1 12abc")?.code == "E005")
    // Months are read from their bytes: four digits, a dash, two digits, 01 to 12.
    #expect(
      kinds("0999-07 2025-12..2026-01") == [
        .month(YearMonth(year: 999, month: 7)),
        .range(.month(YearMonth(year: 2025, month: 12)), .month(YearMonth(year: 2026, month: 1))),
      ])
    #expect(firstError("add field F1 2025-00")?.code == "E007")
    #expect(firstError("add field F1 1.25-03")?.code == "E005")
    #expect(firstError("add field F1 2025-031")?.code == "E005")
  }

  /// Names are scanned a byte at a time while they are ASCII or CJK ideographs; anything else
  /// in them (escapes, other scripts, marks that NFC composes, newlines, invalid UTF-8) is read
  /// the general way, from wherever it stands.
  @Test func stringsMixingIdeographsWithEverythingElse() {
    #expect(
      kinds(#""吉林\"大学\"" "一\n二" "丂㐀䷿一" "Cafe\#u{301}汽车" "中　文" "龥\#u{9FA6}""#) == [
        .string("吉林\"大学\""), .string("一\n二"), .string("丂㐀䷿一"), .string("Caf\u{E9}汽车"), .string("中　文"),
        .string("龥\u{9FA6}"),
      ])
    let r = Parser.parse("add field F1 \"长春\n光电\" note x\nadd field F2 \"x\"\n", file: "t")
    #expect(r.diagnostics.isEmpty)
    #expect(r.commands.map { $0.arguments.last?.location.line } == [2, 3])
    var bytes = Array("add field F1 \"吉林".utf8)
    bytes += [0xE4, 0xB8, 0x22, 0x0A]  // a lead byte and one continuation byte, then the quote
    #expect(Parser.parse(bytes, file: "t").diagnostics.first?.code == "E001")
    #expect(firstError("add field F1 \"吉林大学")?.code == "E002")
  }

  /// Short words and numbers come from a cache of the last ones made: the same text, whatever
  /// case or length (up to 15 bytes cached, longer made each time).
  @Test func repeatedWordsAreTheSameWords() {
    let line = "add goal G1 phase P1 PHASE p1 abcdefghijklmno abcdefghijklmnop 2025 2025 0.5"
    let words = Parser.parse([line, line].joined(separator: "\n"), file: "t").commands.map {
      $0.arguments.map(\.summary)
    }
    #expect(words.count == 2 && words[0] == words[1])
    #expect(
      words[0] == [
        "'goal'", "'G1'", "'phase'", "'P1'", "'PHASE'", "'p1'", "'abcdefghijklmno'",
        "'abcdefghijklmnop'", "2025", "2025", "0.5",
      ])
  }

  /// Quoted text comes from a cache of the texts met lately, found by a hash of the bytes and
  /// compared with them: texts alike but for one byte, of any length, stay apart.
  @Test func repeatedNamesAreTheSameNames() {
    let long = String(repeating: "长", count: 40)  // 120 bytes: made each time
    // (as written in the file, and as read)
    let names: [(String, String)] = [
      ("联合体理事会", "联合体理事会"), ("联合体秘书处", "联合体秘书处"), ("联合体理事会", "联合体理事会"), ("项", "项"), ("项目", "项目"),
      (#"a\\b"#, #"a\b"#), ("Cafe\u{301}", "Caf\u{E9}"), ("一\n二", "一\n二"), (long, long), (long + "x", long + "x"),
      ("x" + long, "x" + long), ("联合体理事会", "联合体理事会"), ("ABCDEFGH", "ABCDEFGH"), ("ABCDEFGI", "ABCDEFGI"),
      ("ABCDEFGHI", "ABCDEFGHI"), ("BCDEFGHI", "BCDEFGHI"),
    ]
    let line = "add goal G1 " + names.map { "\"\($0.0)\"" }.joined(separator: " ")
    let parsed = Parser.parse(line + "\n" + line + "\n", file: "t")
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message.en))")
    let expected: [Token.Kind] = [.word("goal"), .word("G1")] + names.map { .string($0.1) }
    #expect(parsed.commands.map { $0.arguments.map(\.kind) } == [expected, expected])
  }

  /// Bad input: (text, code, line, column). Columns count Unicode scalars.
  static let errors: [(String, String, Int, Int)] = [
    ("add field F1 １２", "E004", 1, 14),
    ("add field \"名\" 12abc", "E005", 1, 15),
    ("add compare C1 C2 1/0", "E006", 1, 19),
    ("add measure M1 start 2025-13", "E007", 1, 22),
    ("add field F1 \"a\\qb\"", "E008", 1, 16),
    ("add goal G1 after G1,", "E009", 1, 22),
    ("ad field F1", "E010", 1, 1),
    ("add field F1 \"未结束", "E002", 1, 14),
    ("add field F1 ;", "E003", 1, 14),
    ("add field F1 1e309", "E005", 1, 14),
    ("add field F1 \\", "E014", 1, 14),
  ]

  @Test(arguments: errors)
  func errorsHaveCodeAndPosition(_ input: (String, String, Int, Int)) throws {
    let d = try #require(firstError(input.0))
    #expect(d.code == input.1)
    #expect(d.location?.line == input.2)
    #expect(d.location?.column == input.3)
  }

  @Test func unknownCommandSuggests() throws {
    let d = try #require(firstError("lsit field"))
    #expect(d.message.en == "unknown command 'lsit'; did you mean 'list'?")
  }

  @Test func invalidUTF8IsAnErrorAtItsPosition() throws {
    var bytes = Array("add field F1 \"名".utf8)
    bytes.append(0xFF)
    bytes += Array("\"\n".utf8)
    let r = Parser.parse(bytes, file: "t")
    let d = try #require(r.diagnostics.first)
    #expect(d.code == "E001")
    #expect(d.location?.line == 1)
    #expect(d.location?.column == 16)
  }

  @Test func recoversLineByLine() {
    let r = Parser.parse("add field F1 １\nadd field F2 \"ok\"\nxx\nadd field F3 ;\n", file: "t")
    #expect(r.diagnostics.map { $0.location!.line } == [1, 3, 4])
    #expect(r.commands.count == 1)
  }

  @Test func unterminatedStringReportsAndResumes() {
    let r = Parser.parse("add field F1 \"open\nadd field F2 \"x\"\n", file: "t")
    // The string closes on line 2 (`"x` ends at the next quote), so line 2's tail is left: one error at most.
    #expect(r.diagnostics.count <= 1)
    let eof = Parser.parse("add field F2 \"x\"\nadd field F1 \"open\n", file: "t")
    #expect(eof.diagnostics.map(\.code) == ["E002"])
    #expect(eof.diagnostics.first?.location?.line == 2)
    #expect(eof.commands.count == 1)
  }

  @Test func aMillionCharacterLineLexesInLinearTime() {
    let long = String(repeating: "长", count: 1_000_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let r = Parser.parse("add field F1 \"\(long)\" ;", file: "t")
      #expect(r.diagnostics.first?.location?.column == 1_000_000 + 17)
    }
    #expect(elapsed < .seconds(5))
  }
}

/// What Chinese input methods type in place of ASCII gets a hint: (input, code, hint fragment).
@Suite struct InputMethodHintTests {
  static let rows: [(String, String, String)] = [
    ("add goal G1 after G2，G3", "E003", "ASCII comma"),
    ("set plan horizon 2025-2030", "E005", "2025..2030"),
    ("set plan horizon 2025～2030", "E005", "2025..2030"),
    ("add measure M1 amount 2,000", "E005", "thousands separators"),
    ("add goal G1 unit %", "E003", "unit \"%\""),
    ("add measure M1 start 2025-1", "E005", "2025-01"),
    ("add goal G1 baseline 60％", "E005", "ASCII percent"),
    ("add score F1 C1 ８", "E004", "ASCII digits"),
  ]

  @Test(arguments: rows)
  func hint(_ row: (String, String, String)) throws {
    let d = try #require(Parser.parse(row.0, file: "t").diagnostics.first)
    #expect(d.code == row.1)
    #expect(d.notes.contains { $0.en.contains(row.2) }, "\(d.notes)")
    #expect(d.notes.allSatisfy { !$0.zh.isEmpty })
  }
}
