import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R27 = RuleSpec(
    "R27", .warning, severityText: LocalizedText(en: "warning or error", zh: "警告或错误"),
    summary: LocalizedText(
      en: "a consortium's government share of funding exceeds `gov-share-warn` (warning) or `gov-share-max` (error)",
      zh: "联合体资金中政府出资占比超过 gov-share-warn（警告）或 gov-share-max（错误）"),
    examples: [
      "set plan gov-share-warn 30% gov-share-max 50%", "add funding K1 P1 enterprise 8000",
      "add funding K1 P1 provincial 2000",
    ],
    reads: [.entities(.consortium), .attributes(.funding, "amount")],
    settings: ["gov-share-warn", "gov-share-max", "currency"],
    parts: [.shard(FundingRules.r27)])
}

extension FundingRules {
  /// **R27** (warning or error): the government share of a consortium's funding — government
  /// lines over all its lines, all phases together — is at most `gov-share-warn` (else a
  /// warning) and at most `gov-share-max` (else an error instead). Strictly above the cap
  /// counts; a consortium with no funding (total 0) is not judged. At the consortium; the
  /// message gives the share, the government amounts by source, the total and the cap.
  static let r27 = ShardRule.consortium("R27") { s in
    let index = s.index
    let governmentSlot = Government()
    let lines = index.fundingByConsortium
    // The total and each government source's amount, each summed in plan order.
    var total = 0.0
    var bySource = (0.0, 0.0, 0.0)
    for i in lines.bounds(s.k) {
      let l = lines.item(i)
      let amount = index.fundingAmount[l]
      total += amount
      switch governmentSlot(index.fundingSource[l]) {
      case 0: bySource.0 += amount
      case 1: bySource.1 += amount
      case 2: bySource.2 += amount
      default: break
      }
    }
    guard total > 0 else { return nil }
    // The sources with government money, summed in source order.
    var government = 0.0
    if bySource.0 > 0 { government += bySource.0 }
    if bySource.1 > 0 { government += bySource.1 }
    if bySource.2 > 0 { government += bySource.2 }
    let share = government / total
    let settings = index.settings
    let (severity, cap, capName): (Diagnostic.Severity, Double, String)
    if share > settings.govShareMax + tolerance {
      (severity, cap, capName) = (.error, settings.govShareMax, "gov-share-max")
    } else if share > settings.govShareWarn + tolerance {
      (severity, cap, capName) = (.warning, settings.govShareWarn, "gov-share-warn")
    } else {
      return nil
    }
    var parts: [(source: String, amount: Double)] = []
    for (source, amount) in zip(governmentSources, [bySource.0, bySource.1, bySource.2]) where amount > 0 {
      parts.append((source, amount))
    }
    return s.report(
      .r27GovernmentShare(
        s.consortium, share: share, government: government, total: total, currency: settings.currency, parts: parts,
        cap: cap, capName: capName),
      at: s.consortium, severity: severity)
  }
}

extension Message {
  static func r27GovernmentShare(
    _ consortium: Entity, share: Double, government: Double, total: Double, currency: String,
    parts: [(source: String, amount: Double)], cap: Double, capName: String
  ) -> Message {
    let k = T.label(consortium)
    let (p, g, t, c) = (T.percent(share), T.number(government, places: 2), T.number(total, places: 2), T.percent(cap))
    // `provincial 4000 + municipal 2000 = 6000`, or just `provincial 4000` for one source.
    let sum = parts.count > 1 ? " = \(g)" : ""
    let en = parts.map { "\($0.source) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    let zh = parts.map { "\(T.keyword($0.source).zh) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    return Message(
      "R27",
      en:
        "the government share of consortium \(k.en)'s funding is \(p) (\(en) of \(t) \(currency)), above \(capName) \(c)",
      zh: "联合体 \(k.zh) 资金中政府出资占比 \(p)（\(zh)，共 \(t) \(currency)），超过 \(capName) \(c)")
  }
}
