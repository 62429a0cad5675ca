/// A request to stop a long computation (issue 18 item 12): the interactive shell's SIGINT
/// handler sets it, the engine's longest loops (TOPSIS sensitivity) look at it between steps and
/// end early, and the shell then reports the command as interrupted, its result unused — the
/// plan is as it was. A fixed address, so that a signal handler can set it (one store).
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
}
