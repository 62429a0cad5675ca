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
  /// lines over all its lines — is at most `gov-share-warn` (else a warning) and at most
  /// `gov-share-max` (else an error instead), judged for all phases together (at the consortium)
  /// and, when its lines lie in more than one phase, for each phase on its own (SPEC §15: one
  /// phase at 74% government money hidden in a modest total), at that phase's first line.
  /// Strictly above the cap counts; a total of 0 is not judged. The message gives the share, the
  /// government amounts by source, the total and the cap.
  static let r27 = ShardRule("R27") { s in
    guard !s.isPlanWide else { return [] }
    let index = s.index
    let governmentSlot = Government()
    let lines = index.fundingByConsortium
    // The consortium's sums and each phase's, each summed in plan order; phases in the order of
    // their first line.
    var all = GovernmentSums()
    var phases: [(phase: Int32, first: Int, sums: GovernmentSums)] = []
    for i in lines.bounds(s.k) {
      let l = lines.item(i)
      let (amount, slot) = (index.fundingAmount[l], governmentSlot(index.fundingSource[l]))
      all.add(amount, slot: slot)
      let p = index.fundingPhase[l]
      if let at = phases.firstIndex(where: { $0.phase == p }) {
        phases[at].sums.add(amount, slot: slot)
      } else {
        var sums = GovernmentSums()
        sums.add(amount, slot: slot)
        phases.append((p, l, sums))
      }
    }
    var findings: [Diagnostic] = []
    let settings = index.settings
    if let finding = judge(
      all, settings: settings,
      report: { severity, cap, capName in
        s.report(
          .r27GovernmentShare(
            s.consortium, phase: nil, share: all.share, government: all.government, total: all.total,
            currency: settings.currency, parts: all.parts, cap: cap, capName: capName),
          at: s.consortium, severity: severity)
      })
    {
      findings.append(finding)
    }
    guard phases.count > 1 else { return findings }
    for (p, first, sums) in phases where p >= 0 {
      let line = index.funding[first]
      if let finding = judge(
        sums, settings: settings,
        report: { severity, cap, capName in
          s.report(
            .r27GovernmentShare(
              s.consortium, phase: line.key.b, share: sums.share, government: sums.government, total: sums.total,
              currency: settings.currency, parts: sums.parts, cap: cap, capName: capName),
            at: line, severity: severity)
        })
      {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The finding `report` makes for `sums` against the caps, or nil within them (or a total of 0).
  private static func judge(
    _ sums: GovernmentSums, settings: PlanIndex.Settings,
    report: (Diagnostic.Severity, Double, String) -> Diagnostic
  ) -> Diagnostic? {
    guard sums.total > 0 else { return nil }
    let share = sums.share
    if share > settings.govShareMax + tolerance { return report(.error, settings.govShareMax, "gov-share-max") }
    if share > settings.govShareWarn + tolerance { return report(.warning, settings.govShareWarn, "gov-share-warn") }
    return nil
  }

  /// A total of funding lines and its government part by source (``governmentSources`` order),
  /// in 万元 (the plan's currency).
  struct GovernmentSums {
    var total = 0.0
    var bySource = (0.0, 0.0, 0.0)

    mutating func add(_ amount: Double, slot: Int8) {
      total += amount
      switch slot {
      case 0: bySource.0 += amount
      case 1: bySource.1 += amount
      case 2: bySource.2 += amount
      default: break
      }
    }

    /// The sources with government money, summed in source order.
    var government: Double {
      var g = 0.0
      if bySource.0 > 0 { g += bySource.0 }
      if bySource.1 > 0 { g += bySource.1 }
      if bySource.2 > 0 { g += bySource.2 }
      return g
    }

    var share: Double { government / total }

    /// The government sources with money, in source order.
    var parts: [(source: String, amount: Double)] {
      zip(governmentSources, [bySource.0, bySource.1, bySource.2]).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    }
  }
}

extension Message {
  /// The finding of R27 for all phases (`phase` nil) or for phase `phase`.
  static func r27GovernmentShare(
    _ consortium: Entity, phase: String?, share: Double, government: Double, total: Double, currency: String,
    parts: [(source: String, amount: Double)], cap: Double, capName: String
  ) -> Message {
    let k = T.label(consortium)
    let (p, g, t, c) = (T.percent(share), T.number(government, places: 2), T.number(total, places: 2), T.percent(cap))
    // `provincial 4000 + municipal 2000 = 6000`, or just `provincial 4000` for one source.
    let sum = parts.count > 1 ? " = \(g)" : ""
    let en = parts.map { "\($0.source) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    let zh = parts.map { "\(T.keyword($0.source).zh) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    let (inPhaseEN, inPhaseZH) = phase.map { (" in phase \($0)", "阶段 \($0) ") } ?? ("", "")
    return Message(
      "R27",
      en:
        "the government share of consortium \(k.en)'s funding\(inPhaseEN) is \(p) (\(en) of \(t) \(currency)), above \(capName) \(c)",
      zh: "联合体 \(k.zh) \(inPhaseZH)资金中政府出资占比 \(p)（\(zh)，共 \(t) \(currency)），超过 \(capName) \(c)")
  }
}
