import PlanModel

/// A JSON value whose objects keep their keys in the order they were built, so an export's
/// key order is stable and readable (SPEC §9), and whose numbers are written in full precision.
package indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// Written as the shortest decimal that reads back to the same `Double`, without exponent;
  /// a non-finite number is written `null`.
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  package static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// `value` or `null`.
  static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
  static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

  /// The value pretty-printed with two-space indents and a final newline. Arrays of scalars
  /// stay on one line (`[2025, 2030]`), and so does an object of scalars (and such arrays)
  /// whose line fits in ``inlineWidth`` columns.
  package func rendered() -> String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  /// The widest an object written on one line may be, indent included (in characters).
  static let inlineWidth = 100

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  private var isScalarArray: Bool {
    if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
    return false
  }

  private func write(to out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d): out += d.isFinite ? Format.number(d) : "null"
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
      } else if items.allSatisfy(\.isScalar) {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += ", " }
          item.write(to: &out, indent: indent)
        }
        out += "]"
      } else {
        out += "[\n"
        for (i, item) in items.enumerated() {
          out += String(repeating: "  ", count: indent + 1)
          item.write(to: &out, indent: indent + 1)
          out += i + 1 < items.count ? ",\n" : "\n"
        }
        out += String(repeating: "  ", count: indent) + "]"
      }
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      if members.allSatisfy({ $0.1.isScalar || $0.1.isScalarArray }) {
        var line = "{"
        for (i, (key, value)) in members.enumerated() {
          if i > 0 { line += ", " }
          JSONValue.writeString(key, to: &line)
          line += ": "
          value.write(to: &line, indent: 0)
        }
        line += "}"
        if 2 * indent + line.count <= JSONValue.inlineWidth {
          out += line
          return
        }
      }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        JSONValue.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + 1)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`, and
  /// U+2028/U+2029 escaped so the text is also a JavaScript literal; everything else as UTF-8.
  static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
