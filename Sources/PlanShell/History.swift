import FoundationEssentials
import PlanIO

#if canImport(Glibc)
  import Glibc
#endif

/// The shell's history file (SPEC §10): UTF-8, one entry per line after a version line, appended
/// after every accepted command so that no way of ending the session loses it.
///
/// A continued command is one entry: its line breaks are written `\n` and a backslash `\\`, so
/// every entry stays on one line of the file. An entry equal to the one before it is not
/// stored again. The file is created with mode 0600 in a 0700 folder.
package final class HistoryFile {
  /// The first line of the file.
  package static let header = "# cplan history 1"
  /// Entries kept; the file is cut back to this many when it has grown to twice as many.
  package static let limit = 1000

  package let path: String
  private var last: String?
  /// Why the file is neither read nor written (issue 18 item 9): it, or its folder, belongs to
  /// another user or others may write to it; it is a folder; it is not a history file.
  package private(set) var problem: StateDistrust?
  /// Whether ``problem`` has been looked for; a device (`/dev/null`) is neither read nor written.
  private var checked = false
  private var isDevice = false

  package init(path: String) {
    self.path = path
  }

  /// Looks once whether the file may be used (``problem``).
  private func check() {
    guard !checked else { return }
    checked = true
    var st = stat()
    if stat(path, &st) == 0 {
      switch st.st_mode & S_IFMT {
      case S_IFDIR:
        problem = .folder(path: path)
        return
      case S_IFREG:
        break
      default:
        isDevice = true  // CPLAN_HISTORY=/dev/null turns history off
        return
      }
    }
    let folder = PathName.deletingLastComponent(HistoryFile.resolved(path))
    problem = StateDistrust.check([folder.isEmpty ? "." : folder, path])
    if problem == nil, st.st_size > 0, !HistoryFile.startsWithHeader(path) { problem = .notHistory(path: path) }
  }

  /// Whether the file at `path` begins with ``header`` and a line break.
  private static func startsWithHeader(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let expected = Array((header + "\n").utf8)
    var bytes = [UInt8](repeating: 0, count: expected.count)
    var count = 0
    while count < bytes.count {
      let n = bytes[count...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      count += n
    }
    return bytes[..<count].elementsEqual(expected)
  }

  /// The file a symbolic link at `path` points to (followed to the end), else `path`.
  static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  /// Reads the entries, oldest first, without consecutive duplicates; the newest `limit`.
  /// A file that is missing or unreadable gives none; so does one that may not be used
  /// (``problem``).
  package func load() -> [String] {
    check()
    guard problem == nil, !isDevice, let (data, whole) = HistoryFile.tail(of: path) else { return [] }
    var entries: [String] = []
    // The version line (``check()``), or the line the tail begins inside of.
    var first = true
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
      if first {
        first = false
        continue
      }
      if line.isEmpty { continue }
      let entry = HistoryFile.decode(String(line))
      if entry != entries.last { entries.append(entry) }
    }
    if entries.count > 2 * HistoryFile.limit || !whole {
      entries.removeFirst(entries.count - HistoryFile.limit)
      rewrite(entries)
    } else if entries.count > HistoryFile.limit {
      entries.removeFirst(entries.count - HistoryFile.limit)
    }
    last = entries.last
    return entries
  }

  /// How much of the end of a history file is read at start: a file of any size (3 GB once took
  /// over a minute and 6 GB of memory) starts the shell at once (issue 18 item 12). 1 MiB holds
  /// ``limit`` entries of a thousand bytes each.
  static let tailSize = 1 << 20

  /// The last ``tailSize`` bytes of the file at `path` (all of it when smaller), and whether that
  /// is the whole file; `nil` when it cannot be read.
  static func tail(of path: String) -> (bytes: [UInt8], whole: Bool)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    let size = Int(st.st_size)
    let start = max(0, size - tailSize)
    var bytes = [UInt8](repeating: 0, count: size - start)
    var count = 0
    while count < bytes.count {
      let n = bytes[count...].withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start + count)) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      count += n
    }
    bytes.removeLast(bytes.count - count)
    return (bytes, start == 0)
  }

  /// Appends `entry` unless it equals the previous one.
  /// - Returns: whether it was new (and so should also enter the editor's history).
  @discardableResult
  package func append(_ entry: String) -> Bool {
    guard entry != last else { return false }
    last = entry
    check()
    guard problem == nil, !isDevice else { return true }
    prepareFolder()
    let fd = StatePaths.openPrivate(path, flags: O_WRONLY | O_APPEND | O_CREAT)
    guard fd >= 0 else { return true }
    defer { close(fd) }
    var text = ""
    if lseek(fd, 0, SEEK_END) == 0 { text = HistoryFile.header + "\n" }
    text += HistoryFile.encode(entry) + "\n"
    StatePaths.writeAll(fd, Array(text.utf8))
    return true
  }

  private func prepareFolder() {
    let folder = PathName.deletingLastComponent(path)
    guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
    try? StatePaths.makePrivateDirectory(folder)
  }

  /// Replaces the file with `entries` (atomically: a private temporary file renamed over it).
  /// The temporary name is created afresh (`O_EXCL | O_NOFOLLOW`): a symlink or file planted
  /// there is removed, never written through.
  private func rewrite(_ entries: [String]) {
    // A symbolic link stays a link: the file it points to is replaced (issue 18 item 9).
    let path = HistoryFile.resolved(self.path)
    let temporary = path + ".\(getpid()).tmp"
    unlink(temporary)
    let fd = StatePaths.openPrivate(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW)
    guard fd >= 0 else { return }
    let text = ([HistoryFile.header] + entries.map(HistoryFile.encode)).joined(separator: "\n") + "\n"
    let ok = StatePaths.writeAll(fd, Array(text.utf8)) && fsync(fd) == 0
    close(fd)
    if !ok || rename(temporary, path) != 0 { unlink(temporary) }
  }

  /// One entry as one line: `\` → `\\`, line break → `\n`.
  package static func encode(_ entry: String) -> String {
    var out = ""
    for scalar in entry.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The inverse of ``encode(_:)``.
  package static func decode(_ line: String) -> String {
    var out = String.UnicodeScalarView()
    var escaped = false
    for scalar in line.unicodeScalars {
      if escaped {
        switch scalar {
        case "n": out.append("\n")
        case "r": out.append("\r")
        default: out.append(scalar)
        }
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else {
        out.append(scalar)
      }
    }
    if escaped { out.append("\\") }
    return String(out)
  }
}
