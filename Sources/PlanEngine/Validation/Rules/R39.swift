import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R39 = RuleSpec(
    "R39", .warning, severityText: LocalizedText(en: "warning or error", zh: "警告或错误"),
    summary: LocalizedText(
      en:
        "the government share of a consortium's outlays to `as-of` exceeds `gov-share-warn` (warning) or `gov-share-max` (error)",
      zh: "截至 as-of 联合体实际拨付中政府出资占比超过 gov-share-warn（警告）或 gov-share-max（错误）"),
    examples: ["set plan as-of 2025", "add outlay K1 2025 provincial 800", "add outlay K1 2025 enterprise 2000"],
    reads: [
      .entities(.consortium), .attributes(.outlay, "amount"), .attributes(.funding, "amount"),
      .attributes(.phase, "period"),
    ],
    settings: ["as-of", "gov-share-warn", "gov-share-max", "currency"],
    parts: [.plan(ReviewRules.r39)])
}

extension ReviewRules {
  /// **R39** (warning or error, SPEC §11): the government share of a consortium's outlays of
  /// years up to `as-of` — central, provincial and municipal over all — is at most
  /// `gov-share-warn` (else a warning) and at most `gov-share-max` (else an error instead),
  /// strictly above within ``Review/tolerance``, as R27 judges funding lines. At the consortium;
  /// the message gives the share, the amounts and the year.
  static let r39 = Rule("R39") { c in
    guard let asOf = c.plan.asOf else { return [] }
    let (warn, max) = (c.plan.govShareWarn, c.plan.govShareMax)
    return c.plan.consortiumMoney(asOf: asOf).compactMap { consortium, money in
      guard let share = money.governmentShare else { return nil }
      let (severity, cap, capName): (Diagnostic.Severity, Double, String)
      if share > max + Review.tolerance {
        (severity, cap, capName) = (.error, max, "gov-share-max")
      } else if share > warn + Review.tolerance {
        (severity, cap, capName) = (.warning, warn, "gov-share-warn")
      } else {
        return nil
      }
      return c.report(
        .r39GovernmentShare(
          consortium, share: share, government: money.governmentPaid, paid: money.paid, asOf: asOf,
          currency: c.plan.currency, cap: cap, capName: capName),
        at: consortium, severity: severity)
    }
  }
}

extension Message {
  static func r39GovernmentShare(
    _ consortium: Entity, share: Double, government: Double, paid: Double, asOf: Int, currency: String, cap: Double,
    capName: String
  ) -> Message {
    let k = T.label(consortium)
    let (p, g, t, m) = (T.percent(share), T.number(government, places: 2), T.number(paid, places: 2), T.percent(cap))
    return Message(
      "R39",
      en:
        "the government share of consortium \(k.en)'s outlays to \(asOf) is \(p) (\(g) of \(t) \(currency) paid), above \(capName) \(m)",
      zh: "截至 \(asOf) 年联合体 \(k.zh) 实际拨付中政府出资占比 \(p)（共拨付 \(t) \(currency)，其中政府 \(g)），超过 \(capName) \(m)")
  }
}
