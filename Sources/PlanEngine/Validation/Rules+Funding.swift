import PlanLanguage
import PlanModel

/// Rules R27–R31: funding lines and support measures (SPEC §7; DOMAIN.md: "government guides, the
/// market invests" — government money is a small share, and the government does not overreach).
///
/// Government sources and funders are central, provincial and municipal (``Schema/governmentSources``).
/// A measure without `amount` counts as 0 in R28.
enum FundingRules {
  static let all = [r27, r28, r29, r30, r31]

  /// Shares and sums within this of a cap do not exceed it (binary fractions such as 0.1 + 0.2).
  static let tolerance = 1e-9

  /// **R27** (warning or error): the government share of a consortium's funding — government
  /// lines over all its lines, all phases together — is at most `gov-share-warn` (else a
  /// warning) and at most `gov-share-max` (else an error instead). Strictly above the cap
  /// counts; a consortium with no funding (total 0) is not judged. At the consortium; the
  /// message gives the share, the government amounts by source, the total and the cap.
  static let r27 = Rule("R27") { c in
    c.plan[.consortium].values.compactMap { consortium in
      let lines = c.index.fundingByConsortium[consortium.id] ?? []
      let total = lines.reduce(0) { $0 + ($1[Attr.Funding.amount]?.number ?? 0) }
      guard total > 0 else { return nil }
      var parts: [(source: String, amount: Double)] = []
      for source in Schema.sources where Schema.governmentSources.contains(source) {
        let amount = lines.filter { $0.key.c == source }.reduce(0) { $0 + ($1[Attr.Funding.amount]?.number ?? 0) }
        if amount > 0 { parts.append((source, amount)) }
      }
      let government = parts.reduce(0) { $0 + $1.amount }
      let share = government / total
      let (severity, cap, capName): (Diagnostic.Severity, Double, String)
      if share > c.plan.govShareMax + tolerance {
        (severity, cap, capName) = (.error, c.plan.govShareMax, "gov-share-max")
      } else if share > c.plan.govShareWarn + tolerance {
        (severity, cap, capName) = (.warning, c.plan.govShareWarn, "gov-share-warn")
      } else {
        return nil
      }
      return c.report(
        .r27GovernmentShare(
          consortium, share: share, government: government, total: total, currency: c.plan.currency, parts: parts,
          cap: cap, capName: capName),
        at: consortium, severity: severity)
    }
  }

  /// **R28** (warning): per consortium, phase and government funder, the amounts of the
  /// consortium's own measures with that funder do not exceed its funding line from that source
  /// in that phase (a missing line is 0). Compared source by source, since a municipal measure is
  /// not paid from a provincial line. At the first such measure, naming them all.
  static let r28 = Rule("R28") { c in
    var findings: [Diagnostic] = []
    for consortium in c.plan[.consortium].values {
      var groups: [String: (phase: String, funder: String, total: Double, measures: [Entity])] = [:]
      var order: [String] = []
      for measure in c.index.measuresByConsortium[consortium.id] ?? [] {
        guard let funder = measure[Attr.Measure.funder]?.choice, Schema.governmentSources.contains(funder),
          let phase = measure[Attr.Measure.phase]?.ref
        else { continue }
        let key = phase + "\u{0}" + funder
        if groups[key] == nil { order.append(key) }
        var group = groups[key] ?? (phase, funder, 0, [])
        group.total += measure[Attr.Measure.amount]?.number ?? 0
        group.measures.append(measure)
        groups[key] = group
      }
      for key in order {
        let group = groups[key]!
        let line = c.plan[.funding][EntityKey(consortium.id, group.phase, group.funder)]?[Attr.Funding.amount]?.number ?? 0
        guard group.total > line + tolerance else { continue }
        findings.append(
          c.report(
            .r28MeasuresExceedFunding(
              consortium: consortium.id, phase: group.phase, funder: group.funder, measures: group.measures.map(\.id),
              total: group.total, line: line, currency: c.plan.currency),
            at: group.measures[0]))
      }
    }
    return findings
  }

  /// **R29** (error): no measure combines instrument management with a government funder — the
  /// government does not run the consortium's people, money and materials.
  static let r29 = Rule("R29") { c in
    c.plan[.measure].values.compactMap { measure in
      guard measure[Attr.Measure.instrument]?.choice == "management",
        let funder = measure[Attr.Measure.funder]?.choice, Schema.governmentSources.contains(funder)
      else { return nil }
      return c.report(.r29Overreach(measure, funder: funder), at: measure)
    }
  }

  /// **R30** (warning): every phase has a support measure (of any consortium, or plan-wide), at
  /// the phase; and a measure with a `start` month starts no later than its phase's first month
  /// (measures are deployed ahead of time), at the measure.
  static let r30 = Rule("R30") { c in
    var findings: [Diagnostic] = c.plan[.phase].values.compactMap { phase in
      c.index.measuresByPhase[phase.id] == nil ? c.report(.r30NoMeasure(phase), at: phase) : nil
    }
    for measure in c.plan[.measure].values {
      guard let start = measure[Attr.Measure.start]?.month, let phaseID = measure[Attr.Measure.phase]?.ref,
        let phaseStart = c.plan.entity(.phase, phaseID)?.period?.start, start > phaseStart
      else { continue }
      findings.append(c.report(.r30StartsLate(measure, start: start, phase: phaseID, phaseStart: phaseStart), at: measure))
    }
    return findings
  }

  /// **R31** (warning): every measure names a responsible `agency` (blank counts as none).
  static let r31 = Rule("R31") { c in
    c.plan[.measure].values.compactMap { measure in
      (measure[Attr.Measure.agency]?.text ?? "").allSatisfy(\.isWhitespace) ? c.report(.r31NoAgency(measure), at: measure) : nil
    }
  }
}
