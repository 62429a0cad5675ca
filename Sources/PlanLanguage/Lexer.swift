/// The lexer of the command language (SPEC §2), over UTF-8 bytes without copying them.
///
/// It is driven by the ``Parser`` one token at a time, because one token kind depends on the
/// position: a bare path after `load`, `save`, `run`, `export … to` and `recover`.
/// Columns are counted incrementally, so a line of a million characters lexes in linear time.
package struct Lexer {
  /// What the next step of lexing found.
  package enum Step {
    case token(Token)
    /// A newline (not continued) or the end of input: the command ends here.
    case endOfCommand
    case error(Diagnostic)
    /// The input ends inside a string or after a `\` continuation (only when incomplete input is allowed).
    case incomplete
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// The file, interned once (``SourceFiles``), so tokens carry no string for it.
  let fileID: UInt32
  let allowIncomplete: Bool
  package private(set) var pos = 0
  private(set) var line = 1
  private var lineStart = 0
  private var colPos = 0
  private var colValue = 1

  /// The strings of recent short words and numbers, and of recent quoted text, made once.
  private let words = WordCache()
  private let texts = TextCache()

  /// - Parameters:
  ///   - firstLine: the line number of the first byte (a chunk of a larger source starts later).
  package init(bytes: UnsafeBufferPointer<UInt8>, file: String, allowIncomplete: Bool, firstLine: Int = 1) {
    self.bytes = bytes
    self.fileID = SourceFiles.id(of: file)
    self.allowIncomplete = allowIncomplete
    self.line = firstLine
  }

  package var atEnd: Bool { pos >= bytes.count }

  // MARK: Positions

  /// The column of byte `offset` on the current line (1-based, in scalars).
  @inline(__always)
  private mutating func column(of offset: Int) -> Int {
    if offset < colPos {
      colPos = lineStart
      colValue = 1
    }
    var i = colPos
    var c = colValue
    while i < offset {
      if bytes[i] & 0xC0 != 0x80 { c += 1 }
      i += 1
    }
    colPos = offset
    colValue = c
    return c
  }

  @inline(__always)
  private mutating func location(of offset: Int) -> SourceLocation {
    SourceLocation(fileID: fileID, line: line, column: column(of: offset))
  }

  private func scalarCount(_ from: Int, _ to: Int) -> Int {
    var n = 0
    var i = from
    while i < to {
      if bytes[i] & 0xC0 != 0x80 { n += 1 }
      i += 1
    }
    return n
  }

  private mutating func newLine(at offset: Int) {
    line += 1
    lineStart = offset
    colPos = offset
    colValue = 1
  }

  // MARK: UTF-8

  /// Decodes the scalar at `i`: its value and byte length, or `nil` for invalid UTF-8.
  @inline(__always)
  private func decode(_ i: Int) -> (UInt32, Int)? {
    let b0 = bytes[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n = bytes.count
    func cont(_ k: Int) -> UInt32? {
      guard k < n, bytes[k] & 0xC0 == 0x80 else { return nil }
      return UInt32(bytes[k] & 0x3F)
    }
    if b0 & 0xE0 == 0xC0 {
      guard b0 >= 0xC2, let c1 = cont(i + 1) else { return nil }
      return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
    }
    if b0 & 0xF0 == 0xE0 {
      guard let c1 = cont(i + 1), let c2 = cont(i + 2) else { return nil }
      let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
      guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
      return (v, 3)
    }
    if b0 & 0xF8 == 0xF0 {
      guard let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) else { return nil }
      let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
      guard v >= 0x10000, v <= 0x10FFFF else { return nil }
      return (v, 4)
    }
    return nil
  }

  /// Scans whole UTF-8 scalars from `i` while `keepGoing` holds for the byte at the current
  /// offset (and input remains). Returns where it stopped, or the offset of invalid UTF-8.
  private func scanUTF8(from i: Int, while keepGoing: (Int) -> Bool) -> (end: Int, invalidAt: Int?) {
    var i = i
    while i < bytes.count, keepGoing(i) {
      if bytes[i] >= 0x80 {
        guard let (_, n) = decode(i) else { return (i, i) }
        i += n
      } else {
        i += 1
      }
    }
    return (i, nil)
  }

  private mutating func invalidUTF8(at offset: Int) -> Step {
    let loc = location(of: offset)
    pos = offset + 1
    return .error(.error(.invalidUTF8(), at: loc))
  }

  // MARK: Classification

  @inline(__always)
  private static func isWordStart(_ v: UInt32) -> Bool {
    if v < 0x80 {
      return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F
    }
    if v >= 0x4E00 && v <= 0x9FFF { return true }
    return isLetter(v)
  }

  @inline(__always)
  private static func isWordContinue(_ v: UInt32) -> Bool {
    if v < 0x80 {
      return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        || v == 0x2D
    }
    if v >= 0x4E00 && v <= 0x9FFF { return true }
    return isLetterDigitOrMark(v)
  }

  // The Unicode categories are looked up out of line: inlined, their setup (the resilient
  // category values, the property metadata) would run on every call of the lexer's hot functions.

  /// Whether scalar `v` is a letter (general category L).
  @inline(never)
  private static func isLetter(_ v: UInt32) -> Bool {
    guard let s = Unicode.Scalar(v) else { return false }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  /// Whether scalar `v` is a letter, a decimal digit or a mark (categories L, Nd, M).
  @inline(never)
  private static func isLetterDigitOrMark(_ v: UInt32) -> Bool {
    guard let s = Unicode.Scalar(v) else { return false }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default: return false
    }
  }

  @inline(__always)
  private func isDigit(_ i: Int) -> Bool {
    i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39
  }

  /// Whether byte `i` starts whitespace (space, tab, CR, U+3000); returns its length.
  @inline(__always)
  private func whitespaceLength(_ i: Int) -> Int {
    let b = bytes[i]
    if b == 0x20 || b == 0x09 || b == 0x0D { return 1 }
    if b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
    return 0
  }

  /// Whether the token ending at `i` is properly delimited.
  private func isDelimiter(_ i: Int) -> Bool {
    if i >= bytes.count { return true }
    let b = bytes[i]
    return b == 0x0A || b == 0x23 || whitespaceLength(i) > 0 || b == 0x5C
  }

  // MARK: Skipping

  /// Skips blanks, comments and `\` continuations. Returns `.endOfCommand`, `.incomplete` or an error
  /// if one of those comes first, else `nil` with `pos` at the next token.
  private mutating func skipBlanks() -> Step? {
    while pos < bytes.count {
      let w = whitespaceLength(pos)
      if w > 0 {
        pos += w
        continue
      }
      let b = bytes[pos]
      if b == 0x23 {  // '#': comment to end of line
        let (end, invalid) = scanUTF8(from: pos + 1) { bytes[$0] != 0x0A }
        if let invalid { return invalidUTF8(at: invalid) }
        pos = end
        continue
      }
      if b == 0x5C {  // '\': continuation when only blanks follow on the line
        var i = pos + 1
        while i < bytes.count, whitespaceLength(i) > 0 { i += whitespaceLength(i) }
        if i >= bytes.count {
          if allowIncomplete { return .incomplete }
          let loc = location(of: pos)
          pos = i
          return .error(.error(.continuationAtEnd(), at: loc))
        }
        if bytes[i] == 0x0A {
          pos = i + 1
          newLine(at: pos)
          continue
        }
        return nil
      }
      if b == 0x0A {
        pos += 1
        newLine(at: pos)
        return .endOfCommand
      }
      return nil
    }
    return .endOfCommand
  }

  /// Skips the rest of the current command (after an error), up to and including its newline.
  package mutating func skipCommand() {
    while pos < bytes.count {
      if bytes[pos] == 0x0A {
        var j = pos - 1
        while j >= lineStart && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D) { j -= 1 }
        let continued = j >= lineStart && bytes[j] == 0x5C
        pos += 1
        newLine(at: pos)
        if continued { continue }
        return
      }
      pos += 1
    }
  }

  // MARK: Tokens

  /// The next token of an ordinary argument position.
  ///
  /// The two commonest tokens of a plan file, an ASCII word (`add`, `phase`, `K12`) and a plain
  /// number (`12`, `0.25`) ending at a blank or the line's end, and the end of a line, are taken
  /// without the general path's case analysis; they come out exactly as the general path would
  /// make them, which handles everything else (and these, when they are not followed as said).
  package mutating func next() -> Step {
    if let token = simpleToken() { return .token(token) }
    // The end of the line after spaces: what the general path's skipping does with it.
    var i = pos
    while i < bytes.count && bytes[i] == 0x20 { i += 1 }
    if i < bytes.count && bytes[i] == 0x0A {
      pos = i + 1
      newLine(at: pos)
      return .endOfCommand
    }
    return nextInGeneral()
  }

  /// The token at `pos` (after spaces) when it is an ASCII word or a plain number followed as
  /// ``next()`` says, else `nil` with nothing consumed.
  @inline(__always)
  private mutating func simpleToken() -> Token? {
    var i = pos
    while i < bytes.count && bytes[i] == 0x20 { i += 1 }
    guard i < bytes.count else { return nil }
    let b = bytes[i]
    if Lexer.isASCIIWordStart(b) {
      var j = i + 1
      while j < bytes.count && Lexer.isASCIIWordContinue(bytes[j]) { j += 1 }
      // Not a list (`,`), and not a word going on in other scripts (`G1号`).
      guard j == bytes.count || (bytes[j] < 0x80 && bytes[j] != 0x2C) else { return nil }
      pos = j
      return Token(.word(asciiText(i, j)), at: location(of: i), length: j - i)
    }
    if b >= 0x30 && b <= 0x39 {
      let j = scanDecimal(i)
      // Not a month, range, fraction or percent, nor a number glued to more.
      guard isDelimiter(j), let v = exactDecimal(i, j) else { return nil }
      pos = j
      return Token(
        .number(NumberLiteral(value: v, text: asciiText(i, j), form: .plain)), at: location(of: i),
        length: j - i)
    }
    return nil
  }

  /// ``next()`` for any token.
  private mutating func nextInGeneral() -> Step {
    if let stop = skipBlanks() { return stop }
    let start = pos
    let b = bytes[pos]
    if b == 0x22 { return lexQuoted(start: start, open: 1, close: [0x22], escapes: true) }
    if b == 0xE2, pos + 2 < bytes.count, bytes[pos + 1] == 0x80, bytes[pos + 2] == 0x9C {
      return lexQuoted(start: start, open: 3, close: [0xE2, 0x80, 0x9D], escapes: false)  // “…”
    }
    if b == 0xE3, pos + 2 < bytes.count, bytes[pos + 1] == 0x80, bytes[pos + 2] == 0x8C {
      return lexQuoted(start: start, open: 3, close: [0xE3, 0x80, 0x8D], escapes: false)  // 「…」
    }
    if (b >= 0x30 && b <= 0x39) || (b == 0x2D && isDigit(pos + 1)) { return lexNumberish(start: start) }
    if b == 0xEF, pos + 2 < bytes.count, bytes[pos + 1] == 0xBC, bytes[pos + 2] >= 0x90, bytes[pos + 2] <= 0x99 {
      return lexFullWidthDigits(start: start)
    }
    guard let (v, n) = decode(pos) else { return invalidUTF8(at: pos) }
    if Lexer.isWordStart(v) { return lexWordOrList(start: start) }
    if let marker = conflictMarker(at: start) { return marker }
    let loc = location(of: start)
    pos += n
    let shown = v == 0 ? "\\0" : String(Character(Unicode.Scalar(v)!))
    var message = Message.unexpectedCharacter(shown)
    if let hint = Lexer.hint(forCharacter: v) {
      message.notes.append(hint)
    } else if let run = textRun(around: start, length: n) {
      message.notes.append(SyntaxText.quoteTextHint(run))
    }
    return .error(.error(message, at: loc))
  }

  /// The run of text that the character of `length` bytes at `start` stands in, from the blank
  /// before it to the blank after it (`Wh/kg`), when it is glued to a word or digits on either
  /// side; `nil` for a character that stands alone or a run with a quote or invalid UTF-8.
  private func textRun(around start: Int, length: Int) -> String? {
    func isBlank(_ i: Int) -> Bool {
      let b = bytes[i]
      return b == 0x0A || b == 0x23 || whitespaceLength(i) > 0
    }
    var from = start
    while from > lineStart, !isBlank(from - 1) { from -= 1 }
    var to = start + length
    while to < bytes.count, !isBlank(to) { to += 1 }
    guard from < start || to > start + length else { return nil }
    let run = UnsafeBufferPointer(rebasing: bytes[from..<to])
    guard !run.contains(0x22), let text = String(validating: run, as: UTF8.self) else { return nil }
    return text
  }

  /// A merge-conflict marker at `start`: a line that starts with seven `<`, `=`, `|` or `>` and
  /// nothing but blanks or a label after them (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, and
  /// diff3's `||||||| base`), as `cplan merge` and git write them. It is an error (E017), so a
  /// file with an unresolved conflict never loads half; the rest of the line is skipped with it.
  /// The marker moves ``conflictPart`` on.
  /// - Returns: `nil` when the bytes at `start` are not a marker (only at a line's start).
  private mutating func conflictMarker(at start: Int) -> Step? {
    guard start == lineStart, start + 7 <= bytes.count else { return nil }
    let c = bytes[start]
    guard c == 0x3C || c == 0x3D || c == 0x7C || c == 0x3E else { return nil }  // < = | >
    for i in start..<(start + 7) where bytes[i] != c { return nil }
    guard start + 7 == bytes.count || bytes[start + 7] == 0x0A || whitespaceLength(start + 7) > 0 else { return nil }
    let loc = location(of: start)
    pos = start + 7
    switch c {
    case 0x3C: conflictPart = .ours
    case 0x7C where conflictPart != .none: conflictPart = .base
    case 0x3D where conflictPart != .none: conflictPart = .theirs
    default: conflictPart = .none
    }
    let marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    var message = Message.unresolvedConflict(marker)
    if c != 0x3C { message.notes = [] }  // the hint once per conflict
    return .error(.error(message, at: loc, length: 7))
  }

  /// Where the lexer stands in a merge conflict's markers (``conflictMarker(at:)``).
  package enum ConflictPart: Sendable {
    /// Outside any conflict.
    case none
    /// After `<<<<<<<`: ours' version.
    case ours
    /// After `|||||||`: the base version (git's diff3 style).
    case base
    /// After `=======`: theirs' version.
    case theirs
  }

  /// The part of a conflict the lexer is in; the statements of the base and theirs versions
  /// are alternatives to ours' and are not handed on by the parser (``Parser``).
  package private(set) var conflictPart = ConflictPart.none

  /// A hint for a character that Chinese input methods type in place of an ASCII one.
  static func hint(forCharacter v: UInt32) -> LocalizedText? {
    switch v {
    case 0xFF0C, 0x3001:  // ，、
      return SyntaxText.listCommaHint
    case 0x25, 0xFF05:  // % ％
      return SyntaxText.percentHint
    case 0xFF5E, 0x7E:  // ～ ~
      return SyntaxText.periodHint
    case 0xFF1A, 0xFF1B:  // ：；
      return SyntaxText.punctuationHint
    default:
      return nil
    }
  }

  /// A hint for a malformed number, from what it looks like.
  static func hint(forNumber text: String) -> LocalizedText? {
    let scalars = Array(text.unicodeScalars)
    let digitsAndDash = scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" }
    if text.contains(",") {
      return SyntaxText.thousandsHint
    }
    if text.contains("％") {
      return SyntaxText.fullWidthPercentHint
    }
    if text.contains("～") || text.contains("~") || (digitsAndDash && scalars.count == 9 && scalars[4] == "-") {
      return SyntaxText.periodOrMonthsHint
    }
    if digitsAndDash, scalars.count == 6, scalars[4] == "-" {
      return SyntaxText.monthDigitsHint
    }
    return nil
  }

  /// The next token where a path may stand: a quoted string or a bare run of non-blank characters.
  package mutating func nextPath() -> Step {
    if let stop = skipBlanks() { return stop }
    let start = pos
    let b = bytes[pos]
    if b == 0x22 || b == 0xE2 || b == 0xE3 {
      let step = next()
      if case .token(var t) = step, case .string(let s) = t.kind {
        t.kind = .path(s)
        return .token(t)
      }
      if case .token = step {} else { return step }
      pos = start
    }
    let (i, invalid) = scanUTF8(from: start) { bytes[$0] != 0x0A && whitespaceLength($0) == 0 }
    if let invalid { return invalidUTF8(at: invalid) }
    pos = i
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    return .token(Token(.path(text), at: location(of: start), length: scalarCount(start, i)))
  }

  /// A word, or a list of words separated by commas without spaces (`G1,G2`).
  private mutating func lexWordOrList(start: Int) -> Step {
    var ids: [String] = []  // only for a list
    var wordStart = start
    while true {
      var i = wordStart
      var ascii = true
      var nfcSafe = true
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          if Lexer.isASCIIWordContinue(b) { i += 1 } else { break }
        } else {
          guard let (v, n) = decode(i) else { return invalidUTF8(at: i) }
          guard Lexer.isWordContinue(v) else { break }
          ascii = false
          if !Lexer.isNFCStable(v) { nfcSafe = false }
          i += n
        }
      }
      let word = makeString(wordStart, i, ascii: ascii, nfcSafe: nfcSafe)
      if i < bytes.count, bytes[i] == 0x2C {  // ','
        let next = i + 1
        if next < bytes.count, let (v, _) = decode(next), Lexer.isWordStart(v) {
          ids.append(word)
          wordStart = next
          continue
        }
        let loc = location(of: next)
        pos = next
        return .error(.error(.badList(), at: loc))
      }
      pos = i
      let loc = location(of: start)
      let length = ascii && ids.isEmpty ? pos - start : scalarCount(start, pos)
      if ids.isEmpty { return .token(Token(.word(word), at: loc, length: length)) }
      ids.append(word)
      return .token(Token(.list(ids), at: loc, length: length))
    }
  }

  /// `isWordStart` for an ASCII byte: letters, `_`.
  @inline(__always)
  private static func isASCIIWordStart(_ b: UInt8) -> Bool {
    let l = b | 0x20
    return (l >= 0x61 && l <= 0x7A) || b == 0x5F
  }

  /// `isWordContinue` for an ASCII byte: letters, digits, `_`, `-`.
  @inline(__always)
  private static func isASCIIWordContinue(_ b: UInt8) -> Bool {
    let l = b | 0x20
    return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
  }

  /// Scalars that never change under NFC on their own or next to their neighbours
  /// (ASCII and Latin-1 letters, CJK ideographs and punctuation, full-width forms).
  @inline(__always)
  private static func isNFCStable(_ v: UInt32) -> Bool {
    v < 0x0300 || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF)
  }

  /// `U+` and the scalar value in at least four upper-case hex digits (`U+000A`), as
  /// `String(format: "U+%04X", v)` writes it.
  static func codePoint(_ v: UInt32) -> String {
    let hex = String(v, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  private func makeString(_ from: Int, _ to: Int, ascii: Bool, nfcSafe: Bool) -> String {
    let s = text(from, to)
    if ascii || nfcSafe { return s }
    return s.nfc
  }

  /// The string of ASCII bytes `from..<to` (not NUL), from the cache of recent words when short.
  @inline(__always)
  private func asciiText(_ from: Int, _ to: Int) -> String {
    guard to - from <= 15 else { return text(from, to) }
    return words.string(UnsafeBufferPointer(rebasing: bytes[from..<to])) { text(from, to) }
  }

  /// The string of bytes `from..<to`, invalid UTF-8 repaired (the lexer has checked it).
  ///
  /// Up to 15 bytes (IDs, keywords, numbers: most tokens) it is built in place as a small string,
  /// whose ASCII needs no validation pass; `String(decoding:)` validates first and copies after.
  @inline(__always)
  private func text(_ from: Int, _ to: Int) -> String {
    let count = to - from
    if count > 0 && count <= 15 {
      return String(unsafeUninitializedCapacity: count) { buffer in
        buffer.baseAddress!.initialize(from: bytes.baseAddress! + from, count: count)
        return count
      }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
  }

  private mutating func lexQuoted(start: Int, open: Int, close: [UInt8], escapes: Bool) -> Step {
    let startLoc = location(of: start)
    let startLine = line
    let startLineStart = lineStart
    var i = start + open
    var buffer: [UInt8] = []  // only once an escape is met
    var escaped = false
    var segmentStart = i
    var nfcSafe = true
    while true {
      i = skipPlainText(from: i)
      if i >= bytes.count {
        if allowIncomplete { return .incomplete }
        // Report at the opening quote, then resume on the line after it.
        var j = start
        while j < bytes.count && bytes[j] != 0x0A { j += 1 }
        line = startLine
        lineStart = startLineStart
        colPos = startLineStart
        colValue = 1
        pos = j
        return .error(.error(.unterminatedString(), at: startLoc, length: 1))
      }
      let b = bytes[i]
      if b == close[0], i + close.count <= bytes.count,
        close.count == 1 || (bytes[i + 1] == close[1] && bytes[i + 2] == close[2])
      {
        if escaped { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i])) }
        i += close.count
        break
      }
      if b == 0x5C && escapes {
        escaped = true
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
        guard i + 1 < bytes.count else {
          i += 1
          segmentStart = i
          continue
        }
        switch bytes[i + 1] {
        case 0x22: buffer.append(0x22)
        case 0x5C: buffer.append(0x5C)
        case 0x6E: buffer.append(0x0A)
        case 0x74: buffer.append(0x09)
        default:
          let loc = location(of: i)
          let shown: String
          if let (v, _) = decode(i + 1), let s = Unicode.Scalar(v) {
            // A control character (a newline) is named, so the message stays on one line.
            shown = v < 0x20 || v == 0x7F ? Lexer.codePoint(v) : String(Character(s))
          } else {
            shown = "?"
          }
          // Resume at a newline, not past it, so that the lines after are counted (a `\` that
          // ends a line inside a string: `"攻关\` then `突破期"`).
          pos = bytes[i + 1] == 0x0A ? i + 1 : i + 2
          return .error(.error(.unknownEscape(shown), at: loc, length: 2))
        }
        i += 2
        segmentStart = i
        continue
      }
      if b == 0x0A {
        i += 1
        newLine(at: i)
        continue
      }
      if b >= 0x80 {
        guard let (v, n) = decode(i) else { return invalidUTF8(at: i) }
        if !Lexer.isNFCStable(v) { nfcSafe = false }
        i += n
      } else {
        if b == 0 {
          let loc = location(of: i)
          pos = i + 1
          return .error(.error(.unexpectedCharacter("\\0"), at: loc))
        }
        i += 1
      }
    }
    pos = i
    var text: String
    let from = start + open
    let to = i - close.count
    if escaped {
      text = String(decoding: buffer, as: UTF8.self)
    } else if nfcSafe, to > from, to - from <= TextCache.maxLength {
      text = texts.string(UnsafeBufferPointer(rebasing: bytes[from..<to])) {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
      }
    } else {
      text = self.text(from, to)
    }
    if !nfcSafe { text = text.nfc }
    let length = startLine == line ? scalarCount(start, i) : 1
    return .token(Token(.string(text), at: startLoc, length: length))
  }

  /// Skips the text inside a string that needs no more than a look at each byte: printable
  /// ASCII other than `"` and `\`, and CJK ideographs (U+4E00…U+9FFF, well formed, unchanged by
  /// NFC), the text of nearly every name. Stops at anything else, which ``lexQuoted`` handles
  /// one scalar at a time (quotes, escapes, newlines, other scripts, invalid UTF-8).
  /// - Returns: where it stopped.
  @inline(__always)
  private func skipPlainText(from start: Int) -> Int {
    var i = start
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        guard b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F else { return i }
        i += 1
      } else {
        // E4 B8 80 (U+4E00) … E9 BF BF (U+9FFF): a lead byte E4…E9 (E4 with B8 or more next)
        // and two continuation bytes.
        guard b >= 0xE4, b <= 0xE9, i + 2 < n else { return i }
        let c1 = bytes[i + 1]
        let c2 = bytes[i + 2]
        guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, b != 0xE4 || c1 >= 0xB8 else { return i }
        i += 3
      }
    }
    return i
  }

  private mutating func lexFullWidthDigits(start: Int) -> Step {
    var i = start
    while i + 2 < bytes.count, bytes[i] == 0xEF, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0x99 {
      i += 3
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    let loc = location(of: start)
    pos = i
    return .error(.error(.fullWidthDigit(text), at: loc, length: scalarCount(start, i)))
  }

  /// Scans `[-]digits[.digits]` from `i`; returns the end offset.
  private func scanDecimal(_ i: Int) -> Int {
    var j = i
    if j < bytes.count && bytes[j] == 0x2D { j += 1 }
    while isDigit(j) { j += 1 }
    if j < bytes.count, bytes[j] == 0x2E, isDigit(j + 1) {
      j += 1
      while isDigit(j) { j += 1 }
    }
    return j
  }

  /// Powers of ten that are exact doubles (10^0 … 10^22).
  private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

  /// The value of `[-]digits[.digits]` at `from..<to` when it has at most 15 significant
  /// digits, computed exactly: the digits as an integer (exact below 2^53), divided by an
  /// exact power of ten — one correctly rounded operation, so the same double as `Double(text)`
  /// (Clinger's fast path) without making a string and calling `strtod`. `nil` otherwise.
  private func exactDecimal(_ from: Int, _ to: Int) -> Double? {
    var i = from
    let negative = bytes[i] == 0x2D
    if negative { i += 1 }
    var mantissa = 0
    var digits = 0
    var fraction = 0
    var afterPoint = false
    while i < to {
      let b = bytes[i]
      if b == 0x2E {
        afterPoint = true
      } else {
        mantissa = mantissa * 10 + Int(b &- 0x30)
        if mantissa > 0 || afterPoint { digits += 1 }
        if afterPoint { fraction += 1 }
        if digits > 15 { return nil }
      }
      i += 1
    }
    let value = Double(mantissa) / Lexer.exactPowersOfTen[fraction]
    return negative ? -value : value
  }

  /// A number, fraction, percent, month or range starting at `start`.
  private mutating func lexNumberish(start: Int) -> Step {
    let loc = location(of: start)
    func fail(_ message: Message, _ end: Int) -> Step {
      var j = end
      while !isDelimiter(j) { j += 1 }
      var message = message
      if message.code == "E005", let hint = Lexer.hint(forNumber: text(start, j)) { message.notes.append(hint) }
      pos = j
      return .error(.error(message, at: loc, length: scalarCount(start, j)))
    }
    // The value of the decimal digits at `from..<to`.
    func digits(_ from: Int, _ to: Int) -> Int {
      var value = 0
      for k in from..<to { value = value * 10 + Int(bytes[k] &- 0x30) }
      return value
    }
    func bound(_ from: Int) -> (RangeBound, Int)? {
      let end = scanDecimal(from)
      guard end > from, isDigit(end - 1) else { return nil }
      // A month: YYYY-MM (four digits, no sign or point, then a dash and two digits), read from the bytes.
      if end - from == 4, (from..<end).allSatisfy({ isDigit($0) }), end < bytes.count, bytes[end] == 0x2D,
        isDigit(end + 1), isDigit(end + 2), !isDigit(end + 3)
      {
        return (.month(YearMonth(year: digits(from, end), month: digits(end + 1, end + 3))), end + 3)
      }
      let t = asciiText(from, end)
      guard let v = exactDecimal(from, end) ?? Double(t), v.isFinite else { return nil }
      return (.number(NumberLiteral(value: v, text: t, form: .plain)), end)
    }
    guard let (first, end1) = bound(start) else {
      let t = text(start, scanDecimal(start))
      // Digits that are well formed but past the largest Double (about 1.8e308) are out of range.
      return fail(Double(t)?.isFinite == false ? .numberOutOfRange(t) : .malformedNumber(t), start)
    }
    var end = end1
    var kind: Token.Kind
    if case .month(let m) = first, !(1...12).contains(m.month) {
      return fail(.badMonth(text(start, end)), end)
    }
    if end + 1 < bytes.count, bytes[end] == 0x2E, bytes[end + 1] == 0x2E {  // '..'
      guard let (second, end2) = bound(end + 2) else { return fail(.malformedNumber(text(start, end + 2)), end + 2) }
      if case .month(let m) = second, !(1...12).contains(m.month) {
        return fail(.badMonth(text(end + 2, end2)), end2)
      }
      end = end2
      kind = .range(first, second)
    } else if case .month(let m) = first {
      kind = .month(m)
    } else if case .number(let n) = first {
      if end < bytes.count, bytes[end] == 0x2F {  // '/'
        let dEnd = scanDecimal(end + 1)
        guard dEnd > end + 1, bytes[end + 1] != 0x2D, isDigit(dEnd - 1) else {
          return fail(.malformedNumber(text(start, dEnd)), dEnd)
        }
        let dText = text(end + 1, dEnd)
        let d = Double(dText) ?? 0
        let full = text(start, dEnd)
        if d == 0 { return fail(.divisionByZero(full), dEnd) }
        // A quotient past the largest Double (1e300/1e-300) would be saved as `inf` and never load again.
        guard d.isFinite, (n.value / d).isFinite else { return fail(.numberOutOfRange(full), dEnd) }
        end = dEnd
        kind = .number(NumberLiteral(value: n.value / d, text: full, form: .fraction))
      } else if end < bytes.count, bytes[end] == 0x25 {  // '%'
        end += 1
        kind = .number(NumberLiteral(value: n.value / 100, text: text(start, end), form: .percent))
      } else {
        kind = .number(n)
      }
    } else {
      return fail(.malformedNumber(text(start, end)), end)
    }
    if !isDelimiter(end) {
      var j = end
      while !isDelimiter(j) { j += 1 }
      // Scan the whole run so the message shows it (a digit run glued to letters, `12abc`).
      var k = end
      while k < bytes.count, !isDelimiter(k) { k += 1 }
      return fail(.malformedNumber(text(start, max(j, k))), j)
    }
    pos = end
    return .token(Token(kind, at: loc, length: scalarCount(start, end)))
  }
}
