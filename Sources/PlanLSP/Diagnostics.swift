import PlanLanguage

extension LanguageServer {
  /// An LSP `Diagnostic` for a finding: its range in UTF-16 units (line 0 for a finding about
  /// the plan as a whole), severity, code, source `cplan`, and the message with its notes.
  func lspDiagnostic(_ d: Diagnostic, in document: Document) -> JSON {
    let range =
      d.location.map { document.range(line: $0.line, column: $0.column, length: d.length) }
      ?? TextRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
    let severity =
      switch d.severity {
      case .error: 1
      case .warning: 2
      case .note: 3
      }
    let message = ([d.message] + d.notes).map { $0.text(language) }.joined(separator: "\n")
    return .object([
      ("range", range.json), ("severity", .int(severity)), ("code", .string(d.code)), ("source", .string("cplan")),
      ("message", .string(message)),
    ])
  }
}
