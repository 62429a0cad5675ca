import PlanLanguage
import PlanModel

/// The pieces rule messages are made of, in both languages: entity labels, numbers, lists and
/// the Chinese names of keywords.
enum RuleText {
  /// `K1 (碳纤维创新联合体)` / `K1（碳纤维创新联合体）`; the ID alone when the entity has no name.
  static func label(_ entity: Entity) -> LocalizedText {
    guard let name = entity.name, !name.isEmpty, name != entity.key.description else {
      return LocalizedText(entity.key.description)
    }
    return LocalizedText(en: "\(entity.key.description) (\(name))", zh: "\(entity.key.description)（\(name)）")
  }

  /// A number rounded to `places` decimals, without trailing zeros (`0.95`, `1.1`, `3`).
  static func number(_ value: Double, places: Int = 4) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded()
    // Near the largest Double the scaled value overflows: show the value itself, not `inf`.
    return Format.number(scaled.isFinite ? scaled / scale : value)
  }

  /// A sum that may have left the range of `Double`: `more than 1797…` instead of `inf`.
  static func sum(_ value: Double, places: Int = 4) -> LocalizedText {
    guard !value.isFinite else { return LocalizedText(number(value, places: places)) }
    let largest = Format.number(.greatestFiniteMagnitude)
    return value < 0
      ? LocalizedText(en: "less than -\(largest)", zh: "小于 -\(largest)")
      : LocalizedText(en: "more than \(largest)", zh: "大于 \(largest)")
  }

  /// A fraction as a percent with one decimal at most (`0.5676` → `56.8%`).
  static func percent(_ fraction: Double) -> String {
    let scaled = (fraction * 1000).rounded()
    return Format.number(scaled.isFinite ? scaled / 10 : fraction * 100) + "%"
  }

  /// Items joined with `, ` / `、`.
  static func list(_ items: [String]) -> LocalizedText {
    LocalizedText(en: items.joined(separator: ", "), zh: items.joined(separator: "、"))
  }

  /// Localised texts joined with `, ` / `、`.
  static func list(_ items: [LocalizedText]) -> LocalizedText {
    LocalizedText(en: items.map(\.en).joined(separator: ", "), zh: items.map(\.zh).joined(separator: "、"))
  }

  /// A span of months as a period: `2027..2027` for whole years, else `2027-03..2027-08`.
  static func span(from start: YearMonth, to end: YearMonth) -> String {
    Period(start: start, end: end, monthly: !(start.month == 1 && end.month == 12)).description
  }

  /// The keyword with its Chinese name for the `zh` text: `upstream` / `上游`.
  static func keyword(_ word: String) -> LocalizedText {
    LocalizedText(en: word, zh: chinese[word] ?? word)
  }

  private static let chinese: [String: String] = [
    // org types
    "enterprise": "企业", "university": "高校", "institute": "科研院所", "rnd": "新型研发机构", "finance": "金融机构",
    "intermediary": "中介服务机构", "association": "行业协会", "platform": "平台",
    // chain positions
    "upstream": "上游", "midstream": "中游", "downstream": "下游", "application": "应用端",
    // funding sources and funders
    "central": "中央", "provincial": "省级", "municipal": "市级", "social": "社会资本", "bank": "银行",
    "other": "其他",
    // criterion tags
    "chain": "产业链基础", "leader": "领军企业", "science": "科教资源",
    // goal directions and categories
    "up": "上升", "down": "下降", "tech": "技术", "ecosystem": "生态",
    // ranking methods
    "weighted": "加权和", "topsis": "TOPSIS",
  ]
}
