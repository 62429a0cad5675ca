import PlanLanguage

/// Where entities of one kind point at entities of another: key parts and attributes.
struct ReferenceSlots {
  /// Key part positions (0…2) that refer to the target kind.
  var keyParts: [Int] = []
  /// Attributes holding one ID of the target kind.
  var single: [Int] = []
  /// Attributes holding a list of IDs of the target kind (`after`).
  var lists: [Int] = []

  var isEmpty: Bool { keyParts.isEmpty && single.isEmpty && lists.isEmpty }

  /// For each (referring kind), where it refers to `target`.
  static func to(_ target: Kind) -> [(Kind, ReferenceSlots)] {
    Kind.allCases.compactMap { kind in
      var slots = ReferenceSlots()
      for (i, part) in kind.spec.keys.enumerated() where part == .ref(target) { slots.keyParts.append(i) }
      for (i, a) in kind.spec.attributes.enumerated() {
        if a.type == .ref(target) { slots.single.append(i) }
        if a.type == .refs(target) { slots.lists.append(i) }
      }
      return slots.isEmpty ? nil : (kind, slots)
    }
  }
}

extension EntityKey {
  /// The key with part `i` (0, 1 or 2) replaced by `v`.
  mutating func setPart(_ i: Int, _ v: String) {
    switch i {
    case 0: self = EntityKey(v, b, c)
    case 1: self = EntityKey(a, v, c)
    default: self = EntityKey(a, b, v)
    }
  }
}

extension Plan {
  // MARK: remove

  /// `remove KIND KEY... [cascade]` (SPEC §3).
  mutating func remove(_ args: inout ArgumentCursor) throws(Diagnostic) -> PlanChange {
    let kindToken = try args.require(EditText.kind)
    guard let kind = try Plan.kind(of: kindToken, allowPlan: false) else { return .group([]) }
    let (key, keyAt) = try readKey(kind, &args, mustExist: true)
    var cascade = false
    if let t = args.peek(), t.isKeyword("cascade") {
      cascade = true
      _ = args.next()
    }
    try args.expectEnd()
    if kind.spec.hasOwnID && !cascade {
      let referrers = self.referrers(of: kind, id: key.a, limit: 5)
      if !referrers.list.isEmpty {
        throw .error(
          .referenced(kind: kind.rawValue, key: key.a, by: referrers.list, more: referrers.more),
          at: args.tokens[keyAt])
      }
    }
    if !kind.spec.hasOwnID || !cascade {
      // One entity goes: undo puts it back in its place (no copy of the plan's tables).
      let index = self[kind].index(forKey: key)!
      let entity = self[kind].remove(at: index).value
      // Its comment goes with it (SPEC §15), and comes back with it on undo.
      if let comments = dropOrphanComments() { return .group([.removed(entity, at: index), comments]) }
      return .removed(entity, at: index)
    }
    let before = PlanChange.tables(tables)
    removeCascading(kind, id: key.a)
    if let comments = dropOrphanComments() { return .group([before, comments]) }
    return before
  }

  /// Up to `limit` descriptions of what refers to entity `id` of `kind` (`score F1 C1`,
  /// `goal G3 (after)`), and how many more there are.
  /// - Complexity: O(n) in the size of the plan.
  package func referrers(of kind: Kind, id: String, limit: Int) -> (list: [String], more: Int) {
    var list: [String] = []
    var more = 0
    func found(_ text: String) {
      if list.count < limit { list.append(text) } else { more += 1 }
    }
    for (other, slots) in ReferenceSlots.to(kind) {
      // Entities are read in place (copying each out would cost a dozen reference counts).
      let entities = tables[other.index].values
      for n in entities.indices {
        var hit = false
        for p in slots.keyParts where entities[n].key.part(p) == id { hit = true }
        for i in slots.single {
          if case .ref(let r) = entities[n].values[i], r == id { hit = true }
        }
        if hit {
          found("\(other.rawValue) \(entities[n].key.description)")
          continue
        }
        for i in slots.lists {
          guard let ids = entities[n].values[i]?.refs, ids.contains(id) else { continue }
          found("\(other.rawValue) \(entities[n].key.description) (\(other.spec.attributes[i].name))")
        }
      }
    }
    return (list, more)
  }

