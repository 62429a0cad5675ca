/// One finding about the input or the plan: data only; printing is ``DiagnosticRenderer``'s job.
///
/// Codes: `E0xx` lexical and syntax errors, `E1xx` commands and references, `Rxx` validation
/// rules (SPEC §5, §7).
package struct Diagnostic: Error, Sendable, Hashable {
  package enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    package func label(_ language: MessageLanguage) -> String {
      switch self {
      case .error: DiagnosticText.error.text(language)
      case .warning: DiagnosticText.warning.text(language)
      case .note: DiagnosticText.note.text(language)
      }
    }
  }

  package var severity: Severity
  /// `E103`, `R13`, …
  package var code: String
  package var message: LocalizedText
  /// Where it happened; `nil` for findings about the plan as a whole with no statement behind them.
  package var location: SourceLocation?
  /// Width of the underlined token in Unicode scalars (at least 1).
  package var length: Int
  /// Further lines printed after the source excerpt (hints).
  package var notes: [LocalizedText]
  /// The further errors of the same command, found with this one (every bad attribute of an
  /// `add`, issue 17 item 11): printed after it, each with its own caret; empty as a rule.
  package var followUps: [Diagnostic] = []

  package init(
    _ severity: Severity, code: String, message: LocalizedText, at location: SourceLocation?,
    length: Int = 1, notes: [LocalizedText] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.length = max(1, length)
    self.notes = notes
  }

  /// An error at a token.
  package static func error(_ message: Message, at token: Token) -> Diagnostic {
    Diagnostic(
      .error, code: message.code, message: message.text, at: token.location, length: token.length, notes: message.notes)
  }

  /// An error at a location.
  package static func error(_ message: Message, at location: SourceLocation?, length: Int = 1) -> Diagnostic {
    Diagnostic(.error, code: message.code, message: message.text, at: location, length: length, notes: message.notes)
  }

  /// This diagnostic and its ``followUps``, each on its own: for a list that counts them.
  package var all: [Diagnostic] {
    guard !followUps.isEmpty else { return [self] }
    var first = self
    first.followUps = []
    return [first] + followUps.flatMap(\.all)
  }

  /// The first of `diagnostics` with the rest as its ``followUps``; `nil` when there is none.
  package static func joined(_ diagnostics: [Diagnostic]) -> Diagnostic? {
    guard var first = diagnostics.first else { return nil }
    first.followUps += diagnostics.dropFirst()
    return first
  }

  /// Orders diagnostics by file, line, column, then severity and code (SPEC §7: sorted by file and line).
  package static func sortKey(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    switch (a.location, b.location) {
    case (nil, nil): break
    case (nil, _): return true
    case (_, nil): return false
    case (let x?, let y?): if x != y { return x < y }
    }
    if a.severity != b.severity { return a.severity < b.severity }
    return a.code < b.code
  }
}

/// A list of diagnostics thrown as one error (a command or a file that failed in several places).
package struct DiagnosticList: Error, Sendable {
  package var diagnostics: [Diagnostic]
  package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
