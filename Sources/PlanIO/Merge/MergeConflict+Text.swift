import PlanLanguage
import PlanModel

extension MergeConflict {
  /// What the conflict is, on one line: `conflict: org jlu: type is university in ours,
  /// institute in theirs` (values as a plan file writes them).
  package func text(_ language: MessageLanguage) -> String {
    let subject = kind.map { "\($0.rawValue) \(key?.description ?? "")" } ?? "plan"
    return MergeText.conflict(subject, describe()).text(language)
  }

  /// Why the sides conflict, in both languages (``MergeText``).
  func describe() -> LocalizedText {
    switch reason {
    case .changedBoth:
      let parts = attributes.map { name in
        MergeText.differs(
          name, ours: Self.value(name, of: ours, kind: kind), theirs: Self.value(name, of: theirs, kind: kind))
      }
      return LocalizedText(en: parts.map(\.en).joined(separator: "; "), zh: parts.map(\.zh).joined(separator: "；"))
    case .changedRemoved: return MergeText.changedRemoved
    case .removedChanged: return MergeText.removedChanged
    case .addedBoth: return MergeText.addedBoth
    case .renamedBoth: return MergeText.renamedBoth(ours: key?.a ?? "", theirs: theirs.entity?.key.a ?? "")
    case .removedReferenced(let side):
      return side == .ours ? MergeText.removedInOursReferenced : MergeText.removedInTheirsReferenced
    case .refersToRemoved(let side):
      return side == .ours ? MergeText.refersToRemovedInOurs : MergeText.refersToRemovedInTheirs
    }
  }

  /// Attribute `name`'s value in a version, as a plan file writes it (`none` when not set).
  static func value(_ name: String, of version: Version, kind: Kind?) -> String {
    switch version {
    case .absent: return "none"
    case .entity(let e):
      if name == "name" { return e.name.map(Format.quoted) ?? "none" }
      guard let i = e.kind.spec.attributeIndex(name) else { return "none" }
      return e[i]?.canonical(as: e.kind.spec.attributes[i].type) ?? "none"
    case .settings(let values):
      guard let i = Schema.plan.firstIndex(where: { $0.name == name }) else { return "none" }
      let v = values[i] ?? Schema.plan[i].defaultValue
      return v?.canonical(as: Schema.plan[i].type) ?? "none"
    }
  }
}
