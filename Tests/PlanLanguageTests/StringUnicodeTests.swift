import Foundation
import Testing

@testable import PlanLanguage

/// The replacements for what Foundation proper gave the lexer and the shell (cplan imports only
/// FoundationEssentials): NFC (`String.nfc`), trimming white space, and `U+%04X`. Each is
/// compared with Foundation's own result here, where the tests may still import Foundation.
@Suite struct StringUnicodeTests {
  static let samples: [String] = [
    // Already NFC: ASCII, Chinese, Latin-1, Japanese.
    "", "add org jlu", "吉林省创新联合体规划（2025—2030年）", "Ünïcödé façade", "日本語のテキスト",
    // Decomposed Latin (a name typed on a Mac, or pasted from a PDF).
    "e\u{301}", "A\u{30A}stro\u{308}m", "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", "n\u{303}an\u{303}a", "c\u{327}a",
    "\u{438}\u{306}", "\u{3B1}\u{301}\u{3C9}\u{342}\u{345}",
    // Combining marks out of canonical order, and several on one base.
    "q\u{307}\u{323}", "a\u{301}\u{316}", "e\u{323}\u{302}\u{301}", "o\u{31B}\u{323}",
    // Hangul: conjoining jamo (LV, LVT), already-composed syllables.
    "\u{1100}\u{1161}\u{11A8}", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", "\u{AC01}", "한국어",
    // CJK compatibility ideographs (singleton decompositions to unified ideographs).
    "\u{F900}\u{F901}\u{FA10}", "\u{2F800}\u{2F81F}\u{2FA1D}", "计划\u{F92C}",
    // Singletons and exclusions: Ohm, Ångström, Devanagari nukta (U+0958 stays decomposed), kana.
    "\u{2126}\u{212B}", "\u{915}\u{93C}\u{958}", "\u{304B}\u{3099}\u{30CF}\u{309A}", "ｶﾞ",
    // Mixed: a Chinese note with a decomposed Latin name and full-width punctuation.
    "与Mu\u{308}ller合作，联合攻关。", "emoji 👩‍💻 and e\u{301}",
  ]

  @Test(arguments: samples) func nfcIsFoundations(_ text: String) {
    #expect(Array(text.nfc.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
  }

  /// Every scalar of the Basic Multilingual Plane alone, with an acute accent after it, and
  /// with two marks out of order after it — but the few whose marks CoreFoundation's tables
  /// predate (``nfcIsRightWhereFoundationIsNot``).
  @Test func nfcIsFoundationsOnEveryBMPScalar() {
    let newerMarks = Set<UInt32>([0x0897, 0x0F73, 0x0F75, 0x0F81]).union(0x1ACF...0x1AEB)
    var differ: [String] = []
    for v in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(v), !newerMarks.contains(v) else { continue }
      let texts = [String(scalar), "a" + String(scalar) + "\u{301}", String(scalar) + "\u{300}\u{323}"]
      for text in texts where Array(text.nfc.utf8) != Array(text.precomposedStringWithCanonicalMapping.utf8) {
        differ.append(text.unicodeScalars.map { Lexer.codePoint($0.value) }.joined(separator: " "))
      }
    }
    #expect(differ == [])
  }

  /// Where the standard library and CoreFoundation differ, the standard library follows
  /// Unicode (UAX #15); these pin its results.
  @Test func nfcIsRightWhereFoundationIsNot() {
    func scalars(_ s: String) -> [UInt32] { s.nfc.unicodeScalars.map(\.value) }
    // An LV syllable and a trailing jamo compose (CoreFoundation left them apart).
    #expect(scalars("\u{AC00}\u{11A8}") == [0xAC01])
    #expect(scalars("\u{D558}\u{11AB}\u{AD6C}\u{11A8}") == [0xD55C, 0xAD6D])
    // A supplementary-plane letter before a mark stays (CoreFoundation made U+10041 U+0301 "Á").
    #expect(scalars("a\u{10041}\u{301}") == [0x61, 0x10041, 0x301])
    #expect(scalars("\u{1D400}\u{301}") == [0x1D400, 0x301])
    // U+0F73 decomposes to U+0F71 U+0F72 (classes 129, 130), which do not block an acute (230).
    #expect(scalars("a\u{F73}\u{301}") == [0xE1, 0xF71, 0xF72])
    // U+0897 (Unicode 16, class 230) goes after U+0323 (220).
    #expect(scalars("\u{897}\u{300}\u{323}") == [0x323, 0x897, 0x300])
  }

  @Test func nfcOfASCIIIsTheSameString() {
    let text = "add criterion C1 \"chain\" weight 0.4"
    #expect(text.nfc.utf8.elementsEqual(text.utf8))
  }

  static let spaced: [String] = [
    " \t padded \t ", "\u{3000}全角空格\u{3000}", "\u{A0}\u{2007}\u{202F}x\u{205F}\u{1680}", "\n keeps newlines \n",
    " \u{301}mark after a space", "\t", "   ", "a\u{200B}", "\u{FEFF}x\u{FEFF}", "\u{180E}x\u{180E}",
    "\r\u{85}x\u{2028}",
  ]

  @Test(arguments: samples + spaced) func trimmingIsFoundations(_ text: String) {
    #expect(Array(text.trimmingWhitespace().utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8))
  }

  @Test func horizontalWhitespaceIsFoundationsWhitespaces() {
    var differ: [UInt32] = []
    for v in UInt32(0)..<0x110000 {
      guard let scalar = Unicode.Scalar(v) else { continue }
      if scalar.isHorizontalWhitespace != CharacterSet.whitespaces.contains(scalar) { differ.append(v) }
    }
    #expect(differ == [])
  }

  @Test(arguments: [UInt32(0), 0x0A, 0x1F, 0x7F, 0xFF, 0x3000, 0xFFFF, 0x1F600, 0x10FFFF])
  func codePointIsFormatted(_ v: UInt32) {
    #expect(Lexer.codePoint(v) == String(format: "U+%04X", v))
  }
}
