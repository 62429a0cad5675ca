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
  /// Explicit newlines are kept; a line breaks at the last place that fits (see
  /// ``mayBreak(between:and:keepingWords:)``): after a space, or between two characters one of
  /// which is wide (Chinese), but never before closing punctuation (`）`, `，`, `。` …) nor after
  /// opening punctuation (`（`, `「` …) — else, in a run longer than the line, between characters.
  /// A character wider than `columns` stands alone. No line ends in a space.
  /// - Parameters:
  ///   - keepingWords: break only after a space or a comma, so an ID or a list of IDs
  ///     (`储能联合体`, `G1,G2`) is never split while the line can hold it.
  ///   - keepingFirstWord: never break inside the first word of a line of `text` (an ID before
  ///     its name: `攻关期 关键技术突破阶段`).
  ///   - atPhrases: for prose, break where a phrase ends (``isPhraseBreak(between:and:)``: after
  ///     a space or after punctuation such as `，`, `；`, `。`) when such a place leaves the line at
  ///     least half full, so that a Chinese word (`实际`) is not cut across two lines; else as
  ///     without it.
  /// - Returns: at least one line (an empty text gives `[""]`).
  /// - Complexity: O(n) in the length of the text.
  package static func wrap(
    _ text: String, to columns: Int, keepingWords: Bool = false, keepingFirstWord: Bool = false,
    atPhrases: Bool = false
  ) -> [String] {
    if isPlain(text), DisplayWidth.width(text) <= columns { return [text] }
    var lines: [String] = []
    for paragraph in sanitize(text).split(separator: "\n", omittingEmptySubsequences: false) {
      wrapParagraph(
        Substring(paragraph), to: max(1, columns), keepingWords: keepingWords, keepingFirstWord: keepingFirstWord,
        atPhrases: atPhrases, into: &lines)
    }
    return lines.isEmpty ? [""] : lines
  }

  /// Whether a phrase ends between `before` and `after` (where ``wrap(_:to:keepingWords:keepingFirstWord:atPhrases:)``
  /// prefers to break prose): after a space, after closing punctuation (`，`, `；`, `）`, `,` …),
  /// or before opening punctuation (`（`); never before closing punctuation.
  static func isPhraseBreak(between before: Character, and after: Character) -> Bool {
    if after == " " || closing.contains(after) { return false }
    return before == " " || closing.contains(before) || opening.contains(after)
  }

  /// Punctuation a line never starts with: closing brackets and quotes, commas, stops, colons
  /// (full-width and ASCII) — the line-start prohibitions of Chinese typesetting (W3C clreq §3.1.7).
  static let closing: Set<Character> = [
    "）", "」", "』", "】", "〕", "〉", "》", "”", "’", "，", "。", "、", "：", "；", "！", "？", "…", "％",
    ")", "]", "}", ",", ".", ";", ":", "!", "?", "%",
  ]
  /// Punctuation a line never ends with: opening brackets and quotes (clreq §3.1.7).
  static let opening: Set<Character> = ["（", "「", "『", "【", "〔", "〈", "《", "“", "‘", "(", "[", "{"]

  /// Whether a line may break between `before` and `after`: after a space; between two
  /// characters one of which is wide (CJK), unless `after` is closing or `before` opening
  /// punctuation. With `keepingWords`, only after a space or a comma.
  static func mayBreak(between before: Character, and after: Character, keepingWords: Bool) -> Bool {
    if after == " " { return false }
    if before == " " { return true }
    if keepingWords { return before == "," }
    guard width(of: before) >= 2 || width(of: after) >= 2 else { return false }
    return !closing.contains(after) && !opening.contains(before)
  }

  /// The widest run of `text` that ``wrap(_:to:keepingWords:)`` does not break while a line
  /// can hold it: a word between spaces; in Chinese text, one character with the punctuation
  /// that sticks to it (`体）`); with `keepingWords`, a whole ID.
  package static func longestUnbreakable(_ text: String, keepingWords: Bool = false, keepingFirstWord: Bool = false)
    -> Int
  {
    var longest = 0
    var run = 0
    var previous: Character?
    var firstWord = keepingFirstWord
    for ch in text {
      if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
        (run, previous) = (0, nil)
        firstWord = keepingFirstWord && ch == "\n"
        continue
      }
      if let p = previous, mayBreak(between: p, and: ch, keepingWords: keepingWords || firstWord) { run = 0 }
      run += width(of: ch)
      longest = max(longest, run)
      previous = ch
    }
    return longest
  }

  private static func wrapParagraph(
    _ paragraph: Substring, to columns: Int, keepingWords: Bool, keepingFirstWord: Bool, atPhrases: Bool,
    into lines: inout [String]
  ) {
    var firstWord = keepingFirstWord
    var line: [Character] = []
    var used = 0
    // The last place the line may break, as an index into `line` and the width before it.
    var breakAt: Int?
    var widthAtBreak = 0
    // With `atPhrases`, the last place a phrase ends, likewise.
    var phraseAt: Int?
    var widthAtPhrase = 0
    for ch in paragraph {
      let w = width(of: ch)
      if ch == " " { firstWord = false }
      if let previous = line.last, mayBreak(between: previous, and: ch, keepingWords: keepingWords || firstWord) {
        breakAt = line.count
        widthAtBreak = used
      }
      if atPhrases, let previous = line.last, isPhraseBreak(between: previous, and: ch) {
        phraseAt = line.count
        widthAtPhrase = used
      }
      if used + w > columns, !line.isEmpty {
        if ch == " " {
          // The space itself is the break.
          lines.append(trimmed(line))
          (line, used, breakAt, phraseAt) = ([], 0, nil, nil)
          continue
        }
        if let p = phraseAt, p > 0, 2 * widthAtPhrase >= columns {
          (breakAt, widthAtBreak) = (p, widthAtPhrase)
        }
        phraseAt = nil
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
