#if canImport(Glibc)
  import Glibc
#endif

/// The text of every source the session has read, by file name, so that a diagnostic can show
/// its source line long after parsing (validation diagnostics point into plan files).
///
/// A plan file that loaded can be registered as *on disk* instead of by its bytes: a plan of
/// 40 MB then costs no memory after loading, and a line is read back from the file when a
/// diagnostic shows it — as long as the file is still the one that was loaded (same device,
/// inode, size and modification time); a file changed since shows no source line, rather than
/// a line that is not the one the diagnostic is about.
package final class SourceStore: @unchecked Sendable {
  private enum Content {
    case bytes([UInt8])
    case onDisk(path: String, stamp: FileStamp)
  }
  private struct Entry {
    var content: Content
    /// Offsets of the line starts, found when a line is first asked for.
    var lineStarts: [Int]?
  }
  /// What identifies the version of a file that was read.
  private struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init?(path: String) {
      var st = stat()
      guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
      device = UInt64(st.st_dev)
      inode = UInt64(st.st_ino)
      size = Int(st.st_size)
      seconds = Int(st.st_mtim.tv_sec)
      nanoseconds = Int(st.st_mtim.tv_nsec)
    }
  }

  private var entries: [String: Entry] = [:]
  private var shellLines: [String: [Int: String]] = [:]

  package init() {}

  /// Registers (or replaces) the bytes of `file`.
  package func register(file: String, bytes: [UInt8]) {
    entries[file] = Entry(content: .bytes(bytes), lineStarts: nil)
  }

  /// Registers `file` (a path) as read from disk with `size` bytes: its lines are read again
  /// from the file when asked for, if the file has not changed. When the file is not there
  /// any more or not of that size (changed while it was read), nothing is registered and
  /// `false` returned, so that the caller can register the bytes.
  @discardableResult
  package func registerOnDisk(file: String, size: Int) -> Bool {
    guard let stamp = FileStamp(path: file), stamp.size == size else { return false }
    entries[file] = Entry(content: .onDisk(path: file, stamp: stamp), lineStarts: nil)
    return true
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
    switch entry.content {
    case .bytes(let bytes):
      if entry.lineStarts == nil {
        entry.lineStarts = Self.lineStarts(bytes)
        entries[file] = entry
      }
      guard let range = Self.range(of: line, starts: entry.lineStarts!, count: bytes.count) else { return nil }
      return Self.text(bytes[range])
    case .onDisk(let path, let stamp):
      guard FileStamp(path: path) == stamp else { return nil }
      if entry.lineStarts == nil {
        guard let bytes = try? Self.read(path, count: stamp.size, at: 0), FileStamp(path: path) == stamp else {
          return nil
        }
        entry.lineStarts = Self.lineStarts(bytes)
        entries[file] = entry
      }
      guard let range = Self.range(of: line, starts: entry.lineStarts!, count: stamp.size),
        let bytes = try? Self.read(path, count: range.count, at: range.lowerBound)
      else { return nil }
      return Self.text(bytes[...])
    }
  }

  private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    return starts
  }

  /// The byte range of `line` (without its newline), or `nil` past the end.
  private static func range(of line: Int, starts: [Int], count: Int) -> Range<Int>? {
    guard line >= 1, line <= starts.count else { return nil }
    let from = starts[line - 1]
    let to = line < starts.count ? starts[line] - 1 : count
    return from <= to ? from..<to : from..<from
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    var bytes = bytes
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  private struct ReadError: Error {}

  /// `count` bytes of the file at `path` from `offset`.
  private static func read(_ path: String, count: Int, at offset: Int) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ReadError() }
    defer { close(fd) }
    var result = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = result.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw ReadError() }
      done += n
    }
    return result
  }
}
