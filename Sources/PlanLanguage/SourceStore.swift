/// The text of every source the session has read, by file name, so that a diagnostic can show
/// its source line long after parsing (validation diagnostics point into plan files).
package final class SourceStore: @unchecked Sendable {
  private struct Entry {
    var bytes: [UInt8]
    var lineStarts: [Int]?
  }
  private var entries: [String: Entry] = [:]
  private var shellLines: [String: [Int: String]] = [:]

  package init() {}

  /// Registers (or replaces) the bytes of `file`.
  package func register(file: String, bytes: [UInt8]) {
    entries[file] = Entry(bytes: bytes, lineStarts: nil)
  }

  /// Registers one line typed at `<shell>` (or another line-numbered stream).
  package func register(file: String, line: Int, text: String) {
    shellLines[file, default: [:]][line] = text
  }

  /// Forgets a file.
  package func forget(file: String) {
    entries[file] = nil
  }

  /// The text of `line` (1-based) of `file`, without its newline; `nil` when unknown.
  package func line(_ line: Int, of file: String) -> String? {
    if let text = shellLines[file]?[line] { return text }
    guard var entry = entries[file] else { return nil }
    if entry.lineStarts == nil {
      var starts = [0]
      for (i, b) in entry.bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
      entry.lineStarts = starts
      entries[file] = entry
    }
    let starts = entry.lineStarts!
    guard line >= 1, line <= starts.count else { return nil }
    let from = starts[line - 1]
    var to = line < starts.count ? starts[line] - 1 : entry.bytes.count
    if to > from, entry.bytes[to - 1] == 0x0D { to -= 1 }
    guard from <= to else { return "" }
    return String(decoding: entry.bytes[from..<to], as: UTF8.self)
  }
}
