import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real-terminal tests (SPEC §10, issue 4 "Must show"): the built `cplan` runs in a tmux
/// pane with the environment cleared (no `LANG`), keys are sent with `send-keys`, and the screen
/// is read with `capture-pane`. One test at a time: they share two cores with builds.
///
/// Part of `make test-integration` (every suite whose name contains `Integration`), not of
/// `make test` or `make test-asan`. tmux is installed by `make deps`; without it the tests fail.
@Suite(.serialized)
struct TerminalIntegration {}

/// One cplan in a tmux pane of its own tmux server, with its own HOME and folder.
final class TerminalSession {
  /// The tmux executable, if there is one.
  static let tmux: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
      let candidate = "\(dir)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// Where the pane runs: the session's current folder; `home/` is its HOME.
  let folder: URL
  var home: URL { folder.appendingPathComponent("home") }
  /// Whether this session made the folder (and removes it at the end).
  private let ownsFolder: Bool
  private let socket = "cplan-test-\(getpid())-\(UUID().uuidString.prefix(8))"
  private var started = false

  /// Starts `cplan ARGUMENTS` in a `width`×`height` pane: `env -i` with only PATH, HOME and
  /// TERM=xterm (and `environment`), so no locale is set. After cplan ends, the pane's shell
  /// writes cplan's exit status and `stty -a` into the folder.
  /// - Parameters:
  ///   - redirect: shell redirections for cplan, such as `> out.txt`.
  ///   - folder: reuse a folder (and HOME) of an earlier session.
  init(
    _ arguments: [String] = [], environment: [String: String] = [:], width: Int = 100, height: Int = 40,
    redirect: String = "", folder: URL? = nil
  ) throws {
    ownsFolder = folder == nil
    if let folder {
      self.folder = folder
    } else {
      self.folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-tty-\(UUID().uuidString)")
    }
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    for name in ["status", "stty"] { try? FileManager.default.removeItem(at: self.folder.appendingPathComponent(name)) }
    var env = ["PATH=/usr/bin:/bin", "HOME=\(quote(home.path))", "TERM=xterm"]
    for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env.append("\(k)=\(quote(v))") }
    let command = ([quote(CLI.binary)] + arguments.map(quote)).joined(separator: " ")
    let script = """
      #!/bin/sh
      cd \(quote(self.folder.path))
      env -i \(env.joined(separator: " ")) \(command) \(redirect)
      echo $? > status.tmp && mv status.tmp status
      stty -a > stty.tmp && mv stty.tmp stty
      exec sleep 600
      """
    let scriptURL = self.folder.appendingPathComponent("run.sh")
    try script.write(to: scriptURL, atomically: true, encoding: .utf8)
    chmod(scriptURL.path, 0o755)
    try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", scriptURL.path])
    started = true
  }

  deinit {
    if started { _ = try? tmux(["kill-server"]) }
    if ownsFolder { try? FileManager.default.removeItem(at: folder) }
  }

  private func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Runs tmux on this session's server (UTF-8 forced for the client, `-u`) and returns what
  /// it printed. Spawned directly and waited for with `waitpid`; its output goes through a file,
  /// since the server that `new-session` starts would hold a pipe open.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    // Not in `folder`: a test may have removed it before the last `kill-server`.
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-tmux-\(UUID().uuidString).out")
      .path
    defer { unlink(output) }
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env["SHELL"] = "/bin/sh"
    env.removeValue(forKey: "TMUX")
    let argv = ([TerminalSession.tmux!, "-u", "-L", socket] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    // Dispatch's threads block most signals, and a spawned process inherits the mask: the tmux
    // server would then never see SIGCHLD or SIGHUP (and never end). Start it clean.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, TerminalSession.tmux!, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
  }

  // MARK: Keys

  /// Types `text` literally (Chinese included).
  func type(_ text: String) {
    _ = try? tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// Presses keys by tmux name: `Enter`, `BSpace`, `Left`, `Tab`, `C-c`, `C-d`, `Up`, `C-r`.
  func press(_ keys: String...) {
    _ = try? tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Types `line`, presses Enter, and waits for the next prompt.
  func enter(_ line: String, timeout: Double = 20) {
    let before = promptCount()
    type(line)
    press("Enter")
    _ = waitUntil(timeout: timeout) { _ in self.promptCount() > before }
  }

  // MARK: Screen

  /// The visible screen, trailing blank lines removed.
  func screen() -> String {
    let text = (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? ""
    return TerminalSession.trimmed(text)
  }

  /// The whole pane: scrollback and screen.
  func transcript() -> String {
    TerminalSession.trimmed((try? tmux(["capture-pane", "-p", "-t", "0", "-S", "-"])) ?? "")
  }

  /// The screen with its colour sequences.
  func screenWithEscapes() -> String {
    (try? tmux(["capture-pane", "-p", "-e", "-t", "0"])) ?? ""
  }

  static func trimmed(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
      .joined(separator: "\n")
  }

  /// The last line of the screen that is not blank.
  func lastLine() -> String {
    screen().split(separator: "\n").last.map(String.init) ?? ""
  }

  /// The cursor's column and row (0-based).
  func cursor() -> (x: Int, y: Int) {
    let text = ((try? tmux(["display-message", "-p", "-t", "0", "#{cursor_x} #{cursor_y}"])) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = text.split(separator: " ").compactMap { Int($0) }
    return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
  }

  /// How many prompts (`cplan…> ` and `   ...> `) the pane has shown so far.
  func promptCount() -> Int {
    transcript().split(separator: "\n").filter { line in
      line.range(of: "^(cplan(:[^>]*)?\\*?>|   \\.\\.\\.>)( |$)", options: .regularExpression) != nil
    }.count
  }

  /// Polls the screen every 50 ms until `condition` holds or `timeout` seconds have passed.
  @discardableResult
  func waitUntil(timeout: Double = 20, _ condition: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(screen()) { return true }
      usleep(50_000)
    }
    return condition(screen())
  }

  /// Waits until the screen shows `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 20) -> Bool {
    waitUntil(timeout: timeout) { $0.contains(text) }
  }

  /// Waits until the last line is exactly `prompt` (spaces around it dropped): cplan is reading.
  @discardableResult
  func waitForPrompt(_ prompt: String = "cplan>", timeout: Double = 20) -> Bool {
    waitUntil(timeout: timeout) { _ in self.lastLine().trimmingCharacters(in: .whitespaces) == prompt }
  }

  /// Waits until the screen, with its rows joined (a long line wraps), shows `text`.
  @discardableResult
  func waitForWrapped(_ text: String, timeout: Double = 20) -> Bool {
    waitUntil(timeout: timeout) { $0.replacingOccurrences(of: "\n", with: "").contains(text) }
  }

  // MARK: The process

  /// cplan's process ID: the process named `cplan` below the pane's shell.
  func pid(timeout: Double = 20) -> pid_t? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let pane = ((try? tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"])) ?? "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
      var queue = [pane]
      while let next = queue.popLast() {
        let comm = (try? String(contentsOfFile: "/proc/\(next)/comm", encoding: .utf8)) ?? ""
        if comm.trimmingCharacters(in: .whitespacesAndNewlines) == "cplan", let pid = pid_t(next) { return pid }
        let children = (try? String(contentsOfFile: "/proc/\(next)/task/\(next)/children", encoding: .utf8)) ?? ""
        queue += children.split(separator: " ").map(String.init)
      }
      usleep(50_000)
    }
    return nil
  }

  /// Waits for cplan to end; then its exit status (as the shell reports it: 128+N when killed
  /// by signal N) and the terminal's settings after it (`stty -a`).
  func ended(timeout: Double = 20) -> (status: Int, stty: String)? {
    let statusURL = folder.appendingPathComponent("status")
    let sttyURL = folder.appendingPathComponent("stty")
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let status = try? String(contentsOf: statusURL, encoding: .utf8),
        let stty = try? String(contentsOf: sttyURL, encoding: .utf8),
        let code = Int(status.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return (code, stty)
      }
      usleep(50_000)
    }
    return nil
  }

  /// Whether `stty -a` output shows canonical mode with echo (a sane terminal).
  static func isSane(_ stty: String) -> Bool {
    let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    return flags.contains("icanon") && flags.contains("echo") && !flags.contains("-icanon") && !flags.contains("-echo")
  }

  func file(_ name: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }
}

extension TerminalIntegration {
  @Test func theShellStartsWithABannerAndAPromptWithoutALocale() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt(), "\(t.screen())")
    #expect(t.screen().hasPrefix("cplan "))
    #expect(t.screen().contains("help"))
  }
}
