import PlanLanguage
import PlanModel

/// What differs between two plans, entity by entity (`cplan diff A B`, SPEC §1): the plan
/// settings, then for each kind in canonical order the entities removed from A or changed
/// (in A's order), then those added in B (in B's order).
///
/// Values are compared with their defaults filled in, so `category tech` written out and left
/// to its default are the same; where a statement stands is not compared. An entity is known by
/// its kind and key: a renamed ID reads as one entity removed and another added.
package struct PlanDiff: Sendable {
  /// One attribute (or the name) that differs; `nil` is "not set".
  package struct AttributeChange: Sendable, Equatable {
    package var attribute: String
    package var type: AttributeType
    package var old: Value?
    package var new: Value?
  }

  package enum ChangeKind: String, Sendable {
    case added, removed, changed
  }

  /// One entity (or the plan's settings) that differs.
  package struct Change: Sendable {
    package var change: ChangeKind
    /// `nil` for the plan's settings.
    package var kind: Kind?
    package var key: EntityKey?
    /// The name in B, or in A for a removed entity.
    package var name: String?
    /// The attributes that differ (the name among them); for an added or removed entity, every
    /// attribute it sets (with `nil` on the side where it does not exist).
    package var attributes: [AttributeChange]
    /// The statement that creates the entity (added: in B; removed: in A).
    package var statement: String?
  }

  package var changes: [Change] = []

  package var isEmpty: Bool { changes.isEmpty }

  /// Compares plan `a` with plan `b`.
  /// - Complexity: O(n) in the number of entities (tables are indexed by key).
  package static func compare(_ a: Plan, _ b: Plan) -> PlanDiff {
    var diff = PlanDiff()
    var settings = Schema.plan.enumerated().compactMap { i, spec in
      attributeChange(spec.name, spec.type, a.setting(i), b.setting(i))
    }
    // A comment (SPEC §15) that differs is a change of its entity's pseudo-attribute `comment`
    // (the plan's: above `set plan`, and at the end of the file); one added or removed with its
    // entity goes unsaid, as the entity's statement says it all.
    let commented = !(a.comments.isEmpty && b.comments.isEmpty)
    if commented {
      if let c = commentChange(a.comments[.plan], b.comments[.plan]) { settings.append(c) }
      if let c = commentChange(a.comments.trailer, b.comments.trailer, name: "comment-at-end") { settings.append(c) }
    }
    if !settings.isEmpty {
      diff.changes.append(
        Change(change: .changed, kind: nil, key: nil, name: nil, attributes: settings, statement: nil))
    }
    for kind in Kind.allCases {
      let old = a[kind], new = b[kind]
      for (key, entity) in old {
        guard let other = new[key] else {
          diff.changes.append(
            Change(
              change: .removed, kind: kind, key: key, name: entity.name,
              attributes: attributes(of: entity, added: false),
              statement: PlanWriter.statement(entity)))
          continue
        }
        var changed = attributeChanges(entity, other)
        if commented, let c = commentChange(a.comments[CommentTarget(kind, key)], b.comments[CommentTarget(kind, key)])
        {
          changed.append(c)
        }
        if !changed.isEmpty {
          diff.changes.append(
            Change(
              change: .changed, kind: kind, key: key, name: other.name ?? entity.name,
              attributes: changed, statement: nil))
        }
      }
      for (key, entity) in new where old[key] == nil {
        diff.changes.append(
          Change(
            change: .added, kind: kind, key: key, name: entity.name,
            attributes: attributes(of: entity, added: true), statement: PlanWriter.statement(entity)))
      }
    }
    return diff
  }

  static func attributeChange(_ name: String, _ type: AttributeType, _ old: Value?, _ new: Value?) -> AttributeChange? {
    old == new ? nil : AttributeChange(attribute: name, type: type, old: old, new: new)
  }

  /// A comment's lines as they differ, one text each side (lines joined by line feeds, each
  /// from its `#`), as the attribute `name`.
  static func commentChange(_ old: [String], _ new: [String], name: String = "comment") -> AttributeChange? {
    guard old != new else { return nil }
    func text(_ lines: [String]) -> Value? { lines.isEmpty ? nil : .text(lines.joined(separator: "\n")) }
    return AttributeChange(attribute: name, type: .text, old: text(old), new: text(new))
  }

  /// The name and attributes that differ between two versions of one entity.
  static func attributeChanges(_ old: Entity, _ new: Entity) -> [AttributeChange] {
    var changes: [AttributeChange] = []
    if old.name != new.name {
      changes.append(
        AttributeChange(attribute: "name", type: .text, old: old.name.map(Value.text), new: new.name.map(Value.text)))
    }
    for (i, spec) in old.kind.spec.attributes.enumerated() {
      if let change = attributeChange(spec.name, spec.type, old[i], new[i]) { changes.append(change) }
    }
    return changes
  }

  /// Every attribute an added or removed entity sets (not those at their default; the name
  /// stands with the key).
  static func attributes(of entity: Entity, added: Bool) -> [AttributeChange] {
    var list: [AttributeChange] = []
    for (i, spec) in entity.kind.spec.attributes.enumerated() {
      guard let v = entity.values[i], v != spec.defaultValue else { continue }
      list.append(AttributeChange(attribute: spec.name, type: spec.type, old: nil, new: v))
    }
    if !added { list = list.map { AttributeChange(attribute: $0.attribute, type: $0.type, old: $0.new, new: nil) } }
    return list
  }

  // MARK: Counts

  func count(_ kind: ChangeKind) -> Int { changes.filter { $0.change == kind }.count }
}
