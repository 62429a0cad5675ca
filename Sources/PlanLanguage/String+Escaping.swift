/// What every text output does with characters from data that would act on a terminal instead
/// of being shown (SPEC §15, its §10 item; issue 18 item 6).
///
/// C0 controls other than tab and line feed (U+0000–U+001F: ESC, BEL, CR, BS …), DEL (U+007F), C1
/// controls (U+0080–U+009F: CSI, OSC …) and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, which reorder what follows them on screen) are written as
/// `\u` and four hex digits (`\u001b`), whether or not the output is a terminal. JSON, HTML and
/// XML formats use their own escapes instead.
extension String {
  /// Whether a scalar is one that text output escapes (see the extension's discussion).
  @inline(__always)
  package static func isEscapedInText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The string with each character that could act on a terminal written as `\uXXXX` (tab and
  /// line feed kept).
  /// - Complexity: O(n); the string itself is returned when it holds no such character (the
  ///   common case costs one pass over its UTF-8 bytes and no allocation).
  package var escapingControls: String {
    // Fast check on bytes: every escaped scalar has a byte < 0x20, 0x7F, a C2 lead (U+0080–
    // U+00BF) or an E2 80/81 lead (U+2000–U+207F); anything else needs no work.
    let needs = utf8.contains { b in (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 }
    guard needs else { return self }
    var out = String.UnicodeScalarView()
    var changed = false
    for scalar in unicodeScalars {
      if String.isEscapedInText(scalar) {
        changed = true
        let hex = String(scalar.value, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return changed ? String(out) : self
  }
}

/// The escaping of ``Swift/String/escapingControls`` over a stream of UTF-8 pieces (an export
/// written to standard output in chunks): a sequence split between two pieces is held back until
/// the next piece (at most two bytes), so the result equals escaping the whole text at once.
package struct ControlEscaper {
  /// Bytes of an unfinished sequence that may be an escaped scalar (`C2`, `E2`, `E2 80`, `E2 81`).
  private var pending: [UInt8] = []
  /// With `keepingColour`, the SGR sequences `ESC [ digits;… m` pass (the diagnostics' own
  /// colours on standard error; data has been escaped before it was styled).
  private let keepingColour: Bool

  package init(keepingColour: Bool = false) { self.keepingColour = keepingColour }

  /// Escapes `bytes`, handing the result to `emit` (possibly in several calls).
  package mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer) -> Void) {
    // The common case — nothing held back, nothing to escape, no sequence cut at the end (a JSON
    // export, Chinese text with its “—” punctuation) — goes on as it is, without a copy.
    if pending.isEmpty, !Self.needsWork(bytes) {
      emit(bytes)
      return
    }
    var input = pending
    pending = []
    input.append(contentsOf: bytes)
    var out: [UInt8] = []
    out.reserveCapacity(input.count)
    var i = 0
    let n = input.count
    func escape(_ value: UInt32) {
      let hex = Array(String(value, radix: 16).utf8)
      out.append(contentsOf: [0x5C, 0x75] + Array(repeating: 0x30, count: max(0, 4 - hex.count)) + hex)
    }
    while i < n {
      let b = input[i]
      if b < 0x20 && b != 0x09 && b != 0x0A || b == 0x7F {
        if keepingColour, b == 0x1B, let end = Self.sgrEnd(input, from: i) {
          out.append(contentsOf: input[i..<end])
          i = end
          continue
        }
        escape(UInt32(b))
        i += 1
      } else if b == 0xC2 {
        guard i + 1 < n else {
          pending = [b]
          break
        }
        let c = input[i + 1]
        if (0x80...0x9F).contains(c) { escape(UInt32(c)) } else { out.append(contentsOf: [b, c]) }
        i += 2
      } else if b == 0xE2 {
        guard i + 2 < n else {
          pending = Array(input[i...])
          break
        }
        let (c, d) = (input[i + 1], input[i + 2])
        if c == 0x80, (0xAA...0xAE).contains(d) {
          escape(0x2000 + UInt32(d - 0x80))
        } else if c == 0x81, (0xA6...0xA9).contains(d) {
          escape(0x2040 + UInt32(d - 0x80))
        } else {
          out.append(contentsOf: [b, c, d])
        }
        i += 3
      } else {
        out.append(b)
        i += 1
      }
    }
    out.withUnsafeBytes(emit)
  }

  /// Whether `bytes` hold a scalar to escape, or end in the first bytes of a sequence that may be one.
  private static func needsWork(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      if b < 0x20 {
        if b != 0x09 && b != 0x0A { return true }
      } else if b == 0x7F {
        return true
      } else if b == 0xC2 {
        if i + 1 >= n || (0x80...0x9F).contains(bytes[i + 1]) { return true }
      } else if b == 0xE2 {
        if i + 2 >= n { return true }
        let (c, d) = (bytes[i + 1], bytes[i + 2])
        if (c == 0x80 && (0xAA...0xAE).contains(d)) || (c == 0x81 && (0xA6...0xA9).contains(d)) { return true }
      }
      i += 1
    }
    return false
  }

  /// Hands on what was held back at the end of the stream (an unfinished sequence, as it was).
  package mutating func finish(_ emit: (UnsafeRawBufferPointer) -> Void) {
    guard !pending.isEmpty else { return }
    let rest = pending
    pending = []
    rest.withUnsafeBytes(emit)
  }

  /// The end of an SGR sequence `ESC [ (digits | ;)* m` starting at `i`, if there is one.
  private static func sgrEnd(_ bytes: [UInt8], from i: Int) -> Int? {
    guard i + 2 < bytes.count, bytes[i + 1] == 0x5B else { return nil }
    var j = i + 2
    while j < bytes.count, (0x30...0x39).contains(bytes[j]) || bytes[j] == 0x3B { j += 1 }
    return j < bytes.count && bytes[j] == 0x6D ? j + 1 : nil
  }

  /// `text` escaped as a whole.
  package static func escape(_ text: String, keepingColour: Bool = false) -> String {
    // The common case: nothing to escape, nothing copied.
    guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
    else { return text }
    var escaper = ControlEscaper(keepingColour: keepingColour)
    var out: [UInt8] = []
    var text = text
    text.withUTF8 { escaper.feed(UnsafeRawBufferPointer($0)) { out.append(contentsOf: $0) } }
    escaper.finish { out.append(contentsOf: $0) }
    return String(decoding: out, as: UTF8.self)
  }
}