  /// The entities that refer to entity `id` of `kind`, in kind order, each with whether it
  /// names it in its key or a single reference (`ref`) — it cannot be added without it —
  /// rather than only in a list (`after`).
  /// - Complexity: O(n) in the entities of the kinds that may refer to `kind`.
  package func referringEntities(of kind: Kind, id: String) -> [(entity: Entity, needsIt: Bool)] {
    var found: [(entity: Entity, needsIt: Bool)] = []
    for (other, slots) in ReferenceSlots.to(kind) {
      let entities = tables[other.index].values
      for n in entities.indices {
        var needs = false
        for p in slots.keyParts where entities[n].key.part(p) == id { needs = true }
        for i in slots.single {
          if case .ref(let r) = entities[n].values[i], r == id { needs = true }
        }
        var listed = false
        for i in slots.lists where entities[n].values[i]?.refs?.contains(id) == true { listed = true }
        if needs || listed { found.append((entities[n], needs)) }
      }
    }
    return found
  }

  /// Removes the entity and, transitively, everything that refers to it; from `after` lists only the link.
  /// - Complexity: O(n·d) for a plan of n entities and a cascade d levels deep (d ≤ 3 in this schema).
  mutating func removeCascading(_ kind: Kind, id: String) {
    var dead = Array(repeating: Set<String>(), count: Kind.allCases.count)
    dead[kind.index].insert(id)
    let ownKinds = Kind.allCases.filter { $0.spec.hasOwnID }
    var changed = true
    while changed {
      changed = false
      for other in ownKinds {
        let singles = other.spec.attributes.enumerated().compactMap { (i, a) -> (Int, Kind)? in
          if case .ref(let target) = a.type { return (i, target) }
          return nil
        }
        if singles.isEmpty { continue }
        for entity in self[other].values where !dead[other.index].contains(entity.key.a) {
          for (i, target) in singles {
            if let r = entity.values[i]?.ref, dead[target.index].contains(r) {
              dead[other.index].insert(entity.key.a)
              changed = true
              break
            }
          }
        }
      }
    }
    for k in Kind.allCases {
      let spec = k.spec
      let keyRefs = spec.keys.enumerated().compactMap { (i, p) -> (Int, Kind)? in
        if case .ref(let t) = p { return (i, t) }
        return nil
      }
      let lists = spec.attributes.enumerated().compactMap { (i, a) -> (Int, Kind)? in
        if case .refs(let t) = a.type { return (i, t) }
        return nil
      }
      let ownDead = dead[k.index]
      if spec.hasOwnID, !ownDead.isEmpty {
        self[k].removeAll { ownDead.contains($0.key.a) }
      }
      if !keyRefs.isEmpty, keyRefs.contains(where: { !dead[$0.1.index].isEmpty }) {
        self[k].removeAll { entry in keyRefs.contains { dead[$0.1.index].contains(entry.key.part($0.0)) } }
      }
      for (i, target) in lists where !dead[target.index].isEmpty {
        let gone = dead[target.index]
        for idx in self[k].values.indices {
          guard let ids = self[k].values[idx].values[i]?.refs, ids.contains(where: { gone.contains($0) }) else {
            continue
          }
          let kept = ids.filter { !gone.contains($0) }
          self[k].values[idx].values[i] = kept.isEmpty ? nil : .refs(kept)
        }
      }
    }
  }

  // MARK: rename

