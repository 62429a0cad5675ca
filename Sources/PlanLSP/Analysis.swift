import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

/// The plan of an open document and its findings, kept up to date as the document is edited.
///
/// A document is analysed as `cplan check` checks a file: loaded (``PlanLoader``), and when it
/// loads, validated; when it does not, the loader's diagnostics are the findings. After an edit
/// that only changed the attributes of entities on their own `add` lines — the usual edit, a
/// value changed — the entities are replaced in the plan and only what they touched is
/// validated again (``ValidationCache``, as the shell's `validate` does), without reloading the
/// file: the plan is the one a reload would give, so the findings are too. Any other edit
/// (lines added or removed, a key changed, a line that does not load) reloads the whole text.
final class Analysis {
  /// The file name the document's diagnostics carry (its path).
  let file: String
  /// The plan of the text last analysed, when it loaded.
  private(set) var plan: Plan?
  /// The last plan that loaded (for completion while the text does not load).
  var lastLoaded: Plan { plan ?? previous }
  /// The plan before the text stopped loading. Kept apart from `plan` so that the plan being
  /// edited is held once and an edit changes its table in place, without a copy.
  private var previous = Plan()
  /// The findings on the text last analysed, in report order.
  private(set) var diagnostics: [Diagnostic] = []
  /// Whether the last ``update(_:)`` replaced entities instead of reloading.
  private(set) var lastWasIncremental = false
  private var cache = ValidationCache()
  private var mutation = 0
  /// Whether the text has only `set plan` and `add` statements (no later edit that could make
  /// an entity depend on the statement order).
  private var onlyAdds = false

  init(file: String) { self.file = file }

  /// Brings the analysis up to the document's text and marks the document analysed.
  /// - Complexity: O(k) in the edited lines plus the stale part of the validation on the
  ///   incremental path; O(n) in the text otherwise.
  func update(_ document: inout Document) {
    defer { document.markAnalysed() }
    if !document.linesMoved, plan != nil, onlyAdds, replaceEdited(document) {
      lastWasIncremental = true
      return
    }
    lastWasIncremental = false
    reload(document)
  }

  /// Loads the whole text and validates it afresh.
  private func reload(_ document: Document) {
    do {
      let loaded = try PlanLoader.load(bytes: document.bytes, file: file)
      plan = loaded
      previous = Plan()
      cache = ValidationCache()
      mutation = 1
      diagnostics = cache.validate(loaded, mutation: mutation)
      onlyAdds = !document.lines.contains { Analysis.isLaterEdit($0) }
    } catch {
      if let plan { previous = plan }
      plan = nil
      diagnostics = error.diagnostics
    }
  }

  /// Whether `line` starts a statement other than `set plan` or `add` (a `set`, `remove` or
  /// `rename` of an entity). A line inside a multi-line string may look like one: then the
  /// document is merely reloaded after each edit.
  static func isLaterEdit(_ line: String) -> Bool {
    let t = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
    if t.starts(with: "remove".utf8) || t.starts(with: "rename".utf8) { return true }
    return t.starts(with: "set".utf8) && !t.starts(with: "set plan ".utf8)
  }

  /// Replaces the entities of the edited lines in the plan and validates what they touched.
  /// - Returns: `false` when some edit is not one it can make; the plan is then partly changed,
  ///   and must be reloaded.
  private func replaceEdited(_ document: Document) -> Bool {
    // Moved out, so that it is held once and its tables change in place (a copy of the goal
    // table of a 10,000-consortium plan costs tens of milliseconds).
    guard var next = plan.take() else { return false }
    defer { plan = next }
    var changes: [PlanChange] = []
    for (line, oldText) in document.editedLines.sorted(by: { $0.key < $1.key }) {
      let newText = document.lines[line]
      if newText == oldText { continue }
      guard let old = statement(oldText), let new = statement(newText) else { return false }
      switch (old, new) {
      case (.none, .none): continue  // a comment or a blank line (the preamble is the writer's, at formatting)
      case (.add(let before), .add(let after)):
        guard let change = replace(before, with: after, line: line + 1, in: &next) else { return false }
        changes.append(change)
      default: return false
      }
    }
    for change in changes {
      mutation += 1
      cache.note(change, in: next, mutation: mutation)
    }
    diagnostics = cache.validate(next, mutation: mutation)
    return true
  }

  /// What a line alone holds.
  private enum Statement {
    /// Nothing (blank or a comment).
    case none
    /// One `add` statement complete on the line.
    case add(Command)
  }

  /// The line's statement, or `nil` when it is anything else (several, another verb, an error,
  /// a statement continued on the next line).
  private func statement(_ text: String) -> Statement? {
    let parsed = Parser.parse(text, file: file)
    guard parsed.diagnostics.isEmpty, !parsed.incomplete, parsed.commands.count <= 1 else { return nil }
    guard let command = parsed.commands.first else { return Statement.none }
    return command.verb == .add ? .add(command) : nil
  }

  /// Replaces the entity that `add` statement `old` made on 1-based line `line` by the one
  /// `new` makes, when both have the same kind and key and `new` is valid in the plan.
  /// - Returns: the change, or `nil` when it cannot be made so.
  private func replace(_ old: Command, with new: Command, line: Int, in plan: inout Plan) -> PlanChange? {
    let deferred = DeferredReferences()
    guard let before = try? plan.entity(adding: old, deferring: DeferredReferences()),
      var after = try? plan.entity(adding: new, deferring: deferred),
      before.kind == after.kind, before.key == after.key, after.kind != .compare,
      let current = plan[after.kind][after.key], current.location.line == line
    else { return nil }
    for reference in deferred.references {
      for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) { return nil }
    }
    after.location.line = line
    plan[after.kind][after.key] = after
    return .replaced(current)
  }
}
