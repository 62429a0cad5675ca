import PlanLanguage
import PlanModel

extension Merger {
  /// A kind's entities in natural key order: the table's own storage when it is in that order
  /// already (a plan loaded from a file), else a sorted copy.
  static func inKeyOrder(_ table: Table) -> [Entity] {
    PlanWriter.isInKeyOrder(table) ? table.values.elements : PlanWriter.inKeyOrder(table)
  }

  /// Whether two versions of an entity say the same: name and every attribute, defaults filled in.
  static func same(_ a: Entity, _ b: Entity) -> Bool {
    guard a.name == b.name else { return false }
    if a.values == b.values { return true }
    for i in a.kind.spec.attributes.indices where a[i] != b[i] { return false }
    return true
  }

  /// Merges one kind: the three tables walked side by side in natural key order, each key
  /// decided once (``decide(_:_:base:ours:theirs:)``); the merged table is filled at once.
  mutating func mergeTable(_ kind: Kind) {
    let b = Merger.inKeyOrder(base[kind])
    let o = Merger.inKeyOrder(ours[kind])
    let t = Merger.inKeyOrder(theirs[kind])
    var merged: [Entity] = []
    merged.reserveCapacity(max(o.count, t.count))
    var i = 0
    var j = 0
    var k = 0
    while i < b.count || j < o.count || k < t.count {
      // The usual case: one key in all three.
      if i < b.count, j < o.count, k < t.count, b[i].key == o[j].key, o[j].key == t[k].key {
        if let e = decide(kind, b[i].key, base: b[i], ours: o[j], theirs: t[k]) { merged.append(e) }
        i += 1
        j += 1
        k += 1
        continue
      }
      var key: EntityKey?
      for (list, n) in [(b, i), (o, j), (t, k)] where n < list.count {
        if key == nil || NaturalOrder.less(list[n].key, key!) { key = list[n].key }
      }
      let at = key!
      let be = i < b.count && b[i].key == at ? b[i] : nil
      let oe = j < o.count && o[j].key == at ? o[j] : nil
      let te = k < t.count && t[k].key == at ? t[k] : nil
      if be != nil { i += 1 }
      if oe != nil { j += 1 }
      if te != nil { k += 1 }
      if let e = decide(kind, at, base: be, ours: oe, theirs: te) { merged.append(e) }
    }
    _ = result.fill(kind, with: merged, ascending: true)
  }

  /// The merged version of one statement, or `nil` when it is not in the merge; records a
  /// conflict (the merged plan then holds ours' version) and what each side removed.
  mutating func decide(_ kind: Kind, _ key: EntityKey, base b: Entity?, ours o: Entity?, theirs t: Entity?)
    -> Entity?
  {
    let at = ConflictKey(kind: kind.index, key: key)
    var decided: Entity?
    switch (b, o, t) {
    case (_, let o?, let t?):
      if let b {
        if Merger.same(o, b) {
          decided = t
        } else if Merger.same(t, b) || Merger.same(o, t) {
          decided = o
        } else {
          decided = mergeAttributes(kind, at, base: b, ours: o, theirs: t)
        }
      } else if Merger.same(o, t) {
        decided = o
      } else {
        conflicts[at] = MergeConflict(
          kind: kind, key: key, reason: .addedBoth, ours: .entity(o), theirs: .entity(t))
        decided = o
      }
    case (let b?, let o?, nil):
      if Merger.same(o, b) && !renamed(by: .ours, kind, key) {
        if kind.spec.hasOwnID { removedBy[MergeSide.theirs.rawValue][kind.index].insert(key.a) }
      } else {
        conflicts[at] = MergeConflict(
          kind: kind, key: key, reason: .changedRemoved, ours: .entity(o), theirs: .absent)
        decided = o
      }
    case (let b?, nil, let t?):
      if Merger.same(t, b) && !renamed(by: .theirs, kind, key) {
        if kind.spec.hasOwnID { removedBy[MergeSide.ours.rawValue][kind.index].insert(key.a) }
      } else {
        conflicts[at] = MergeConflict(
          kind: kind, key: key, reason: .removedChanged, ours: .absent, theirs: .entity(t))
      }
    case (nil, let o?, nil): decided = o
    case (nil, nil, let t?): decided = t
    default: break  // removed on both sides
    }
    if let theirID = renamedBoth[kind.index][key.a], kind.spec.hasOwnID {
      renamedBothConflict(kind, at, ourID: key.a, theirID: theirID, decided: decided)
    }
    return decided
  }

  func renamed(by side: MergeSide, _ kind: Kind, _ key: EntityKey) -> Bool {
    kind.spec.hasOwnID && renamedBy[side.rawValue][kind.index].contains(key.a)
  }

  /// Two changed versions of one entity, name and attribute by attribute: a value changed on one
  /// side is taken; one changed to different values on both sides is a conflict.
  /// - Returns: the merged entity, with ours' values where they conflict.
  mutating func mergeAttributes(_ kind: Kind, _ at: ConflictKey, base b: Entity, ours o: Entity, theirs t: Entity)
    -> Entity
  {
    var merged = o
    var theirVersion = o
    var conflicting: [String] = []
    if o.name != t.name {
      if o.name == b.name {
        merged.name = t.name
        theirVersion.name = t.name
      } else if t.name != b.name {
        conflicting.append("name")
        theirVersion.name = t.name
      }
    }
    for (i, spec) in kind.spec.attributes.enumerated() {
      let ov = o[i], tv = t[i]
      guard ov != tv else { continue }
      let bv = b[i]
      if ov == bv {
        merged.values[i] = t.values[i]
        theirVersion.values[i] = t.values[i]
      } else if tv != bv {
        conflicting.append(spec.name)
        theirVersion.values[i] = t.values[i]
      }
    }
    if !conflicting.isEmpty {
      conflicts[at] = MergeConflict(
        kind: kind, key: at.key, reason: .changedBoth, attributes: conflicting, ours: .entity(merged),
        theirs: .entity(theirVersion))
    }
    return merged
  }

  /// The entity renamed to `ourID` in ours and to `theirID` in theirs: a conflict whose theirs
  /// version carries theirs' ID (the merge goes on under ours').
  mutating func renamedBothConflict(_ kind: Kind, _ at: ConflictKey, ourID: String, theirID: String, decided: Entity?) {
    let existing = conflicts[at]
    var theirVersion: MergeConflict.Version
    switch existing?.theirs {
    case .entity(let e)?: theirVersion = .entity(e)
    case .absent?: theirVersion = .absent
    default: theirVersion = decided.map { .entity($0) } ?? .absent
    }
    if var e = theirVersion.entity {
      e.key = EntityKey(theirID)
      theirVersion = .entity(e)
    }
    conflicts[at] = MergeConflict(
      kind: kind, key: at.key, reason: .renamedBoth, attributes: existing?.attributes ?? [],
      ours: existing?.ours ?? (decided.map { .entity($0) } ?? .absent), theirs: theirVersion)
  }
}
