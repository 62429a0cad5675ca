import PlanLanguage
import PlanModel

/// Where the document names entities: each ID token with the kind it names, whether it defines
/// the entity (an `add`'s own ID) or refers to it, and each statement with the entity it is about.
/// Made from a parse of the whole text, whether or not it loads, for go to definition, find
/// references, rename, hover and document symbols.
struct Occurrences {
  /// One ID in the text.
  struct Occurrence: Equatable {
    var kind: Kind
    var id: String
    var range: TextRange
    /// The `add` statement's own ID (a `rename`'s new ID counts as one too).
    var isDefinition: Bool
  }

  /// One statement about an entity.
  struct Statement {
    var verb: Verb
    var kind: Kind
    var key: [String]
    var name: String?
    /// From the verb to the end of the statement's first line.
    var range: TextRange
    /// The key's first token.
    var selection: TextRange
  }

  private(set) var occurrences: [Occurrence] = []
  private(set) var statements: [Statement] = []

  /// Indexes `document` parsed.
  init(_ document: Document, file: String) {
    let parsed = Parser.parse(document.bytes, file: file)
    for command in parsed.commands where command.verb.isEdit {
      index(command, in: document)
    }
  }

  /// A plan of the entities the `add` statements name, by key only: what completion offers
  /// while the text does not load.
  var skeleton: Plan {
    var plan = Plan()
    for s in statements where s.verb == .add && s.key.count == s.kind.keyWidth {
      let key = EntityKey(parts: s.key)
      if plan[s.kind][key] == nil {
        plan[s.kind][key] = Entity(kind: s.kind, key: key, location: SourceLocation(file: "", line: 0, column: 0))
      }
    }
    return plan
  }

  /// The occurrence at `position`, if one covers it.
  func occurrence(at position: Position) -> Occurrence? {
    occurrences.first { $0.range.contains(position) }
  }

  /// Every occurrence of entity `id` of `kind`, in text order.
  func all(_ kind: Kind, _ id: String) -> [Occurrence] {
    occurrences.filter { $0.kind == kind && $0.id == id }
  }

  private mutating func index(_ command: Command, in document: Document) {
    let args = command.arguments
    guard let kindWord = args.first?.word, let kind = Kind(keyword: kindWord) else { return }
    let spec = kind.spec
    var key: [String] = []
    var selection: TextRange?
    for (i, part) in spec.keys.enumerated() {
      guard i + 1 < args.count, let w = args[i + 1].word else { break }
      key.append(w)
      let range = Occurrences.range(of: args[i + 1], in: document)
      if selection == nil { selection = range }
      switch (part, command.verb) {
      case (.id, .add): add(kind, w, range, definition: true)
      case (.id, _): add(kind, w, range, definition: false)
      case (.ref(let k), _): add(k, w, range, definition: false)
      case (.choice, _): break
      }
    }
    if command.verb == .rename, args.count > 2, let new = args[2].word {
      add(kind, new, Occurrences.range(of: args[2], in: document), definition: true)
      return
    }
    var name: String?
    var i = 1 + spec.keys.count
    if spec.hasName, i < args.count, case .string(let s) = args[i].kind {
      name = s
      i += 1
    }
    while i < args.count {
      guard let word = args[i].word, case .attribute(let a)? = spec.attribute(named: word), i + 1 < args.count else {
        i += 1
        continue
      }
      let value = args[i + 1]
      switch spec.attributes[a].type {
      case .ref(let k):
        if let id = value.word { add(k, id, Occurrences.range(of: value, in: document), definition: false) }
      case .refs(let k):
        for (id, range) in Occurrences.listItems(value, in: document) { add(k, id, range, definition: false) }
      default: break
      }
      i += 2
    }
    let line = command.location.line - 1
    let start = document.range(line: command.location.line, column: command.location.column, length: 1).start
    let end = Position(line: line, character: line < document.lines.count ? document.lines[line].utf16.count : 0)
    let whole = TextRange(start: start, end: end)
    statements.append(
      Statement(
        verb: command.verb, kind: kind, key: key, name: name, range: whole,
        selection: selection ?? TextRange(start: start, end: start)))
  }

  private mutating func add(_ kind: Kind, _ id: String, _ range: TextRange, definition: Bool) {
    occurrences.append(Occurrence(kind: kind, id: id, range: range, isDefinition: definition))
  }

  /// The range of a one-line token.
  static func range(of token: Token, in document: Document) -> TextRange {
    document.range(line: token.location.line, column: token.location.column, length: token.length)
  }

  /// The IDs of a list token (`G1,G2`) or of a word standing for a one-item list, each with its
  /// range: found in order in the token's text.
  static func listItems(_ token: Token, in document: Document) -> [(String, TextRange)] {
    let ids: [String]
    switch token.kind {
    case .list(let list): ids = list
    case .word(let w): ids = [w]
    default: return []
    }
    let line = token.location.line - 1
    guard line >= 0, line < document.lines.count else { return [] }
    let scalars = Array(document.lines[line].unicodeScalars)
    var column = token.location.column - 1  // 0-based scalar offset
    let end = min(scalars.count, column + token.length)
    var items: [(String, TextRange)] = []
    for id in ids {
      let target = Array(id.unicodeScalars)
      var found: Int?
      var c = column
      while c + target.count <= end {
        if Array(scalars[c..<(c + target.count)]) == target {
          found = c
          break
        }
        c += 1
      }
      guard let at = found else { continue }
      items.append((id, document.range(line: line + 1, column: at + 1, length: target.count)))
      column = at + target.count
    }
    return items
  }
}
