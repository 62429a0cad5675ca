import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The command grammar (``ShellCommand/all``) against what is derived from it: every form the
/// table describes is accepted by the parser, offered word by word by Tab and shown in `help`;
/// every line Tab leads to and every form `help` writes is accepted by the parser, and so on
/// round. The help text is read here by its notation (`[x]` optional, `a|b` one of, `KIND`,
/// `KEY...`, other capitals a value, `(csv: [bom])` only after `csv`), not by the table.
@Suite struct GrammarTests {
  /// A plan with one entity (or two) of every kind, so that every key and ID has a value.
  static let plan: Plan = {
    let session = Session(output: CapturedOutput())
    session.execute(
      """
      add criterion C1 "产业链基础" tag chain
      add criterion C2 "领军企业" tag leader
      add compare C1 C2 3
      add field F1 "新能源汽车"
      add score F1 C1 8
      add org faw "中国一汽" type enterprise
      add consortium K1 "汽车联合体" field F1
      add member K1 faw role lead
      add phase P1 "攻关期" period 2025..2026
      add goal G1 "量产" phase P1 consortium K1
      add measure M1 "揭榜挂帅" phase P1 consortium K1 instrument grant funder provincial
      add funding K1 P1 enterprise 8000
      add checkpoint G1 2026 250
      add actual G1 2025 120
      add outlay K1 2025 provincial 800
      add expert E1 "王教授" org faw
      add judgement E1 C1 C2 3
      add rating E1 F1 C1 8
      """, file: "<fixture>")
    return session.plan
  }()

  /// The one file of the folder paths are completed from.
  static let file = "out.txt"

