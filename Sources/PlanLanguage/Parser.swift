/// The outcome of parsing a source: every command that parsed, every error, and whether the
/// input stopped in the middle of a command (for the shell's continuation prompt).
package struct ParseResult: Sendable {
  package var commands: [Command] = []
  package var diagnostics: [Diagnostic] = []
  /// The input ends inside a string or after a `\` continuation.
  package var incomplete = false
}

/// One step of a streaming parse (``Parser/parse(_:file:allowIncomplete:each:)``).
package enum ParseEvent: Sendable {
  case command(Command)
  /// A line that failed; parsing goes on at the next command.
  case error(Diagnostic)
  /// The input ends inside a string or after a `\` continuation (the last event).
  case incomplete
}

/// The parser: one command per logical line (SPEC §2). It recovers line by line, so a file with
/// three bad lines reports all three.
package struct Parser {
  private var lexer: Lexer
  /// The number of arguments of the last command, to size the next one's.
  private var lastArgumentCount = 0

  private init(lexer: Lexer) { self.lexer = lexer }

  /// Parses UTF-8 `bytes` read from `file`.
  /// - Parameters:
  ///   - allowIncomplete: when true (the shell), input that ends inside a string or after `\`
  ///     sets ``ParseResult/incomplete`` instead of being an error.
  /// - Complexity: O(n) in the number of bytes.
  package static func parse(_ bytes: [UInt8], file: String, allowIncomplete: Bool = false) -> ParseResult {
    var result = ParseResult()
    parse(bytes, file: file, allowIncomplete: allowIncomplete) { event in
      switch event {
      case .command(let c): result.commands.append(c)
      case .error(let d): result.diagnostics.append(d)
      case .incomplete: result.incomplete = true
      }
      return true
    }
    return result
  }

  /// Parses a string (the shell's input, tests).
  package static func parse(_ text: String, file: String, allowIncomplete: Bool = false) -> ParseResult {
    parse(Array(text.utf8), file: file, allowIncomplete: allowIncomplete)
  }

  /// Parses UTF-8 `bytes` read from `file` one command at a time, handing each command or
  /// error to `body` as soon as it is parsed, so that a large file need not be held as a
  /// syntax tree (the plan loader applies and drops each statement).
  /// - Parameters:
  ///   - allowIncomplete: as for the parse that returns a ``ParseResult``.
  ///   - body: receives the events in source order; returns `false` to stop parsing.
  /// - Complexity: O(n) in the number of bytes; memory O(1) beyond the current command.
  package static func parse(
    _ bytes: [UInt8], file: String, allowIncomplete: Bool = false, each body: (ParseEvent) -> Bool
  ) {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = Parser(lexer: Lexer(bytes: buffer, file: file, allowIncomplete: allowIncomplete))
      parser.parseSource(body)
    }
  }

  /// Parses one chunk of a larger source (a file read piece by piece), whose first byte starts
  /// line `firstLine`. Every command that ends in the chunk goes to `body`, as ``parse(_:file:allowIncomplete:each:)``
  /// would give it; a command still open at the end of a chunk that is not the `last` (inside a
  /// string, after `\`) is left for the next chunk, which must start with it.
  /// - Returns: where the unparsed rest starts (the chunk's end when none) and its line number.
  /// - Complexity: O(n) in the size of the chunk.
  package static func parseChunk(
    _ chunk: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, last: Bool, each body: (ParseEvent) -> Bool
  ) -> (offset: Int, line: Int) {
    var parser = Parser(lexer: Lexer(bytes: chunk, file: file, allowIncomplete: !last, firstLine: firstLine))
    while !parser.lexer.atEnd {
      let start = (parser.lexer.pos, parser.lexer.line)
      let outcome = parser.parseCommand()
      switch consume outcome {
      case .command(let c):
        if parser.lexer.conflictPart == .base || parser.lexer.conflictPart == .theirs { continue }
        if !body(.command(c)) { return (chunk.count, parser.lexer.line) }
      case .empty: break
      case .error(let d):
        parser.lexer.skipCommand()
        if !body(.error(d)) { return (chunk.count, parser.lexer.line) }
      case .incomplete:
        return start
      }
    }
    return (chunk.count, parser.lexer.line)
  }

  /// source := { command? NEWLINE }
  ///
  /// Inside a merge conflict (``Lexer/ConflictPart``), the base and theirs versions of a
  /// statement are parsed for their errors but not handed on: the markers are the errors
  /// (E017), not the duplicates that both versions of an `add` would make.
  private mutating func parseSource(_ body: (ParseEvent) -> Bool) {
    while !lexer.atEnd {
      let outcome = parseCommand()
      switch consume outcome {
      case .command(let c):
        if lexer.conflictPart == .base || lexer.conflictPart == .theirs { continue }
        if !body(.command(c)) { return }
      case .empty: break
      case .error(let d):
        lexer.skipCommand()
        if !body(.error(d)) { return }
      case .incomplete:
        _ = body(.incomplete)
        return
      }
    }
  }

  private enum Outcome {
    case command(Command)
    case empty
    case error(Diagnostic)
    case incomplete
  }

  /// command := VERB argument* — a path is lexed after `load`/`save`/`run`/`recover`, after `to` in
  /// `export` and after `against` in `review`.
  private mutating func parseCommand() -> Outcome {
    let first: Token
    switch lexer.next() {
    case .endOfCommand: return .empty
    case .incomplete: return .incomplete
    case .error(let d): return .error(d)
    case .token(let t): first = t
    }
    guard let word = first.word else {
      return .error(.error(.expected(SyntaxText.command, found: first.summary), at: first))
    }
    guard let verb = Verb(keyword: word) else {
      let suggestion = Suggestion.nearestName(word, in: Verb.allNames)
      return .error(.error(.unknownCommand(word, suggestion: suggestion), at: first))
    }
    var arguments: [Token] = []
    // Statements of a file come in runs of one kind and about one length: room for a few more
    // arguments than the last command had makes one allocation the rule.
    arguments.reserveCapacity(max(8, lastArgumentCount + 4))
    defer { lastArgumentCount = arguments.count }
    var wantPath = verb.takesPath
    while true {
      let step = wantPath ? lexer.nextPath() : lexer.next()
      wantPath = false
      switch consume step {
      case .endOfCommand:
        return .command(Command(verb: verb, verbToken: first, arguments: arguments))
      case .incomplete: return .incomplete
      case .error(let d): return .error(d)
      case .token(let t):
        if let keyword = verb.pathKeyword, t.isKeyword(keyword) { wantPath = true }
        arguments.append(t)  // the last use of `t`: moved, not copied
      }
    }
  }
}
