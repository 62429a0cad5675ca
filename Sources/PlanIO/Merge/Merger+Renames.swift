import PlanLanguage
import PlanModel

/// What an entity says apart from its ID: its name and every attribute, defaults filled in.
struct EntityContent: Hashable {
  var name: String?
  var values: [Value?]
}

extension Merger {
  /// Finds each side's renames, keeps those the other side leaves room for, and rewrites the
  /// three plans so that an entity has one ID in all three: the base takes both sides' new IDs,
  /// each side the other's (so the other side's references follow a rename).
  ///
  /// A rename to an ID the other side also uses (added there, or given by another rename) is
  /// not kept: the entity is then removed and added, which the key-by-key merge decides. An ID
  /// renamed differently on the two sides goes on under ours' new ID and is a conflict
  /// (``MergeConflict/Reason/renamedBoth``).
  mutating func applyRenames() {
    var maps = [renames(of: ours), renames(of: theirs)]
    guard maps.contains(where: { $0.contains { !$0.isEmpty } }) else { return }
    var baseMaps = Array(repeating: [String: String](), count: Kind.allCases.count)
    for kind in Kind.allCases where kind.spec.hasOwnID {
      let n = kind.index
      let ourMap = maps[0][n], theirMap = maps[1][n]
      if ourMap.isEmpty && theirMap.isEmpty { continue }
      var keptOurs: [String: String] = [:]
      var keptTheirs: [String: String] = [:]
      for (old, new) in ourMap {
        if let theirNew = theirMap[old] {
          if theirNew == new {
            keptOurs[old] = new
            keptTheirs[old] = new
          } else if !theirs.contains(kind, EntityKey(new)), !ours.contains(kind, EntityKey(theirNew)) {
            keptOurs[old] = new
            keptTheirs[old] = theirNew
            renamedBoth[n][new] = theirNew
          }
        } else if !theirs.contains(kind, EntityKey(new)) {
          keptOurs[old] = new
        }
      }
      for (old, new) in theirMap where ourMap[old] == nil && !ours.contains(kind, EntityKey(new)) {
        keptTheirs[old] = new
      }
      baseMaps[n] = keptTheirs.merging(keptOurs) { _, ours in ours }
      renamedBy[MergeSide.ours.rawValue][n] = Set(keptOurs.values)
      renamedBy[MergeSide.theirs.rawValue][n] = Set(keptTheirs.map { old, new in keptOurs[old] ?? new })
      maps[0][n] = keptOurs
      maps[1][n] = keptTheirs
    }
    // Theirs' references to an ID renamed differently follow ours' new ID.
    var theirMaps = maps[0]
    for (n, pairs) in renamedBoth.enumerated() {
      for (ourNew, theirNew) in pairs { theirMaps[n][theirNew] = ourNew }
    }
    base = Merger.renaming(base, baseMaps)
    ours = Merger.renaming(ours, maps[1])
    theirs = Merger.renaming(theirs, theirMaps)
  }

  /// The renames `side` made, by kind index (old ID → new ID): an entity of the base whose ID
  /// the side no longer has, while the side has exactly one new entity of the kind with the
  /// same content (references read through the side's renames found so far; kinds are taken
  /// in canonical order, so a consortium's field is known renamed before the consortium).
  func renames(of side: Plan) -> [[String: String]] {
    var maps = Array(repeating: [String: String](), count: Kind.allCases.count)
    for kind in Kind.allCases where kind.spec.hasOwnID {
      let b = Merger.inKeyOrder(base[kind])
      let s = Merger.inKeyOrder(side[kind])
      var added: [EntityContent: [String]] = [:]
      var removed: [Entity] = []
      var i = 0
      var j = 0
      while i < b.count || j < s.count {
        if i < b.count, j < s.count, b[i].key == s[j].key {
          i += 1
          j += 1
        } else if j == s.count || (i < b.count && NaturalOrder.less(b[i].key, s[j].key)) {
          removed.append(b[i])
          i += 1
        } else {
          added[Merger.content(s[j], through: Merger.noRenames), default: []].append(s[j].id)
          j += 1
        }
      }
      guard !added.isEmpty, !removed.isEmpty else { continue }
      var candidates: [EntityContent: [String]] = [:]
      for e in removed { candidates[Merger.content(e, through: maps), default: []].append(e.id) }
      for (content, olds) in candidates where olds.count == 1 {
        guard let news = added[content], news.count == 1 else { continue }
        maps[kind.index][olds[0]] = news[0]
      }
    }
    return maps
  }

  /// No ID renamed, for each kind.
  static let noRenames = Array(repeating: [String: String](), count: Kind.allCases.count)

  /// The content of `e` with its references read through `maps` (old ID → new ID, by kind index).
  static func content(_ e: Entity, through maps: [[String: String]]) -> EntityContent {
    var values: [Value?] = []
    values.reserveCapacity(e.kind.spec.attributes.count)
    for (i, spec) in e.kind.spec.attributes.enumerated() {
      values.append(renamed(e[i], spec.type, maps))
    }
    return EntityContent(name: e.name, values: values)
  }

  /// A value with the IDs it refers to read through `maps`.
  static func renamed(_ value: Value?, _ type: AttributeType, _ maps: [[String: String]]) -> Value? {
    switch (type, value) {
    case (.ref(let target), .ref(let id)?): return .ref(maps[target.index][id] ?? id)
    case (.refs(let target), .refs(let ids)?) where !maps[target.index].isEmpty:
      return .refs(ids.map { maps[target.index][$0] ?? $0 })
    default: return value
    }
  }

  /// `plan` with the IDs of `maps` (old → new, by kind index) renamed: each entity's own ID,
  /// and every reference to one in keys and attributes, as `rename` does.
  /// - Complexity: O(n) in the entities of the kinds that have or refer to a renamed ID.
  static func renaming(_ plan: Plan, _ maps: [[String: String]]) -> Plan {
    guard maps.contains(where: { !$0.isEmpty }) else { return plan }
    var plan = plan
    for kind in Kind.allCases {
      let spec = kind.spec
      let keyParts = spec.keys.indices.filter { p in
        switch spec.keys[p] {
        case .id: !maps[kind.index].isEmpty
        case .ref(let target): !maps[target.index].isEmpty
        case .choice: false
        }
      }
      let attributes = spec.attributes.indices.filter { i in
        switch spec.attributes[i].type {
        case .ref(let target), .refs(let target): !maps[target.index].isEmpty
        default: false
        }
      }
      if keyParts.isEmpty && attributes.isEmpty { continue }
      var entities = Array(plan[kind].values)
      for n in entities.indices {
        if !keyParts.isEmpty {
          var parts = [entities[n].key.a, entities[n].key.b, entities[n].key.c]
          for p in keyParts {
            let target: Kind = if case .ref(let t) = spec.keys[p] { t } else { kind }
            if let new = maps[target.index][parts[p]] { parts[p] = new }
          }
          entities[n].key = EntityKey(parts[0], parts[1], parts[2])
        }
        for i in attributes {
          guard let v = entities[n].values[i] else { continue }
          entities[n].values[i] = renamed(v, spec.attributes[i].type, maps)
        }
      }
      // Keys stay unique: a rename is kept only where its new ID is free (applyRenames).
      plan[kind] = Table(entities.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }
    return plan
  }
}
