/// Breaking and cutting text by display width (SPEC §9: a CJK character takes two columns, a
/// combining mark none). Works on whole characters (grapheme clusters), so a combining mark
/// stays with its base and a Chinese character is never split.
package enum TextWrap {
  /// Columns taken by one character: the sum over its scalars (a base and its combining marks).
  package static func width(of character: Character) -> Int {
    var total = 0
    for scalar in character.unicodeScalars { total += DisplayWidth.width(of: scalar) }
    return total
  }

  /// Text made safe for one cell or line of a terminal table: `\r\n`, `\r` become `\n`, a tab
  /// becomes a space, and any other control character becomes U+FFFD.
  package static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      defer { previousCR = v == 0x0D }
      switch v {
      case 0x0A: if !previousCR { out.append("\n") }
      case 0x0D: out.append("\n")
      case 0x09: out.append(" ")
      case 0..<0x20, 0x7F..<0xA0: out.append("\u{FFFD}")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `text` holds no control character (no newline, no tab): one line as it stands.
  static func isPlain(_ text: String) -> Bool {
    !text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }  // 0xC2 leads U+0080…U+00BF (C1 controls among them)
  }

  /// The display width of the widest line of `text` (after ``sanitize(_:)``).
  package static func lineWidth(_ text: String) -> Int {
    if isPlain(text) { return DisplayWidth.width(text) }
    return sanitize(text).split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.width($0) }.max()
      ?? 0
  }

  /// Breaks `text` into lines of at most `columns` display columns.
  ///
  /// Explicit newlines are kept; a line breaks at the last place that fits — after a space,
  /// or before or after a Chinese (wide) character — else, in a word longer than the line,
  /// between characters. A character wider than `columns` stands alone.
  /// - Returns: at least one line (an empty text gives `[""]`).
  /// - Complexity: O(n) in the length of the text.
  package static func wrap(_ text: String, to columns: Int) -> [String] {
    if isPlain(text), DisplayWidth.width(text) <= columns { return [text] }
    var lines: [String] = []
    for paragraph in sanitize(text).split(separator: "\n", omittingEmptySubsequences: false) {
      wrapParagraph(Substring(paragraph), to: max(1, columns), into: &lines)
    }
    return lines.isEmpty ? [""] : lines
  }

  private static func wrapParagraph(_ paragraph: Substring, to columns: Int, into lines: inout [String]) {
    var line: [Character] = []
    var used = 0
    // The last place the line may break: after a space, or before or after a wide (CJK)
    // character; as an index into `line` and the width before it.
    var breakAt: Int?
    var widthAtBreak = 0
    for ch in paragraph {
      let w = width(of: ch)
      let wide = w >= 2
      if wide, !line.isEmpty {
        breakAt = line.count
        widthAtBreak = used
      }
      if used + w > columns, !line.isEmpty {
        if ch == " " {
          // The space itself is the break.
          lines.append(trimmed(line))
          (line, used, breakAt) = ([], 0, nil)
          continue
        }
        if let b = breakAt, b > 0 {
          lines.append(trimmed(Array(line[..<b])))
          line = Array(line[b...])
          used -= widthAtBreak
        }
        breakAt = nil
        if used + w > columns, !line.isEmpty {
          lines.append(trimmed(line))
          (line, used) = ([], 0)
        }
      }
      line.append(ch)
      used += w
      if ch == " " || wide {
        breakAt = line.count
        widthAtBreak = used
      }
    }
    lines.append(trimmed(line))
  }

  private static func trimmed(_ characters: [Character]) -> String {
    var end = characters.count
    while end > 0, characters[end - 1] == " " { end -= 1 }
    return String(characters[..<end])
  }

  /// Cuts `text` (its first line) to at most `columns` display columns, ending in `…` when cut.
  package static func truncate(_ text: String, to columns: Int) -> String {
    let all = sanitize(text)
    let first = all.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let cut = first.count < all.count
    if !cut, DisplayWidth.width(first) <= columns { return first }
    if columns <= 0 { return "" }
    var out = ""
    var used = 0
    for ch in first {
      let w = width(of: ch)
      if used + w > columns - 1 { break }
      out.append(ch)
      used += w
    }
    return out + "…"
  }

  /// Pads `text` with spaces to `columns` display columns, on the right (or on the left).
  package static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
    DisplayWidth.pad(text, to: columns, right: right)
  }
}
