#if canImport(Glibc)
  import Glibc
#endif

/// A 64-bit FNV-1a hash of a file's bytes (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325,
/// prime 0x100000001b3): to tell whether a file still holds what it held (the journal's base,
/// issue 18 item 3). Not a defence against someone who makes a collision on purpose: it guards
/// against mistakes, as the journal's other fields (size, time) do.
package enum ContentHash {
  /// The hash of `bytes`.
  package static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      hash ^= UInt64(b)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The hash of the regular file at `path` and its stamp, both of the one descriptor read;
  /// `nil` when it cannot be read.
  package static func of(file path: String) -> (hash: UInt64, stamp: FileStamp)? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard let stamp = FileIO.stamp(fd: fd), let bytes = try? FileIO.read(fd: fd) else { return nil }
    return (of(bytes), stamp)
  }
}
