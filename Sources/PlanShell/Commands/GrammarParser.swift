import PlanLanguage
import PlanModel

/// Reads a command's arguments by its ``ShellCommand`` grammar.
///
/// Each form is tried on the arguments; the first that takes them all wins. When none does, the
/// error is the one of the form that read furthest (`show funding K1` misses a funding key
/// rather than having one word too many), at the argument where it stopped.
extension ShellCommand {
  /// Why a form does not take the arguments, and at which one (an index into the arguments).
  struct Miss: Error {
    enum Reason {
      /// The arguments end where this one is needed.
      case missing(Argument)
      /// The kind's key part of this index is missing.
      case missingKey(Kind, Int)
      /// The argument there is not one this place takes.
      case mismatch(Argument)
      /// A key part there is not a word.
      case notAnID
      /// A word where no option of the command fits.
      case unexpected
      /// The option there has no value, or a wrong one after it.
      case badValue(Option)
    }
    var index: Int
    var reason: Reason
    /// At the same index, a literal that does not fit yields to a kind or a choice that does
    /// not either (`show fieldz` is an unknown kind, not "expected plan").
    var weight: Int {
      if case .mismatch(let a) = reason, case .literal = a.source { return 0 }
      return 1
    }
  }

  /// The arguments of `command` by this grammar, or the error that says why they do not fit.
  package func parse(_ command: Command) -> Result<CommandArguments, Diagnostic> {
    var best: Miss?
    for (i, form) in forms.enumerated() {
      switch match(form, command.arguments) {
      case .success(var arguments):
        arguments.form = i
        return .success(arguments)
      case .failure(let miss):
        if let b = best, (b.index, b.weight) >= (miss.index, miss.weight) { continue }
        best = miss
      }
    }
    return .failure(diagnostic(best!, command))
  }

  private func match(_ form: [Argument], _ tokens: [Token]) -> Result<CommandArguments, Miss> {
    var result = CommandArguments()
    var i = 0
    for argument in form {
      if case .keys = argument.source, let kind = result.kind {
        for part in kind.spec.keys.indices {
          guard i < tokens.count else { return .failure(Miss(index: i, reason: .missingKey(kind, part))) }
          // A year part (`show actual G1 2025`) is a number; the others are words.
          let isKeyPart = kind.spec.keys[part] == .year ? tokens[i].isWholeNumber : tokens[i].word != nil
          guard isKeyPart else { return .failure(Miss(index: i, reason: .notAnID)) }
          result.keys.append(tokens[i])
          i += 1
        }
        continue
      }
      guard i < tokens.count else {
        if argument.optional { continue }
        return .failure(Miss(index: i, reason: .missing(argument)))
      }
      let t = tokens[i]
      switch argument.source {
      case .path where argument.optional && i == tokens.count - 1:
        // A lone path that spells a flag is the flag: `save force` saves to the plan's file.
        if case .path(let p) = t.kind, options.contains(where: { $0.value == nil && p.lowercasedEquals($0.keyword) }) {
          continue
        }
      default: break
      }
      guard ShellCommand.accepts(argument.source, t) else {
        if argument.optional { continue }
        return .failure(Miss(index: i, reason: .mismatch(argument)))
      }
      switch argument.source {
      case .literal(let w): result.literal = w
      case .kind: result.kind = Kind(keyword: t.word!)
      default: result.values[argument.name] = t
      }
      i += 1
    }
    while i < tokens.count {
      let t = tokens[i]
      guard let option = options.first(where: { isOption($0, t, result) }) else {
        return .failure(Miss(index: i, reason: .unexpected))
      }
      if let value = option.value {
        guard i + 1 < tokens.count, ShellCommand.accepts(value.source, tokens[i + 1]) else {
          return .failure(Miss(index: i, reason: .badValue(option)))
        }
        result.values[option.keyword] = tokens[i + 1]
        i += 2
      } else {
        result.flags.insert(option.keyword)
        i += 1
      }
    }
    return .success(result)
  }

  /// Whether `t` is `option` (a word, or the lone path of `save force`) and it may stand here.
  private func isOption(_ option: Option, _ t: Token, _ result: CommandArguments) -> Bool {
    let spelled: Bool
    switch t.kind {
    case .word: spelled = t.isKeyword(option.keyword)
    case .path(let p): spelled = option.value == nil && p.lowercasedEquals(option.keyword)
    default: spelled = false
    }
    guard spelled else { return false }
    guard let when = option.onlyWhen else { return true }
    return result.values[when.argument]?.word?.lowercasedEquals(when.value) == true
  }

