import PlanLanguage
import PlanModel

/// Where the values of one argument come from: what the parser accepts there, what Tab offers
/// there, and how the syntax in `help` names it.
package enum ArgumentSource: Sendable, Equatable {
  /// One literal word, ASCII case-insensitive: `plan` in `show plan`.
  case literal(String)
  /// The name of one of these kinds: `KIND` when they are all the kinds, else `member|goal`.
  case kind([Kind])
  /// The key parts of the kind named just before, one word each (the schema's `keyNames`):
  /// `KEY...`. Tab offers the parts of the keys in the plan.
  case keys
  /// The ID of an entity of this kind (a word): `CONSORTIUM`. Tab offers the plan's IDs.
  case id(Kind)
  /// One of these keywords, ASCII case-insensitive: the export formats, the ranking methods.
  case choice([String])
  /// A file path: the lexer reads the word there as a path (``Verb/takesPath``, `export … to`).
  case path
  /// A help topic (``Help/topics``); any one word is taken, and `help` reports an unknown one.
  case topic
  /// A calendar year (a whole number; the command checks its four digits). Tab offers the
  /// horizon's years.
  case year
  /// A number (`10000`, `30%`): `rank robustness samples N spread P% seed S`. Tab offers its
  /// default, the value it has when not given.
  case number(default: String)
  /// A quoted text, or `none`: the comment of `comment KIND KEY... TEXT`. Tab offers `none`.
  case text
}

extension ShellCommand {
  /// The Chinese names of the literal words of the commands' forms (`show 计划`, `show 路线图`),
  /// read as the word (SPEC §15).
  package static let chineseLiterals: [String: [String]] = [
    "plan": [Schema.chinesePlanName], "roadmap": ["路线图"], "funding": ["资金"],
  ]
}

/// One shell command: its grammar (the forms of its arguments and its options, with where their
/// values come from), its help in both languages, and the method that performs it.
///
/// The parser (``parse(_:)``), Tab completion (``Completer``) and `help` are derived from it; the
/// table of every command is ``ShellCommand/all``. The edit verbs (`add`, `set`, `remove`,
/// `rename`) take the statement grammar of PlanLanguage's ``Parser`` and the schema
/// (``KindSpec``): their entry gives the syntax and the help, and ``Plan/apply(_:)`` parses them.
package struct ShellCommand: Sendable {
  package var verb: Verb
  /// The alternative forms of the arguments, before the options; `[[]]` for none.
  package var forms: [[Argument]]
  package var options: [Option]
  /// Verbs that do the same, written into its syntax (`quit | exit`).
  package var alsoSpelled: [Verb]
  /// The syntax of an edit verb (by reference to the schema); `nil`: derived from ``forms``.
  package var statementSyntax: String?
  package var summary: LocalizedText
  package var examples: [String]
  /// The error when no argument is given where one is needed (default: the argument's noun).
  package var missing: LocalizedText?
  /// What the first argument should be, when it is not a word (`show "x"`).
  package var expected: LocalizedText?
  /// Listed in the overview of `help` (`exit` is not: `quit | exit` shows it).
  package var inOverview: Bool
  /// Performs the command once its arguments were parsed.
  package var perform: @Sendable (Session, Command, CommandArguments) -> Bool

  package init(
    _ verb: Verb, forms: [[Argument]] = [[]], options: [Option] = [], alsoSpelled: [Verb] = [],
    statementSyntax: String? = nil, summary: LocalizedText, examples: [String], missing: LocalizedText? = nil,
    expected: LocalizedText? = nil, inOverview: Bool = true,
    perform: @escaping @Sendable (Session, Command, CommandArguments) -> Bool
  ) {
    self.verb = verb
    self.forms = forms
    self.options = options
    self.alsoSpelled = alsoSpelled
    self.statementSyntax = statementSyntax
    self.summary = summary
    self.examples = examples
    self.missing = missing
    self.expected = expected
    self.inOverview = inOverview
    self.perform = perform
  }

  /// Whether it is an edit verb, whose grammar is the statement grammar.
  package var isStatement: Bool { statementSyntax != nil }

  /// The command of a verb.
  package static func of(_ verb: Verb) -> ShellCommand { byVerb[verb]! }

  /// A verb without a command, or with two, fails `GrammarTests`.
  private static let byVerb = [Verb: ShellCommand](all.map { ($0.verb, $0) }, uniquingKeysWith: { first, _ in first })

  /// The syntax line of `help`: `export text|markdown|json|csv|html [to PATH] [force] (csv: [bom])`.
  package var syntax: String {
    if let statementSyntax { return statementSyntax }
    let plain = options.filter { $0.onlyWhen == nil }.map(\.syntax)
    var lines = forms.map { form in
      ([verb.rawValue] + form.map { $0.optional ? "[\($0.placeholder)]" : $0.placeholder } + plain)
        .joined(separator: " ")
    }
    for option in options {
      if let when = option.onlyWhen { lines[lines.count - 1] += " (\(when.value): \(option.syntax))" }
    }
    return (lines + alsoSpelled.map(\.rawValue)).joined(separator: " | ")
  }

  /// The syntax of each form for each kind it takes (`list goal CONSORTIUM`), for `help VERB`;
  /// empty when no form names a kind.
  var syntaxByKind: [String] {
    var lines: [String] = []
    for form in forms {
      guard let k = form.firstIndex(where: { if case .kind = $0.source { true } else { false } }),
        case .kind(let kinds) = form[k].source
      else { continue }
      for kind in kinds {
        var words = [verb.rawValue]
        for (i, argument) in form.enumerated() {
          if i == k {
            words.append(kind.rawValue)
          } else if case .keys = argument.source {
            words += kind.spec.keyNames
          } else {
            words.append(argument.optional ? "[\(argument.placeholder)]" : argument.placeholder)
          }
        }
        lines.append(words.joined(separator: " "))
      }
    }
    return lines
  }
}

