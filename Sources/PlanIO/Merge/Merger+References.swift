import PlanLanguage
import PlanModel

/// A place where entities of a kind name an entity of `target`: a key part (`member K1 jlu`'s
/// org), an attribute (`goal … consortium K1`) or a list attribute (`after G1,G2`).
struct ReferenceSlot {
  enum Place {
    case keyPart(Int)
    case attribute(Int)
    case list(Int)
  }

  var place: Place
  var target: Kind

  /// By kind index, the places where that kind refers to others (from the schema).
  static let all: [[ReferenceSlot]] = Kind.allCases.map { kind in
    var slots: [ReferenceSlot] = []
    for (p, part) in kind.spec.keys.enumerated() {
      if case .ref(let target) = part { slots.append(ReferenceSlot(place: .keyPart(p), target: target)) }
    }
    for (i, attribute) in kind.spec.attributes.enumerated() {
      switch attribute.type {
      case .ref(let target): slots.append(ReferenceSlot(place: .attribute(i), target: target))
      case .refs(let target): slots.append(ReferenceSlot(place: .list(i), target: target))
      default: break
      }
    }
    return slots
  }
}

/// A reference to an entity that one side removed.
struct RemovedReference {
  var target: Kind
  var id: String
  var removedBy: MergeSide
}

extension Merger {
  /// Keeps what one side removed when the other side's version of a statement still refers to
  /// it (SPEC §14: a member added for an org the other side removed): the removed entity and
  /// the referring statement become conflicts, each side's version as that side has it, and
  /// the entity kept is checked in turn (a consortium kept for its goal names its field).
  mutating func checkReferences() {
    guard removedBy.contains(where: { $0.contains { !$0.isEmpty } }) else { return }
    let targets = Set(
      Kind.allCases.filter { k in MergeSide.allCases.contains { !removedBy[$0.rawValue][k.index].isEmpty } })
    // Statements that merged cleanly and refer to something removed.
    var referrers: [(Entity, [RemovedReference])] = []
    for kind in Kind.allCases where ReferenceSlot.all[kind.index].contains(where: { targets.contains($0.target) }) {
      for e in result[kind].values where conflicts[ConflictKey(kind: kind.index, key: e.key)] == nil {
        let refs = removedReferences(of: e)
        if !refs.isEmpty { referrers.append((e, refs)) }
      }
    }
    // Versions of statements to check: those of the conflicts, then each entity kept.
    var versions: [Entity] = conflicts.values.flatMap { [$0.ours.entity, $0.theirs.entity].compactMap { $0 } }
    for (e, refs) in referrers {
      let keptBy = refs[0].removedBy.other
      let other = plan(keptBy.other)[e.kind][e.key]
      let at = ConflictKey(kind: e.kind.index, key: e.key)
      conflicts[at] = MergeConflict(
        kind: e.kind, key: e.key, reason: .refersToRemoved(removedIn: keptBy.other),
        ours: keptBy == .ours ? .entity(e) : other.map { .entity($0) } ?? .absent,
        theirs: keptBy == .theirs ? .entity(e) : other.map { .entity($0) } ?? .absent)
      if keptBy == .theirs { result[e.kind][e.key] = other }
      for r in refs { keep(r, versions: &versions) }
      if let other { versions.append(other) }
    }
    while let version = versions.popLast() {
      for r in removedReferences(of: version) { keep(r, versions: &versions) }
    }
  }

  /// The entity `r` names, removed by one side, kept by the other as a conflict.
  mutating func keep(_ r: RemovedReference, versions: inout [Entity]) {
    let key = EntityKey(r.id)
    let at = ConflictKey(kind: r.target.index, key: key)
    guard conflicts[at] == nil, let kept = plan(r.removedBy.other)[r.target][key] else { return }
    let version = MergeConflict.Version.entity(kept)
    conflicts[at] = MergeConflict(
      kind: r.target, key: key, reason: .removedReferenced(removedIn: r.removedBy),
      ours: r.removedBy == .theirs ? version : .absent, theirs: r.removedBy == .ours ? version : .absent)
    if r.removedBy == .theirs { result[r.target][key] = kept }
    versions.append(kept)
  }

  /// The references of `e` to entities a side removed.
  func removedReferences(of e: Entity) -> [RemovedReference] {
    var found: [RemovedReference] = []
    for slot in ReferenceSlot.all[e.kind.index] {
      let byOurs = removedBy[MergeSide.ours.rawValue][slot.target.index]
      let byTheirs = removedBy[MergeSide.theirs.rawValue][slot.target.index]
      if byOurs.isEmpty && byTheirs.isEmpty { continue }
      let ids: [String]
      switch slot.place {
      case .keyPart(let p): ids = [e.key.part(p)]
      case .attribute(let i): ids = e.values[i]?.ref.map { [$0] } ?? []
      case .list(let i): ids = e.values[i]?.refs ?? []
      }
      for id in ids {
        if byOurs.contains(id) { found.append(RemovedReference(target: slot.target, id: id, removedBy: .ours)) }
        if byTheirs.contains(id) { found.append(RemovedReference(target: slot.target, id: id, removedBy: .theirs)) }
      }
    }
    return found
  }
}
