/// The verbs of the command language: the five that change the plan (SPEC §3) and the actions (SPEC §5).
package enum Verb: String, Sendable, CaseIterable {
  case add, set, remove, rename
  case validate, rank, show, list, export, save, load, new, run, undo, redo, help, quit, exit, recover
  // SPEC §11: the annual review.
  case review
  /// `import PATH …` (SPEC §13).
  case `import`
  /// `comment KIND KEY... [TEXT|none]`: the comment kept above an entity's statement (SPEC §15).
  case comment

  /// Whether the verb changes the plan (`add`, `set`, `remove`, `rename`); only these may stand in a plan file.
  package var isEdit: Bool {
    switch self {
    case .add, .set, .remove, .rename: true
    default: false
    }
  }

  /// The verb named by a keyword, ASCII case-insensitive (`ADD`, `add`).
  /// - Complexity: byte comparisons (`init(rawValue:)` compares strings with every case in turn).
  package init?(keyword: String) {
    guard let i = Verb.matcher.index(of: keyword) else { return nil }
    self = Verb.allCases[i]
  }

  private static let matcher = KeywordMatcher(allCases.map(\.rawValue))

  /// The keyword after which this verb takes a path: `export … to PATH`, `review … against PATH`.
  var pathKeyword: String? {
    switch self {
    case .export: "to"
    case .review: "against"
    case .import: "map"
    default: nil
    }
  }

  /// Verbs whose first argument is a path.
  var takesPath: Bool {
    switch self {
    case .load, .save, .run, .recover, .import: true
    default: false
    }
  }
}

/// One parsed command: its verb and the tokens after it, uninterpreted.
///
/// The syntax tree stays generic: the plan model interprets kinds, keys and attributes
/// (PlanLanguage knows no plan), the shell interprets actions.
package struct Command: Sendable, Hashable {
  package var verb: Verb
  package var verbToken: Token
  package var arguments: [Token]

  package init(verb: Verb, verbToken: Token, arguments: [Token]) {
    self.verb = verb
    self.verbToken = verbToken
    self.arguments = arguments
  }

  /// Where the command starts.
  package var location: SourceLocation { verbToken.location }
}