  /// `rename KIND OLD NEW`: changes the ID and every reference to it (SPEC §3), in place: every
  /// entity keeps its position in its table, the renamed one takes the rename's statement.
  /// - Returns: the change as the entities it touched — each entity whose key changed removed and
  ///   put back at its position under the new key, each whose references changed replaced — so
  ///   that undo restores them and the shell's validation re-checks only what they belong to.
  /// - Complexity: O(n) in the size of the tables that refer to the kind (a scan of their keys
  ///   and references, no hashing), plus O(table) to move each entity whose key changed.
  mutating func rename(_ args: inout ArgumentCursor) throws(Diagnostic) -> PlanChange {
    let kindToken = try args.require(EditText.kind)
    guard let kind = try Plan.kind(of: kindToken, allowPlan: false) else { return .group([]) }
    guard kind.spec.hasOwnID else { throw .error(.cannotRename(kind: kind.rawValue), at: kindToken) }
    let oldToken = try args.require(EditText.oldID)
    guard let old = oldToken.word else {
      throw .error(.expected(EditText.id, found: oldToken.summary), at: oldToken)
    }
    guard contains(kind, EntityKey(old)) else {
      throw .error(.notFound(kind: kind.rawValue, key: old, suggestion: suggestID(old, of: kind)), at: oldToken)
    }
    let newToken = try args.require(EditText.newID)
    guard let new = newToken.word else {
      throw .error(.expected(EditText.id, found: newToken.summary), at: newToken)
    }
    if new.utf8.count == 4, new.lowercasedEquals("none") {
      throw .error(.noneIsNoID(kind: kind.rawValue), at: newToken)
    }
    try args.expectEnd()
    if new == old { return .group([]) }
    guard !contains(kind, EntityKey(new)) else {
      throw .error(.duplicate(kind: kind.rawValue, key: new), at: newToken)
    }
    var changes: [PlanChange] = []
    let p = self[kind].index(forKey: EntityKey(old))!
    rekey(kind, at: p, to: EntityKey(new), location: args.command.location, changes: &changes)
    for (other, slots) in ReferenceSlots.to(kind) {
      if !slots.keyParts.isEmpty {
        let keys = self[other].keys
        let hits = keys.indices.filter { q in slots.keyParts.contains { keys[q].part($0) == old } }
        for q in hits {
          var key = keys[q]
          for part in slots.keyParts where key.part(part) == old { key.setPart(part, new) }
          rekey(other, at: q, to: key, location: nil, changes: &changes)
        }
      }
      if slots.single.isEmpty && slots.lists.isEmpty { continue }
      let values = self[other].values
      for q in values.indices {
        let entity = values[q]
        var changed = entity
        var touched = false
        for i in slots.single where entity.values[i]?.ref == old {
          changed.values[i] = .ref(new)
          touched = true
        }
        for i in slots.lists {
          if let ids = entity.values[i]?.refs, ids.contains(old) {
            changed.values[i] = .refs(ids.map { $0 == old ? new : $0 })
            touched = true
          }
        }
        guard touched else { continue }
        changes.append(.replaced(entity))
        self[other].values[q] = changed
      }
    }
    if let moved = renameComments(kind, old, new) { changes.append(moved) }
    return .group(changes)
  }

  /// Gives the entity at position `p` of the table of `kind` the key `key` (and `location`,
  /// when given) where it stands, recording it as removed and inserted (undo puts it back).
  private mutating func rekey(
    _ kind: Kind, at p: Int, to key: EntityKey, location: SourceLocation?, changes: inout [PlanChange]
  ) {
    let entity = self[kind].remove(at: p).value
    var renamed = entity
    renamed.key = key
    if let location { renamed.location = location }
    self[kind].updateValue(renamed, forKey: key, insertingAt: p)
    changes.append(.removed(entity, at: p))
    changes.append(.inserted(kind, key))
  }

  /// Moves the comments of the renamed entity and of the entities whose keys name it (`score
  /// F1 C1` when `F1` is renamed) to their new keys. Returns the change that moves them back, or
  /// `nil` when none moved.
  /// - Complexity: O(c) in the comments; O(1) when there are none.
  private mutating func renameComments(_ kind: Kind, _ old: String, _ new: String) -> PlanChange? {
    guard !comments.isEmpty else { return nil }
    let before = comments
    let keyParts = Dictionary(ReferenceSlots.to(kind).map { ($0.0, $0.1.keyParts) }, uniquingKeysWith: { a, _ in a })
    comments.rekey { target in
      guard let k = target.kind else { return nil }
      var key = target.key
      if k == kind, key.a == old { key = EntityKey(new) }
      for p in keyParts[k] ?? [] where key.part(p) == old { key.setPart(p, new) }
      return key == target.key ? nil : CommentTarget(k, key)
    }
    return before == comments ? nil : .comments(before)
  }
}
