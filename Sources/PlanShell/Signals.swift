import PlanEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signal handling for the interactive shell (SPEC §10: the terminal is restored on every exit path).
///
/// - SIGTERM, SIGHUP, SIGQUIT (Ctrl-\): the original terminal settings are put back (`tcsetattr`, which is
///   async-signal-safe), then the signal is raised again with its default action, so the
///   process ends as killed by that signal. History and journal are already on disk: both are
///   written before the prompt returns.
/// - SIGTSTP (Ctrl-Z): the original settings are put back before stopping and the editing
///   settings again after `fg`; then the line is redrawn.
/// - The signals of a crash (SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE):
///   the terminal's settings are put back when the editor has it, then the handler that was
///   there before (the default, or Swift's backtracer) takes the signal.
/// - SIGINT, SIGWINCH: only recorded, through a self-pipe (one byte: the signal number) that the
///   line reader polls next to the terminal. The reader turns them into editor functions in
///   ordinary (not signal) context: Ctrl-C abandons the line, a resize redraws it.
///
/// libedit's own handlers (`EL_SIGNAL`) are not used: they re-send the signal to the whole
/// process group (`kill(0, …)`), which would also hit a pager that cplan's output is piped into.
package enum ShellSignals {
  /// What the handlers read: a fixed address, so that a handler never touches Swift globals
  /// that might need initialising or exclusivity checks.
  fileprivate struct State {
    var original = termios()
    var editing = termios()
    var hasOriginal: Int32 = 0
    /// 1 while libedit has the terminal in its editing mode.
    var isEditing: Int32 = 0
    /// 1 while the terminal is held out of canonical mode between prompts (type-ahead).
    var isHolding: Int32 = 0
    var wakeRead: Int32 = -1
    var wakeWrite: Int32 = -1
    /// The terminal (standard input).
    var terminal: Int32 = 0
    /// Where editing is drawn (standard output or standard error).
    var drawing: Int32 = 2
  }

  /// Signals that end the process, whose earlier handlers keep them after the terminal is restored.
  static let fatal: [Int32] = [SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE]

  nonisolated(unsafe) fileprivate static let state: UnsafeMutablePointer<State> = {
    let p = UnsafeMutablePointer<State>.allocate(capacity: 1)
    p.initialize(to: State())
    return p
  }()

  nonisolated(unsafe) private static var installed = false
  /// The handlers that were there before ours, by signal number (read by the handler).
  nonisolated(unsafe) fileprivate static let previous: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
  }()

  /// The read end of the self-pipe: readable when a signal is waiting to be handled.
  package static var wakeDescriptor: Int32 { state.pointee.wakeRead }

  /// Saves the terminal's settings and installs the handlers. Idempotent.
  /// - Parameters:
  ///   - terminal: the terminal's descriptor (standard input).
  ///   - drawing: where the editor draws; a newline goes there when a signal ends the session.
  package static func install(terminal: Int32, drawing: Int32) {
    let s = state
    s.pointee.terminal = terminal
    s.pointee.drawing = drawing
    if tcgetattr(terminal, &s.pointee.original) == 0 { s.pointee.hasOriginal = 1 }
    guard !installed else { return }
    installed = true
    _ = Interruption.flag  // made before a handler can use it
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
      s.pointee.wakeRead = fds[0]
      s.pointee.wakeWrite = fds[1]
    }
    for signo in [SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP] { setHandler(signo) }
    for signo in fatal {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = shellSignalHandler
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signo, &action, previous + Int(signo))
    }
  }

  /// Marks whether the terminal is in editing mode (what SIGTSTP must switch back to after `fg`).
  package static func setEditing(_ editing: Bool) {
    state.pointee.isEditing = editing ? 1 : 0
  }

  /// Marks whether the terminal is held out of canonical mode between prompts: a stop (Ctrl-Z)
  /// or a crash then gives the original settings back too.
  package static func setHolding(_ holding: Bool) {
    state.pointee.isHolding = holding ? 1 : 0
  }

  /// The signals recorded since the last call (SIGINT, SIGWINCH, SIGCONT), oldest first.
  package static func drain() -> [Int32] {
    let fd = state.pointee.wakeRead
    guard fd >= 0 else { return [] }
    var signals: [Int32] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { break }
      signals += buffer[0..<n].map { Int32($0) }
    }
    return signals
  }

  /// Puts the terminal's original settings back (every exit path).
  package static func restoreTerminal() {
    let s = state
    if s.pointee.hasOriginal != 0 { _ = tcsetattr(s.pointee.terminal, TCSADRAIN, &s.pointee.original) }
  }

  fileprivate static func setHandler(_ signo: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = shellSignalHandler
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(signo, &action, nil)
  }
}

/// Records `signo` on the self-pipe (async-signal-safe: one `write`).
private func wake(_ signo: Int32) {
  let fd = ShellSignals.state.pointee.wakeWrite
  guard fd >= 0 else { return }
  var byte = UInt8(truncatingIfNeeded: signo)
  _ = write(fd, &byte, 1)
}

/// The handler for every signal the shell takes. Only async-signal-safe calls.
private func shellSignalHandler(_ signo: Int32) {
  let savedErrno = errno
  defer { errno = savedErrno }
  let s = ShellSignals.state
  switch signo {
  case SIGTERM, SIGHUP, SIGQUIT:
    if s.pointee.hasOriginal != 0 { _ = tcsetattr(s.pointee.terminal, TCSANOW, &s.pointee.original) }
    if s.pointee.isEditing != 0 {
      var newline = UInt8(ascii: "\n")
      _ = write(s.pointee.drawing, &newline, 1)
    }
    signal(signo, SIG_DFL)
    raise(signo)
  case SIGTSTP:
    let editing = s.pointee.isEditing != 0
    let holding = s.pointee.isHolding != 0
    if editing || holding, s.pointee.hasOriginal != 0 {
      _ = tcgetattr(s.pointee.terminal, &s.pointee.editing)
      _ = tcsetattr(s.pointee.terminal, TCSANOW, &s.pointee.original)
    }
    signal(SIGTSTP, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTSTP)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    raise(SIGTSTP)
    // Continued (fg).
    ShellSignals.setHandler(SIGTSTP)
    if editing || holding {
      _ = tcsetattr(s.pointee.terminal, TCSANOW, &s.pointee.editing)
    }
    if editing { wake(SIGCONT) }
  case SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE:
    if s.pointee.isEditing != 0 || s.pointee.isHolding != 0, s.pointee.hasOriginal != 0 {
      _ = tcsetattr(s.pointee.terminal, TCSANOW, &s.pointee.original)
    }
    // The earlier handler takes it: raised again (blocked here), it arrives when this returns.
    sigaction(signo, ShellSignals.previous + Int(signo), nil)
    raise(signo)
  default:
    // Ctrl-C also asks a long computation to stop (between prompts; cleared before each use).
    if signo == SIGINT { Interruption.flag.pointee = 1 }
    wake(signo)
  }
}
