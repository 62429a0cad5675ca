import Testing

@testable import PlanLanguage

/// SPEC §15 (§10 item): control characters and bidirectional overrides from data are written as
/// `\uXXXX` in every text output; tab, line feed and everything printable stay as they are.
@Suite struct EscapingTests {
  @Test(arguments: [
    ("plain 中文 Café", "plain 中文 Café"),
    ("tab\tand\nline", "tab\tand\nline"),
    ("\u{1B}]0;pwned\u{07}", "\\u001b]0;pwned\\u0007"),  // OSC retitle, BEL
    ("\u{1B}[2J", "\\u001b[2J"),  // CSI clear screen
    ("\u{9B}31m", "\\u009b31m"),  // C1 CSI
    ("a\u{7F}b\rc", "a\\u007fb\\u000dc"),  // DEL, CR
    ("\u{202E}evil", "\\u202eevil"),  // right-to-left override
    ("\u{2066}x\u{2069}", "\\u2066x\\u2069"),  // isolates
    ("\u{0}", "\\u0000"),
    ("— “quotes” • ‘x’ €", "— “quotes” • ‘x’ €"),  // E2 80 xx characters that are not controls
    ("\u{A0}nbsp\u{85}", "\u{A0}nbsp\\u0085"),  // C2 A0 is printable, C2 85 (NEL) is C1
  ])
  func controlsAreEscaped(_ input: String, _ expected: String) {
    #expect(input.escapingControls == expected)
  }

  /// An export to standard output is escaped piece by piece: whatever the point where a piece
  /// ends (inside ESC [ …, inside C2 9B or E2 80 AE, inside a Chinese character), the result is
  /// the whole text escaped at once.
  @Test func piecesGiveTheSameAsTheWhole() {
    let text = "甲\u{1B}[2J—“乙”\u{9B}31m\u{202E}丙\t\n\u{2066}丁\u{A0}"
    let bytes = Array(text.utf8)
    let whole = text.escapingControls
    for cut in 0...bytes.count {
      for second in cut...bytes.count {
        var escaper = ControlEscaper()
        var out: [UInt8] = []
        for piece in [bytes[..<cut], bytes[cut..<second], bytes[second...]] {
          Array(piece).withUnsafeBytes { escaper.feed($0) { out.append(contentsOf: $0) } }
        }
        escaper.finish { out.append(contentsOf: $0) }
        #expect(String(decoding: out, as: UTF8.self) == whole, "cut at \(cut), \(second)")
      }
    }
    // Text with nothing to escape (Chinese punctuation — E2 80 94 — included) is handed on as it is.
    #expect(ControlEscaper.escape("规划（2025—2030年）“示例”") == "规划（2025—2030年）“示例”")
  }
}
