/// A spreadsheet number format code (ECMA-376 Part 1, §18.8.31 `numFmt`; the codes Excel and
/// WPS write, e.g. `0.0%`, `yyyy"年"m"月"`, `[h]:mm`) read as what it shows: the characters
/// outside quotes and escapes, and the texts of its brackets (a colour, a locale, elapsed time).
/// Shared by the import's percent and date recognition (``XLSXReader``, ``ExcelDate``).
enum NumberFormatCode {
  enum Token: Equatable {
    /// A character that formats the value (not quoted, not escaped, not in brackets).
    case character(Character)
    /// The text between `[` and `]`.
    case bracket(String)
  }

  /// The tokens of `code`, in order. A backslash escapes the next character; quotes enclose
  /// literal text; an unclosed bracket yields nothing.
  static func tokens(_ code: String) -> [Token] {
    var tokens: [Token] = []
    var quoted = false
    var bracket: String?
    var escaped = false
    for c in code {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[" where !quoted: bracket = ""
      case "]" where !quoted:
        if let b = bracket { tokens.append(.bracket(b)) }
        bracket = nil
      case _ where bracket != nil: bracket!.append(c)
      case _ where quoted: break
      default: tokens.append(.character(c))
      }
    }
    return tokens
  }
}