  /// Whether a token may stand where `source` is expected.
  static func accepts(_ source: ArgumentSource, _ t: Token) -> Bool {
    switch source {
    case .literal(let w):
      return t.isKeyword(w) || (t.word.map { ShellCommand.chineseLiterals[w]?.contains($0) } ?? nil) == true
    case .kind(let kinds):
      guard let w = t.word, let kind = Kind(keyword: w) else { return false }
      return kinds.contains(kind)
    case .id: return t.word != nil
    case .keys: return t.word != nil || t.isWholeNumber
    case .choice(let values): return t.word.map { w in values.contains { w.lowercasedEquals($0) } } ?? false
    case .path:
      if case .path = t.kind { return true }
      return false
    case .topic: return true
    case .year: return t.isWholeNumber
    case .number:
      if case .number = t.kind { return true }
      return false
    case .text:
      if case .string = t.kind { return true }
      return t.isKeyword("none")
    }
  }

  /// The words the first argument may be (`plan`, `roadmap`, `funding`, the kinds), for a suggestion.
  private var firstWords: [String] {
    var literals: [String] = []
    var names: [String] = []
    for form in forms {
      switch form.first?.source {
      case .literal(let w): literals.append(w)
      case .kind(let kinds): names += kinds.map(\.rawValue)
      default: break
      }
    }
    // Then their Chinese names: suggestions over both languages (SPEC §15).
    let chinese =
      literals.flatMap { ShellCommand.chineseLiterals[$0] ?? [] }
      + names.compactMap { Kind(keyword: $0)?.chineseNames }.joined()
    var seen = Set<String>()
    return (literals + names + chinese).filter { seen.insert($0).inserted }
  }

  private func diagnostic(_ miss: Miss, _ command: Command) -> Diagnostic {
    let tokens = command.arguments
    switch miss.reason {
    case .missing(let argument):
      let text = miss.index == 0 ? (missing ?? argument.missingText) : argument.missingText
      let at = miss.index == 0 ? command.verbToken : tokens[miss.index - 1]
      return .error(.missing(text), at: at)
    case .missingKey(let kind, let part):
      let name = kind.spec.keyNames[part]
      return .error(
        .missing(CommandText.keyPart(kind.rawValue, name)),
        at: tokens.last!.location)
    case .notAnID:
      return .error(
        .expected(CommandText.anID, found: tokens[miss.index].summary), at: tokens[miss.index])
    case .unexpected:
      let t = tokens[miss.index]
      return .error(.unexpectedArgument(t.summary), at: t)
    case .mismatch(let argument):
      let t = tokens[miss.index]
      switch argument.source {
      case .literal, .kind:
        guard let word = t.word else {
          if let expected { return .error(.expected(expected, found: t.summary), at: t) }
          return .error(.unexpectedArgument(t.summary), at: t)
        }
        return .error(.unknownKind(word, suggestion: Suggestion.nearestName(word, in: firstWords)), at: t)
      case .choice(let values):
        return .error(badValue(t, argument.name, values, hints: argument.hints), at: t)
      default:
        return .error(.unexpectedArgument(t.summary), at: t)
      }
    case .badValue(let option):
      let t = tokens[miss.index]
      let value = option.value!
      if case .choice(let values) = value.source {
        // No value: the keyword is the wrong value (`rank method`).
        let bad = miss.index + 1 < tokens.count ? tokens[miss.index + 1] : t
        return .error(badValue(bad, option.keyword, values, hints: value.hints), at: bad)
      }
      let noun = value.missingText
      return .error(
        .missing(CommandText.after(option.keyword, noun)),
        at: t)
    }
  }

  private func badValue(_ t: Token, _ attribute: String, _ values: [String], hints: [String: LocalizedText])
    -> Message
  {
    let word = t.word ?? t.summary
    var message = Message.badEnumValue(
      word, attribute: attribute, allowed: values, suggestion: Suggestion.nearest(t.word ?? "", in: values))
    if let hint = hints[word.lowercased()] { message.notes.append(hint) }
    return message
  }
}

extension Token {
  /// Whether the token is a whole number (a year key part).
  var isWholeNumber: Bool {
    if case .number(let n) = kind { return n.isInteger }
    return false
  }
}
