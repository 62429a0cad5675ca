/// Path names taken apart and joined as text, without touching the file system, the way
/// Foundation's `NSString` path methods do it on Linux (swift-corelibs-foundation,
/// `NSPathUtilities.swift`), which cplan used before it imported FoundationEssentials only
/// (which has no `NSString`). Runs of `/` count as one and a trailing `/` is ignored.
/// `PathNameTests` compares each with `NSString`'s. Two cases `NSString` gets wrong in
/// swift-corelibs-foundation 6.3 are right here: the folder of a relative name of one character
/// (`p`, `a/`) is empty, where `NSString` traps (`save p` through a symlink `p` crashed cplan),
/// and every run of `/` is made one, where `NSString` loses its place after the first run it
/// shortens (and traps on `/a//b///c//`).
package enum PathName {
  /// The folder part of `path`: `a/b/c` → `a/b`, `/a` → `/`, `a` → `` (empty), `/` → `/`.
  /// As `NSString.deletingLastPathComponent`.
  package static func deletingLastComponent(_ path: String) -> String {
    let fixed = fixingSlashes(path)
    if fixed == "/" || fixed.isEmpty { return fixed }
    let start = startOfLastComponent(fixed)
    if start == fixed.startIndex { return "" }
    if start == fixed.index(after: fixed.startIndex) { return "/" }
    return String(fixed[..<fixed.index(before: start)])
  }

  /// The last part of `path`: `a/b/c` → `c`, `a/b/` → `b`, `/` → `/`. As `NSString.lastPathComponent`.
  package static func lastComponent(_ path: String) -> String {
    let fixed = fixingSlashes(path)
    if fixed.utf16.count <= 1 { return fixed }
    return String(fixed[startOfLastComponent(fixed)...])
  }

  /// `component` appended to `path` with one `/` between them, unless `path` ends in one or
  /// either is empty. As `NSString.appendingPathComponent(_:)`.
  package static func appending(_ component: String, to path: String) -> String {
    if component.isEmpty { return path }
    if path.isEmpty { return component }
    return path.hasSuffix("/") ? path + component : path + "/" + component
  }

  /// `path` with every run of `/` made one, and one trailing `/` removed (`/` itself stays).
  private static func fixingSlashes(_ path: String) -> String {
    if path == "/" { return path }
    var result = ""
    var afterSlash = false
    for c in path {
      if c == "/" {
        if !afterSlash { result.append(c) }
        afterSlash = true
      } else {
        result.append(c)
        afterSlash = false
      }
    }
    if result.hasSuffix("/") { result.removeLast() }
    return result
  }

  /// Where the last component of a path without a trailing `/` starts: after its last `/`.
  private static func startOfLastComponent(_ path: String) -> String.Index {
    guard let slash = path.lastIndex(of: "/") else { return path.startIndex }
    return path.index(after: slash)
  }
}
