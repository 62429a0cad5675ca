import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// A shell driven by a ``ScriptedLineReader``, with its state folder (history, journal) in a
/// fresh temporary folder.
final class ShellFixture {
  let state: URL
  let paths: StatePaths
  let output = CapturedOutput()
  let session: Session
  let reader: ScriptedLineReader
  let shell: InteractiveShell

  /// Whether this fixture made the state folder (and removes it at the end).
  private let ownsState: Bool

  init(_ inputs: [LineInput], state: URL? = nil, language: MessageLanguage = .en) throws {
    ownsState = state == nil
    self.state = try state ?? ShellFixture.temporaryFolder()
    paths = StatePaths(environment: ["XDG_STATE_HOME": self.state.path])
    var settings = Session.Settings()
    settings.interactive = true
    settings.language = language
    session = Session(settings: settings, output: output)
    reader = ScriptedLineReader(inputs)
    var common = CommonSettings()
    common.quiet = true
    shell = InteractiveShell(session: session, common: common, reader: reader, paths: paths)
  }

  /// Lines typed one after the other.
  convenience init(lines: [String], state: URL? = nil) throws {
    try self.init(lines.map { .line($0) }, state: state)
  }

  deinit {
    if ownsState { try? FileManager.default.removeItem(at: state) }
  }

  /// Runs the shell until it quits. Afterwards `onRead` is dropped (a test's closure there
  /// usually holds the fixture).
  @discardableResult
  func run() -> Int32 {
    defer { reader.onRead = nil }
    return shell.run()
  }

  /// Runs the scripted lines, then "kills" the session: its journal is let go of without being
  /// removed, as SIGKILL would leave it (what follows, the end of input, changes nothing).
  func runAndKill() {
    let previous = reader.onRead
    reader.onRead = { [unowned self] prompt in
      previous?(prompt)
      if reader.isExhausted { shell.journal?.abandon() }
    }
    run()
  }

  var journalFolder: String { paths.journalDirectory! }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-shell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The IDs of `kind` in the session's plan.
  func ids(_ kind: Kind) -> [String] { session.plan[kind].keys.map(\.a) }
}
