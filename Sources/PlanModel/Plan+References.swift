/// The references of a kind's entities, checked all at once: what a loader that reads entities
/// before the entities they name checks once every table is filled.
extension Plan {
  /// Whether every reference of the entities of `kind` names an entity of the plan: the key
  /// parts that name other entities (a member's consortium and org), `ref` attributes (a goal's
  /// phase) and every ID of `refs` attributes (a goal's `after`).
  ///
  /// Checked against the tables as they are: for a plan file (SPEC §6), call it once the tables
  /// of the kinds `kind` names are complete. A `ref` names an earlier kind (``Schema/kinds``),
  /// so this gives what checking each `add` in kind order gives; `refs` are checked after every
  /// `add`, as the loader defers them (``DeferredReferences``).
  /// - Complexity: O(r) expected, r the number of references (one hash lookup each).
  package func referencesResolve(of kind: Kind) -> Bool {
    let spec = kind.spec
    var keyParts: [(Int, Kind)] = []
    for (i, part) in spec.keys.enumerated() {
      if case .ref(let target) = part { keyParts.append((i, target)) }
    }
    var attributes: [(Int, Kind)] = []
    for (i, attribute) in spec.attributes.enumerated() {
      switch attribute.type {
      case .ref(let target), .refs(let target): attributes.append((i, target))
      default: break
      }
    }
    if keyParts.isEmpty && attributes.isEmpty { return true }
    // The entities are read in place: copying each out costs reference counting on every part.
    return tables[kind.index].values.elements.withUnsafeBufferPointer { entities in
      for e in entities.indices {
        for (i, target) in keyParts where !contains(target, EntityKey(entities[e].key.part(i))) { return false }
        for (i, target) in attributes {
          switch entities[e].values[i] {
          case .ref(let id)?: if !contains(target, EntityKey(id)) { return false }
          case .refs(let ids)?: for id in ids where !contains(target, EntityKey(id)) { return false }
          default: break
          }
        }
      }
      return true
    }
  }
}
