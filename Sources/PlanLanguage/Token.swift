/// A year and month, `2025-03` (SPEC §2).
///
/// Stored in 32-bit fields (8 bytes), so that a ``Token`` and a plan value holding a period stay small.
package struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
  private var storedYear: Int32
  private var storedMonth: Int32

  package init(year: Int, month: Int) {
    storedYear = Int32(clamping: year)
    storedMonth = Int32(clamping: month)
  }

  package var year: Int {
    get { Int(storedYear) }
    set { storedYear = Int32(clamping: newValue) }
  }

  package var month: Int {
    get { Int(storedMonth) }
    set { storedMonth = Int32(clamping: newValue) }
  }

  /// Months since year 0: a total order and easy arithmetic.
  package var ordinal: Int { year * 12 + (month - 1) }

  package static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }

  package var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    return "\(year)-\(m)"
  }
}

/// A number as written: `12`, `0.25`, `-3`, `1/3`, `30%`.
package struct NumberLiteral: Sendable, Hashable {
  package enum Form: Sendable, Hashable { case plain, fraction, percent }
  /// The value (a percent is divided by 100, a fraction evaluated).
  package var value: Double
  /// The source spelling.
  package var text: String
  package var form: Form

  package init(value: Double, text: String, form: Form) {
    self.value = value
    self.text = text
    self.form = form
  }

  /// Whether it is a plain whole number such as `2025` or `-3`.
  package var isInteger: Bool {
    form == .plain && !text.utf8.contains(0x2E) && value == value.rounded()
  }
}

/// One end of a range `A..B`: a number (`2025`, `1`, `0.5`) or a month (`2025-03`).
package enum RangeBound: Sendable, Hashable {
  case number(NumberLiteral)
  case month(YearMonth)

  package var text: String {
    switch self {
    case .number(let n): n.text
    case .month(let m): m.description
    }
  }
}

/// A token of the command language (SPEC §2).
package struct Token: Sendable, Hashable {
  package enum Kind: Sendable, Hashable {
    /// A keyword or identifier, NFC-normalised.
    case word(String)
    /// A quoted string (`"…"`, `“…”`, `「…」`), escapes resolved, NFC-normalised.
    case string(String)
    case number(NumberLiteral)
    case month(YearMonth)
    /// `2025..2027`, `2025-03..2026-06`, `1..10`. Boxed: it is rare, and inline it would double
    /// the size of every token.
    indirect case range(RangeBound, RangeBound)
    /// IDs separated by commas without spaces: `G1,G2`.
    case list([String])
    /// A path after `load`, `save`, `run`, `export … to`, `recover`.
    case path(String)
  }

  package var kind: Kind
  package var location: SourceLocation
  /// Length in Unicode scalars, for the caret line.
  package var length: Int

  package init(_ kind: Kind, at location: SourceLocation, length: Int) {
    self.kind = kind
    self.location = location
    self.length = length
  }

  /// The word, if this is one.
  @inlinable
  package var word: String? {
    switch kind {
    case .word(let w): w
    default: nil
    }
  }

  /// Whether this is the keyword `keyword` (ASCII, case-insensitive).
  package func isKeyword(_ keyword: String) -> Bool {
    guard case .word(let w) = kind else { return false }
    return w.lowercasedEquals(keyword) && (w.utf8.allSatisfy { $0 < 0x80 } || w.count == keyword.count)
  }

  /// How the token reads in a message: `word 'F1'`, `string "…"`, `number 12`.
  package var summary: String {
    switch kind {
    case .word(let w): "'\(Message.clipped(w))'"
    case .string(let s): "\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
    case .number(let n): n.text
    case .month(let m): m.description
    case .range(let a, let b): "\(a.text)..\(b.text)"
    case .list(let ids): ids.joined(separator: ",")
    case .path(let p): p
    }
  }
}
