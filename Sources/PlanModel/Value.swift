import PlanLanguage

/// A period of whole years (`2025..2027`) or months (`2025-03..2026-06`), inclusive.
package struct Period: Sendable, Hashable {
  package var start: YearMonth
  package var end: YearMonth
  /// Written with months (`2025-03..2026-06`) rather than years.
  package var monthly: Bool

  package init(start: YearMonth, end: YearMonth, monthly: Bool) {
    self.start = start
    self.end = end
    self.monthly = monthly
  }

  /// Whole years `from..to`: January of `from` to December of `to`.
  package init(years from: Int, _ to: Int) {
    self.init(start: YearMonth(year: from, month: 1), end: YearMonth(year: to, month: 12), monthly: false)
  }

  /// Length in months, inclusive (`2025..2027` is 36); ≤ 0 when the end is before the start.
  package var months: Int { end.ordinal - start.ordinal + 1 }

  /// Length in years (months / 12).
  package var years: Double { Double(months) / 12 }

  package func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

  package func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }

  /// `2025..2027` or `2025-03..2026-06`.
  package var description: String {
    monthly ? "\(start)..\(end)" : "\(start.year)..\(end.year)"
  }
}

/// The value of an attribute; its meaning comes from the attribute's ``AttributeType``.
package enum Value: Sendable, Hashable {
  case text(String)
  /// A number; percents are stored as fractions (30% is 0.30).
  case number(Double)
  case integer(Int)
  case ref(String)
  case refs([String])
  case period(Period)
  case range(Double, Double)
  case month(YearMonth)
  case flag(Bool)
  case choice(String)

  package var text: String? { if case .text(let s) = self { return s } else { return nil } }
  package var number: Double? {
    switch self {
    case .number(let d): d
    case .integer(let i): Double(i)
    default: nil
    }
  }
  package var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
  package var ref: String? { if case .ref(let s) = self { return s } else { return nil } }
  package var refs: [String]? {
    switch self {
    case .refs(let r): r
    case .ref(let s): [s]
    default: nil
    }
  }
  package var period: Period? { if case .period(let p) = self { return p } else { return nil } }
  package var month: YearMonth? { if case .month(let m) = self { return m } else { return nil } }
  package var flag: Bool? { if case .flag(let b) = self { return b } else { return nil } }
  package var choice: String? { if case .choice(let c) = self { return c } else { return nil } }
  package var range: (Double, Double)? { if case .range(let a, let b) = self { return (a, b) } else { return nil } }
}

// MARK: - Canonical spelling

package enum Format {
  /// A number without exponent, shortest form that reads back to the same `Double`
  /// (`8`, `0.25`, `-3`, `0.00001`); `-0` is written `0`.
  package static func number(_ v: Double) -> String {
    if v == 0 { return "0" }
    if !v.isFinite { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    let s = "\(v)"
    guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
    // Expand d.ddde±x into plain decimal notation.
    let mantissa = String(s[..<e])
    let exponent = Int(s[s.index(after: e)...])!
    let negative = mantissa.hasPrefix("-")
    let digitsPart = negative ? String(mantissa.dropFirst()) : mantissa
    let parts = digitsPart.split(separator: ".", omittingEmptySubsequences: false)
    let intDigits = String(parts[0])
    let fracDigits = parts.count > 1 ? String(parts[1]) : ""
    var digits = intDigits + fracDigits
    var point = intDigits.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: -point + 1) + digits
      point = 1
    } else if point > digits.count {
      digits += String(repeating: "0", count: point - digits.count)
    }
    var result = String(digits.prefix(point))
    var frac = String(digits.dropFirst(point))
    while frac.hasSuffix("0") { frac.removeLast() }
    if !frac.isEmpty { result += "." + frac }
    while result.count > 1 && result.hasPrefix("0") && !result.hasPrefix("0.") { result.removeFirst() }
    return (negative ? "-" : "") + result
  }

  /// A percent: `30%` for 0.30 (rounded to 1e-9 percentage points).
  package static func percent(_ fraction: Double) -> String {
    number((fraction * 100 * 1e9).rounded() / 1e9) + "%"
  }

  /// A Saaty judgement: `1/3` for a reciprocal of 2…9, else a plain number.
  package static func saaty(_ v: Double) -> String {
    if v > 0 && v < 1 {
      let k = (1 / v).rounded()
      if k >= 2 && k <= 9 && abs(1 / v - k) < 1e-9 { return "1/\(Int(k))" }
    }
    return number(v)
  }

  /// A quoted string with the escapes of SPEC §2.
  package static func quoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(ch)
      }
    }
    out += "\""
    return out
  }
}

extension Value {
  /// The canonical spelling in a plan file for an attribute of type `type`.
  package func canonical(as type: AttributeType) -> String {
    switch self {
    case .text(let s): return Format.quoted(s)
    case .number(let d):
      switch type {
      case .percent: return Format.percent(d)
      case .saaty: return Format.saaty(d)
      default: return Format.number(d)
      }
    case .integer(let i): return String(i)
    case .ref(let s): return s
    case .refs(let r): return r.joined(separator: ",")
    case .period(let p): return p.description
    case .range(let a, let b): return "\(Format.number(a))..\(Format.number(b))"
    case .month(let m): return m.description
    case .flag(let b): return b ? "yes" : "no"
    case .choice(let c): return c
    }
  }

  /// How the value reads for a person (`show`, exports): strings unquoted.
  package func display(as type: AttributeType) -> String {
    if case .text(let s) = self { return s }
    return canonical(as: type)
  }
}
