import PlanEngine
import PlanIO
import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// Where a session writes: results to standard output, diagnostics and notices to standard error.
/// Tests substitute a ``CapturedOutput``.
package protocol OutputSink: AnyObject {
  func write(_ text: String)
  func writeError(_ text: String)
}

/// Standard output and standard error, written unbuffered enough that order is kept
/// when both go to one terminal.
///
/// Every text a session writes passes through ``ControlEscaper`` (SPEC §15, its §10 item): a
/// control character or bidirectional override from data is shown as `\u001b`, never sent raw
/// to the terminal. Where colour is on for a descriptor (``coloured``), colour sequences (SGR)
/// pass: the diagnostics' own; the renderer escapes the data it quotes before styling it.
package final class StandardOutput: OutputSink {
  package init() {}
  /// Results; none once Ctrl-C stopped the command (``Interruption``), so that nothing
  /// half-made is shown.
  package func write(_ text: String) {
    guard !Interruption.isRequested else { return }
    StandardOutput.write(text, to: 1)
  }
  package func writeError(_ text: String) { StandardOutput.write(text, to: 2) }

  /// Whether colour is on for standard output and standard error (set once, at start, from
  /// `--color`, `NO_COLOR` and whether each is a terminal).
  nonisolated(unsafe) package static var coloured: (out: Bool, err: Bool) = (false, false)

  /// Writes the whole text to a file descriptor straight from the string's UTF-8 storage
  /// (no copy into `Data`: an export of a large plan is written once, not twice).
  /// - Returns: `errno` of a failed write, `nil` when all was written.
  @discardableResult
  package static func write(_ text: String, to fd: Int32) -> Int32? {
    var text = ControlEscaper.escape(text, keepingColour: fd == 1 ? coloured.out : coloured.err)
    return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
  }

  /// The first error writing standard output met, other than a closed pipe (a reader that went
  /// away, as `head` does, ends the output quietly): a full disk, a device error. The process
  /// reports it at exit, with status 1 (``reportStandardOutputFailure()``).
  nonisolated(unsafe) package private(set) static var standardOutputError: Int32?

  /// Writes all of `bytes` to a file descriptor, again after an interrupted or partial
  /// `write(2)`; stops at a closed pipe (SIGPIPE is ignored) or another error.
  /// - Returns: `errno` of a failed write (`EPIPE` for a closed pipe), `nil` when all was written.
  @discardableResult
  package static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, base + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        let error = n < 0 ? errno : EIO
        if fd == 1, error != EPIPE, standardOutputError == nil { standardOutputError = error }
        return error
      }
      offset += n
    }
    return nil
  }

  /// At exit: says that standard output could not be written (E118) and gives the status the
  /// process ends with — 1 where it would have been 0.
  package static func reportStandardOutputFailure(status: Int32) -> Int32 {
    guard let error = standardOutputError else { return status }
    let text = "cplan: error: cannot write standard output: \(String(cString: strerror(error))) [E118]\n"
    write(text, to: 2)
    return status == 0 ? 1 : status
  }
}

/// Output kept in memory, for tests.
package final class CapturedOutput: OutputSink {
  package private(set) var out = ""
  package private(set) var err = ""
  package init() {}
  package func write(_ text: String) {
    guard !Interruption.isRequested else { return }  // as StandardOutput's
    out += ControlEscaper.escape(text)
  }
  package func writeError(_ text: String) { err += ControlEscaper.escape(text, keepingColour: true) }
  package func clear() {
    out = ""
    err = ""
  }
}

/// Command output written to a path (`export … to PATH` in the shell, `cplan export -o PATH`).
enum OutputFile {
  /// Why nothing (or not all) was written.
  enum Failure: Error {
    /// A regular file is there and `force` was not given.
    case exists
    /// The device or file could not be written; the reason as the system gives it.
    case cannotWrite(String)
  }

  /// Writes what `produce` makes, piece by piece, so the whole output is never held in memory: to
  /// a device or FIFO (`/dev/null`, `/dev/stdout`) directly — never replaced; a reader that goes
  /// away ends it quietly, a full device is a failure — else atomically into a file
  /// (``FileIO/writeAtomically(to:mode:suffix:produce:)``), over an existing one only with
  /// `force` (refused before anything is made).
  /// - Parameter produce: makes the output and hands it to the sink, in pieces of about `chunkSize` bytes.
  /// - Returns: `nil` when all was written.
  static func write(
    to path: String, force: Bool, produce: (_ chunkSize: Int, _ sink: (UnsafeRawBufferPointer) -> Void) -> Void
  ) -> Failure? {
    if FileIO.isDevice(path) {
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { return .cannotWrite(String(cString: strerror(errno))) }
      defer { close(fd) }
      var failure: Int32?
      produce(Exporter.chunkSize) { bytes in
        if failure == nil { failure = StandardOutput.write(bytes, to: fd) }
      }
      if let failure, failure != EPIPE { return .cannotWrite(String(cString: strerror(failure))) }
      return nil
    }
    if FileIO.exists(path), !force { return .exists }
    do throws(FileError) {
      try FileIO.writeAtomically(to: FileIO.writeTarget(path)) { write in
        withoutActuallyEscaping(write) { write in produce(Exporter.chunkSize, write) }
      }
    } catch {
      return .cannotWrite(error.reason)
    }
    return nil
  }
}
