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
  /// Values are written as in a plan file (strings quoted); `none` is "not set". In Chinese,
  /// kinds, keyword values and key parts read as their Chinese names (项目资助, 资金 K1 P1 省级).
  package func text(language: MessageLanguage) -> String {
    guard !isEmpty else { return "" }
    var out = ""
    for change in changes {
      out += Self.verb(change.change).text(language) + " "
      if let kind = change.kind, let key = change.key {
        out += kind.name(language) + " " + kind.describe(key.parts, language)
        if let name = change.name { out += " " + Format.quoted(name) }
      } else {
        out += language == .zh ? KindTerms.zh("plan") : "plan"
      }
      out += "\n"
      for a in change.attributes {
        switch change.change {
        case .changed:
          out += "  \(a.attribute): \(Self.spell(a.old, a.type, language)) → \(Self.spell(a.new, a.type, language))\n"
        case .added: out += "  \(a.attribute): \(Self.spell(a.new, a.type, language))\n"
        case .removed: out += "  \(a.attribute): \(Self.spell(a.old, a.type, language))\n"
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

  /// A value as a plan file writes it, a keyword as its term in Chinese (issue 17 item 7);
  /// `none` (无) when not set.
  static func spell(_ value: Value?, _ type: AttributeType, _ language: MessageLanguage = .en) -> String {
    guard let value else { return DiffText.notSet.text(language) }
    if case .choice(let keyword) = value { return Schema.term(keyword, language) }
    return value.canonical(as: type)
  }
}
