import PlanLanguage
import PlanModel

/// Rules R27–R31: funding lines and support measures (SPEC §7; DOMAIN.md: "government guides, the
/// market invests" — government money is a small share, and the government does not overreach).
///
/// Government sources and funders are central, provincial and municipal (``Schema/governmentSources``).
/// A measure without `amount` counts as 0 in R28.
enum FundingRules {
  /// The rules checked shard by shard (R30's part about phases without measures looks across
  /// consortia: ``Aggregates``).
  static let shard = [r27, r28, r29, r30, r31]

  /// Shares and sums within this of a cap do not exceed it (binary fractions such as 0.1 + 0.2).
  static let tolerance = 1e-9

  /// **R27** (warning or error): the government share of a consortium's funding — government
  /// lines over all its lines, all phases together — is at most `gov-share-warn` (else a
  /// warning) and at most `gov-share-max` (else an error instead). Strictly above the cap
  /// counts; a consortium with no funding (total 0) is not judged. At the consortium; the
  /// message gives the share, the government amounts by source, the total and the cap.
  static let r27 = ShardRule.consortium("R27") { c, k in
    let index = c.index
    let governmentSources = Schema.sources.filter { Schema.governmentSources.contains($0) }
    let consortium = index.consortia[k]
    let lines = index.fundingByConsortium[k]
    let total = lines.reduce(0) { $0 + (index.funding[$1][Attr.Funding.amount]?.number ?? 0) }
    guard total > 0 else { return nil }
    var parts: [(source: String, amount: Double)] = []
    for source in governmentSources {
      let amount = lines.reduce(0) { sum, l in
        index.funding[l].key.c == source ? sum + (index.funding[l][Attr.Funding.amount]?.number ?? 0) : sum
      }
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

  /// **R28** (warning): per consortium, phase and government funder, the amounts of the
  /// consortium's own measures with that funder do not exceed its funding line from that source
  /// in that phase (a missing line is 0). Compared source by source, since a municipal measure is
  /// not paid from a provincial line. At the first such measure, naming them all.
  static let r28 = ShardRule("R28") { c, k in
    guard !c.isPlanWide(k) else { return [] }
    var findings: [Diagnostic] = []
    let index = c.index
    let fundingTable = c.plan[.funding]
    // The groups of one consortium, in order of their first measure: a few per consortium
    // (phases × government sources), found by a linear search.
    var groups: [(phase: String, funder: String, total: Double, measures: [Int])] = []
    for m in index.measuresByConsortium[k] {
      let measure = index.measures[m]
      guard let funder = measure[Attr.Measure.funder]?.choice, Schema.governmentSources.contains(funder),
        let phase = measure[Attr.Measure.phase]?.ref
      else { continue }
      let amount = measure[Attr.Measure.amount]?.number ?? 0
      if let g = groups.firstIndex(where: { $0.phase == phase && $0.funder == funder }) {
        groups[g].total += amount
        groups[g].measures.append(m)
      } else {
        groups.append((phase, funder, 0 + amount, [m]))
      }
    }
    let consortium = index.consortia[k]
    for group in groups {
      let line = fundingTable.index(forKey: EntityKey(consortium.id, group.phase, group.funder))
        .flatMap { fundingTable.values[$0][Attr.Funding.amount]?.number } ?? 0
      guard group.total > line + tolerance else { continue }
      findings.append(
        c.report(
          .r28MeasuresExceedFunding(
            consortium: consortium.id, phase: group.phase, funder: group.funder,
            measures: group.measures.map { index.measures[$0].id }, total: group.total, line: line,
            currency: c.plan.currency),
          at: index.measures[group.measures[0]]))
    }
    return findings
  }

  /// **R29** (error): no measure combines instrument management with a government funder — the
  /// government does not run the consortium's people, money and materials.
  static let r29 = ShardRule("R29") { c, k in
    c.index.measuresByConsortium[k].compactMap { m in
      let measure = c.index.measures[m]
      guard measure[Attr.Measure.instrument]?.choice == "management",
        let funder = measure[Attr.Measure.funder]?.choice, Schema.governmentSources.contains(funder)
      else { return nil }
      return c.report(.r29Overreach(measure, funder: funder), at: measure)
    }
  }

  /// **R30** (warning), its part about measures: a measure with a `start` month starts no later
  /// than its phase's first month (measures are deployed ahead of time), at the measure. (Its part
  /// about phases without a measure is in ``Aggregates``.)
  static let r30 = ShardRule("R30") { c, k in
    c.index.measuresByConsortium[k].compactMap { m in
      let measure = c.index.measures[m]
      guard let start = measure[Attr.Measure.start]?.month, let phaseID = measure[Attr.Measure.phase]?.ref,
        let phaseStart = c.plan.entity(.phase, phaseID)?.period?.start, start > phaseStart
      else { return nil }
      return c.report(.r30StartsLate(measure, start: start, phase: phaseID, phaseStart: phaseStart), at: measure)
    }
  }

  /// **R31** (warning): every measure names a responsible `agency` (blank counts as none).
  static let r31 = ShardRule("R31") { c, k in
    c.index.measuresByConsortium[k].compactMap { m in
      let measure = c.index.measures[m]
      return isBlank(measure[Attr.Measure.agency]?.text ?? "") ? c.report(.r31NoAgency(measure), at: measure) : nil
    }
  }

  /// Whether `text` is empty or all whitespace (`Character.isWhitespace`). A character is
  /// whitespace when its first scalar is, so text whose first scalar is not — nearly every
  /// agency — is decided without breaking it into characters.
  static func isBlank(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return true }
    guard first.properties.isWhitespace else { return false }
    return text.allSatisfy(\.isWhitespace)
  }
}
