import Testing

@testable import PlanModel

/// The fast paths of ``JSONOutput`` against the obvious way of doing the same: escaping over
/// UTF-8 bytes with runs copied whole against escaping scalar by scalar; the digit writer
/// against `String(_:)` and ``Format/number(_:)``; chunks handed to a sink against one buffer.
@Suite struct JSONOutputTests {
  /// The escapes JSON has a short form for, and U+2028/U+2029 (not allowed raw in JavaScript).
  static let escapes: [Unicode.Scalar: String] = [
    "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{08}": "\\b", "\u{0C}": "\\f",
    "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
  ]

  /// The obvious escaper, one Unicode scalar at a time: a short escape, `\u00XX` for another
  /// control character, else the scalar itself.
  static func referenceQuoted(_ s: String) -> String {
    let body = s.unicodeScalars.map { scalar -> String in
      if let escape = escapes[scalar] { return escape }
      guard scalar.value < 0x20 else { return String(scalar) }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
    return "\"" + body.joined() + "\""
  }

  static let samples: [String] = [
    "", "a", "plain ASCII text", "吉林省创新联合体规划", "quote \" inside", "\"", "\\", "back\\slash\\",
    "new\nline", "\r\n", "tab\there", "\u{08}\u{0C}", "\u{00}", "\u{01}\u{1F}\u{7F}", "bell \u{7} and escape \u{1B}[0m",
    // U+2028/U+2029 (E2 80 A8/A9) and their neighbours, which share the lead byte E2 but stay as they are.
    "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{2027}\u{202A}", "—", "…", "€", "“中文”", "\u{2028}\u{2028}",
    "end with dash —", "—start", "\u{2FFF}", "🚀 emoji 👩‍🔬 family", "q̃ x̄ combining", "\u{FFFD}",
    // A string repaired from invalid UTF-8 (String holds only valid UTF-8).
    String(decoding: [0x61, 0xFF, 0xE2, 0x80, 0x62, 0xC3], as: UTF8.self),
    String(repeating: "长文本 run ", count: 30) + "\"" + String(repeating: "x", count: 300) + "\n",
  ]

  @Test(arguments: samples)
  func escapingMatchesTheScalarByScalarEscaper(_ s: String) {
    #expect(JSONValue.quoted(s) == Self.referenceQuoted(s))
  }

  /// Every scalar below U+0080 and a few beyond, alone and between plain runs.
  @Test func everyControlAndPunctuationCharacter() {
    for value in Array(0..<0x80) + [0x2027, 0x2028, 0x2029, 0x202A, 0x4E2D] {
      let scalar = Unicode.Scalar(UInt32(value))!
      for s in [String(scalar), "ab\(scalar)", "\(scalar)中", "中\(scalar)\(scalar)文"] {
        #expect(JSONValue.quoted(s) == Self.referenceQuoted(s), "U+\(String(value, radix: 16))")
      }
    }
  }

  /// The word test against a byte-by-byte one: each byte value at each of the 8 places, and
  /// words of random bytes.
  @Test func wordTestAgreesWithTheBytes() {
    func reference(_ word: UInt64) -> Bool {
      (0..<8).contains { i in
        let b = UInt8(truncatingIfNeeded: word >> (8 * i))
        return b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2
      }
    }
    let plain = UInt64(0x61_61_61_61_61_61_61_61)
    for b in 0...UInt64(255) {
      for place in 0..<8 {
        let word = plain & ~(0xFF << (8 * place)) | b << (8 * place)
        #expect(JSONOutput.mayNeedEscape(word) == reference(word), "byte \(b) at \(place)")
      }
    }
    // Random words, and words made only of the values next to the ones that matter.
    let near: [UInt64] = [
      0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0xE1, 0xE2, 0xE3, 0x7F, 0x80, 0xFF, 0x61,
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<100_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let word = state ^ (state >> 29)
      #expect(JSONOutput.mayNeedEscape(word) == reference(word))
      let picked = (0..<8).reduce(UInt64(0)) { w, i in w | near[Int((word >> (4 * UInt64(i))) & 0xF)] << (8 * UInt64(i))
      }
      #expect(JSONOutput.mayNeedEscape(picked) == reference(picked))
    }
  }

  /// A character to escape at every place around the 8-byte steps, in plain ASCII and in Chinese.
  @Test func escapesAtEveryPlaceOfTheWordSteps() {
    for special in ["\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "—", "\u{2027}"] {
      for before in 0..<20 {
        for filler in ["a", "中"] {
          let s = String(repeating: filler, count: before) + special + String(repeating: filler, count: 19 - before)
          #expect(
            JSONValue.quoted(s) == Self.referenceQuoted(s), "\(special.unicodeScalars.first!.value) after \(before)")
        }
      }
    }
  }

