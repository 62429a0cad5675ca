import PlanLanguage
import PlanModel

/// One side of a three-way merge.
package enum MergeSide: Int, Sendable, CaseIterable {
  case ours = 0, theirs = 1

  package var other: MergeSide { self == .ours ? .theirs : .ours }
}

/// One conflict of a three-way merge (SPEC §14): a statement whose two sides cannot both be
/// taken. The merged text shows both versions between `<<<<<<< ours`, `=======` and
/// `>>>>>>> theirs`; the merged plan (``PlanMerge/plan``) holds ours.
package struct MergeConflict: Sendable, Equatable {
  /// Why the two sides conflict.
  package enum Reason: Sendable, Equatable {
    /// The same attributes (or the name) set to different values on both sides (``MergeConflict/attributes``).
    case changedBoth
    /// Changed (or renamed) in ours, removed in theirs.
    case changedRemoved
    /// Removed in ours, changed (or renamed) in theirs.
    case removedChanged
    /// Added on both sides under one key, differently (an empty base: git's add/add).
    case addedBoth
    /// The ID renamed to a different new ID on each side (``MergeConflict/theirs`` has theirs' ID).
    case renamedBoth
    /// Removed on one side (`removedIn`) while the other side's version of a statement refers
    /// to it (an org removed in theirs, a member of it added in ours): the other side keeps it.
    case removedReferenced(removedIn: MergeSide)
    /// Refers to an entity one side (`removedIn`) removed: the member added in ours for the org
    /// removed in theirs. The removing side's version is its own.
    case refersToRemoved(removedIn: MergeSide)
  }

  /// One side's version of the statement.
  package enum Version: Sendable, Equatable {
    /// The statement is not there (removed, or never added).
    case absent
    case entity(Entity)
    /// The plan settings, by ``Schema/plan`` index (`nil` is the default).
    case settings([Value?])

    /// The entity, when the version is one.
    package var entity: Entity? {
      if case .entity(let e) = self { return e }
      return nil
    }
  }

  /// The kind of the statement, `nil` for the plan settings (`set plan …`).
  package var kind: Kind?
  /// The key of the statement in the merged plan (ours' ID for ``Reason/renamedBoth``).
  package var key: EntityKey?
  package var reason: Reason
  /// For ``Reason/changedBoth``: the attributes set differently (`name` for the name), in schema order.
  package var attributes: [String] = []
  package var ours: Version
  package var theirs: Version

  /// The statement that recreates a version, as the canonical writer spells it; `nil` when absent
  /// or when the settings are all at their defaults.
  package static func statement(_ version: Version) -> String? {
    switch version {
    case .absent: return nil
    case .entity(let e): return PlanWriter.statement(e)
    case .settings(let values):
      var plan = Plan()
      plan.settings = values
      return PlanWriter.planStatement(plan)
    }
  }
}
