// What the lexer and the shell took from Foundation proper, which cplan does not link (it
// imports FoundationEssentials only): NFC, and trimming white space. `StringUnicodeTests`
// compares each with Foundation's own.

extension String {
  /// This string in Unicode Normalization Form C (canonical decomposition, then canonical
  /// composition; UAX #15), as the lexer stores every quoted and bare text (SPEC §2).
  ///
  /// It is the standard library's own normalizer: `String._nfcCodeUnits`, public (underscored)
  /// API of the Swift standard library, gives the NFC form as UTF-8 code units, from the same
  /// Unicode data the standard library compares strings with. It replaces Foundation's
  /// `precomposedStringWithCanonicalMapping` (CoreFoundation's normalizer). The two agree on
  /// every scalar alone and on the text cplan reads; they differ only where CoreFoundation does
  /// not follow Unicode, and there this one does (Python's `unicodedata` agrees):
  /// - a Hangul LV syllable and a trailing jamo compose (`U+AC00 U+11A8` → `U+AC01`);
  /// - a scalar outside the BMP before a combining mark is kept (CoreFoundation composed it as
  ///   the BMP scalar of its low 16 bits: `U+10041 U+0301` became `Á`);
  /// - `U+0F73`, `U+0F75`, `U+0F81` before a mark, and marks newer than CoreFoundation's tables
  ///   (Unicode 16 and 17: `U+0897`, `U+1ACF`…`U+1AEB`, …), are ordered and composed by their
  ///   combining classes.
  /// - Complexity: O(n) in the length of the string; ASCII text is returned as it is.
  package var nfc: String {
    if utf8.allSatisfy({ $0 < 0x80 }) { return self }
    return String(decoding: _nfcCodeUnits, as: UTF8.self)
  }

  /// This string without white space at either end (``Unicode/Scalar/isHorizontalWhitespace``;
  /// line breaks stay), as Foundation's `trimmingCharacters(in: .whitespaces)` gives it.
  package func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace })!
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// Whether this scalar is in Foundation's `CharacterSet.whitespaces`: the tab (U+0009), the
  /// space separators (general category Zs: U+0020, U+00A0, U+1680, U+2000…U+200A, U+202F,
  /// U+205F, U+3000), and U+200B ZERO WIDTH SPACE, a Zs in the Unicode of CoreFoundation's tables.
  package var isHorizontalWhitespace: Bool {
    switch value {
    case 0x09, 0x20, 0x200B: true
    case 0..<0x80: false
    default: properties.generalCategory == .spaceSeparator
    }
  }
}

extension String {
  /// Whether every byte is ASCII (a keyword as typed, not a Chinese name).
  package var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
