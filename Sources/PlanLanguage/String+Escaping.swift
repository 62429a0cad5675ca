/// What every text output does with characters from data that would act on a terminal instead
/// of being shown (SPEC §15, its §10 item; issue 18 item 6).
///
/// C0 controls other than tab and line feed (U+0000–U+001F: ESC, BEL, CR, BS …), DEL (U+007F), C1
/// controls (U+0080–U+009F: CSI, OSC …) and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, which reorder what follows them on screen) are written as
/// `\u` and four hex digits (`\u001b`), whether or not the output is a terminal. JSON, HTML and
/// XML formats use their own escapes instead.
extension String {
  /// Whether a scalar is one that text output escapes (see the extension's discussion).
  @inline(__always)
  package static func isEscapedInText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The string with each character that could act on a terminal written as `\uXXXX` (tab and
  /// line feed kept).
  /// - Complexity: O(n); the string itself is returned when it holds no such character (the
  ///   common case costs one pass over its UTF-8 bytes and no allocation).
  package var escapingControls: String {
    // Fast check on bytes: every escaped scalar has a byte < 0x20, 0x7F, a C2 lead (U+0080–
    // U+00BF) or an E2 80/81 lead (U+2000–U+207F); anything else needs no work.
    let needs = utf8.contains { b in (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 }
    guard needs else { return self }
    var out = String.UnicodeScalarView()
    var changed = false
    for scalar in unicodeScalars {
      if String.isEscapedInText(scalar) {
        changed = true
        let hex = String(scalar.value, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return changed ? String(out) : self
  }
}
