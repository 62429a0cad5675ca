/// The XML of a workbook or document part, written as UTF-8 bytes: markup as given, text
/// escaped (XML 1.0 §2.4, §2.2).
///
/// Text is escaped as markup needs: `&`, `<`, `>` and (in attributes) `"` as entities. A
/// character XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return;
/// U+FFFE, U+FFFF) is handled by ``Controls``: spreadsheet text writes it as Excel's
/// `_xHHHH_` escape (ECMA-376 Part 1, §22.9.2.19 ST_Xstring), which then also escapes a literal
/// `_xHHHH_` in the text as `_x005F_xHHHH_`, so every text reads back as it was; document text
/// drops it.
struct XMLBuffer {
  private(set) var bytes: [UInt8] = []

  /// What happens to characters XML cannot carry.
  enum Controls {
    /// `_xHHHH_`, and a literal `_xHHHH_` escaped as `_x005F_xHHHH_` (spreadsheet strings).
    case excel
    /// Left out (document text, where a control character has no meaning).
    case drop
  }

  init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  /// Markup, as it is.
  mutating func raw(_ markup: String) {
    var markup = markup
    markup.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Another buffer's bytes.
  mutating func append(_ other: XMLBuffer) { bytes.append(contentsOf: other.bytes) }

  /// `<?xml …?>` for a standalone part.
  mutating func declaration() {
    raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
  }

  /// Text content or an attribute value, escaped.
  mutating func text(_ text: String, controls: Controls = .excel) {
    var text = text
    text.withUTF8 { utf8 in
      // Plain runs are copied whole; only the bytes that need it are looked at again.
      var start = 0
      var i = 0
      while i < utf8.count {
        let b = utf8[i]
        var replacement: String?
        switch b {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case 0x09, 0x0A, 0x0D: break
        case 0..<0x20: replacement = controls == .excel ? Self.excelEscape(UInt32(b)) : ""
        case UInt8(ascii: "_") where controls == .excel && Self.isExcelEscape(utf8, at: i):
          replacement = "_x005F"
        case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
          // U+FFFE, U+FFFF
          bytes.append(contentsOf: utf8[start..<i])
          if controls == .excel { raw(Self.excelEscape(utf8[i + 2] == 0xBE ? 0xFFFE : 0xFFFF)) }
          i += 3
          start = i
          continue
        default: break
        }
        if let replacement {
          bytes.append(contentsOf: utf8[start..<i])
          raw(replacement)
          // `_x005F` is put before the underscore, which is then copied with the run.
          start = b == UInt8(ascii: "_") ? i : i + 1
        }
        i += 1
      }
      bytes.append(contentsOf: utf8[start..<utf8.count])
    }
  }

  /// `_x001F_`.
  private static func excelEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }

  /// Whether `_xHHHH_` starts at `i`.
  private static func isExcelEscape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i + 6 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"), utf8[i + 6] == UInt8(ascii: "_") else { return false }
    return (i + 2...i + 5).allSatisfy { j in
      switch utf8[j] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
        UInt8(ascii: "A")...UInt8(ascii: "F"):
        true
      default: false
      }
    }
  }
}
