/// A position as LSP gives it: 0-based line, and a character offset in UTF-16 code units
/// (the `positionEncoding` `utf-16`, the one every client supports).
struct Position: Equatable, Comparable {
  var line: Int
  var character: Int

  static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }

  init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// From an LSP `Position` object; `nil` when it is not one.
  init?(_ json: JSON?) {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else {
      return nil
    }
    self.init(line: line, character: character)
  }

  var json: JSON { .object(["line": .int(line), "character": .int(character)]) }
}

/// An LSP `Range`: start inclusive, end exclusive.
struct TextRange: Equatable {
  var start: Position
  var end: Position

  init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  init?(_ json: JSON?) {
    guard let start = Position(json?["start"]), let end = Position(json?["end"]) else { return nil }
    self.init(start: start, end: end)
  }

  var json: JSON { .object(["start": start.json, "end": end.json]) }

  func contains(_ p: Position) -> Bool { start <= p && p <= end }
}

/// The text of one open document, kept as lines so that an edit on one line of a 40 MB plan
/// costs that line, and the lines that changed since the plan was last analysed.
///
/// Lines are split at LF; a line keeps a CR before its LF (a CRLF file), which counts as part of
/// neither line's positions for editing purposes but is carried through unchanged.
struct Document {
  let uri: String
  var version: Int
  /// The lines, without their LF; the text is them joined by LF.
  private(set) var lines: [String]

  /// The 0-based lines edited since ``markAnalysed()``, with their text as it was then.
  private(set) var editedLines: [Int: String] = [:]
  /// Whether an edit since ``markAnalysed()`` added or removed a line (the lines moved).
  private(set) var linesMoved = false

  init(uri: String, version: Int, text: String) {
    self.uri = uri
    self.version = version
    lines = Document.split(text)
    linesMoved = true
  }

  /// The lines of `text`, split at each LF byte (not at Characters: CR LF is one Character,
  /// and breaking 40 MB into Characters takes seconds).
  static func split(_ text: String) -> [String] {
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The whole text as UTF-8 bytes.
  var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
    for (i, line) in lines.enumerated() {
      if i > 0 { out.append(0x0A) }
      out += line.utf8
    }
    return out
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The range of the whole document.
  var wholeRange: TextRange {
    TextRange(
      start: Position(line: 0, character: 0),
      end: Position(line: lines.count - 1, character: lines[lines.count - 1].utf16.count))
  }

  /// Forgets which lines changed: the analysis has caught up with the text.
  mutating func markAnalysed() {
    editedLines = [:]
    linesMoved = false
  }

  /// Replaces the whole text.
  mutating func replaceAll(_ text: String) {
    lines = Document.split(text)
    linesMoved = true
    editedLines = [:]
  }

  /// Applies one `TextDocumentContentChangeEvent` with a range (incremental sync). A position
  /// past the end of a line is taken as its end, one past the last line as the end of the text
  /// (LSP 3.17: "If the character value is greater than the line length it defaults back to
  /// the line length").
  mutating func replace(_ range: TextRange, with newText: String) {
    let (start, end) = range.start <= range.end ? (range.start, range.end) : (range.end, range.start)
    let startLine = min(start.line, lines.count - 1)
    let endLine = min(end.line, lines.count - 1)
    let startIndex =
      start.line >= lines.count ? lines[startLine].endIndex : index(in: startLine, utf16: start.character)
    let endIndex = end.line >= lines.count ? lines[endLine].endIndex : index(in: endLine, utf16: end.character)
    let replacement = String(lines[startLine][..<startIndex]) + newText + String(lines[endLine][endIndex...])
    if startLine == endLine && !newText.utf8.contains(0x0A) {
      if editedLines[startLine] == nil { editedLines[startLine] = lines[startLine] }
      lines[startLine] = replacement
      return
    }
    linesMoved = true
    lines.replaceSubrange(startLine...endLine, with: Document.split(replacement))
  }

  /// The index in line `line` at UTF-16 offset `utf16`, clamped to the line's end; an offset
  /// inside a surrogate pair (or a CR before the end) goes back to the scalar's start.
  func index(in line: Int, utf16 offset: Int) -> String.Index {
    let text = lines[line]
    var units = 0
    var i = text.unicodeScalars.startIndex
    while i < text.unicodeScalars.endIndex {
      let w = text.unicodeScalars[i].utf16.count
      if units + w > offset { break }
      units += w
      i = text.unicodeScalars.index(after: i)
    }
    return i
  }

  /// The UTF-16 offset in 0-based line `line` of 1-based scalar column `column` (a diagnostic's
  /// column, SPEC §2), clamped to the line's end.
  func utf16Offset(line: Int, column: Int) -> Int {
    guard line >= 0, line < lines.count else { return 0 }
    var units = 0
    for (n, scalar) in lines[line].unicodeScalars.enumerated() {
      if n >= column - 1 { break }
      units += scalar.utf16.count
    }
    return units
  }

  /// The 1-based scalar column at `position` (clamped to the line).
  func scalarColumn(_ position: Position) -> Int {
    guard position.line < lines.count else { return 1 }
    let line = lines[position.line]
    let i = index(in: position.line, utf16: position.character)
    return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: i) + 1
  }

  /// The text of line `line` before `position` (empty for a line past the end).
  func prefix(to position: Position) -> String {
    guard position.line < lines.count else { return "" }
    return String(lines[position.line][..<index(in: position.line, utf16: position.character)])
  }

  /// The LSP range of a span on 1-based `line` from 1-based scalar `column`, `length` scalars long.
  func range(line: Int, column: Int, length: Int) -> TextRange {
    let l = max(0, min(line - 1, lines.count - 1))
    return TextRange(
      start: Position(line: l, character: utf16Offset(line: l, column: column)),
      end: Position(line: l, character: utf16Offset(line: l, column: column + max(1, length))))
  }
}
