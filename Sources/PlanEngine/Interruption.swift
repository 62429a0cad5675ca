/// A request to stop a long command (issue 18 item 12), the one cancellation token of cplan.
///
/// The interactive shell's SIGINT handler sets it (one store to a fixed address, async-signal
/// safe); the shell clears it before each entry. The long loops look at it between steps and
/// end early — TOPSIS sensitivity, robustness sampling, the review, the exports, the loader (per
/// window of the file), `import` (per row), the rendering of `validate`'s findings, `run` (per
/// command) — and a file being written atomically is not put in place once it is set
/// (``isRequested``). The shell then reports the command as interrupted and keeps the plan as
/// it was: what was half made is not used. Only the interactive shell sets it, so elsewhere
/// (scripts, `cplan check`, the language server) every loop runs to its end, and SIGINT ends
/// the process as usual.
package enum Interruption {
  nonisolated(unsafe) package static let flag: UnsafeMutablePointer<Int32> = {
    let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
  }()

  /// Whether a stop was requested since ``clear()``.
  @inline(__always)
  package static var isRequested: Bool { flag.pointee != 0 }

  package static func clear() { flag.pointee = 0 }

  /// Requests a stop, as Ctrl-C does (tests; the signal handler stores to ``flag`` itself).
  package static func request() { flag.pointee = 1 }
}

extension Sequence {
  /// The elements up to a stop request (``Interruption``): a long loop written
  /// `for x in items.untilInterrupted` ends early at Ctrl-C in the shell. Lazy: nothing is copied.
  package var untilInterrupted: LazyPrefixWhileSequence<LazySequence<Self>.Elements> {
    lazy.prefix { _ in !Interruption.isRequested }
  }
}
