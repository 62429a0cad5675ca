import PlanLanguage

/// The texts of the schema: how each attribute type reads in help and messages. The help of
/// each kind and attribute stays beside its declaration in ``Schema`` (one place per kind) and
/// is gathered here into ``entries``, with the Chinese names of kinds and keyword values.
package enum SchemaText: TextCatalog {
  /// What a count attribute takes (``AttributeSpec/describe``): one text for every message about
  /// its value — a wrong type or out of range — and its help (issue 18 item 13).
  package static func count(from minimum: Int) -> LocalizedText {
    LocalizedText(
      en: "a whole number from \(minimum) to \(AttributeSpec.countMaximum)",
      zh: "\(minimum) 到 \(AttributeSpec.countMaximum) 之间的整数")
  }

  /// How an attribute type reads in help and messages: `a year (YYYY)`.
  package static func valueType(_ type: AttributeType) -> LocalizedText {
    switch type {
    case .text: LocalizedText(en: "a string", zh: "字符串")
    case .number: LocalizedText(en: "a number", zh: "数字")
    case .amount: LocalizedText(en: "an amount ≥ 0", zh: "不小于 0 的金额")
    case .count: count(from: 0)
    case .year: LocalizedText(en: "a year (YYYY)", zh: "年份（YYYY）")
    case .percent: LocalizedText(en: "a percent such as 30%", zh: "百分数，如 30%")
    case .yesNo: LocalizedText(en: "yes or no", zh: "yes 或 no")
    case .choice(let c): LocalizedText(c.joined(separator: "|"))
    case .ref(let k): LocalizedText(en: "a \(k.rawValue) ID", zh: "\(k.rawValue)（\(k.chineseName)）ID")
    case .refs(let k): LocalizedText(en: "a list of \(k.rawValue) IDs (G1,G2)", zh: "\(k.rawValue) ID 列表（G1,G2）")
    case .yearPeriod: LocalizedText(en: "a period of years (2025..2030)", zh: "年份期间（2025..2030）")
    case .period:
      LocalizedText(en: "a period (2025..2027 or 2025-03..2026-06)", zh: "期间（2025..2027 或 2025-03..2026-06）")
    case .range: LocalizedText(en: "a range MIN..MAX (1..10)", zh: "范围 MIN..MAX（1..10）")
    case .month: LocalizedText(en: "a month (YYYY-MM)", zh: "月份（YYYY-MM）")
    case .saaty: LocalizedText(en: "a Saaty value 1/9…9", zh: "Saaty 标度值 1/9…9")
    }
  }

  /// Every attribute type but `choice` (whose text is its keywords, the same in both languages).
  static let sampleTypes: [AttributeType] = [
    .text, .number, .amount, .count, .year, .percent, .yesNo, .ref(.goal), .refs(.goal), .yearPeriod, .period,
    .range, .month, .saaty,
  ]

  package static var entries: [CatalogEntry] {
    var out = sampleTypes.map { CatalogEntry("valueType", valueType($0)) }
    out.append(CatalogEntry("count", count(from: 1)))
    for kind in Kind.allCases {
      out.append(CatalogEntry("Kind.\(kind.rawValue).help", kind.spec.help))
      out.append(
        CatalogEntry("Kind.\(kind.rawValue).chineseName", LocalizedText(en: kind.rawValue, zh: kind.chineseName)))
      for attribute in kind.spec.attributes {
        out.append(CatalogEntry("Kind.\(kind.rawValue).\(attribute.name).help", attribute.help))
      }
    }
    for attribute in Schema.plan {
      out.append(CatalogEntry("Schema.plan.\(attribute.name).help", attribute.help))
    }
    for (keyword, label) in Schema.chineseLabels.sorted(by: { $0.key < $1.key }) {
      out.append(CatalogEntry("Schema.chineseLabels.\(keyword)", LocalizedText(en: keyword, zh: label)))
    }
    return out
  }
}
