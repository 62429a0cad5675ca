import Foundation

#if canImport(Glibc)
  import Glibc
#endif
import PlanLanguage

/// Where a session writes: results to standard output, diagnostics and notices to standard error.
/// Tests substitute a ``CapturedOutput``.
package protocol OutputSink: AnyObject {
  func write(_ text: String)
  func writeError(_ text: String)
}

/// Standard output and standard error, written unbuffered enough that order is kept
/// when both go to one terminal.
package final class StandardOutput: OutputSink {
  package init() {}
  package func write(_ text: String) { StandardOutput.write(text, to: 1) }
  package func writeError(_ text: String) { StandardOutput.write(text, to: 2) }

  /// Writes the whole text to a file descriptor straight from the string's UTF-8 storage
  /// (no copy into `Data`: an export of a large plan is written once, not twice).
  package static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
  }

  /// Writes all of `bytes` to a file descriptor, again after an interrupted or partial
  /// `write(2)`; stops quietly at a closed pipe (SIGPIPE is ignored) or another error.
  package static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, base + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
  }
}

/// Output kept in memory, for tests.
package final class CapturedOutput: OutputSink {
  package private(set) var out = ""
  package private(set) var err = ""
  package init() {}
  package func write(_ text: String) { out += text }
  package func writeError(_ text: String) { err += text }
  package func clear() {
    out = ""
    err = ""
  }
}
