import PlanLanguage
import PlanModel

/// The pieces rule messages are made of (each rule's messages are in its file, Rules/RNN.swift:
/// one constructor per finding, in English and Chinese, naming the entities involved and the
/// numbers behind the verdict; numbers rounded for reading — the JSON exports carry the full
/// values of the ranking), in both languages: entity labels, numbers, lists and
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

  /// The keyword with its Chinese name for the `zh` text: `upstream` / `上游` — the term the exports
  /// print and the shell reads (``Schema/chineseLabels``), so one keyword has one Chinese name.
  static func keyword(_ word: String) -> LocalizedText {
    LocalizedText(en: word, zh: Schema.chineseLabels[word] ?? others[word] ?? word)
  }

  /// Keywords that are not values of a keyword attribute of an entity.
  private static let others: [String: String] = [
    // goal directions
    "up": "上升", "down": "下降",
    // ranking methods
    "weighted": "加权和", "topsis": "TOPSIS",
  ]
}
