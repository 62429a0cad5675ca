import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// Why cplan does not use a state folder or file (issue 18 item 9). The history and the journal
/// are read back as the user's own input, so — as git refuses a repository owned by someone
/// else (`safe.directory`) — cplan neither reads nor writes state that another user owns or
/// that others may change. What it creates itself is private (folders 0700, files 0600).
package enum StateDistrust: Hashable, Sendable {
  /// Owned by another user (`owner`) than the one cplan runs as (`user`).
  case foreignOwner(path: String, owner: UInt32, user: UInt32)
  /// Others (not only the owner and the group) may write to it.
  case writableByOthers(path: String)
  /// The history path is a folder.
  case folder(path: String)
  /// The history file does not begin with its version line: it is some other file.
  case notHistory(path: String)

  /// What the shell says at start (standard error): what is refused, why, and how to mend it.
  package var text: LocalizedText {
    switch self {
    case .foreignOwner(let path, let owner, let user): ShellText.stateForeignOwner(path, owner: owner, user: user)
    case .writableByOthers(let path): ShellText.stateWritableByOthers(path)
    case .folder(let path): ShellText.historyIsFolder(path)
    case .notHistory(let path): ShellText.notHistory(path, header: HistoryFile.header)
    }
  }

  /// Whether `path` may be used as state: `nil` when it does not exist (cplan creates it,
  /// private), or belongs to the user and others cannot write to it (a sticky folder such as
  /// `/tmp` passes). A symbolic link is judged by what it points to.
  package static func check(_ path: String) -> StateDistrust? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    let user = geteuid()
    if st.st_uid != user { return .foreignOwner(path: path, owner: st.st_uid, user: user) }
    // A sticky folder (`/tmp`) lets others add files but not replace or remove the user's.
    let sticky = st.st_mode & S_IFMT == S_IFDIR && st.st_mode & S_ISVTX != 0
    if st.st_mode & S_IWOTH != 0, !sticky { return .writableByOthers(path: path) }
    return nil
  }

  /// The first of `paths` that may not be used, and why.
  package static func check(_ paths: [String]) -> StateDistrust? {
    for path in paths {
      if let distrust = check(path) { return distrust }
    }
    return nil
  }
}
