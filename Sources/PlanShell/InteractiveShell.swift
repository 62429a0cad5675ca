import Foundation
import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive loop (SPEC §10): prompts, continued commands, Ctrl-C and Ctrl-D, history.
package final class InteractiveShell {
  package let session: Session
  let common: CommonSettings
  package var reader: LineReader
  /// The line number of the next input line at `<shell>`.
  private var lineNumber = 1
  private var interruptedOnEmpty = false

  package init(session: Session, common: CommonSettings, reader: LineReader? = nil) {
    self.session = session
    self.common = common
    self.reader = reader ?? PlainLineReader(showPrompt: true)
  }

  /// `cplan> `, `cplan:NAME> `, with `*` before `>` for unsaved changes.
  package var prompt: String {
    var p = "cplan"
    if let name = session.fileBaseName { p += ":" + name }
    if session.isDirty { p += "*" }
    return p + "> "
  }

  package static let continuationPrompt = "   ...> "

  /// Runs until `quit` or end of input. Returns the exit status.
  package func run() -> Int32 {
    if !common.quiet {
      session.output.writeError("cplan \(Version.string) — " + session.text("type 'help' for help, 'quit' to leave\n",
                                                                          "输入 help 查看帮助，quit 退出\n"))
    }
    var pending = ""
    var startLine = lineNumber
    while !session.quitRequested {
      let input = reader.readLine(prompt: pending.isEmpty ? prompt : InteractiveShell.continuationPrompt)
      switch input {
      case .interrupt:
        if pending.isEmpty {
          if interruptedOnEmpty {
            session.output.writeError(session.text("(to leave, type quit or press Ctrl-D)\n", "（退出请输入 quit 或按 Ctrl-D）\n"))
          }
          interruptedOnEmpty = true
        }
        pending = ""
        continue
      case .endOfInput:
        if !pending.isEmpty {
          pending = ""
          continue
        }
        session.output.writeError("\n")
        let quit = Parser.parse("quit", file: "<shell>")
        session.execute(quit)
        continue
      case .line(let line):
        interruptedOnEmpty = false
        if pending.isEmpty { startLine = lineNumber }
        session.sources.register(file: "<shell>", line: lineNumber, text: line)
        lineNumber += 1
        pending += pending.isEmpty ? line : "\n" + line
        let padding = String(repeating: "\n", count: startLine - 1)
        let parsed = Parser.parse(padding + pending, file: "<shell>", allowIncomplete: true)
        if parsed.incomplete { continue }
        if !pending.trimmingCharacters(in: .whitespaces).isEmpty { reader.addHistory(pending) }
        pending = ""
        session.execute(parsed)
      }
    }
    return Int32(session.worstFailure == .usage ? 0 : 0)
  }
}

/// The program version.
package enum Version {
  package static let string = "0.1.0"
}