  @Test func integersHaveTheDigitsOfString() {
    var values = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -987_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1]
    var p = 1
    for _ in 0..<18 {
      p *= 10
      values += [p - 1, p, p + 1, -p]
    }
    for v in values {
      var out = JSONOutput()
      out.write(integer: v)
      #expect(out.text == String(v))
    }
  }

  @Test func numbersHaveTheDigitsOfFormatNumber() {
    let values: [Double] = [
      0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, -2.75, 1e15 - 1, 1e15, -1e15, 1e15 + 2, 1e21, 1e-20, 123_456_789.5,
      Double(1 << 53) + 2, 4.5e-7, .ulpOfOne, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
      0.072, 0.07200000000000001, 0.052000000000000005, -0.3, 0.1 + 0.2, 1e-5, 1.5e-5, 0.0001, 123.456, 1e16 + 0.5,
      1.7976931348623157e300, -2.5e-300, 0.9550555555555555, 1e15 + 0.5, 999_999_999_999_999.9,
    ]
    for v in values {
      var out = JSONOutput()
      out.write(number: v)
      #expect(out.text == Format.number(v), "\(v)")
    }
    // A sweep over magnitudes, where the description switches to and from the exponent form.
    var v = 1.234_567_890_123e-12
    while v < 1e22 {
      for x in [v, -v, v.nextUp, 1 / v] {
        var out = JSONOutput()
        out.write(number: x)
        #expect(out.text == Format.number(x), "\(x)")
      }
      v *= 7.3
    }
    for v in [Double.nan, .infinity, -.infinity] {
      var out = JSONOutput()
      out.write(number: v)
      #expect(out.text == "null")
    }
  }

  /// Pieces handed to a sink, joined, are the text one buffer holds; a piece is handed on only
  /// at `flushIfFull` once `chunkSize` bytes are there, and `truncate` works within a piece.
  @Test(arguments: [1, 7, 64, 4096])
  func chunksJoinToTheWholeText(chunkSize: Int) {
    func produce(_ out: inout JSONOutput) {
      for i in 0..<500 {
        let mark = out.count
        out += "{\"i\": "
        out.write(integer: i)
        out += ", \"s\": "
        JSONValue.writeString("值 \(i) \"q\"\n", to: &out)
        if i % 3 == 0 {
          out.truncate(to: mark)
          out += "[]"
        } else {
          out += "}"
        }
        out += ",\n"
        out.flushIfFull()
      }
      out.flush()
    }
    var whole = JSONOutput(capacity: 1)
    produce(&whole)
    var pieces: [[UInt8]] = []
    var chunked = JSONOutput(chunkSize: chunkSize) { pieces.append(Array($0)) }
    produce(&chunked)
    #expect(pieces.joined().elementsEqual(whole.withBytes { Array($0) }))
    #expect(pieces.dropLast().allSatisfy { $0.count >= chunkSize })
    #expect(chunked.count == 0)
  }

  /// Growing from a small buffer by `realloc` keeps what was written.
  @Test func growingKeepsTheBytes() {
    var out = JSONOutput(capacity: 1)
    var expected = ""
    for i in 0..<20_000 {
      let piece = "\(i)中,"
      out += piece
      expected += piece
    }
    #expect(out.text == expected)
  }
}
