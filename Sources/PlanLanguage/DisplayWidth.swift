#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// glibc's `wcwidth(3)`; the Glibc module does not export it (it needs `_XOPEN_SOURCE`).
@_silgen_name("wcwidth")
private func c_wcwidth(_ c: Int32) -> Int32

/// Terminal display width of text, through the C library's `wcwidth` (glibc's Unicode tables):
/// a CJK character takes two columns, a combining mark none, a control character none.
///
/// `wcwidth` only knows non-ASCII characters under a UTF-8 `LC_CTYPE`, so the first use makes
/// sure one is set (the environment's if it is UTF-8, else `C.UTF-8`); output then does not
/// depend on the caller's locale (SPEC §2).
package enum DisplayWidth {
  /// Sets `LC_CTYPE` from the environment and falls back to `C.UTF-8` (then `en_US.UTF-8`)
  /// when that is not a UTF-8 codeset. Idempotent. Returns the locale name in force.
  @discardableResult
  package static func ensureUTF8Locale() -> String {
    if let current = setlocale(LC_CTYPE, nil).map({ String(cString: $0) }), isUTF8(current) {
      return current
    }
    if let fromEnv = setlocale(LC_CTYPE, ""), isUTF8(String(cString: fromEnv)) {
      return String(cString: fromEnv)
    }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
      if let set = setlocale(LC_CTYPE, name) { return String(cString: set) }
    }
    return "C"
  }

  private static func isUTF8(_ locale: String) -> Bool {
    let l = locale.lowercased()
    return l.contains("utf-8") || l.contains("utf8")
  }

  private static let ready: Bool = {
    ensureUTF8Locale()
    return true
  }()

  /// Columns taken by one scalar: 0 for combining marks and controls, 2 for wide/fullwidth.
  @inline(__always)
  package static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v >= 0x20 && v < 0x7F { return 1 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return v == 0x09 ? 1 : 0 }
    _ = ready
    let w = Int(c_wcwidth(Int32(bitPattern: v)))
    return w < 0 ? 1 : w
  }

  /// Columns taken by `text` (a tab counts one).
  package static func width<S: StringProtocol>(_ text: S) -> Int {
    var total = 0
    for scalar in text.unicodeScalars { total += width(of: scalar) }
    return total
  }

  /// Pads `text` with spaces on the right (or left) to `columns` display columns.
  package static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
    let w = width(text)
    if w >= columns { return text }
    let spaces = String(repeating: " ", count: columns - w)
    return right ? spaces + text : text + spaces
  }

  /// Cuts `text` to at most `columns` display columns, ending in `…` when cut.
  package static func truncate(_ text: String, to columns: Int) -> String {
    if width(text) <= columns { return text }
    if columns <= 0 { return "" }
    var out = String.UnicodeScalarView()
    var used = 0
    for scalar in text.unicodeScalars {
      let w = width(of: scalar)
      if used + w > columns - 1 { break }
      out.append(scalar)
      used += w
    }
    return String(out) + "…"
  }
}
