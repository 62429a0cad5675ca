/// A JSON value as JSON-RPC messages carry it (RFC 8259): parsed from a message body and
/// written back compactly. Objects keep their keys in order.
///
/// The project's ``PlanModel/JSONValue`` only writes (pretty-printed, for exports); the server
/// must read too, and a 40 MB `didOpen` body is parsed here in one pass over its bytes.
enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  static func == (a: JSON, b: JSON) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The member `key` of an object, else `nil`.
  subscript(_ key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// A whole number (LSP's `integer`/`uinteger`), else `nil`.
  var int: Int? {
    guard case .number(let d) = self, d == d.rounded(), abs(d) < 9e15 else { return nil }
    return Int(d)
  }

  var array: [JSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  static func int(_ i: Int) -> JSON { .number(Double(i)) }

  /// An object from key–value pairs, leaving out the `nil` values.
  static func object(_ members: KeyValuePairs<String, JSON?>) -> JSON {
    .object(members.compactMap { k, v in v.map { (k, $0) } })
  }
}

// MARK: - Reading

extension JSON {
  /// Why a body is not JSON.
  struct SyntaxError: Error, Equatable {
    /// Byte offset where reading stopped.
    var offset: Int
  }

  /// Parses one JSON text (RFC 8259), surrounded by optional white space.
  /// - Throws: ``SyntaxError`` at the first byte that does not fit, or for invalid UTF-8.
  /// - Complexity: O(n) in the number of bytes; nesting deeper than 512 levels is refused.
  static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSON {
    try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) in
      var reader = Reader(bytes: buffer)
      reader.skipSpace()
      let value = try reader.value(depth: 0)
      reader.skipSpace()
      guard reader.position == buffer.count else { throw SyntaxError(offset: reader.position) }
      return value
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var error: SyntaxError { SyntaxError(offset: position) }

    mutating func skipSpace() {
      while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ literal: String) throws(SyntaxError) {
      for b in literal.utf8 {
        guard position < bytes.count, bytes[position] == b else { throw error }
        position += 1
      }
    }

    mutating func value(depth: Int) throws(SyntaxError) -> JSON {
      guard position < bytes.count, depth < 512 else { throw error }
      switch bytes[position] {
      case UInt8(ascii: "{"):
        position += 1
        var members: [(String, JSON)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
          position += 1
          return .object(members)
        }
        while true {
          skipSpace()
          guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error }
          let key = try string()
          skipSpace()
          try expect(":")
          skipSpace()
          members.append((key, try value(depth: depth + 1)))
          skipSpace()
          guard position < bytes.count else { throw error }
          if bytes[position] == UInt8(ascii: ",") {
            position += 1
            continue
          }
          try expect("}")
          return .object(members)
        }
      case UInt8(ascii: "["):
        position += 1
        var items: [JSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
          position += 1
          return .array(items)
        }
        while true {
          skipSpace()
          items.append(try value(depth: depth + 1))
          skipSpace()
          guard position < bytes.count else { throw error }
          if bytes[position] == UInt8(ascii: ",") {
            position += 1
            continue
          }
          try expect("]")
          return .array(items)
        }
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"):
        try expect("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expect("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try expect("null")
        return .null
      default: return .number(try number())
      }
    }

    mutating func number() throws(SyntaxError) -> Double {
      let start = position
      if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
      let digitsStart = position
      while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
      guard position > digitsStart else { throw error }
      if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
        position += 1
        let f = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
        guard position > f else { throw error }
      }
      if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
        position += 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
          position += 1
        }
        let e = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
        guard position > e else { throw error }
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let d = Double(text) else { throw SyntaxError(offset: start) }
      return d
    }

    /// A string literal, the cursor on its opening quote. Runs without escapes are copied whole.
    mutating func string() throws(SyntaxError) -> String {
      position += 1
      var out: [UInt8] = []
      while true {
        let runStart = position
        while position < bytes.count, bytes[position] != 0x22, bytes[position] != 0x5C, bytes[position] >= 0x20 {
          position += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        guard position < bytes.count, bytes[position] >= 0x20 else { throw error }
        if bytes[position] == 0x22 {
          position += 1
          guard let s = String(validating: out, as: UTF8.self) else { throw error }
          return s
        }
        position += 1  // the backslash
        guard position < bytes.count else { throw error }
        let c = bytes[position]
        position += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var unit = try hex4()
          if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count, bytes[position] == 0x5C,
            bytes[position + 1] == UInt8(ascii: "u")
          {
            let save = position
            position += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else {
              position = save
            }
          }
          // A lone surrogate is no scalar: it becomes U+FFFD, as a decoder of UTF-16 makes it.
          let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw error
        }
      }
    }

    mutating func hex4() throws(SyntaxError) -> UInt32 {
      var v: UInt32 = 0
      for _ in 0..<4 {
        guard position < bytes.count, let d = hexDigit(bytes[position]) else { throw error }
        v = v << 4 | d
        position += 1
      }
      return v
    }

    func hexDigit(_ b: UInt8) -> UInt32? {
      switch b {
      case 0x30...0x39: UInt32(b - 0x30)
      case 0x41...0x46: UInt32(b - 0x41 + 10)
      case 0x61...0x66: UInt32(b - 0x61 + 10)
      default: nil
      }
    }
  }
}

// MARK: - Writing

extension JSON {
  /// The value as compact JSON text in UTF-8 (no white space between tokens).
  var bytes: [UInt8] {
    var out: [UInt8] = []
    write(to: &out)
    return out
  }

  func write(to out: inout [UInt8]) {
    switch self {
    case .null: out += Array("null".utf8)
    case .bool(let b): out += Array((b ? "true" : "false").utf8)
    case .number(let d):
      if d == d.rounded(), abs(d) < 9e15 {
        out += Array(String(Int(d)).utf8)
      } else if d.isFinite {
        out += Array("\(d)".utf8)
      } else {
        out += Array("null".utf8)
      }
    case .string(let s): JSON.writeString(s, to: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        item.write(to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (i, (k, v)) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSON.writeString(k, to: &out)
        out.append(UInt8(ascii: ":"))
        v.write(to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  static func writeString(_ s: String, to out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: out.append(b)
      }
    }
    out.append(0x22)
  }
}
