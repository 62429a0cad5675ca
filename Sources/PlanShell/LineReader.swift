/// What reading one line gave.
package enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line (and any continued command) is abandoned.
  case interrupt
  /// Ctrl-D on an empty line, or the end of input.
  case endOfInput
}

/// Reads lines for the interactive shell: libedit on a terminal (``EditLineReader``), plain
/// reading elsewhere (``PlainLineReader``), a scripted list in tests.
package protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line (without its newline).
  func readLine(prompt: String) -> LineInput
  /// Adds an accepted command (a whole continued command is one entry) to the history.
  func addHistory(_ entry: String)
  /// Gives the terminal back as it was (the session is ending).
  func finish()
  /// Whether the last ``LineInput/interrupt`` abandoned typed text (else the line was empty).
  var interruptDiscardedText: Bool { get }
}

extension LineReader {
  package func finish() {}
  package var interruptDiscardedText: Bool { false }
}

/// Reads lines from standard input without editing (pipes, files, dumb terminals).
package final class PlainLineReader: LineReader {
  private let showPrompt: Bool
  package init(showPrompt: Bool) { self.showPrompt = showPrompt }

  package func readLine(prompt: String) -> LineInput {
    if showPrompt {
      StandardOutput.write(prompt, to: 2)
    }
    guard let line = Swift.readLine(strippingNewline: true) else {
      if showPrompt { StandardOutput.write("\n", to: 2) }
      return .endOfInput
    }
    return .line(line)
  }

  package func addHistory(_ entry: String) {}
}

/// A scripted reader for tests: returns the given inputs in order, then end of input.
package final class ScriptedLineReader: LineReader {
  private var inputs: [LineInput]
  package private(set) var prompts: [String] = []
  package private(set) var history: [String] = []

  /// Called with each prompt before the next input is returned (tests look at the shell there).
  package var onRead: ((String) -> Void)?
  /// What ``interruptDiscardedText`` says for every ``LineInput/interrupt``.
  package var interruptsDiscardText = false

  package init(_ inputs: [LineInput]) { self.inputs = inputs }

  /// Whether every scripted input has been read (the next read is the end of input).
  package var isExhausted: Bool { inputs.isEmpty }

  package func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    onRead?(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  package var interruptDiscardedText: Bool { interruptsDiscardText }

  package func addHistory(_ entry: String) { history.append(entry) }
}
