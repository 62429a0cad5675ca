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
/// file: the plan is the one a reload would give, so the findings are too. An `add` line edited
/// into a syntax error is no reload either: the file then fails on that line and on the
/// statements that refer to its entity (``BrokenLine``, ``brokenFindings(_:in:)``), found
/// without reading the rest; the plan keeps the line's last statement until it parses again. Any other edit (lines added or
/// removed, a key changed, a line that does not load otherwise) reloads the whole text.
final class Analysis {
  /// The file name the document's diagnostics carry (its path).
  let file: String
  /// The plan of the text last analysed, when it loaded; while some `add` lines do not parse
  /// (``BrokenLine``), the plan with their last statements.
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
  /// The lines that do not parse now, by 0-based line, while the plan is kept (``BrokenLine``).
  private var broken: [Int: BrokenLine] = [:]

  /// An `add` line that does not parse now, while the plan keeps its entity.
  private struct BrokenLine {
    /// The line's text as the plan holds it (its last statement that loaded).
    var loaded: String
    /// Its syntax errors, on the line in the file.
    var errors: [Diagnostic]
  }

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
      broken = [:]
      previous = Plan()
      cache = ValidationCache()
      mutation = 1
      diagnostics = cache.validate(loaded, mutation: mutation)
      onlyAdds = !document.lines.contains { Analysis.isLaterEdit($0) }
    } catch {
      if let plan { previous = plan }
      plan = nil
      broken = [:]
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
    for (line, edited) in document.editedLines.sorted(by: { $0.key < $1.key }) {
      let newText = document.lines[line]
      let oldText = broken[line]?.loaded ?? edited
      if let errors = syntaxErrors(newText, line: line + 1) {
        guard case .add(let command)? = statement(oldText), heldEntity(command, line: line + 1, in: next) != nil
        else { return false }
        broken[line] = BrokenLine(loaded: oldText, errors: errors)
        continue
      }
      broken[line] = nil
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
    guard !broken.isEmpty else {
      diagnostics = cache.validate(next, mutation: mutation)
      return true
    }
    guard let found = brokenFindings(document, in: &next) else { return false }
    diagnostics = found
    return true
  }

  /// The findings of the text while some lines are broken: their syntax errors, and the errors
  /// of the statements that refer to their entities, as loading the text finds them (SPEC §6:
  /// the other statements applied as before, without the broken lines'). `nil` when that takes
  /// the whole text: a statement that cannot be added without a broken line's entity, and that
  /// others refer to in turn (their failures would cascade).
  /// - Complexity: O(n) in the plan's entities of the kinds that may refer to the broken lines'.
  private func brokenFindings(_ document: Document, in plan: inout Plan) -> [Diagnostic]? {
    var found = broken.values.flatMap(\.errors)
    // The broken lines' entities are taken out of their tables meanwhile, and put back in place.
    var removed: [(entity: Entity, index: Int)] = []
    defer {
      for (entity, index) in removed.reversed() {
        plan[entity.kind].updateValue(entity, forKey: entity.key, insertingAt: index)
      }
    }
    for (line, b) in broken {
      guard case .add(let command)? = statement(b.loaded), let entity = heldEntity(command, line: line + 1, in: plan),
        let index = plan[entity.kind].index(forKey: entity.key)
      else { return nil }
      plan[entity.kind].remove(at: index)
      removed.append((entity, index))
    }
    for (entity, _) in removed where entity.kind.spec.hasOwnID {
      for (referrer, needsIt) in plan.referringEntities(of: entity.kind, id: entity.key.a) {
        if needsIt, referrer.kind.spec.hasOwnID, !plan.referringEntities(of: referrer.kind, id: referrer.key.a).isEmpty
        {
          return nil
        }
        let line = referrer.location.line - 1
        guard line >= 0, line < document.lines.count, case .add(let command)? = statement(document.lines[line]) else {
          return nil
        }
        // The line parsed alone: its findings are moved to the line.
        var failures: [Diagnostic] = []
        let deferred = DeferredReferences()
        do throws(Diagnostic) {
          _ = try plan.entity(adding: command, deferring: deferred)
          for reference in deferred.references {
            for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) {
              failures.append(
                .error(
                  .unknownReference(
                    kind: reference.kind.rawValue, id: id, suggestion: plan.suggestID(id, of: reference.kind)),
                  at: reference.token))
              break
            }
          }
        } catch {
          failures.append(error)
        }
        for var failure in failures {
          failure.location?.line = line + 1
          found.append(failure)
        }
      }
    }
    return found.sorted(by: Diagnostic.sortKey)
  }

  /// The syntax errors of `text` as 1-based line `line` of the file, when it has some that stay
  /// on it: not when it is (or may be) continued on the next line — a string left open, a `\`
  /// at its end — nor when it is a merge-conflict marker, which changes how the lines after
  /// it read. `nil` when it parses, or when its errors are not the line's alone.
  private func syntaxErrors(_ text: String, line: Int) -> [Diagnostic]? {
    let parsed = Parser.parse(text, file: file, allowIncomplete: true)
    guard !parsed.diagnostics.isEmpty, !parsed.incomplete else { return nil }
    let t = text.utf8.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    if t.first == UInt8(ascii: "\\") { return nil }
    for c in "<=|>".utf8 where text.utf8.starts(with: repeatElement(c, count: 7)) { return nil }
    return parsed.diagnostics.map { d in
      var d = d
      d.location?.line = line
      return d
    }
  }

  /// The entity that `add` statement `command` made, when `plan` holds it from 1-based line
  /// `line`; `nil` otherwise, and for a `compare` judgement (whose `add` depends on the others).
  private func heldEntity(_ command: Command, line: Int, in plan: Plan) -> Entity? {
    guard let entity = try? plan.entity(adding: command, deferring: DeferredReferences()), entity.kind != .compare,
      let held = plan[entity.kind][entity.key], held.location.line == line
    else { return nil }
    return held
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
