import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// Recognises a plan file written in GB18030 (GBK) instead of UTF-8 (issue 18 item 11): a
/// Chinese Windows editor saves it so, and loading it as UTF-8 would store wrong names.
///
/// Two cases. A GBK file that is not valid UTF-8 (most are: 中 is `D6 D0`, and `D0` cannot
/// follow `D6` in UTF-8) would fail at its first Chinese character anyway; it is named for
/// what it is. A GBK file whose bytes happen to be valid UTF-8 (一 is `D2 BB`, which UTF-8
/// reads as Cyrillic `һ`) loads without an error and with wrong names: it is refused when its
/// UTF-8 reading is implausible text — runs of characters of scripts that never meet, C1
/// controls, private-use or unassigned characters, combining marks on a base of another
/// script, a lower-case letter followed by an upper-case one — and its GB18030 reading is
/// Chinese (pairs of GBK bytes, at least half of the characters ideographs).
///
/// Text that is not so is never flagged: "T1000 级碳纤维", "Café", "Москва", "ירושלים", "α粒子"
/// (a Greek letter before Chinese is ordinary in science).
package enum EncodingGuess {
  /// What was found: where (1-based line; column in characters of the UTF-8 reading, or of the
  /// bytes read as far as they are valid), and the line read as GB18030.
  package struct Finding: Equatable, Sendable {
    package var line: Int
    package var column: Int
    /// The line as GB18030 reads it (what was meant), without its line break.
    package var meant: String
  }

  /// The conversion to suggest.
  package static let conversion = "iconv -f GB18030 -t UTF-8"

  /// Whether `bytes` are almost certainly GB18030 (GBK) text, and where that shows.
  /// - Complexity: O(n); ASCII bytes are passed over one comparison each. Only text with a
  ///   suspicious character is converted (with iconv).
  package static func gb18030(_ bytes: some Collection<UInt8>) -> Finding? {
    let bytes = Array(bytes)
    guard let suspect = firstSuspect(bytes), isGBKStructure(bytes),
      let text = decodeGB18030(bytes), isChinese(text)
    else { return nil }
    // The line of the finding, read as GB18030.
    var start = suspect.offset
    while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
    var end = suspect.offset
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    var meant = decodeGB18030(Array(bytes[start..<end])) ?? ""
    if meant.hasSuffix("\r") { meant.removeLast() }
    return Finding(line: suspect.line, column: suspect.column, meant: meant)
  }

  /// Whether `buffer` holds a byte C0–DF, which starts a two-byte UTF-8 sequence (U+0080–U+07FF):
  /// GBK text that is valid UTF-8 has them. Eight bytes at a time.
  /// - Complexity: O(n), about one operation per eight bytes.
  static func hasTwoByteLead(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let start = buffer.baseAddress else { return false }
    let base = UnsafeRawPointer(start)
    let n = buffer.count
    var i = 0
    while i + 8 <= n {
      // A byte b with b & E0 == C0 becomes zero; then the classic "has a zero byte" test.
      let t = (base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0xE0E0_E0E0_E0E0_E0E0) ^ 0xC0C0_C0C0_C0C0_C0C0
      if (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080 != 0 { return true }
      i += 8
    }
    while i < n {
      if start[i] & 0xE0 == 0xC0 { return true }
      i += 1
    }
    return false
  }

  /// Where the first invalid UTF-8 or implausible run of characters is, if any.
  static func firstSuspect(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
    var i = 0
    var line = 1
    var column = 1
    // The run of non-ASCII characters being read: its start and its previous character.
    var runStart = 0
    var runColumn = 1
    var previous: Unicode.Scalar?
    var afterLetter = false
    // Cyrillic letters of the run: modern Russian's (U+0400–U+045F) and the rest (U+0460–U+04FF:
    // archaic, and the letters other languages add to Russian's).
    var basicCyrillic = 0
    var otherCyrillic = 0
    while i <= bytes.count {
      let b = i < bytes.count ? bytes[i] : 0x0A
      if b < 0x80 {
        // The end of a run: Cyrillic beyond Russian's letters alone is not a word (ҽҩ is 医药).
        if otherCyrillic >= 2, basicCyrillic == 0 { return (runStart, line, runColumn) }
        basicCyrillic = 0
        otherCyrillic = 0
        if i == bytes.count { break }
        if b == 0x0A {
          line += 1
          column = 1
        } else {
          column += 1
        }
        previous = nil
        afterLetter = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
        i += 1
        continue
      }
      guard let (scalar, length) = decode(bytes, at: i) else { return (i, line, column) }
      if previous == nil {
        runStart = i
        runColumn = column
      }
      // A combining mark right after an ASCII letter (a decomposed é) has its base.
      let based = previous == nil && afterLetter && scalar.properties.generalCategory == .nonspacingMark
      if !based, isImplausible(scalar, after: previous) { return (runStart, line, runColumn) }
      switch scalar.value {
      case 0x400...0x45F: basicCyrillic += 1
      case 0x460...0x4FF: otherCyrillic += 1
      default: break
      }
      previous = scalar
      column += 1
      i += length
    }
    return nil
  }

  /// One UTF-8 sequence at `i`, or `nil` when malformed.
  static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
    let lead = bytes[i]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
    default: return nil
    }
    guard i + length <= bytes.count else { return nil }
    for k in 1..<length {
      let c = bytes[i + k]
      guard c & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(c & 0x3F)
    }
    guard value >= [0, 0, 0x80, 0x800, 0x10000][length], let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }

  /// The writing systems a mis-decoded GBK pair lands in (U+0080–U+07FF), and the rest.
  enum Script: Equatable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana, nko
    /// Signs that stand beside any script: U+00A0–U+00BF, × and ÷.
    case neutral
    /// Combining diacritical marks (U+0300–U+036F), which take a Latin, Greek or Cyrillic base.
    case combining
    /// Characters from U+0800 on: CJK, punctuation, symbols.
    case wide

    init(_ v: UInt32) {
      switch v {
      case 0xA0...0xBF, 0xD7, 0xF7: self = .neutral
      case 0xC0...0x24F, 0x250...0x2FF: self = .latin
      case 0x300...0x36F: self = .combining
      case 0x370...0x3FF: self = .greek
      case 0x400...0x52F: self = .cyrillic
      case 0x530...0x58F: self = .armenian
      case 0x590...0x5FF: self = .hebrew
      case 0x600...0x6FF, 0x750...0x77F: self = .arabic
      case 0x700...0x74F: self = .syriac
      case 0x780...0x7BF: self = .thaana
      case 0x7C0...0x7FF: self = .nko
      default: self = .wide
      }
    }
  }

  /// Whether `scalar` after `previous` (the character before it in the same run of non-ASCII
  /// characters, if any) is text no one writes.
  static func isImplausible(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
    let v = scalar.value
    // C1 controls, and the combining Latin letters of medieval manuscripts (U+0363–U+036F).
    if (0x80...0x9F).contains(v) || (0x363...0x36F).contains(v) { return true }
    let category = scalar.properties.generalCategory
    if category == .unassigned || category == .privateUse { return true }
    let script = Script(v)
    guard let previous else {
      // A combining mark with no letter before it.
      return category == .nonspacingMark && v < 0x800
    }
    let before = Script(previous.value)
    if script == .neutral || before == .neutral { return false }
    if category == .nonspacingMark {
      // A mark takes a base of its own script (U+0300–U+036F: Latin, Greek, Cyrillic).
      if script == .combining {
        return !(before == .latin || before == .greek || before == .cyrillic || before == .combining)
      }
      return script != before && v < 0x800
    }
    if script != before {
      // Different scripts side by side: only a Greek or Latin letter next to Chinese is usual
      // (α粒子, é in a name), and nothing beyond U+07FF concerns a GBK pair alone.
      if script == .wide && before == .wide { return false }
      let pair = [script, before]
      if pair.contains(.wide), pair.contains(.greek) || pair.contains(.latin) { return false }
      return true
    }
    // One cased script: a capital after a small letter inside a word ("ÉtÉ" is not written).
    return previous.properties.isLowercase && scalar.properties.isUppercase
  }

  /// Whether every non-ASCII byte belongs to a GBK character (lead 81–FE, trail 40–7E or 80–FE)
  /// or a four-byte GB18030 one (81–FE, 30–39, 81–FE, 30–39: é, ö, what GBK lacks).
  static func isGBKStructure(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      guard b >= 0x81, b <= 0xFE, i + 1 < bytes.count else { return false }
      let t = bytes[i + 1]
      if (0x30...0x39).contains(t) {
        guard i + 3 < bytes.count, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else {
          return false
        }
        i += 4
        continue
      }
      guard (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) else { return false }
      i += 2
    }
    return true
  }

  /// Whether `text` (as GB18030 read it) is Chinese: at least half of its non-ASCII characters
  /// are CJK ideographs, and none is private-use (GBK's user-defined areas).
  static func isChinese(_ text: String) -> Bool {
    var other = 0
    var ideographs = 0
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      if scalar.properties.isIdeographic {
        ideographs += 1
      } else if scalar.properties.generalCategory == .privateUse {
        return false
      } else {
        other += 1
      }
    }
    return ideographs > 0 && ideographs >= other
  }

  /// `bytes` read as GB18030 (iconv), or `nil` when they are not.
  package static func decodeGB18030(_ bytes: [UInt8]) -> String? {
    convert(bytes, from: "GB18030", to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
  }

  /// `bytes` converted with iconv from encoding `from` to `to`, or `nil` when they are not
  /// text of `from` (or iconv does not know the encodings).
  package static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
    let cd = iconv_open(to, from)
    guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outBuffer.count
        if inLeft > 0, iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
        guard iconv(cd, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let produced else { return nil }
    return Array(output[0..<produced])
  }
}
