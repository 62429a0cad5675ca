import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// An advisory lock (`flock`) on a plan file, held from the check that the file is unchanged to
/// the rename that replaces it (issue 18 item 1): two cplan processes saving one plan (or `fmt`
/// and a save) take turns, and the second sees the first's file, never a stale one.
///
/// The lock is on the file itself, not on a lock file beside it (which would be left in the
/// folder and shown by `git status`). A save replaces the file by renaming a new one over it, so
/// a lock taken on the old file would guard nothing once it is gone: after `flock` the path is
/// looked up again, and when it names another file by then (someone saved meanwhile), the lock
/// is dropped and taken again on that file. The lock goes when the value is dropped (`close`).
///
/// Advisory: an editor that writes the file in place takes no lock; the save then finds the
/// change by the file's stamp and content, and checks the path once more just before its rename
/// (``isCurrent()``).
package final class PlanFileLock {
  /// The path locked (the file a write goes to: symlinks already followed).
  package let path: String
  private let fd: Int32
  /// The locked file's stamp when the lock was taken.
  package let stamp: FileStamp
  /// Whether the descriptor can be read (it was opened for reading).
  private let readable: Bool

  private init(path: String, fd: Int32, stamp: FileStamp, readable: Bool) {
    self.path = path
    self.fd = fd
    self.stamp = stamp
    self.readable = readable
  }

  deinit { close(fd) }

  /// How long ``acquire(_:timeout:)`` waits for another process's lock by default: 10 s, far
  /// more than a save of the largest plan takes (about 1 s for 40 MB).
  package static let defaultTimeout = 10.0

  /// Locks the regular file at `path`, waiting up to `timeout` seconds for a lock another
  /// process holds.
  /// - Returns: the lock, or `nil` when there is no regular file at `path` (a new file; a
  ///   device), or the file cannot be opened or locked (a file system without locks): the save
  ///   goes on without a lock, as before.
  /// - Throws: ``FileError`` when another process still holds the lock after `timeout`.
  package static func acquire(_ path: String, timeout: Double = defaultTimeout) throws(FileError) -> PlanFileLock? {
    var waited = 0.0
    while true {
      var readable = true
      var fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      if fd < 0, errno == EACCES {
        readable = false
        fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
      }
      guard fd >= 0 else { return nil }
      guard let held = stamp(fd: fd), isRegular(fd) else {
        close(fd)
        return nil
      }
      while flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let error = errno
        if error == EINTR { continue }
        guard error == EWOULDBLOCK else {
          // No locks here (ENOLCK, EOPNOTSUPP): save as before, unlocked.
          close(fd)
          return nil
        }
        guard waited < timeout else {
          close(fd)
          throw FileError("another process is saving it (locked)")
        }
        usleep(2_000)
        waited += 0.002
      }
      // Locked; the path may name a newer file by now (the holder renamed one over it).
      if let now = FileIO.identity(path), now == held.identity, let current = stamp(fd: fd) {
        return PlanFileLock(path: path, fd: fd, stamp: current, readable: readable)
      }
      close(fd)
      if !FileIO.exists(path) { return nil }
    }
  }

  private static func stamp(fd: Int32) -> FileStamp? { FileIO.stamp(fd: fd) }

  private static func isRegular(_ fd: Int32) -> Bool {
    var st = stat()
    return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  /// The locked file's whole content, read from its descriptor.
  /// - Throws: ``FileError`` (EACCES when the file is not readable).
  package func read() throws(FileError) -> [UInt8] {
    guard readable else { throw FileError(errno: EACCES) }
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw FileError(errno: errno) }
    return try FileIO.read(fd: fd)
  }

  /// Whether the path still names the locked file, as it was when locked (nobody who ignores
  /// the lock replaced or edited it since): asked just before the rename.
  package func isCurrent() -> Bool {
    FileIO.stamp(path) == stamp && FileIO.stamp(fd: fd) == stamp
  }
}