extension ShellCommand {
  /// One argument of a command's form, or the value of an option.
  package struct Argument: Sendable {
    /// What it is bound to in ``Arguments``, and its placeholder in the syntax (`PATH`, `TOPIC`)
    /// when its source has none of its own.
    package var name: String
    package var source: ArgumentSource
    package var optional = false
    /// How a message names it when it is missing (`a path`, `路径`); for a choice the values follow.
    package var noun: LocalizedText?
    /// A note added to the error for a particular wrong value (`rank method ahp`).
    package var hints: [String: LocalizedText] = [:]

    package init(
      _ name: String, _ source: ArgumentSource, optional: Bool = false, noun: LocalizedText? = nil,
      hints: [String: LocalizedText] = [:]
    ) {
      self.name = name
      self.source = source
      self.optional = optional
      self.noun = noun
      self.hints = hints
    }

    /// A literal word (`plan`).
    package static func literal(_ word: String) -> Argument { Argument(word, .literal(word)) }

    /// How the syntax in `help` writes it, without brackets: `PATH`, `KIND`, `text|markdown`.
    package var placeholder: String {
      switch source {
      case .literal(let w): w
      case .kind(let kinds): kinds == Kind.allCases ? "KIND" : kinds.map(\.rawValue).joined(separator: "|")
      case .keys: "KEY..."
      case .choice(let values): values.joined(separator: "|")
      case .id, .path, .topic, .year, .number, .text: name
      }
    }

    /// The text of the error when it is missing: `a path`, `a format (text, markdown, …)`.
    var missingText: LocalizedText {
      let noun = noun ?? LocalizedText(name)
      guard case .choice(let values) = source else { return noun }
      return CommandText.oneOf(noun, values)
    }
  }

  /// A keyword that may follow a form's arguments, in any order: a flag (`force`) or a keyword
  /// with a value (`to PATH`, `method weighted|topsis`).
  package struct Option: Sendable {
    package var keyword: String
    package var value: Argument?
    /// Taken only when the form's argument of this name has this value: `bom` only with `csv`.
    package var onlyWhen: (argument: String, value: String)?

    package init(_ keyword: String, value: Argument? = nil, onlyWhen: (argument: String, value: String)? = nil) {
      self.keyword = keyword
      self.value = value
      self.onlyWhen = onlyWhen
    }

    /// `[to PATH]`, `[force]`.
    var syntax: String { "[" + keyword + (value.map { " " + $0.placeholder } ?? "") + "]" }
  }
}

/// The arguments of a parsed command, by name: what its ``ShellCommand/perform`` reads.
package struct CommandArguments: Sendable {
  /// The form that matched (an index into ``ShellCommand/forms``).
  package var form = 0
  /// The literal word of the form, if it has one (`roadmap`), lowercased.
  package var literal: String?
  /// The kind named by the form, if it names one.
  package var kind: Kind?
  /// The key parts after the kind.
  package var keys: [Token] = []
  /// The arguments and the options' values, by argument name.
  package var values: [String: Token] = [:]
  /// The options given without a value (`force`, `strict`).
  package var flags: Set<String> = []

  package subscript(_ name: String) -> Token? { values[name] }

  package func has(_ flag: String) -> Bool { flags.contains(flag) }
}
