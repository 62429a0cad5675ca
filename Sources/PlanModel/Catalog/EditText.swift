import PlanLanguage

/// The texts of the edits (`add`, `set`, `remove`, `rename`): what a statement expects where a
/// word is missing or wrong, and why a value is out of range. They complete the messages of
/// ``Message`` (`expected`, `missing`, `outOfRange`, `badPeriod`).
package enum EditText: TextCatalog {
  // MARK: What is expected

  package static let kind = LocalizedText(en: "a kind", zh: "类别")
  package static let kindExample = LocalizedText(
    en: "a kind (criterion, field, org, consortium, …)", zh: "类别（criterion、field、org、consortium 等）")
  package static let planOrKind = LocalizedText(en: "'plan' or a kind", zh: "'plan' 或类别")
  package static let id = LocalizedText(en: "an ID", zh: "ID")
  package static let oldID = LocalizedText(en: "the old ID", zh: "原 ID")
  package static let newID = LocalizedText(en: "the new ID", zh: "新 ID")
  package static let attributeName = LocalizedText(en: "an attribute name", zh: "属性名")
  package static let attributeAndValue = LocalizedText(en: "an attribute and its value", zh: "属性及其值")
  package static let planAttributeAndValue = LocalizedText(en: "a plan attribute and its value", zh: "计划属性及其值")
  package static let thisEntity = LocalizedText(en: "this entity", zh: "此条目")

  /// A part of a kind's key: `field FIELD`.
  package static func keyPart(kind: String, part: String) -> LocalizedText {
    LocalizedText(en: "\(kind) \(part)", zh: "\(kind) 的 \(part)")
  }

  /// The value of an attribute: `a value for 'weight'`.
  package static func value(for attribute: String) -> LocalizedText {
    LocalizedText(en: "a value for '\(attribute)'", zh: "'\(attribute)' 的值")
  }

  // MARK: Ranges

  package static let notComparedWithItself = LocalizedText(
    en: "a criterion is not compared with itself", zh: "准则不与自身比较")
  package static let startYearFirst = LocalizedText(en: "the start year comes first", zh: "起始年份应在前")
  package static let membersMinAtMostMax = LocalizedText(
    en: "members-min ≤ members-max", zh: "members-min 不大于 members-max")
  package static let amountNotNegative = LocalizedText(en: "amounts are never negative", zh: "金额不能为负")
  package static let amountAtMost = LocalizedText(
    en: "amounts are at most 10^15 (1000000000000000)", zh: "金额不超过 10^15（1000000000000000）")
  package static let fourDigitYear = LocalizedText(en: "a four-digit year", zh: "四位数年份")
  package static let percentRange = LocalizedText(en: "0% to 100%", zh: "0% 到 100%")
  /// An expert's weight (SPEC §12: > 0).
  package static let expertWeightPositive = LocalizedText(
    en: "an expert's weight is greater than 0", zh: "专家权重须大于 0")

  // MARK: Periods

  package static let yearsAreWhole = LocalizedText(
    en: "years are four-digit whole numbers", zh: "年份应为四位整数")
  package static let endsAlike = LocalizedText(
    en: "both ends must be years or both months", zh: "两端须同为年份或同为月份")

  /// An attribute whose periods are whole years, given months.
  package static func wholeYears(_ attribute: String) -> LocalizedText {
    LocalizedText(en: "\(attribute) is in whole years", zh: "\(attribute) 以整年计")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("kind", kind),
      CatalogEntry("kindExample", kindExample),
      CatalogEntry("planOrKind", planOrKind),
      CatalogEntry("id", id),
      CatalogEntry("oldID", oldID),
      CatalogEntry("newID", newID),
      CatalogEntry("attributeName", attributeName),
      CatalogEntry("attributeAndValue", attributeAndValue),
      CatalogEntry("planAttributeAndValue", planAttributeAndValue),
      CatalogEntry("thisEntity", thisEntity),
      CatalogEntry("keyPart", keyPart(kind: "score", part: "CRITERION")),
      CatalogEntry("value", value(for: "weight")),
      CatalogEntry("notComparedWithItself", notComparedWithItself),
      CatalogEntry("startYearFirst", startYearFirst),
      CatalogEntry("membersMinAtMostMax", membersMinAtMostMax),
      CatalogEntry("amountNotNegative", amountNotNegative),
      CatalogEntry("amountAtMost", amountAtMost),
      CatalogEntry("fourDigitYear", fourDigitYear),
      CatalogEntry("percentRange", percentRange),
      CatalogEntry("expertWeightPositive", expertWeightPositive),
      CatalogEntry("yearsAreWhole", yearsAreWhole),
      CatalogEntry("endsAlike", endsAlike),
      CatalogEntry("wholeYears", wholeYears("horizon")),
    ]
  }
}
