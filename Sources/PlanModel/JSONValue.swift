#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    case .int(let i): out.write(integer: i)
    case .number(let d): out.write(number: d)
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
  ///
  /// Works on the string's UTF-8 bytes in one pass: runs of bytes that need no escape (nearly
  /// every string, Chinese included) are copied with one `memcpy` each.
  /// - Complexity: O(n) in the UTF-8 length of `s`.
  package static func writeString(_ s: String, to out: inout JSONOutput) {
    let done: Void? = s.utf8.withContiguousStorageIfAvailable { out.writeQuoted($0) }
    if done == nil {
      var copy = s
      copy.withUTF8 { out.writeQuoted($0) }
    }
  }
}

/// The bytes of JSON text being written, in one growing buffer of its own: appending a string
/// is one `memcpy` of its UTF-8, much cheaper than growing a `String` (or even an `[UInt8]`)
/// piece by piece. Used `inout`, never copied (copies would share the buffer).
///
/// With a sink (``init(chunkSize:sink:)``) the text is handed on in pieces: ``flushIfFull()``,
/// called by the writer wherever nothing written will be taken back, passes the buffer to the
/// sink once it holds `chunkSize` bytes and starts it again, so memory stays near one chunk
/// however long the text. Without a sink everything stays in the buffer (``text``, ``withBytes(_:)``).
package struct JSONOutput {
  private final class Storage {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int
    let chunkSize: Int
    let sink: ((UnsafeRawBufferPointer) -> Void)?

    init(capacity: Int, chunkSize: Int, sink: ((UnsafeRawBufferPointer) -> Void)?) {
      self.capacity = Swift.max(capacity, 256)
      self.chunkSize = chunkSize
      self.sink = sink
      guard let memory = malloc(self.capacity) else { fatalError("out of memory (\(self.capacity) bytes)") }
      base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// Room for `extra` more bytes. Grows by doubling with `realloc`, which for a large buffer
    /// moves pages instead of copying them (`mremap`), so a long text never exists twice.
    @inline(__always) func reserve(_ extra: Int) {
      if count + extra > capacity { grow(count + extra) }
    }

    func grow(_ needed: Int) {
      let larger = Swift.max(2 * capacity, needed)
      guard let memory = realloc(base, larger) else { fatalError("out of memory (\(larger) bytes)") }
      (base, capacity) = (memory.assumingMemoryBound(to: UInt8.self), larger)
    }

    /// The bytes written, from the start of the buffer.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
  }

  private let storage: Storage

  /// A buffer that keeps everything; `capacity` is a first guess in bytes (it grows as needed).
  package init(capacity: Int = 0) { storage = Storage(capacity: capacity, chunkSize: .max, sink: nil) }

  /// A buffer that hands its bytes to `sink` in pieces of about `chunkSize` bytes (at
  /// ``flushIfFull()``, and the rest at ``flush()``, which the writer must call at the end).
  package init(chunkSize: Int, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
    storage = Storage(capacity: chunkSize + chunkSize / 4, chunkSize: chunkSize, sink: sink)
  }

  /// The number of bytes in the buffer (written since the last flush).
  package var count: Int { storage.count }

  package static func += (output: inout JSONOutput, text: String) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { output.append($0) }
    if done == nil {
      var copy = text
      copy.withUTF8 { output.append($0) }
    }
  }

  /// Appends `bytes`.
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    storage.reserve(bytes.count)
    (storage.base + storage.count).update(from: source, count: bytes.count)
    storage.count += bytes.count
  }

  /// Appends `bytes` (a key template, say).
  package mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

  /// Appends one byte.
  package mutating func append(_ byte: UInt8) {
    storage.reserve(1)
    storage.base[storage.count] = byte
    storage.count += 1
  }

  /// `i` in decimal, without making a `String`.
  package mutating func write(integer i: Int) {
    storage.reserve(20)
    var magnitude = i.magnitude
    // The digits, last first, into the end of a 20-byte window, then moved to the front.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let length = withUnsafeMutableBytes(of: &digits) { window -> Int in
      var at = window.count
      repeat {
        at -= 1
        window[at] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if i < 0 {
        at -= 1
        window[at] = 0x2D  // -
      }
      let length = window.count - at
      (storage.base + storage.count).update(
        from: window.baseAddress!.advanced(by: at).assumingMemoryBound(to: UInt8.self), count: length)
      return length
    }
    storage.count += length
  }

  /// A number as ``JSONValue/number(_:)`` writes it: ``Format/number(_:)``, `null` when not
  /// finite. Whole numbers below 10¹⁵ (the common case: amounts, counts, years) take the
  /// digit writer instead of a `String`; they are the same digits. Other numbers are Swift's
  /// shortest round-trip `description` (what `Format.number` starts from), taken as it is
  /// when it has no exponent (0.072, 0.07200000000000001); only `1e-05` and the like go
  /// through `Format.number`'s expansion. That skips its string interpolation and its walk over
  /// `Character`s, several thousand instructions a number.
  package mutating func write(number d: Double) {
    if !d.isFinite {
      self += "null"
    } else if d == d.rounded(), abs(d) < 1e15 {
      write(integer: Int(d))  // -0 is written 0, as Format.number does
    } else {
      let text = d.description
      if text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        self += Format.number(d)
      } else {
        self += text
      }
    }
  }

  /// Whether any of the 8 bytes of `word` may need attention in a JSON string: one below
  /// 0x20, `"` (0x22), `\` (0x5C) or 0xE2 (the lead byte of U+2028/U+2029). Exact as a yes/no
  /// answer: `(x - 0x01…01) & ~x & 0x80…80` is nonzero exactly when a byte of `x` is 0, and
  /// with `0x20…20` instead of `0x01…01` when a byte is below 0x20.
  @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let control = (word &- 0x20 &* ones) & ~word & highs
    return control | hasZero(word ^ (0x22 &* ones)) | hasZero(word ^ (0x5C &* ones)) | hasZero(word ^ (0xE2 &* ones))
      != 0
  }

  /// `bytes` (valid UTF-8) as a JSON string literal; see ``JSONValue/writeString(_:to:)``.
  /// The bytes that need an escape are `"`, `\`, those below 0x20 and U+2028/U+2029
  /// (`E2 80 A8`/`E2 80 A9`); everything between them is copied as one run. The search skips 8
  /// bytes at a time while ``mayNeedEscape(_:)`` says none of them can need one.
  /// - Complexity: O(n), about one comparison per 8 bytes of plain text.
  package mutating func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    storage.reserve(n + 2)
    storage.base[storage.count] = 0x22
    storage.count += 1
    var run = 0  // start of the bytes not yet copied
    var i = 0
    let raw = UnsafeRawPointer(bytes.baseAddress)
    while i < n {
      if let raw, n - i >= 8, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
        i += 8
        continue
      }
      let b = bytes[i]
      if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
        i += 1
        continue
      }
      let escape: StaticString
      var width = 1
      var control: UInt8?  // a control character without a short escape: \u00XX
      switch b {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0x08: escape = "\\b"
      case 0x0C: escape = "\\f"
      case 0xE2:
        guard i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
          i += 1
          continue
        }
        escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        width = 3
      default:
        escape = "\\u00"
        control = b
      }
      append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
      escape.withUTF8Buffer { append($0) }
      if let control {
        let hex: StaticString = "0123456789abcdef"
        append(hex.utf8Start[Int(control >> 4)])
        append(hex.utf8Start[Int(control & 0xF)])
      }
      i += width
      run = i
    }
    append(UnsafeBufferPointer(rebasing: bytes[run..<n]))
    append(0x22)
  }

  /// The Unicode scalars written since byte `mark`: the UTF-8 bytes that are not continuation bytes.
  package func scalars(from mark: Int) -> Int {
    var scalars = 0
    for i in mark..<storage.count where storage.base[i] & 0xC0 != 0x80 { scalars += 1 }
    return scalars
  }

  /// Takes back everything written after byte `mark` (a ``count`` taken since the last flush).
  package mutating func truncate(to mark: Int) { storage.count = mark }

  /// With a sink: hands the buffer to it when it holds at least `chunkSize` bytes. Call only
  /// where nothing written will be taken back: the marks of ``count`` start again from 0.
  package mutating func flushIfFull() {
    if storage.count >= storage.chunkSize { flush() }
  }

  /// With a sink: hands it whatever the buffer holds. Without one, nothing happens.
  package mutating func flush() {
    guard let sink = storage.sink, storage.count > 0 else { return }
    sink(storage.bytes)
    storage.count = 0
  }

  /// Calls `body` with the bytes in the buffer (all that was written, without a sink).
  package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(storage.bytes) }

  /// The text in the buffer (valid UTF-8 by construction).
  package var text: String {
    String(decoding: UnsafeBufferPointer(start: storage.base, count: storage.count), as: UTF8.self)
  }
}
