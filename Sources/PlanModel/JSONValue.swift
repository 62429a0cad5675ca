
/// A JSON value whose objects keep their keys in the order they were built, so an export's
/// key order is stable and readable (SPEC §9), and whose numbers are written in full precision.
package enum JSONValue: Sendable, Equatable {
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
  package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
  package static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

  /// The value pretty-printed with two-space indents and a final newline. Arrays of scalars
  /// stay on one line (`[2025, 2030]`), and so does an object of scalars (and such arrays)
  /// whose line fits in ``inlineWidth`` columns.
  package func rendered() -> String {
    var out = JSONOutput()
    write(to: &out, indent: 0)
    out += "\n"
    return out.text
  }

  /// `s` as a JSON string literal.
  package static func quoted(_ s: String) -> String {
    var out = JSONOutput()
    writeString(s, to: &out)
    return out.text
  }

  /// The widest an object written on one line may be, indent included (in Unicode scalars).
  package static let inlineWidth = 100

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

  package func write(to out: inout JSONOutput, indent: Int) {
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
        JSONValue.writeArray(items, to: &out, indent: indent)
      }
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      if members.allSatisfy({ $0.1.isScalar || $0.1.isScalarArray }) {
        // Written on one line in place; taken back when the line is too wide.
        let mark = out.count
        out += "{"
        for (i, (key, value)) in members.enumerated() {
          if i > 0 { out += ", " }
          JSONValue.writeString(key, to: &out)
          out += ": "
          value.write(to: &out, indent: 0)
        }
        out += "}"
        if 2 * indent + out.scalars(from: mark) <= JSONValue.inlineWidth { return }
        out.truncate(to: mark)
      }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += JSONValue.indentation(indent + 1)
        JSONValue.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + 1)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += JSONValue.indentation(indent)
      out += "}"
    }
  }

  // MARK: Streaming

  private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

  /// Two spaces a level.
  package static func indentation(_ level: Int) -> String {
    level < indents.count ? indents[level] : String(repeating: "  ", count: level)
  }

  /// A member of a top-level object written by ``writeObject(_:to:)``: a value, or an array
  /// whose items are made one at a time as they are written.
  package enum Member {
    case value(JSONValue)
    case array(any Sequence<JSONValue>)
  }

  /// Writes a top-level object member by member (no final newline).
  package static func writeObject(_ members: [(String, Member)], to out: inout JSONOutput) {
    out += "{\n"
    for (i, (key, member)) in members.enumerated() {
      out += "  "
      writeString(key, to: &out)
      out += ": "
      switch member {
      case .value(let value): value.write(to: &out, indent: 1)
      case .array(let items): writeArray(items, to: &out, indent: 1)
      }
      out += i + 1 < members.count ? ",\n" : "\n"
    }
    out += "}"
  }

  /// An array one item a line (`[]` when empty), items made as they are written.
  package static func writeArray(_ items: some Sequence<JSONValue>, to out: inout JSONOutput, indent: Int) {
    var first = true
    for item in items {
      out += first ? "[\n" : ",\n"
      first = false
      out += indentation(indent + 1)
      item.write(to: &out, indent: indent + 1)
    }
    if first {
      out += "[]"
    } else {
      out += "\n"
      out += indentation(indent)
      out += "]"
    }
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`, and
  /// U+2028/U+2029 escaped so the text is also a JavaScript literal; everything else as UTF-8.
  package static func writeString(_ s: String, to out: inout JSONOutput) {
    // Most strings need no escape: copy them whole.
    var plain = true
    var previous: UInt8 = 0, beforePrevious: UInt8 = 0
    for byte in s.utf8 {
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
        plain = false
        break
      }
      (beforePrevious, previous) = (previous, byte)
    }
    if plain {
      out += "\""
      out += s
      out += "\""
      return
    }
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
          UTF8.encode(scalar) { out.append($0) }
        }
      }
    }
    out += "\""
  }
}

/// The bytes of JSON text being written, in one growing buffer of its own: appending a string
/// is one `memcpy` of its UTF-8, much cheaper than growing a `String` (or even an `[UInt8]`)
/// piece by piece, and large exports are written piece by piece. Used `inout`, never copied
/// (copies would share the buffer).
package struct JSONOutput {
  private final class Storage {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
      self.capacity = Swift.max(capacity, 256)
      base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `extra` more bytes.
    @inline(__always) func reserve(_ extra: Int) {
      guard count + extra > capacity else { return }
      let larger = Swift.max(2 * capacity, count + extra)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
      bigger.update(from: base, count: count)
      base.deallocate()
      (base, capacity) = (bigger, larger)
    }
  }

  private let storage: Storage

  package init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

  /// The number of bytes written.
  package var count: Int { storage.count }

  package static func += (output: inout JSONOutput, text: String) {
    var text = text
    text.withUTF8 { output.append($0) }
  }

  /// Appends `bytes`.
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    storage.reserve(bytes.count)
    (storage.base + storage.count).update(from: source, count: bytes.count)
    storage.count += bytes.count
  }

  /// Appends one byte.
  package mutating func append(_ byte: UInt8) {
    storage.reserve(1)
    storage.base[storage.count] = byte
    storage.count += 1
  }

  /// The Unicode scalars written since byte `mark`: the UTF-8 bytes that are not continuation bytes.
  package func scalars(from mark: Int) -> Int {
    var scalars = 0
    for i in mark..<storage.count where storage.base[i] & 0xC0 != 0x80 { scalars += 1 }
    return scalars
  }

  /// Takes back everything written after byte `mark`.
  package mutating func truncate(to mark: Int) { storage.count = mark }

  /// The text written (valid UTF-8 by construction).
  package var text: String { String(decoding: UnsafeBufferPointer(start: storage.base, count: storage.count), as: UTF8.self) }
}
