import PlanIO
import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal's character encoding as the locale names it, and bytes typed that are not
/// UTF-8 (issue 18 item 10, SPEC §15 on §10).
///
/// cplan's shell reads and writes UTF-8. Under a locale whose encoding is another multibyte one
/// (`zh_CN.GBK`, `zh_CN.GB18030`, `zh_TW.BIG5`: a Chinese Windows-style terminal, PuTTY or an
/// SSH client set to GBK), typed Chinese would be stored as wrong characters and the Chinese
/// messages shown as mojibake, so the shell does not start there, and says which locale to set.
/// The C and POSIX locales keep their `C.UTF-8` fallback (SPEC §10); scripts are not affected.
package enum TerminalEncoding {
  /// The locale the environment names for characters (`LC_ALL`, else `LC_CTYPE`, else `LANG`)
  /// and its encoding, when that is a multibyte encoding other than UTF-8; else `nil`.
  package static func nonUTF8Multibyte(environment: [String: String]) -> (locale: String, codeset: String)? {
    guard
      let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }),
      name != "C", name != "POSIX"
    else { return nil }
    if let locale = newlocale(LC_CTYPE_MASK, name, nil) {
      defer { freelocale(locale) }
      let codeset = nl_langinfo_l(nl_item(CODESET), locale).map { String(cString: $0) } ?? ""
      let previous = uselocale(locale)
      let multibyte = __ctype_get_mb_cur_max() > 1
      uselocale(previous)
      return multibyte && !isUTF8(codeset) ? (name, codeset) : nil
    }
    // A locale that is not installed: its name says what the terminal was set to.
    guard let dot = name.firstIndex(of: ".") else { return nil }
    let codeset = String(name[name.index(after: dot)...].prefix { $0 != "@" })
    let known = ["gbk", "gb18030", "gb2312", "euccn", "euc-cn", "big5", "big5hkscs", "big5-hkscs", "euctw", "euc-tw"]
    return known.contains(codeset.lowercased()) ? (name, codeset) : nil
  }

  private static func isUTF8(_ codeset: String) -> Bool {
    let c = codeset.lowercased()
    return c == "utf-8" || c == "utf8"
  }

  /// `text` in the terminal's encoding `codeset` (iconv), so that a GBK terminal shows the
  /// Chinese of the refusal; `nil` when it cannot be converted.
  package static func encode(_ text: String, as codeset: String) -> [UInt8]? {
    EncodingGuess.convert(Array(text.utf8), from: "UTF-8", to: codeset)
  }

  // MARK: Bytes typed that are not UTF-8

  /// The character that stands in the line for a byte that is not UTF-8 (U+10FF80–U+10FFFF,
  /// private use: no terminal sends them in UTF-8), so that the shell can report it at its column
  /// instead of dropping it.
  static func marker(for byte: UInt8) -> Unicode.Scalar {
    Unicode.Scalar(0x10FF00 + UInt32(byte))!
  }

  /// The column (1-based, in characters) of the first byte that was not UTF-8, if any.
  package static func firstInvalidColumn(_ line: String) -> Int? {
    for (i, scalar) in line.unicodeScalars.enumerated() where (0x10FF80...0x10FFFF).contains(scalar.value) {
      return i + 1
    }
    return nil
  }

  /// The line as it is shown in a diagnostic: each byte that was not UTF-8 as U+FFFD.
  package static func displayed(_ line: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in line.unicodeScalars {
      out.append((0x10FF80...0x10FFFF).contains(scalar.value) ? "\u{FFFD}" : scalar)
    }
    return String(out)
  }
}
