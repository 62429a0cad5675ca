import Foundation
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
  package func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
  package func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
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
