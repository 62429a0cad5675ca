import FoundationEssentials
import PlanEngine

#if canImport(Glibc)
  import Glibc
#endif

/// A file-system failure with the system's reason (`strerror`).
package struct FileError: Error, Sendable {
  package var reason: String
  package var code: Int32
  /// Set when a save was refused because the file changed under it (``FileIO/writeAtomically(to:mode:suffix:unchanged:noReplace:produce:)``):
  /// the file at the path is no longer the one checked, or one appeared where there was none.
  package var isConflict = false

  /// The file at the path is not the one that was checked: nothing was written.
  package static var conflict: FileError {
    var e = FileError("the file changed while it was being saved")
    e.isConflict = true
    return e
  }

  init(errno code: Int32) {
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  init(_ reason: String) {
    self.reason = reason
    self.code = 0
  }
}

/// The identity of a file on disk (device and inode), to tell "this plan's own file" from another.
package struct FileIdentity: Sendable, Hashable {
  package var device: UInt64
  package var inode: UInt64
}

/// A file's identity with its size, modification time and status-change time: what the file
/// looked like when the session last loaded or saved it, to notice an edit made by someone else
/// since. The status-change time (`ctime`) cannot be set back by `touch -d`, and changes with
/// every write, so an edit in place that keeps the size and the modification time is noticed
/// too (unless made within one tick of the file system's clock).
package struct FileStamp: Sendable, Hashable {
  package var identity: FileIdentity
  package var size: Int64
  package var modified: Int64
  package var modifiedNanoseconds: Int64
  package var statusChanged: Int64 = 0
  package var statusChangedNanoseconds: Int64 = 0

  init(_ st: stat) {
    identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    size = Int64(st.st_size)
    modified = Int64(st.st_mtim.tv_sec)
    modifiedNanoseconds = Int64(st.st_mtim.tv_nsec)
    statusChanged = Int64(st.st_ctim.tv_sec)
    statusChangedNanoseconds = Int64(st.st_ctim.tv_nsec)
  }

  /// The modification time in local time, `2026-12-07 21:15:03`: when the file changed.
  package var modifiedText: String {
    var t = time_t(modified)
    var parts = tm()
    localtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }
}

/// Reading and atomically writing files with POSIX calls (SPEC §6).
package enum FileIO {
  /// The largest file ``read(_:limit:)`` reads: 1 GiB, a hundred times the largest plan a bureau
  /// writes, and far below what would exhaust memory.
  package static let readLimit = 1 << 30

  /// The whole file's bytes.
  /// - Parameters:
  ///   - limit: a file larger than this (by its size, or by what a pipe or device such as
  ///     `/dev/zero` delivers) is refused with EFBIG instead of exhausting memory.
  /// - Throws: ``FileError`` (no such file, permission, a directory, too large, …).
  package static func read(_ path: String, limit: Int = readLimit) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError(errno: errno) }
    defer { close(fd) }
    return try read(fd: fd, limit: limit)
  }

  /// Everything an open file descriptor delivers until its end (a file from where it stands,
  /// standard input from a pipe), as ``read(_:limit:)`` reads a file: a folder is EISDIR, more
  /// than `limit` bytes EFBIG.
  /// - Throws: ``FileError``.
  package static func read(fd: Int32, limit: Int = readLimit) throws(FileError) -> [UInt8] {
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileError(errno: errno) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError(errno: EISDIR) }
    // A sparse file of 100 GB reserved its size and crashed: check the size before reserving it.
    if Int(st.st_size) > limit { throw FileError(errno: EFBIG) }
    var result: [UInt8] = []
    result.reserveCapacity(Int(st.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(errno: errno)
      }
      if n == 0 { break }
      if result.count + n > limit { throw FileError(errno: EFBIG) }
      result.append(contentsOf: chunk[0..<n])
    }
    return result
  }

  /// The first `count` bytes of the file (fewer when it is shorter), or none when it cannot be
  /// opened or a read fails.
  package static func head(_ path: String, count: Int) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var result = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = result.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
      if n < 0 {
        if errno == EINTR { continue }
        return []
      }
      if n == 0 { break }
      filled += n
    }
    result.removeLast(count - filled)
    return result
  }

  /// Whether something exists at `path` (a dangling symlink counts).
  package static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  /// EISDIR when `path` names a folder (following a symlink), else `nil`: what writing a file
  /// there would fail with, found before asking for `force`.
  package static func folderError(_ path: String) -> FileError? {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR ? FileError(errno: EISDIR) : nil
  }

  /// Whether `path` names something other than a regular file or folder (a device such as
  /// `/dev/null`, a FIFO, a terminal), which is written directly instead of replaced.
  package static func isDevice(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    let type = st.st_mode & S_IFMT
    return type != S_IFREG && type != S_IFDIR
  }

  /// The identity of the file at `path`, following symlinks; `nil` when there is none.
  package static func identity(_ path: String) -> FileIdentity? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
  }

  /// The stamp of the file at `path`, following symlinks; `nil` when there is none.
  package static func stamp(_ path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileStamp(st)
  }

  /// The stamp of the file open as `fd` (`fstat`): the file that was read, whatever the path
  /// names by now (issue 18 item 2); `nil` when `fstat` fails.
  package static func stamp(fd: Int32) -> FileStamp? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    return FileStamp(st)
  }

  /// Where a write to `path` really goes: the final target when `path` is a symlink (so that
  /// saving through a link updates the file it points to and keeps the link).
  ///
  /// As the kernel's `protected_symlinks` does for `open`: a link in a sticky world-writable
  /// folder (`/tmp`) is followed only when it belongs to this user or to the folder's owner. A
  /// link planted there by someone else (`/tmp/plan.plan` → `~/.bashrc`) is not written
  /// through: the save replaces the link itself. A loop of links is replaced too.
  package static func writeTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {  // SYMLOOP_MAX
      var link = stat()
      guard lstat(current, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return current }
      let folder = PathName.deletingLastComponent(current)
      var dir = stat()
      if stat(folder.isEmpty ? "." : folder, &dir) == 0, dir.st_mode & mode_t(S_ISVTX) != 0,
        dir.st_mode & mode_t(S_IWOTH) != 0, link.st_uid != geteuid(), link.st_uid != dir.st_uid
      {
        return path
      }
      var buffer = [Int8](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n > 0 else { return path }
      let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      // The next hop (when it leads nowhere, a dangling link, the write goes there).
      current = target.hasPrefix("/") ? target : PathName.appending(target, to: folder.isEmpty ? "." : folder)
    }
    return path
  }

  /// Writes `bytes` to `path` atomically: a temporary file in the same folder, created
  /// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`: a planted symlink is never followed), written,
  /// flushed and fsync'ed, then renamed over the target; the folder is fsync'ed after.
  /// A crash at any moment leaves the old file or the new one, never a mix; on every failure
  /// the temporary file is removed and the old file is untouched. The temporary name fits the
  /// file system's limit whatever the target's length, and the temporary files of this target
  /// that killed processes left behind are removed first (``TemporaryFile``).
  /// - Parameters:
  ///   - mode: permission bits for a new file (an existing file keeps its own).
  ///   - suffix: the random part of the temporary file's name for each attempt (0 to 99); tests
  ///     give a fixed one to plant a symlink at the name the first attempt will use.
  /// - Throws: ``FileError``.
  @discardableResult
  package static func writeAtomically(
    _ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o644,
    suffix: (_ attempt: Int) -> String = { _ in String(UInt32.random(in: 0...UInt32.max), radix: 36) },
    unchanged: (() -> Bool)? = nil, noReplace: Bool = false
  ) throws(FileError) -> FileStamp? {
    try writeAtomically(to: path, mode: mode, suffix: suffix, unchanged: unchanged, noReplace: noReplace) { write in
      // A string's UTF-8 view or an array is written from its own storage, without a copy (a
      // 40 MB plan would otherwise be held twice).
      let direct: Void? = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
      if direct == nil { Array(bytes).withUnsafeBytes { write($0) } }
    }
  }

  /// Writes what `produce` hands to its writer, piece by piece, to `path` atomically, as
  /// ``writeAtomically(_:to:mode:suffix:)`` does, so that a large output (an 85 MB JSON export)
  /// need not be held whole in memory. After a failed write the rest is dropped and the error
  /// thrown once `produce` returns.
  ///
  /// A save that must not lose someone else's edit (SPEC §14, issue 18 item 1) holds a
  /// ``PlanFileLock`` and passes `unchanged`, which is asked just before the rename whether the
  /// path still names the file that was checked: when it says no, nothing is written and
  /// ``FileError/conflict`` is thrown. With `noReplace` (there was no file to check), the rename
  /// does not replace a file that appeared meanwhile (`renameat2` with `RENAME_NOREPLACE`, else
  /// `link` and `unlink`): that is a ``FileError/conflict`` too.
  /// - Returns: the stamp of the file written, taken from its descriptor after the rename (so it
  ///   is the file this call wrote, whatever happens at the path after).
  /// - Throws: ``FileError``.
  @discardableResult
  package static func writeAtomically(
    to path: String, mode: mode_t = 0o644,
    suffix: (_ attempt: Int) -> String = { _ in String(UInt32.random(in: 0...UInt32.max), radix: 36) },
    unchanged: (() -> Bool)? = nil, noReplace: Bool = false,
    produce: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void
  ) throws(FileError) -> FileStamp? {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let base = url.lastPathComponent
    var st = stat()
    var fileMode = mode
    if stat(path, &st) == 0 {
      if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError(errno: EISDIR) }
      // A device, pipe or socket is never replaced by a file (`save /dev/null force` renamed a
      // regular file over the device node).
      if (st.st_mode & S_IFMT) != S_IFREG { throw FileError("not a regular file") }
      fileMode = st.st_mode & 0o7777
    }
    let tag = TemporaryFile.tag(for: base)
    TemporaryFile.removeStale(tag: tag, in: folder)
    var fd: Int32 = -1
    var temp = ""
    for attempt in 0..<100 {
      temp = TemporaryFile.path(tag: tag, attempt: attempt, random: suffix(attempt), in: folder)
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
      if fd >= 0 { break }
      if errno != EEXIST { throw FileError(errno: errno) }
    }
    guard fd >= 0 else { throw FileError(errno: EEXIST) }
    var failure: FileError?
    produce { raw in
      var offset = 0
      if Interruption.isRequested { failure = FileError(errno: EINTR) }
      while failure == nil, offset < raw.count {
        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = FileError(errno: errno)
          return
        }
        offset += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = FileError(errno: errno) }
    // Ctrl-C in the shell (issue 18 item 12) while it was made: the file is not put in place.
    if failure == nil, Interruption.isRequested { failure = FileError(errno: EINTR) }
    if failure == nil, let unchanged, !unchanged() { failure = .conflict }
    if failure == nil {
      if noReplace {
        failure = renameNoReplace(temp, path)
      } else if rename(temp, path) != 0 {
        failure = FileError(errno: errno)
      }
    }
    let written = failure == nil ? stamp(fd: fd) : nil
    if close(fd) != 0, failure == nil { failure = FileError(errno: errno) }
    if let failure {
      unlink(temp)
      throw failure
    }
    let dfd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
    return written
  }

  /// glibc's `renameat2` (2.28), looked up at run time: Swift's Glibc module does not declare it.
  private static let renameat2:
    (
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    )? = dlsym(nil, "renameat2").map {
      unsafeBitCast(
        $0, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }

  /// Renames `from` to `to` unless something exists at `to`: ``FileError/conflict`` then.
  /// `renameat2(RENAME_NOREPLACE)` where the file system has it; else `link` (which fails on an
  /// existing name) and `unlink`; where neither works (a file system without hard links), a
  /// plain rename after a last look.
  static func renameNoReplace(_ from: String, _ to: String) -> FileError? {
    if let renameat2 = renameat2 {
      let noReplace: UInt32 = 1  // RENAME_NOREPLACE, <linux/fs.h>
      if renameat2(AT_FDCWD, from, AT_FDCWD, to, noReplace) == 0 { return nil }
      if errno == EEXIST { return .conflict }
      guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { return FileError(errno: errno) }
    }
    if link(from, to) == 0 {
      unlink(from)
      return nil
    }
    if errno == EEXIST { return .conflict }
    if exists(to) { return .conflict }
    return rename(from, to) == 0 ? nil : FileError(errno: errno)
  }
}
