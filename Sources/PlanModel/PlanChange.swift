import PlanLanguage

/// A change made to a plan, kept so that it can be undone: applying it with ``Plan/revert(_:)``
/// restores the earlier state and gives the change that redoes it.
///
/// Edits record only what they touched (O(1) for `add` and `set`), so a script of a million
/// `add` statements keeps its undo history without copying the plan.
///
/// The change of an `add`, made for every statement of a plan file, is stored inline (a kind and
/// a key, 56 bytes); the cases holding a whole entity or plan are boxed.
package enum PlanChange: Sendable {
  /// An entity was inserted (appended by `add`, or put back by undoing a remove); reverting
  /// removes it and gives ``removed(_:at:)``.
  case inserted(Kind, EntityKey)
  /// An entity was removed from the end of its table; reverting appends it again.
  indirect case appended(Entity)
  /// An entity was removed from position `at` of its table (`remove` without cascade, undoing
  /// an `add`); reverting puts it back there. O(1) at the end of the table, a move of the
  /// table's later entries elsewhere, never a copy of the table.
  indirect case removed(Entity, at: Int)
  /// An entity was changed in place; reverting puts this value back.
  indirect case replaced(Entity)
  /// The plan settings were changed; reverting puts these back.
  case settings([Value?], [SourceLocation?])
  /// Tables were changed wholesale (`remove … cascade`); reverting puts these back.
  case tables([Table])
  /// The whole plan was replaced (`load`, `new`); reverting puts this one back.
  indirect case whole(Plan)
  /// Several changes in order (a `run`); reverting undoes them in reverse.
  case group([PlanChange])
  /// The comments were changed (`comment`, or a `remove` or `rename` that took or moved one);
  /// reverting puts these back.
  case comments(PlanComments)
}

extension PlanChange {
  /// Whether this change, already applied to `plan`, left every value, name and setting as it
  /// was (a `set` to the value already there); the statement's place may have moved.
  /// - Complexity: O(1) for an entity, O(s) for the s plan settings; other changes are changes.
  package func changesNothing(in plan: Plan) -> Bool {
    switch self {
    case .replaced(let old):
      guard let current = plan[old.kind][old.key] else { return false }
      return current.name == old.name && current.values == old.values
    case .settings(let values, _):
      return values == plan.settings
    case .comments(let old):
      return old == plan.comments
    default:
      return false
    }
  }
}

extension Plan {
  /// Undoes `change` and returns the change that redoes it.
  /// - Complexity: O(1) for entity changes at the end of a table (add and its undo), O(n) in the
  ///   table's size elsewhere (a move, not a copy); O(k) for a group of k changes.
  package mutating func revert(_ change: PlanChange) -> PlanChange {
    switch change {
    case .inserted(let kind, let key):
      let index = self[kind].index(forKey: key)!
      let entity = self[kind].remove(at: index).value
      return .removed(entity, at: index)
    case .appended(let entity):
      self[entity.kind][entity.key] = entity
      return .inserted(entity.kind, entity.key)
    case .removed(let entity, let index):
      self[entity.kind].updateValue(entity, forKey: entity.key, insertingAt: index)
      return .inserted(entity.kind, entity.key)
    case .replaced(let entity):
      let current = self[entity.kind][entity.key]!
      self[entity.kind][entity.key] = entity
      return .replaced(current)
    case .settings(let values, let locations):
      let current = PlanChange.settings(settings, settingLocations)
      settings = values
      settingLocations = locations
      return current
    case .tables(let old):
      let current = PlanChange.tables(tables)
      tables = old
      return current
    case .whole(let old):
      let current = PlanChange.whole(self)
      self = old
      return current
    case .comments(let old):
      let current = PlanChange.comments(comments)
      comments = old
      return current
    case .group(let changes):
      var inverses: [PlanChange] = []
      inverses.reserveCapacity(changes.count)
      for c in changes.reversed() { inverses.append(revert(c)) }
      return .group(inverses)
    }
  }
}
