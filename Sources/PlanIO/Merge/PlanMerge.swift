import PlanLanguage
import PlanModel

/// The three-way merge of plans (`cplan merge BASE OURS THEIRS`, SPEC §14): entity by entity
/// and attribute by attribute, an entity known by its kind and key.
///
/// - A change made on one side only (an entity added, removed or renamed, an attribute or the
///   name set, a plan setting) is taken; the same change on both sides is taken once.
/// - A conflict (``MergeConflict``): the same attribute set to different values on both sides;
///   an entity changed on one side and removed on the other; one key added on both sides with
///   different content (an empty base, git's add/add, makes every such difference one); an ID
///   renamed to two different IDs; an entity removed on one side that the other side's version
///   of a statement refers to (a member added for an org the other side removed) — then the
///   referring statement conflicts too, and the removed entity is kept on the referring side.
/// - Renames: an entity whose ID is gone from a side, while that side has exactly one new
///   entity of the kind that is otherwise equal (name and attributes, references read through
///   the side's other renames), was renamed. The other side's references follow the new ID,
///   and its changes to the entity apply to it: a rename on one side and an attribute set on
///   the other merge cleanly. A rename counts as a change against a removal.
///
/// Values are compared with their defaults filled in. The preamble (the comment lines after the
/// header) is ours'; the comments above statements merge three ways by their entity, and a
/// comment changed differently on both sides keeps both sides' lines (``Merger/mergeComments()``).
package struct PlanMerge: Sendable {
  /// What merged cleanly, with ours' version of every conflicting statement (the session's
  /// values: what `save merge` applies).
  package var plan: Plan
  /// The conflicts: the plan settings first, then by kind in canonical order and natural key
  /// order, as the merged text shows them.
  package var conflicts: [MergeConflict]

  package var isClean: Bool { conflicts.isEmpty }

  /// Merges `ours` and `theirs`, two descendants of `base`.
  /// - Complexity: O(n) in the number of entities when the three plans are in natural key
  ///   order within each kind (as loaded from files): the tables are walked side by side, with
  ///   no hashing; O(n log n) otherwise, and O(n) more for each side that renamed something.
  package static func merge(base: Plan, ours: Plan, theirs: Plan) -> PlanMerge {
    var merger = Merger(base: base, ours: ours, theirs: theirs)
    merger.run()
    return PlanMerge(plan: merger.result, conflicts: merger.sortedConflicts())
  }
}
