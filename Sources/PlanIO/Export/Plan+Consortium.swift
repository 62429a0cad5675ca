import PlanModel

extension Plan {
  /// One consortium's part of the plan (SPEC §13 "One consortium"): what its roadmap is made
  /// from, handed to its lead enterprise.
  ///
  /// Derived from the schema's references, so a new kind finds its place by itself: the
  /// consortium, then every entity with a key part or attribute naming a kept entity of that
  /// part (its members, goals, measures, funding lines, outlays; the goals' checkpoints and
  /// actuals), kinds taken in canonical order; then what those name (its field, its members'
  /// organisations, the phases used), and what those name in turn; and every criterion, since the
  /// part's roadmap shows its field's ranking row and the criteria it was scored on (their names,
  /// bases, types and weights). Everything else — other consortia and their entities, plan-wide
  /// goals and measures, judgements, scores and other fields — is left out, and a list of IDs (a goal's `after`) keeps only the IDs
  /// kept. The settings stay.
  /// - Parameter id: A consortium of the plan.
  /// - Complexity: O(entities).
  package func part(ofConsortium id: String) -> Plan {
    var owned = [Set<EntityKey>](repeating: [], count: Kind.allCases.count)
    owned[Kind.consortium.index] = [EntityKey(id)]
    var kept = owned
    // Entities that belong to the consortium: those that name something that does.
    for kind in Kind.allCases where kind != .consortium {
      for entity in self[kind].values where names(entity, in: owned) {
        owned[kind.index].insert(entity.key)
      }
      kept[kind.index] = owned[kind.index]
    }
    // What they name, and what that names.
    var work: [Entity] = Kind.allCases.flatMap { kind in owned[kind.index].compactMap { self[kind][$0] } }
    while let entity = work.popLast() {
      for (target, id) in references(entity) where !kept[target.index].contains(EntityKey(id)) {
        kept[target.index].insert(EntityKey(id))
        if let found = self.entity(target, id) { work.append(found) }
      }
    }
    // The criteria: the ranking row of the part's field is read against them.
    kept[Kind.criterion.index] = Set(self[.criterion].keys)
    var part = Plan()
    part.settings = settings
    part.settingLocations = settingLocations
    part.preamble = preamble
    for kind in Kind.allCases {
      let spec = kind.spec
      let lists = spec.attributes.indices.filter {
        if case .refs = spec.attributes[$0].type { return true }
        return false
      }
      var table = Table()
      for entity in self[kind].values where kept[kind.index].contains(entity.key) {
        var entity = entity
        for i in lists {
          guard case .refs(let target) = spec.attributes[i].type, let ids = entity[i]?.refs else { continue }
          let left = ids.filter { kept[target.index].contains(EntityKey($0)) }
          entity.values[i] = left.isEmpty ? nil : .refs(left)
        }
        table[entity.key] = entity
      }
      part[kind] = table
    }
    return part
  }

  /// Whether a key part or a single reference of `entity` names an entity in `set`.
  private func names(_ entity: Entity, in set: [Set<EntityKey>]) -> Bool {
    references(entity).contains { set[$0.kind.index].contains(EntityKey($0.id)) }
  }

  /// The entities `entity` names by its key parts and its single references (not its lists).
  private func references(_ entity: Entity) -> [(kind: Kind, id: String)] {
    let spec = entity.kind.spec
    var out: [(kind: Kind, id: String)] = []
    for (i, part) in spec.keys.enumerated() {
      if case .ref(let target) = part { out.append((target, entity.key.part(i))) }
    }
    for (i, attribute) in spec.attributes.enumerated() {
      if case .ref(let target) = attribute.type, let id = entity[i]?.ref { out.append((target, id)) }
    }
    return out
  }
}
