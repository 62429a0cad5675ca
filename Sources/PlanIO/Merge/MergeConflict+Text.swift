import PlanLanguage
import PlanModel

extension MergeConflict {
  /// What the conflict is, on one line: `conflict: org jlu: type is university in ours,
  /// institute in theirs` (values as a plan file writes them).
  package func text(_ language: MessageLanguage) -> String {
    let subject = kind.map { "\($0.rawValue) \(key?.description ?? "")" } ?? "plan"
    return MergeText.conflict(subject, describe()).text(language)
  }

  /// Why the sides conflict, in both languages.
  func describe() -> LocalizedText {
    switch reason {
    case .changedBoth:
      let parts = attributes.map { name in
        (name, Self.value(name, of: ours, kind: kind), Self.value(name, of: theirs, kind: kind))
      }
      return LocalizedText(
        en: parts.map { "\($0.0) is \($0.1) in ours, \($0.2) in theirs" }.joined(separator: "; "),
        zh: parts.map { "\($0.0) 在 ours 中为 \($0.1)，在 theirs 中为 \($0.2)" }.joined(separator: "；"))
    case .changedRemoved: return LocalizedText(en: "changed in ours, removed in theirs", zh: "ours 中修改，theirs 中删除")
    case .removedChanged: return LocalizedText(en: "removed in ours, changed in theirs", zh: "ours 中删除，theirs 中修改")
    case .addedBoth: return LocalizedText(en: "added differently in ours and theirs", zh: "ours 与 theirs 中新增的内容不同")
    case .renamedBoth:
      let our = key?.a ?? "", their = theirs.entity?.key.a ?? ""
      return LocalizedText(
        en: "renamed to \(our) in ours, to \(their) in theirs", zh: "ours 中改名为 \(our)，theirs 中改名为 \(their)")
    case .removedReferenced(let side):
      return side == .ours
        ? LocalizedText(en: "removed in ours, still referred to in theirs", zh: "ours 中删除，theirs 中仍被引用")
        : LocalizedText(en: "removed in theirs, still referred to in ours", zh: "theirs 中删除，ours 中仍被引用")
    case .refersToRemoved(let side):
      return side == .ours
        ? LocalizedText(en: "theirs refers to what ours removed", zh: "theirs 引用了 ours 中删除的条目")
        : LocalizedText(en: "ours refers to what theirs removed", zh: "ours 引用了 theirs 中删除的条目")
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

/// The texts of `cplan merge`, in both languages.
package enum MergeText {
  /// `conflict: goal G101: changed in ours, removed in theirs`.
  static func conflict(_ subject: String, _ what: LocalizedText) -> LocalizedText {
    LocalizedText(en: "conflict: \(subject): \(what.en)", zh: "冲突：\(subject)：\(what.zh)")
  }

  /// The last line: how many conflicts the merged text holds.
  package static func summary(conflicts: Int) -> LocalizedText {
    LocalizedText(
      en: "\(conflicts) conflict\(conflicts == 1 ? "" : "s") left between <<<<<<< and >>>>>>> markers",
      zh: "合并留下 \(conflicts) 处冲突，标在 <<<<<<< 与 >>>>>>> 之间")
  }
}
