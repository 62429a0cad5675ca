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
  static let r27 = ShardRule.consortium("R27") { s in
    let index = s.index
    let lines = index.fundingByConsortium
    // The total and each government source's amount, each summed in plan order.
    var total = 0.0
    var bySource = (0.0, 0.0, 0.0)
    for i in lines.bounds(s.k) {
      let l = lines.item(i)
      let amount = index.fundingAmount[l]
      total += amount
      switch index.fundingSource[l] {
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
    for (source, amount) in zip(PlanIndex.governmentSources, [bySource.0, bySource.1, bySource.2]) where amount > 0 {
      parts.append((source, amount))
    }
    return s.report(
      .r27GovernmentShare(
        s.consortium, share: share, government: government, total: total, currency: settings.currency, parts: parts,
        cap: cap, capName: capName),
      at: s.consortium, severity: severity)
  }

  /// **R28** (warning): per consortium, phase and government funder, the amounts of the
  /// consortium's own measures with that funder do not exceed its funding line from that source
  /// in that phase (a missing line is 0). Compared source by source, since a municipal measure is
  /// not paid from a provincial line. At the first such measure, naming them all.
  static let r28 = ShardRule("R28") { s in
    guard !s.isPlanWide else { return [] }
    let index = s.index
    let measures = index.measuresByConsortium
    let bounds = measures.bounds(s.k)
    guard !bounds.isEmpty else { return [] }
    // The groups of one consortium, by phase (position in the phase table) and funder, in order
    // of their first measure: a few per consortium (phases × government sources), found by a
    // linear search, in a buffer on the stack.
    typealias Group = (phase: Int32, funder: Int8, total: Double, first: Int)
    return withUnsafeTemporaryAllocation(of: Group.self, capacity: bounds.count) { groups in
      var count = 0
      for i in bounds {
        let m = measures.item(i)
        let funder = index.measureFunder[m]
        guard funder >= 0, index.measureFacts[m].contains(.phaseRef) else { continue }
        let phase = index.measurePhase[m]
        // A phase that is not in the plan (a guard: the model refuses them) is told apart by ID.
        guard phase >= 0 else {
          groups.baseAddress!.deinitialize(count: count)
          return r28ByID(s)
        }
        let amount = index.measureAmount[m]
        var g = 0
        while g < count, groups[g].phase != phase || groups[g].funder != funder { g += 1 }
        if g < count {
          groups[g].total += amount
        } else {
          (groups.baseAddress! + count).initialize(to: (phase, funder, 0 + amount, m))
          count += 1
        }
      }
      defer { groups.baseAddress!.deinitialize(count: count) }
      var findings: [Diagnostic] = []
      let lines = index.fundingByConsortium
      for group in groups[0..<count] {
        var line = 0.0
        for i in lines.bounds(s.k) {
          let l = lines.item(i)
          if index.fundingPhase[l] == group.phase, index.fundingSource[l] == group.funder {
            line = index.fundingAmount[l]
          }
        }
        guard group.total > line + tolerance else { continue }
        // The finding names every measure of the group.
        let ids: [String] = measures[s.k].filter { m in
          index.measureFunder[m] == group.funder && index.measurePhase[m] == group.phase
            && index.measureFacts[m].contains(.phaseRef)
        }.map { index.measures[$0].id }
        findings.append(
          s.report(
            .r28MeasuresExceedFunding(
              consortium: s.consortium.id, phase: index.measures[group.first][Attr.Measure.phase]?.ref ?? "",
              funder: PlanIndex.governmentSources[Int(group.funder)], measures: ids, total: group.total, line: line,
              currency: index.settings.currency),
            at: index.measures[group.first]))
      }
      return findings
    }
  }

  /// R28 over the measures' phase and funder IDs and the funding table's keys: for a shard with
  /// a measure whose phase is not in the plan.
  private static func r28ByID(_ s: Shard) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let index = s.index
    let fundingTable = s.c.plan[.funding]
    var groups: [(phase: String, funder: String, total: Double, measures: [Int])] = []
    for m in index.measuresByConsortium[s.k] {
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
    let consortium = s.consortium
    for group in groups {
      let line =
        fundingTable.index(forKey: EntityKey(consortium.id, group.phase, group.funder))
        .flatMap { fundingTable.values[$0][Attr.Funding.amount]?.number } ?? 0
      guard group.total > line + tolerance else { continue }
      findings.append(
        s.report(
          .r28MeasuresExceedFunding(
            consortium: consortium.id, phase: group.phase, funder: group.funder,
            measures: group.measures.map { index.measures[$0].id }, total: group.total, line: line,
            currency: index.settings.currency),
          at: index.measures[group.measures[0]]))
    }
    return findings
  }

  /// **R29** (error): no measure combines instrument management with a government funder — the
  /// government does not run the consortium's people, money and materials.
  static let r29 = ShardRule("R29") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) {
      let m = measures.item(i)
      guard index.measureFacts[m].contains(.management), index.measureFunder[m] >= 0 else { continue }
      let measure = index.measures[m]
      findings.append(s.report(.r29Overreach(measure, funder: measure[Attr.Measure.funder]?.choice ?? ""), at: measure))
    }
    return findings
  }

  /// **R30** (warning), its part about measures: a measure with a `start` month starts no later
  /// than its phase's first month (measures are deployed ahead of time), at the measure. (Its part
  /// about phases without a measure is in ``Aggregates``.)
  static let r30 = ShardRule("R30") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) {
      let m = measures.item(i)
      let p = Int(index.measurePhase[m])
      guard index.measureFacts[m].contains(.start), p >= 0, let phaseStart = index.phases.periods[p]?.start,
        index.measureStart[m] > phaseStart.ordinal
      else { continue }
      let measure = index.measures[m]
      guard let start = measure[Attr.Measure.start]?.month, let phaseID = measure[Attr.Measure.phase]?.ref else {
        continue
      }
      findings.append(
        s.report(.r30StartsLate(measure, start: start, phase: phaseID, phaseStart: phaseStart), at: measure))
    }
    return findings
  }

  /// **R31** (warning): every measure names a responsible `agency` (blank counts as none).
  static let r31 = ShardRule("R31") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) where index.measureFacts[measures.item(i)].contains(.noAgency) {
      let measure = index.measures[measures.item(i)]
      findings.append(s.report(.r31NoAgency(measure), at: measure))
    }
    return findings
  }

  /// Whether `text` is empty or all whitespace (`Character.isWhitespace`). A character is
  /// whitespace when its first scalar is, so text whose first scalar is not — nearly every
  /// agency — is decided without breaking it into characters, and without the Unicode property
  /// tables for the usual first scalars: ASCII, and U+3001–U+D7FF (CJK punctuation, kana,
  /// ideographs, Hangul), a range without whitespace.
  static func isBlank(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return true }
    switch first.value {
    case 0x21...0x7E, 0x3001...0xD7FF: return false
    default: break
    }
    guard first.properties.isWhitespace else { return false }
    return text.allSatisfy(\.isWhitespace)
  }
}
