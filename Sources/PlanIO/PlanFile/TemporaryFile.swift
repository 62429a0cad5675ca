import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The names of the temporary files an atomic save writes beside its target, and the removal of
/// those a killed process left behind (issue 18 item 5).
///
/// A temporary file is named `.TAG.PID.ATTEMPT.RANDOM.tmp` in the target's folder. TAG is the
/// target's own name when the whole temporary name fits the file system's limit of 255 bytes
/// (`NAME_MAX`); for a longer name (78 Chinese characters are 234 bytes) TAG is the name's first
/// bytes, cut at a character boundary, then `~` and a 64-bit FNV-1a hash of the whole name in hex
/// — so the name always fits, and two long names that share a beginning get different tags.
package enum TemporaryFile {
  /// `NAME_MAX` on Linux file systems (ext4, xfs, btrfs, tmpfs): bytes in one path component.
  static let nameMax = 255
  /// Room left for `.` + `.PID.ATTEMPT.RANDOM.tmp`: a PID up to 10 digits, attempt up to 2,
  /// random part up to 7 (a UInt32 in base 36), plus separators and the suffix.
  static let overhead = 1 + 1 + 10 + 1 + 2 + 1 + 7 + 4

  /// The tag of a temporary file for a target named `base` (see ``TemporaryFile``).
  package static func tag(for base: String) -> String {
    let bytes = Array(base.utf8)
    guard bytes.count + overhead > nameMax else { return base }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64-bit (Fowler, Noll, Vo)
    for b in bytes {
      hash ^= UInt64(b)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let suffix = "~" + String(hash, radix: 16)
    var keep = nameMax - overhead - suffix.utf8.count
    // Cut at a character boundary: never in the middle of a UTF-8 sequence.
    while keep > 0, keep < bytes.count, (bytes[keep] & 0xC0) == 0x80 { keep -= 1 }
    return String(decoding: bytes[..<keep], as: UTF8.self) + suffix
  }

  /// The name of attempt `attempt` of this process, in `folder`.
  static func path(tag: String, attempt: Int, random: String, in folder: String) -> String {
    PathName.appending(".\(tag).\(getpid()).\(attempt).\(random).tmp", to: folder)
  }

  /// Removes the temporary files of saves of `tag` in `folder` whose process no longer runs: files
  /// this user owns, named `.TAG.PID.ATTEMPT.RANDOM.tmp`, with a PID for which `kill(PID, 0)` says
  /// no such process. Another process's temporary file (it may be saving now), another target's,
  /// or anything that is not a regular file is left alone. Failures are ignored: this is tidying.
  /// - Returns: the names removed.
  @discardableResult
  package static func removeStale(tag: String, in folder: String) -> [String] {
    guard let dir = opendir(folder.isEmpty ? "." : folder) else { return [] }
    defer { closedir(dir) }
    let prefix = "." + tag + "."
    var removed: [String] = []
    while let entry = readdir(dir) {
      // Read in place: glibc allocates a `dirent` only as long as its name (`d_reclen`), so
      // copying the 256-byte `d_name` out reads past it (AddressSanitizer: heap-buffer-overflow).
      let name = String(
        cString: (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
          .assumingMemoryBound(to: CChar.self))
      guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { continue }
      let middle = name.dropFirst(prefix.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
      guard middle.count == 3, let pid = Int32(middle[0]), pid > 0, Int(middle[1]) != nil, !middle[2].isEmpty,
        pid != getpid()
      else { continue }
      guard kill(pid, 0) != 0, errno == ESRCH else { continue }
      let path = PathName.appending(name, to: folder)
      var st = stat()
      guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid() else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }
}
