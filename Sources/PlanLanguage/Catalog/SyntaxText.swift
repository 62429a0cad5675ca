/// The texts of the lexer and parser beside their messages: the hints for characters a Chinese
/// input method types in place of ASCII ones, and the names of what a command expects.
package enum SyntaxText: TextCatalog {
  // MARK: What is expected

  package static let command = LocalizedText(en: "a command", zh: "命令")

  // MARK: Hints for a character

  package static let listCommaHint = LocalizedText(
    en: "hint: lists are IDs separated by an ASCII comma without spaces: G1,G2",
    zh: "提示：列表用半角逗号分隔、不带空格：G1,G2")
  package static let percentHint = LocalizedText(
    en: "hint: a percent follows its number (30%); as a unit, quote it: unit \"%\"",
    zh: "提示：百分号紧跟数字（30%）；作为单位时请加引号：unit \"%\"")
  package static let periodHint = LocalizedText(en: "hint: a period is written 2025..2030", zh: "提示：期间写作 2025..2030")
  package static let punctuationHint = LocalizedText(
    en: "hint: use ASCII punctuation, or quote the text", zh: "提示：请使用半角标点，或给文字加引号")

  /// An ASCII character a word cannot hold, inside a run of text (`unit Wh/kg`, `unit 元/kWh`):
  /// quoted, the run is one value.
  package static func quoteTextHint(_ text: String) -> LocalizedText {
    LocalizedText(
      en: "hint: text with such a character is quoted: \"\(text)\"",
      zh: "提示：含此类字符的文字请加引号：\"\(text)\"")
  }

  // MARK: Hints for a malformed number

  package static let thousandsHint = LocalizedText(
    en: "hint: write numbers without thousands separators: 2000", zh: "提示：数字不加千位分隔符：2000")
  package static let fullWidthPercentHint = LocalizedText(
    en: "hint: use an ASCII percent sign: 30%", zh: "提示：请用半角百分号：30%")
  package static let periodOrMonthsHint = LocalizedText(
    en: "hint: a period is written 2025..2030 (or 2025-03..2026-06)",
    zh: "提示：期间写作 2025..2030（或 2025-03..2026-06）")
  package static let monthDigitsHint = LocalizedText(
    en: "hint: a month has two digits: 2025-01", zh: "提示：月份为两位数：2025-01")

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("command", command),
      CatalogEntry("listCommaHint", listCommaHint),
      CatalogEntry("percentHint", percentHint),
      CatalogEntry("periodHint", periodHint),
      CatalogEntry("punctuationHint", punctuationHint),
      CatalogEntry("quoteTextHint", quoteTextHint("Wh/kg")),
      CatalogEntry("thousandsHint", thousandsHint),
      CatalogEntry("fullWidthPercentHint", fullWidthPercentHint),
      CatalogEntry("periodOrMonthsHint", periodOrMonthsHint),
      CatalogEntry("monthDigitsHint", monthDigitsHint),
    ]
  }
}
