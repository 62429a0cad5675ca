import PlanLanguage
import PlanModel

/// Where a conflict stands: a kind (by index) and a key.
struct ConflictKey: Hashable {
  var kind: Int
  var key: EntityKey
}

/// The work of one ``PlanMerge/merge(base:ours:theirs:)``: the three plans (their IDs made one
/// by the renames), the merged plan as it grows, the conflicts found.
struct Merger {
  var base: Plan
  var ours: Plan
  var theirs: Plan
  /// The merged plan, with ours' version of each conflicting statement.
  var result = Plan()
  var settingsConflict: MergeConflict?
  var conflicts: [ConflictKey: MergeConflict] = [:]
  /// By side and kind index: the IDs that side removed while the other left them unchanged
  /// (merged as removed, unless something refers to them: ``checkReferences()``).
  var removedBy: [[Set<String>]]
  /// By side and kind index: the IDs (new ones) that side gave by a rename.
  var renamedBy: [[Set<String>]]
  /// By kind index: ours' new ID → theirs' new ID, for an ID renamed differently on each side.
  var renamedBoth: [[String: String]]

  init(base: Plan, ours: Plan, theirs: Plan) {
    self.base = base
    self.ours = ours
    self.theirs = theirs
    let none = Array(repeating: Set<String>(), count: Kind.allCases.count)
    removedBy = [none, none]
    renamedBy = [none, none]
    renamedBoth = Array(repeating: [:], count: Kind.allCases.count)
  }

  func plan(_ side: MergeSide) -> Plan { side == .ours ? ours : theirs }

  mutating func run() {
    applyRenames()
    result.preamble = ours.preamble
    mergeSettings()
    for kind in Kind.allCases { mergeTable(kind) }
    checkReferences()
    mergeComments()
  }

  /// The plan settings, attribute by attribute (defaults filled in).
  mutating func mergeSettings() {
    var ourVersion = ours.settings
    var theirVersion = ours.settings
    var conflicting: [String] = []
    for (i, spec) in Schema.plan.enumerated() {
      let b = base.setting(i), o = ours.setting(i), t = theirs.setting(i)
      let take: MergeSide = o != t && o == b ? .theirs : .ours
      let from = plan(take)
      result.settings[i] = from.settings[i]
      result.settingLocations[i] = from.settingLocations[i]
      ourVersion[i] = result.settings[i]
      if o != t && o != b && t != b {
        conflicting.append(spec.name)
        theirVersion[i] = theirs.settings[i]
      } else {
        theirVersion[i] = result.settings[i]
      }
    }
    if !conflicting.isEmpty {
      settingsConflict = MergeConflict(
        kind: nil, key: nil, reason: .changedBoth, attributes: conflicting, ours: .settings(ourVersion),
        theirs: .settings(theirVersion))
    }
  }

  /// The conflicts in the order of the merged text: settings, then kind order, then natural key order.
  func sortedConflicts() -> [MergeConflict] {
    let entities = conflicts.sorted { x, y in
      x.key.kind != y.key.kind ? x.key.kind < y.key.kind : NaturalOrder.less(x.key.key, y.key.key)
    }.map(\.value)
    return (settingsConflict.map { [$0] } ?? []) + entities
  }
}