  /// Runs `body` with a completer whose folder holds ``file``.
  static func withCompleter(_ body: (Completer) throws -> Void) throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent(file))
    try body(Completer(plan: plan, currentDirectory: folder.path))
  }

  static var actions: [ShellCommand] { ShellCommand.all.filter { !$0.isStatement } }

  // MARK: The table

  @Test func everyVerbHasExactlyOneCommand() {
    for verb in Verb.allCases {
      #expect(ShellCommand.all.filter { $0.verb == verb }.count == 1, "\(verb)")
    }
    #expect(ShellCommand.all.count == Verb.allCases.count)
  }

  /// The lexer reads a path (quotes optional, any characters) exactly as the first argument of
  /// the commands whose every form starts with a path; `export … to PATH` is checked by the forms.
  @Test func theLexerReadsAPathWhereTheGrammarHasOne() {
    for command in ShellCommand.all {
      let startsWithPath = command.forms.allSatisfy { $0.first?.source == .path }
      let parsed = Parser.parse("\(command.verb.rawValue) a/b.plan", file: "<test>")
      let first = parsed.commands.first?.arguments.first
      #expect((first?.path == "a/b.plan") == startsWithPath, "\(command.verb)")
    }
  }

  /// Every form of the table: each form with its optional arguments left out or given, each value
  /// of a choice and each kind, then its options in table order, each given or not.
  static func tableForms(_ command: ShellCommand) -> [[String]] {
    var out: [[String]] = []
    for form in command.forms {
      var heads: [(words: [String], values: [String: String])] = [([command.verb.rawValue], [:])]
      for argument in form {
        var next: [(words: [String], values: [String: String])] = []
        for head in heads {
          if argument.optional { next.append(head) }
          for sample in samples(argument, after: head.words) {
            var values = head.values
            values[argument.name] = sample.first
            next.append((head.words + sample, values))
          }
        }
        heads = next
      }
      for head in heads {
        var tails: [[String]] = [[]]
        for option in command.options {
          if let when = option.onlyWhen, head.values[when.argument] != when.value { continue }
          let values = option.value.map { samples($0, after: []) } ?? [[]]
          tails += tails.flatMap { tail in values.map { tail + [option.keyword] + $0 } }
        }
        out += tails.map { head.words + $0 }
      }
    }
    return out
  }

  /// The words that may stand for an argument (a kind's key parts after that kind).
  static func samples(_ argument: ShellCommand.Argument, after words: [String]) -> [[String]] {
    switch argument.source {
    case .literal(let w): return [[w]]
    case .kind(let kinds): return kinds.map { [$0.rawValue] }
    case .keys:
      guard let kind = words.last.flatMap(Kind.init(rawValue:)), let key = plan[kind].keys.first else { return [] }
      return [key.parts]
    case .id(let kind): return plan[kind].keys.first.map { [[$0.a]] } ?? []
    case .choice(let values): return values.map { [$0] }
    case .path: return [[file]]
    case .topic: return Help.topics.map { [$0] }
    case .year: return [["2025"]]
    case .number(let value): return [[value]]
    case .text: return [["none"]]
    }
  }

  @Test(arguments: actions.map(\.verb))
  func everyFormOfTheTableIsParsedCompletedAndShownInHelp(_ verb: Verb) throws {
    let forms = GrammarTests.tableForms(.of(verb))
    #expect(!forms.isEmpty)
    try GrammarTests.withCompleter { completer in
      for words in forms {
        GrammarTests.expectParsed(words)
        GrammarTests.expectCompleted(words, completer)
        GrammarTests.expectInHelp(words)
      }
    }
  }

  // MARK: What Tab leads to

  /// Every line Tab leads to from the verb, word by word (at most `depth` words after it).
  static func completionTree(_ verb: Verb, _ completer: Completer, depth: Int = 7) -> [[String]] {
    var nodes: [[String]] = []
    var queue: [[String]] = [[verb.rawValue]]
    while let words = queue.popLast() {
      nodes.append(words)
      guard words.count <= depth else { continue }
      for candidate in completer.complete(words.joined(separator: " ") + " ").candidates {
        queue.append(words + [candidate])
      }
    }
    return nodes
  }

  @Test(arguments: actions.map(\.verb))
  func everyLineTabLeadsToIsParsedAndShownInHelp(_ verb: Verb) throws {
    try GrammarTests.withCompleter { completer in
      let nodes = GrammarTests.completionTree(verb, completer)
      let accepted = Set(nodes.filter(GrammarTests.parses).map { $0.joined(separator: " ") })
      #expect(!accepted.isEmpty)
      // A line at the depth limit may need more words than the tree explores (`rank seed 1
      // spread 30% samples 10000 method`): only the lines within it are judged.
      for words in nodes where words.count <= 7 {
        let line = words.joined(separator: " ")
        // Each word Tab offers leads to a command the parser takes (it, or a longer one).
        #expect(
          accepted.contains { $0 == line || $0.hasPrefix(line + " ") }, "Tab leads to \(line), which cannot be finished"
        )
        if accepted.contains(line) { GrammarTests.expectInHelp(words) }
      }
    }
  }

  // MARK: What help shows

  /// The forms of `help VERB`: its syntax line's alternatives and its lines by kind.
  static func helpSyntax(_ verb: Verb) throws -> [String] {
    let (syntax, byKind) = try helpLines(verb)
    return syntax + byKind
  }

  /// The alternatives of the syntax line of `help VERB`, and its lines by kind.
  static func helpLines(_ verb: Verb) throws -> (syntax: [String], byKind: [String]) {
    // Wide enough for the syntax on one line (HelpLayoutTests test the wrapping).
    let text = try #require(Help.text(verb.rawValue, language: .en, width: 1000))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let syntax = lines[0].replacingOccurrences(of: "  |  ", with: " | ").components(separatedBy: " | ")
    var byKind: [String] = []
    if let start = lines.firstIndex(of: "By kind:") {
      byKind = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
    }
    // The same syntax in Chinese.
    #expect(Help.text(verb.rawValue, language: .zh, width: 1000)?.hasPrefix(lines[0] + "\n") == true)
    return (syntax, byKind)
  }

  @Test(arguments: actions.map(\.verb))
  func everyFormHelpShowsIsParsedAndCompleted(_ verb: Verb) throws {
    let forms = try GrammarTests.helpSyntax(verb).flatMap { try GrammarTests.instances(of: $0) }
    #expect(!forms.isEmpty)
    try GrammarTests.withCompleter { completer in
      for words in forms {
        GrammarTests.expectParsed(words)
        GrammarTests.expectCompleted(words, completer)
      }
    }
  }

  @Test func theOverviewShowsEveryCommand() throws {
    let overview = try #require(Help.text(nil, language: .en))
    let lines = overview.split(separator: "\n").filter { $0.hasPrefix("  ") }
    for verb in Verb.allCases {
      #expect(lines.contains { $0.contains(" \(verb.rawValue) ") || $0.hasPrefix("  \(verb.rawValue) ") }, "\(verb)")
      #expect(Help.topics.contains(verb.rawValue))
    }
  }

  // MARK: The edit verbs (the statement grammar and the schema)

  @Test(arguments: [Verb.add, .set, .remove, .rename])
  func everyKindOfAnEditVerbIsCompletedAndShownInHelp(_ verb: Verb) throws {
    let kinds = Kind.allCases.filter { verb != .rename || $0.spec.hasOwnID }
    let help = try GrammarTests.helpSyntax(verb)
    try GrammarTests.withCompleter { completer in
      #expect(Set(completer.complete("\(verb.rawValue) ").candidates).isSuperset(of: kinds.map(\.rawValue)))
      for kind in kinds {
        let keys = kind.spec.keyNames.joined(separator: " ")
        #expect(
          help.contains { $0.hasPrefix("\(verb.rawValue) \(kind.rawValue) \(verb == .rename ? "OLD NEW" : keys)") })
        guard verb != .add, let key = GrammarTests.plan[kind].keys.first else { continue }
        let line = "\(verb.rawValue) \(kind.rawValue) \(key.parts.joined(separator: " "))"
        let next = completer.complete(line + " ").candidates
        switch verb {
        case .set: #expect(Set(next).isSuperset(of: kind.spec.attributes.map(\.name)), "\(line)")
        case .remove: #expect(next == ["cascade"], "\(line)")
        default: #expect(next.isEmpty, "\(line)")
        }
        // The statement parser and the plan take it.
        let statement = verb == .rename ? "\(line) X9" : verb == .remove ? "\(line) cascade" : nil
        if let statement {
          var plan = GrammarTests.plan
          let parsed = Parser.parse(statement, file: "<test>")
          #expect(parsed.diagnostics.isEmpty && parsed.commands.count == 1, "\(statement)")
          if let command = parsed.commands.first { #expect(throws: Never.self) { try plan.apply(command) } }
        }
      }
    }
  }

  // MARK: Checks

  static func parses(_ words: [String]) -> Bool {
    let parsed = Parser.parse(words.joined(separator: " "), file: "<test>")
    guard parsed.diagnostics.isEmpty, parsed.commands.count == 1, let command = parsed.commands.first else {
      return false
    }
    if case .success = ShellCommand.of(command.verb).parse(command) { return true }
    return false
  }

  static func expectParsed(_ words: [String]) {
    #expect(parses(words), "the parser refuses \(words.joined(separator: " "))")
  }

  /// Tab offers each word of the line after the words before it.
  static func expectCompleted(_ words: [String], _ completer: Completer) {
    for k in words.indices {
      let before = words[..<k].joined(separator: " ") + (k > 0 ? " " : "")
      #expect(completer.complete(before).candidates.contains(words[k]), "Tab after '\(before)' lacks \(words[k])")
    }
  }

  /// `help VERB` shows the form in its syntax line, and among its lines by kind when it names a kind.
  static func expectInHelp(_ words: [String]) {
    guard let verb = Verb(rawValue: words[0]), let (syntax, byKind) = try? helpLines(verb) else {
      Issue.record("no help for \(words[0])")
      return
    }
    let line = words.joined(separator: " ")
    #expect(syntax.contains { Notation.matches($0, words) }, "help \(verb) does not show \(line)")
    // `show funding` and `show funding K1` are forms of their own (a literal, then its
    // arguments); `show funding K1 P1 enterprise` names the kind.
    let second = words.count > 1 ? words[1] : ""
    let literalForm = syntax.contains {
      $0.split(separator: " ").dropFirst().first.map(String.init) == second && Notation.matches($0, words)
    }
    if !byKind.isEmpty, !literalForm, words.count > 1, Kind(rawValue: words[1]) != nil {
      #expect(byKind.contains { Notation.matches($0, words) }, "help \(verb) by kind does not show \(line)")
    }
  }

  /// The concrete forms of one line of help: each alternative, each optional part left out or
  /// given (in the order shown), each value filled from ``plan``.
  static func instances(of syntax: String) throws -> [[String]] {
    try Notation.instances(Notation.parse(syntax)) { placeholder, words in
      switch placeholder {
      case "KIND": return Kind.allCases.map { [$0.rawValue] }
      case "KEY...":
        let kind = try #require(words.last.flatMap(Kind.init(rawValue:)))
        return [try #require(plan[kind].keys.first).parts]
      case "PATH", "JOURNAL", "RULES": return [[file]]
      case "TOPIC": return [["field"], ["R27"]]
      case "N": return [["10000"]]
      case "P%": return [["30%"]]
      case "S": return [["1"]]
      case "TEXT": return [["none"]]
      default:
        // A key name after its kind (`show funding CONSORTIUM PHASE SOURCE`), else an ID.
        if let kindIndex = words.lastIndex(where: { Kind(rawValue: $0) != nil }),
          let kind = Kind(rawValue: words[kindIndex]), let key = plan[kind].keys.first
        {
          let position = words.count - kindIndex - 1
          if position < kind.spec.keyNames.count, kind.spec.keyNames[position] == placeholder {
            return [[key.parts[position]]]
          }
        }
        // The year of `review as-of YEAR`: one the plan's phases span.
        if placeholder == "YEAR" { return [["2025"]] }
        let kind = try #require(Kind(rawValue: placeholder.lowercased()), "placeholder \(placeholder)")
        return [[try #require(plan[kind].keys.first).a]]
      }
    }
  }
}

/// The notation of the syntax in `help`, read as a person reads it.
enum Notation {
  indirect enum Element {
    /// A word, or one of several (`text|markdown`), ASCII case-insensitive.
    case words([String])
    /// A capitalised placeholder (`PATH`, `KEY...`).
    case placeholder(String)
    /// `[…]`, or `(csv: […])`: only after the word `csv`.
    case optional([Element], after: String?)
  }

  static func parse(_ text: String) -> [Element] {
    var tokens = text.replacingOccurrences(of: "[", with: " [ ").replacingOccurrences(of: "]", with: " ] ")
      .replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
      .split(separator: " ").map(String.init)[...]
    return elements(&tokens)
  }

  private static func elements(_ tokens: inout ArraySlice<String>) -> [Element] {
    var out: [Element] = []
    while let t = tokens.popFirst() {
      switch t {
      case "]", ")": return out
      case "[": out.append(.optional(elements(&tokens), after: nil))
      case "(":
        let condition = String(tokens.popFirst()!.dropLast())  // `csv:`
        _ = tokens.popFirst()  // `[`
        out.append(.optional(elements(&tokens), after: condition))
        _ = tokens.popFirst()  // `)`
      default:
        let isPlaceholder = t.first!.isUppercase && t.uppercased() == t
        out.append(isPlaceholder ? .placeholder(t) : .words(t.split(separator: "|").map(String.init)))
      }
    }
    return out
  }

  /// Whether `words` is a form of `syntax`; the optional parts in a row may come in any order.
  static func matches(_ syntax: String, _ words: [String]) -> Bool {
    match(parse(syntax)[...], words[...], seen: [])
  }

  private static func match(_ elements: ArraySlice<Element>, _ words: ArraySlice<String>, seen: [String]) -> Bool {
    guard let first = elements.first else { return words.isEmpty }
    switch first {
    case .words(let options):
      guard let w = words.first, options.contains(w.lowercased()) else { return false }
      return match(elements.dropFirst(), words.dropFirst(), seen: seen + [w.lowercased()])
    case .placeholder(let p):
      guard let w = words.first else { return false }
      if p == "KIND" {
        guard Kind(rawValue: w.lowercased()) != nil else { return false }
        return match(elements.dropFirst(), words.dropFirst(), seen: seen + [w.lowercased()])
      }
      if p.hasSuffix("...") {
        // One or more words.
        return (1...words.count).contains {
          match(elements.dropFirst(), words.dropFirst($0), seen: seen + words.prefix($0))
        }
      }
      return match(elements.dropFirst(), words.dropFirst(), seen: seen + [w])
    case .optional:
      // A run of optional parts: each at most once, in any order.
      let run = elements.prefix { if case .optional = $0 { true } else { false } }
      return matchRun(Array(run), used: [], elements.dropFirst(run.count), words, seen: seen)
    }
  }

  private static func matchRun(
    _ run: [Element], used: Set<Int>, _ rest: ArraySlice<Element>, _ words: ArraySlice<String>, seen: [String]
  ) -> Bool {
    if match(rest, words, seen: seen) { return true }
    for (i, element) in run.enumerated() where !used.contains(i) {
      guard case .optional(let inner, let after) = element else { continue }
      if let after, !seen.contains(after) { continue }
      // The part's words, then the rest of the run.
      for n in 1...max(1, words.count) where n <= words.count {
        if match(inner[...], words.prefix(n), seen: seen),
          matchRun(run, used: used.union([i]), rest, words.dropFirst(n), seen: seen + words.prefix(n))
        {
          return true
        }
      }
    }
    return false
  }

  /// Every concrete form of `elements`, placeholders filled by `fill` (given the words so far).
  static func instances(
    _ elements: [Element], _ fill: (String, [String]) throws -> [[String]]
  ) rethrows -> [[String]] {
    var forms: [[String]] = [[]]
    for element in elements {
      var next: [[String]] = []
      for form in forms {
        switch element {
        case .words(let options): next += options.map { form + [$0] }
        case .placeholder(let p): next += try fill(p, form).map { form + $0 }
        case .optional(let inner, let after):
          next.append(form)
          if let after, !form.contains(after) { continue }
          next += try instances(inner) { p, words in try fill(p, form + words) }.map { form + $0 }
        }
      }
      forms = next
    }
    return forms
  }
}
