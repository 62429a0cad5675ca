import PlanLanguage

/// What a comment stands with: an entity (its kind and key), or the plan's settings (`set plan`).
package struct CommentTarget: Sendable, Hashable {
  /// The entity's kind; `nil` for the plan's settings.
  package var kind: Kind?
  package var key: EntityKey

  package init(_ kind: Kind, _ key: EntityKey) {
    self.kind = kind
    self.key = key
  }

  /// The plan's settings (the `set plan` statement).
  package static let plan = CommentTarget(kind: nil)

  private init(kind: Kind?) {
    self.kind = kind
    self.key = EntityKey("")
  }

  /// `org hw`, `score F1 C1`, `plan`: how a person names it.
  package var description: String {
    guard let kind else { return "plan" }
    return "\(kind.rawValue) \(key.description)"
  }
}

/// The comment lines of a plan that stand with its statements (SPEC §15 on §6): each block of
/// `#` lines above a statement stays with that statement's entity through load, edits, save,
/// `fmt` and merge, and goes with it when it is removed; the comment lines after the last
/// statement are kept too (the header's block is ``Plan/preamble``).
///
/// A side table keyed by entity, empty in most plans: an entity does not grow by a field (the
/// loader's tables stay as they are), and a plan without comments pays one empty dictionary.
/// Each line is kept as written, from its `#` (`# 来源：企业年报 2024`).
package struct PlanComments: Sendable, Hashable {
  /// The blocks by what they stand above.
  package private(set) var blocks: [CommentTarget: [String]] = [:]
  /// The comment lines after the last statement of the file.
  package var trailer: [String] = []

  package init() {}

  /// Whether the plan has no comment but its preamble.
  package var isEmpty: Bool { blocks.isEmpty && trailer.isEmpty }

  /// The lines above `target`'s statement (empty when none); setting `[]` removes them.
  package subscript(_ target: CommentTarget) -> [String] {
    get { blocks[target] ?? [] }
    set { blocks[target] = newValue.isEmpty ? nil : newValue }
  }

  /// Keeps only the blocks whose target `keep` accepts.
  package mutating func filter(_ keep: (CommentTarget) -> Bool) {
    blocks = blocks.filter { keep($0.key) }
  }

  /// Moves each block to the target `rekey` gives (the same when it gives `nil`).
  package mutating func rekey(_ rekey: (CommentTarget) -> CommentTarget?) {
    var moved: [CommentTarget: [String]] = [:]
    for (target, lines) in blocks { moved[rekey(target) ?? target, default: []] += lines }
    blocks = moved
  }

  /// The comment lines of a text typed in the shell (`comment org hw "来源：企业年报 2024"`):
  /// each line of it after `# ` (`#` alone for an empty line).
  package static func lines(of text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      return line.isEmpty ? "#" : "# " + line
    }
  }

  /// The text of comment lines without their `#` and the blank after it: what the shell shows.
  package static func text(of lines: [String]) -> String {
    lines.map { line in
      var s = Substring(line)
      if s.hasPrefix("#") { s = s.dropFirst() }
      if s.hasPrefix(" ") { s = s.dropFirst() }
      return String(s)
    }.joined(separator: "\n")
  }
}

extension Plan {
  /// Whether `target` is in the plan (the plan's settings always are).
  package func contains(_ target: CommentTarget) -> Bool {
    guard let kind = target.kind else { return true }
    return contains(kind, target.key)
  }

  /// Sets the comment above `target`'s statement (`[]` removes it).
  /// - Returns: the change, which ``revert(_:)`` undoes.
  @discardableResult
  package mutating func setComment(_ lines: [String], for target: CommentTarget) -> PlanChange {
    let before = PlanChange.comments(comments)
    comments[target] = lines
    return before
  }

  /// Drops the comments of entities no longer in the plan (after a `remove`): a comment goes
  /// with its entity. Returns the change that puts them back, or `nil` when none went.
  /// - Complexity: O(c) in the comments; O(1) when there are none.
  mutating func dropOrphanComments() -> PlanChange? {
    guard !comments.isEmpty else { return nil }
    let before = comments
    var kept = comments
    kept.filter { contains($0) }
    if kept == before { return nil }
    comments = kept
    return .comments(before)
  }
}

extension Plan {
  /// What a comment above statement `command` stands with: the entity an `add` or `set`
  /// names (its key read as the edit reads it: `funding K1 P1 市级` is `municipal`'s), the
  /// renamed entity under its new ID, the plan's settings for `set plan`; `nil` for a `remove`
  /// (the comment goes with the entity) or a statement whose entity is not in the plan.
  package func commentTarget(of command: Command) -> CommentTarget? {
    command.arguments.withUnsafeBufferPointer { tokens -> CommentTarget? in
      var args = ArgumentCursor(command, tokens)
      guard let kindToken = args.next(), let word = kindToken.word else { return nil }
      if command.verb == .set, kindToken.isKeyword("plan") { return .plan }
      guard let kind = Kind(keyword: word) else { return nil }
      switch command.verb {
      case .add, .set:
        guard let (key, _) = try? readKey(kind, &args, mustExist: true) else { return nil }
        return CommentTarget(kind, key)
      case .rename:
        guard args.next() != nil, let new = args.next()?.word, contains(kind, EntityKey(new)) else { return nil }
        return CommentTarget(kind, EntityKey(new))
      default:
        return nil
      }
    }
  }
}

extension Plan {
  /// The key that the key-part tokens `keys` of `command` name, read as an edit reads it
  /// (keyword parts by their Chinese terms too), of an entity of `kind` in the plan.
  /// - Throws: the edit's error for a missing part, a reference to nothing, or no such entity.
  package func existingKey(_ kind: Kind, _ keys: [Token], in command: Command) throws(Diagnostic) -> EntityKey {
    let partial = Command(verb: command.verb, verbToken: command.verbToken, arguments: keys)
    return try partial.arguments.withUnsafeBufferPointer { tokens throws(Diagnostic) in
      var args = ArgumentCursor(partial, tokens)
      return try readKey(kind, &args, mustExist: true).key
    }
  }
}
