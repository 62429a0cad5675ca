import Testing

@testable import PlanLSP

/// The JSON reader of message bodies (RFC 8259) and its writer.
@Suite struct JSONTests {
  @Test(arguments: [
    ("{}", JSON.object([])),
    ("[1, -2.5, 3e2]", .array([.number(1), .number(-2.5), .number(300)])),
    (
      #"{"a": [true, false, null], "b": "x"}"#,
      .object([("a", .array([.bool(true), .bool(false), .null])), ("b", .string("x"))])
    ),
    // Escapes; a surrogate pair is one scalar (U+1F600), a lone surrogate becomes U+FFFD.
    (#""\n\t\"\\\/\u5409\ud83d\ude00\ud800""#, .string("\n\t\"\\/吉😀\u{FFFD}")),
    ("  \"吉林\"  ", .string("吉林")),
  ])
  func reads(_ text: String, _ expected: JSON) throws {
    #expect(try JSON.parse(Array(text.utf8)) == expected)
  }

  /// Each with the offset of the first byte that does not fit.
  @Test(arguments: [
    ("{not json", 1), ("", 0), ("[1,]", 3), (#"{"a" 1}"#, 5), ("\"abc", 4), ("1 2", 2), ("tru", 3), ("-", 1),
    ("\"\u{01}\"", 1),
  ])
  func refuses(_ text: String, _ offset: Int) {
    #expect(throws: JSON.SyntaxError(offset: offset)) { try JSON.parse(Array(text.utf8)) }
  }

  @Test func refusesInvalidUTF8InAString() {
    #expect(throws: JSON.SyntaxError.self) { try JSON.parse([0x22, 0xFF, 0x22]) }
  }

  @Test func refusesNestingDeeperThan512() {
    let deep = Array(repeating: UInt8(ascii: "["), count: 600) + Array(repeating: UInt8(ascii: "]"), count: 600)
    #expect(throws: JSON.SyntaxError.self) { try JSON.parse(deep) }
  }

  @Test func writesCompactlyAndReadsBack() throws {
    let value = JSON.object([
      ("s", .string("a\"b\\c\n\u{01}吉")), ("n", .number(42)), ("f", .number(0.5)), ("l", .array([.null, .bool(true)])),
    ])
    let text = String(decoding: value.bytes, as: UTF8.self)
    #expect(text == #"{"s":"a\"b\\c\n\u0001吉","n":42,"f":0.5,"l":[null,true]}"#)
    #expect(try JSON.parse(value.bytes) == value)
  }
}
