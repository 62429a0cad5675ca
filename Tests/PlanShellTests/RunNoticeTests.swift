import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Issue 17 item 20: `run` at the prompt says in one line what ran and what it changed; a
/// script (not interactive) stays silent.
@Suite struct RunNoticeTests {
  static func session(interactive: Bool, language: MessageLanguage = .en) -> (Session, CapturedOutput) {
    var settings = Session.Settings()
    settings.interactive = interactive
    settings.language = language
    let output = CapturedOutput()
    return (Session(settings: settings, output: output), output)
  }

  static let script = """
    add criterion C1 "产业链基础" tag chain weight 0.5
    add criterion C2 "领军企业" tag leader weight 0.5
    add field F1 "碳纤维"
    set criterion C1 weight 0.4
    remove criterion C2

    """

  /// Five commands, five changes; in the end one criterion and one field more.
  @Test(arguments: [
    (MessageLanguage.en, ": 5 changes (criterion +1, field +1)\n"),
    (.zh, "：5 处修改（评价准则 +1、候选领域 +1）\n"),
  ])
  func runSaysWhatChanged(language: MessageLanguage, line: String) throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.cplan")
    try Self.script.write(to: path, atomically: true, encoding: .utf8)
    let (session, output) = Self.session(interactive: true, language: language)
    #expect(session.execute("run \"\(path.path)\"", file: "<test>"))
    // The script's path as given (absolute here: the working folder is not the temporary one).
    let ran = language == .zh ? "已运行 \(path.path)" : "ran \(path.path)"
    #expect(output.err.hasSuffix(ran + line), "\(output.err)")
    let (quiet, quietOutput) = Self.session(interactive: false)
    #expect(quiet.execute("run \"\(path.path)\"", file: "<test>"))
    #expect(quietOutput.err.isEmpty)
  }
}
