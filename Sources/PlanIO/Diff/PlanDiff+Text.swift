import PlanLanguage
import PlanModel

extension PlanDiff {
  /// The differences for reading, ending in a newline; empty when the plans are equal (as
  /// `diff` prints nothing).
  ///
  /// ```
  /// changed goal G101 "T1000 级碳纤维工程化"
  ///   target: 500 → 800
  /// removed measure M103 "知识产权共享与运营服务"
  ///   phase: P1
  /// added field F6 "氢能与储能"
  ///
  /// 3 differences: 1 added, 1 removed, 1 changed
  /// ```
  /// Values are written as in a plan file (strings quoted); `none` is "not set".
  package func text(language: MessageLanguage) -> String {
    guard !isEmpty else { return "" }
    var out = ""
    for change in changes {
      out += Self.verb(change.change).text(language) + " "
      if let kind = change.kind, let key = change.key {
        out += kind.rawValue + " " + key.description
        if let name = change.name { out += " " + Format.quoted(name) }
      } else {
        out += "plan"
      }
      out += "\n"
      for a in change.attributes {
        switch change.change {
        case .changed: out += "  \(a.attribute): \(Self.spell(a.old, a.type)) → \(Self.spell(a.new, a.type))\n"
        case .added: out += "  \(a.attribute): \(Self.spell(a.new, a.type))\n"
        case .removed: out += "  \(a.attribute): \(Self.spell(a.old, a.type))\n"
        }
      }
    }
    let total = changes.count, added = count(.added), removed = count(.removed), changed = count(.changed)
    out +=
      "\n"
      + DiffText.count(total: total, added: added, removed: removed, changed: changed).text(language) + "\n"
    return out
  }

  static func verb(_ kind: ChangeKind) -> LocalizedText {
    switch kind {
    case .added: DiffText.added
    case .removed: DiffText.removed
    case .changed: DiffText.changed
    }
  }

  /// A value as a plan file writes it; `none` when not set.
  static func spell(_ value: Value?, _ type: AttributeType) -> String {
    value?.canonical(as: type) ?? "none"
  }
}
