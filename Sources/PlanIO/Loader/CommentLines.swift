import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension PlanLoader {
  /// A block of comment lines and the statement it stands above (its bytes in the file).
  struct CommentBlock {
    var lines: [String]
    var statement: Range<Int>
  }

  /// Where the body of a plan file starts: after its header line and the comment lines right
  /// after it (the preamble, ``PlanWriter/preamble(of:)``).
  static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    func lineEnd(_ i: Int) -> Int {
      var e = i
      while e < bytes.count, bytes[e] != 0x0A { e += 1 }
      return e
    }
    var i = lineEnd(0) + 1
    while i < bytes.count, bytes[i] == 0x23 { i = lineEnd(i) + 1 }
    return i
  }

  /// Whether `bytes` hold a `#` from `start` on: a comment may stand there (or a `#` in a
  /// name). Found at the speed of `memchr`, so that a file without comments pays one pass
  /// over its bytes and nothing more (SPEC §15's comments).
  static func hasHash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard let base = bytes.baseAddress, start < bytes.count else { return false }
    return memchr(base + start, 0x23, bytes.count - start) != nil
  }

  /// The comment lines of a plan file's body (after its header and preamble), each block with
  /// the statement it stands above, and the lines after the last statement.
  ///
  /// A comment line is a line whose first non-blank character is `#`; blank lines between a
  /// block and its statement are passed over. A comment at the end of a statement's line
  /// (`add org x "X" # 年报`) joins the block above that statement: the canonical form writes it
  /// above. A `#` inside a string (`"1#高炉"`), and the lines of a string or a `\` continuation,
  /// are the statement's.
  /// - Complexity: O(n) in the size of the file.
  static func commentBlocks(_ b: UnsafeBufferPointer<UInt8>) -> (blocks: [CommentBlock], trailer: [String]) {
    let n = b.count
    func lineEnd(_ i: Int) -> Int {
      var e = i
      while e < n, b[e] != 0x0A { e += 1 }
      return e
    }
    /// The length of the blank at `i` (space, tab, CR, U+3000), 0 when none.
    func blank(_ i: Int) -> Int {
      let c = b[i]
      if c == 0x20 || c == 0x09 || c == 0x0D { return 1 }
      if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
      return 0
    }
    func text(_ from: Int, _ to: Int) -> String {
      var end = to
      while end > from, b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0D { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: b[from..<end]), as: UTF8.self)
    }
    /// Past the closing quote of a string opened at `i`, or `n`.
    func stringEnd(_ i: Int) -> Int {
      if b[i] == 0x22 {
        var k = i + 1
        while k < n, b[k] != 0x22 { k += b[k] == 0x5C ? 2 : 1 }
        return min(n, k + 1)
      }
      // “…” and 「…」: no escapes.
      let close: (UInt8, UInt8, UInt8) = b[i] == 0xE2 ? (0xE2, 0x80, 0x9D) : (0xE3, 0x80, 0x8D)
      var k = i + 3
      while k + 2 < n, !(b[k] == close.0 && b[k + 1] == close.1 && b[k + 2] == close.2) { k += 1 }
      return min(n, k + 3)
    }
    /// The end of the statement starting at `i` (its last newline, or `n`) and the range of a
    /// comment at the end of its line.
    func statementEnd(_ i: Int) -> (end: Int, comment: Range<Int>?) {
      var k = i
      var continued = false  // the last non-blank byte of the line is a `\`
      while k < n {
        let c = b[k]
        if c == 0x22 || (c == 0xE2 && k + 2 < n && b[k + 1] == 0x80 && b[k + 2] == 0x9C)
          || (c == 0xE3 && k + 2 < n && b[k + 1] == 0x80 && b[k + 2] == 0x8C)
        {
          k = stringEnd(k)
          continued = false
          continue
        }
        if c == 0x23 {
          let e = lineEnd(k)
          return (e, k..<e)
        }
        if c == 0x0A {
          if !continued { return (k, nil) }
          continued = false
          k += 1
          continue
        }
        let w = blank(k)
        if w > 0 {
          k += w
          continue
        }
        continued = c == 0x5C
        k += 1
      }
      return (n, nil)
    }
    var blocks: [CommentBlock] = []
    var pending: [String] = []
    var i = bodyStart(b)
    while i < n {
      var j = i
      while j < n, blank(j) > 0 { j += blank(j) }
      if j >= n { break }
      if b[j] == 0x0A {
        i = j + 1
        continue
      }
      if b[j] == 0x23 {
        let e = lineEnd(j)
        pending.append(text(j, e))
        i = e + 1
        continue
      }
      let (end, comment) = statementEnd(j)
      if let comment { pending.append(text(comment.lowerBound, comment.upperBound)) }
      if !pending.isEmpty {
        blocks.append(CommentBlock(lines: pending, statement: j..<end))
        pending = []
      }
      i = end + 1
    }
    return (blocks, pending)
  }

  /// Puts the comments of the plan file `bytes` into `plan`, loaded from it: each block with
  /// the entity of the statement below it (``Plan/commentTarget(of:)``), the lines after the
  /// last statement as its trailer. A block above a `remove`, or above the statement of an
  /// entity removed later in the file, goes with it.
  /// - Complexity: O(n) in the size of the file, and a parse of each commented statement.
  static func attachComments(_ bytes: UnsafeBufferPointer<UInt8>, file: String, to plan: inout Plan) {
    let (blocks, trailer) = commentBlocks(bytes)
    var comments = PlanComments()
    comments.trailer = trailer
    for block in blocks {
      let statement = Array(bytes[block.statement])
      guard let command = Parser.parse(statement, file: file).commands.first,
        let target = plan.commentTarget(of: command)
      else { continue }
      comments[target] += block.lines
    }
    plan.comments = comments
  }

  /// ``attachComments(_:file:to:)`` when `bytes` may hold comments after the preamble.
  static func attachComments(_ bytes: [UInt8], file: String, to plan: inout Plan) {
    bytes.withUnsafeBufferPointer { buffer in
      guard hasHash(buffer, from: bodyStart(buffer)) else { return }
      attachComments(buffer, file: file, to: &plan)
    }
  }
}
