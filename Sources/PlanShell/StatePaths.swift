import FoundationEssentials
import PlanIO

#if canImport(Glibc)
  import Glibc
#endif

/// Where the shell keeps its state (SPEC §10): history and journal under
/// `$XDG_STATE_HOME/cplan/` (default `~/.local/state/cplan/`); `CPLAN_HISTORY` names the
/// history file instead. Folders cplan creates are private (0700), files 0600.
package struct StatePaths: Sendable {
  /// `…/cplan`, or `nil` when neither `XDG_STATE_HOME` nor `HOME` says where.
  package var directory: String?
  package var history: String?
  package var journalDirectory: String? { directory.map { $0 + "/journal" } }

  /// - Parameter passwordHome: the home folder the password database gives this user, used when
  ///   neither `XDG_STATE_HOME` nor `HOME` is set (issue 18 item 4: nothing was journaled then).
  package init(environment: [String: String], passwordHome: String? = StatePaths.passwordHome()) {
    var base: String?
    if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      base = home + "/.local/state"
    } else if let home = passwordHome, home.hasPrefix("/") {
      base = home + "/.local/state"
    }
    directory = base.map { $0 + "/cplan" }
    if let explicit = environment["CPLAN_HISTORY"], !explicit.isEmpty {
      history = explicit
    } else {
      history = directory.map { $0 + "/history" }
    }
  }

  /// This user's home folder from the password database (`getpwuid_r`), or `nil`.
  package static func passwordHome() -> String? {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getpwuid_r(geteuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil, let dir = entry.pw_dir
    else { return nil }
    let home = String(cString: dir)
    return home.isEmpty ? nil : home
  }

  /// Creates `path` and its missing parents with mode 0700; an existing folder is left as it is,
  /// except that cplan's own folders (`last` levels from the end) are made private.
  /// - Throws: `POSIXError` (its `errno`) when a folder cannot be created.
  package static func makePrivateDirectory(_ path: String, tightenLast last: Int = 0) throws(POSIXError) {
    var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var current = path.hasPrefix("/") ? "" : "."
    var created: [String] = []
    while !components.isEmpty {
      current += "/" + components.removeFirst()
      if mkdir(current, 0o700) == 0 {
        created.append(current)
        continue
      }
      let error = errno
      var st = stat()
      guard error == EEXIST, stat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
        throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
      }
    }
    // Our own folders: private even when they existed with a looser mode.
    var own = path
    for _ in 0..<last {
      _ = chmod(own, 0o700)
      own = PathName.deletingLastComponent(own)
    }
  }

  /// Opens (creating with mode 0600) a private file for appending.
  /// - Returns: the descriptor, or -1.
  package static func openPrivate(_ path: String, flags: Int32) -> Int32 {
    let fd = open(path, flags | O_CLOEXEC, 0o600)
    if fd >= 0 { _ = fchmod(fd, 0o600) }
    return fd
  }

  /// Writes all of `bytes` to `fd`, retrying after interruptions and short writes.
  @discardableResult
  package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += n
    }
    return true
  }
}
