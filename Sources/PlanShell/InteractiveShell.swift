import FoundationEssentials
import PlanEngine
import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive loop (SPEC §10): prompts, continued commands, Ctrl-C and Ctrl-D, history,
/// completion, and the crash journal.
package final class InteractiveShell {
  package let session: Session
  let common: CommonSettings
  package var reader: LineReader
  /// The crash journal; `nil` when there is no state folder (no `HOME`, no `XDG_STATE_HOME`).
  package let journal: Journal?
  /// The line number of the next input line at `<shell>`.
  private var lineNumber = 1
  /// The line number where the continued command began.
  private var startLine = 1
  /// The lines of a continued command typed so far.
  package private(set) var pending = ""
  private var journalFailureShown = false
  private var stateWarningsShown: Set<StateDistrust> = []

  /// - Parameters:
  ///   - reader: where lines come from; by default libedit on a terminal (``EditLineReader``),
  ///     else plain reading.
  ///   - paths: where history and journal live; by default from the environment.
  package init(session: Session, common: CommonSettings, reader: LineReader? = nil, paths: StatePaths? = nil) {
    self.session = session
    self.common = common
    let paths = paths ?? StatePaths(environment: ProcessInfo.processInfo.environment)
    if let folder = paths.journalDirectory {
      let journal = Journal(directory: folder)
      journal.attach(to: session)
      self.journal = journal
    } else {
      journal = nil
    }
    self.reader = reader ?? InteractiveShell.makeReader(common: common, paths: paths)
    if let editor = self.reader as? EditLineReader {
      editor.language = session.settings.language
      editor.completer = { [weak self] text in self?.complete(text) ?? Completion(word: "", candidates: []) }
    }
  }

  /// libedit when standard input is a terminal and there is a terminal to draw on (standard
  /// output, else standard error); plain reading otherwise, with no prompt when neither output is
  /// a terminal (so that no escape sequence reaches a file). `TERM=dumb` is a terminal too:
  /// libedit edits and completes there with carriage returns and redrawing alone, as readline
  /// does (issue 18 item 13: Tab did nothing).
  static func makeReader(common: CommonSettings, paths: StatePaths) -> LineReader {
    let drawing: Int32 = isatty(1) == 1 ? 1 : (isatty(2) == 1 ? 2 : -1)
    guard isatty(0) == 1, drawing >= 0 else { return PlainLineReader(showPrompt: drawing >= 0) }
    let history = paths.history.map(HistoryFile.init(path:))
    let color = Driver.useColor(common, fd: drawing)
    return EditLineReader(drawing: drawing, color: color, historyFile: history) ?? PlainLineReader(showPrompt: true)
  }

  /// `cplan> `, `cplan:NAME> `, with `*` before `>` for unsaved changes.
  package var prompt: String {
    var p = "cplan"
    if let name = session.fileBaseName { p += ":" + name }
    if session.isDirty { p += "*" }
    return p + "> "
  }

  package static let continuationPrompt = "   ...> "

  /// What Tab offers for `text` (the current line before the cursor), in the context of the
  /// continued command typed so far.
  package func complete(_ text: String) -> Completion {
    Completer(plan: session.plan).complete(pending.isEmpty ? text : pending + "\n" + text)
  }

  /// Runs until `quit` or end of input. Returns the exit status.
  package func run() -> Int32 {
    if !common.quiet {
      session.output.writeError(
        "cplan \(Version.string) — " + session.text(ShellText.banner) + "\n")
    }
    // State another user owns, or others may write to, is not used (issue 18 item 9).
    warn(journal?.distrust)
    warn((reader as? EditLineReader)?.historyProblem)
    if let notice = journal?.startupNotice(language: session.settings.language) {
      session.output.writeError(notice)
    }
    if journal == nil { session.output.writeError(session.text(ShellText.noStateFolder) + "\n") }
    while !session.quitRequested {
      let input = reader.readLine(prompt: pending.isEmpty ? prompt : InteractiveShell.continuationPrompt)
      switch input {
      case .interrupt:
        // Ctrl-C abandons the line and any continued command; on an empty line it says how to leave.
        if pending.isEmpty && !reader.interruptDiscardedText {
          session.output.writeError(session.text(ShellText.howToLeave) + "\n")
        }
        pending = ""
      case .endOfInput:
        if !pending.isEmpty {
          pending = ""
          continue
        }
        execute(entry: "quit")
        if !session.quitRequested {
          session.output.writeError(
            session.text(ShellText.ctrlDAgain) + "\n")
        }
      case .line(let line):
        accept(line)
      }
    }
    journal?.finish()
    reader.finish()
    return 0
  }

  /// Takes one line (a recalled continued command may hold several); executes the command
  /// once it is complete.
  private func accept(_ line: String) {
    // Bytes typed that are not UTF-8 (a GBK terminal): an error at their column, and the entry
    // is not run — never a character dropped or stored wrongly (issue 18 item 10).
    if let column = TerminalEncoding.firstInvalidColumn(line) {
      var number = lineNumber
      for text in line.split(separator: "\n", omittingEmptySubsequences: false) {
        session.sources.register(
          file: ShellText.shellSource.text(session.settings.language), line: number,
          text: TerminalEncoding.displayed(String(text)))
        number += 1
      }
      var offset = column
      var row = lineNumber
      for text in line.split(separator: "\n", omittingEmptySubsequences: false) {
        let count = text.unicodeScalars.count
        if offset <= count { break }
        offset -= count + 1
        row += 1
      }
      lineNumber = number
      pending = ""
      _ = session.fail(
        .error(
          .invalidUTF8(),
          at: SourceLocation(file: ShellText.shellSource.text(session.settings.language), line: row, column: offset)))
      return
    }
    if pending.isEmpty { startLine = lineNumber }
    pending += pending.isEmpty ? line : "\n" + line
    for text in line.split(separator: "\n", omittingEmptySubsequences: false) {
      session.sources.register(
        file: ShellText.shellSource.text(session.settings.language), line: lineNumber, text: String(text))
      lineNumber += 1
    }
    let padding = String(repeating: "\n", count: startLine - 1)
    let parsed = Parser.parse(
      padding + pending, file: ShellText.shellSource.text(session.settings.language), allowIncomplete: true)
    if parsed.incomplete { return }
    let entry = pending
    pending = ""
    if !entry.trimmingWhitespace().isEmpty { reader.addHistory(entry) }
    run(parsed, text: entry)
  }

  /// Executes the commands given with `-c` before the prompt (`cplan -c … -i`), each as one
  /// entry: journaled from the first change, as typed ones are (issue 18 item 4). A failure
  /// stops the rest, as in a script.
  /// - Returns: whether every command succeeded.
  package func executeCommandLine(_ commands: [String]) -> Bool {
    for (i, text) in commands.enumerated() {
      Interruption.clear()
      journal?.beginEntry(text)
      let ok = session.execute(
        bytes: Array(text.utf8), file: ShellText.commandSource(i + 1).text(session.settings.language))
      journal?.endEntry()
      if !ok || session.quitRequested { return ok }
    }
    return true
  }

  /// Executes a command the shell issues itself (Ctrl-D is `quit`), numbered as an input line.
  private func execute(entry text: String) {
    session.sources.register(file: ShellText.shellSource.text(session.settings.language), line: lineNumber, text: text)
    let padding = String(repeating: "\n", count: lineNumber - 1)
    lineNumber += 1
    run(Parser.parse(padding + text, file: ShellText.shellSource.text(session.settings.language)), text: text)
  }

  /// Says once why a state folder or file is not used.
  private func warn(_ distrust: StateDistrust?) {
    guard let distrust, !stateWarningsShown.contains(distrust) else { return }
    stateWarningsShown.insert(distrust)
    session.output.writeError(session.text(distrust.text) + "\n")
  }

  /// Executes one entry; its changes are in the journal before the prompt returns.
  private func run(_ parsed: ParseResult, text: String? = nil) {
    // An entry of edits says at once what finding it made (issue 17 item 12); a script, a load
    // or an undo does not (`validate` reports on those).
    let edits = !parsed.commands.isEmpty && parsed.commands.allSatisfy { $0.verb.isEdit }
    let before = edits ? session.findingSnapshot() : nil
    Interruption.clear()  // a Ctrl-C at the prompt does not stop this entry (issue 18 item 12)
    journal?.beginEntry(text)
    session.execute(parsed)
    journal?.endEntry()
    if let before { session.reportNewFindings(since: before) }
    warn(journal?.distrust)
    if let failure = journal?.failure, !journalFailureShown {
      journalFailureShown = true
      session.output.writeError(
        session.text(ShellText.journalUnwritable(failure)) + "\n")
    }
  }
}

/// The program version.
package enum Version {
  package static let string = "0.1.0"
}
