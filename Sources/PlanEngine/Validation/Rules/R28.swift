import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R28 = RuleSpec(
    "R28", .warning,
    summary: LocalizedText(
      en: "government-funded measures of a consortium and phase exceed its government funding lines",
      zh: "联合体某阶段政府出资的措施金额超过其政府资金额度"),
    // The measures ask the province for 3000 + 2500 = 5500 in P1; its line is 3000 (a finding);
    // the fix raises the line to what the measures ask (or lowers the measures to the line).
    violation: [
      "add funding K1 P1 provincial 3000",
      "add measure M1 \"专项\" phase P1 consortium K1 \\",
      "  funder provincial amount 3000",
      "add measure M2 \"补助\" phase P1 consortium K1 \\",
      "  funder provincial amount 2500",
    ],
    examples: ["set funding K1 P1 provincial amount 5500"],
    reads: [.attributes(.measure, "phase", "funder", "amount"), .attributes(.funding, "amount"), .entities(.phase)],
    settings: ["currency"],
    parts: [.shard(FundingRules.r28)])
}

extension FundingRules {
  /// **R28** (warning): per consortium, phase and government funder, the amounts of the
  /// consortium's own measures with that funder do not exceed its funding line from that source
  /// in that phase (a missing line is 0). Compared source by source, since a municipal measure is
  /// not paid from a provincial line. At the first such measure, naming them all.
  static let r28 = ShardRule("R28") { s in
    guard !s.isPlanWide else { return [] }
    let index = s.index
    let governmentSlot = Government()
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
        let funder = governmentSlot(index.measureFunder[m])
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
          if index.fundingPhase[l] == group.phase, governmentSlot(index.fundingSource[l]) == group.funder {
            line = index.fundingAmount[l]
          }
        }
        guard group.total > line + tolerance else { continue }
        // The finding names every measure of the group.
        let ids: [String] = measures[s.k].filter { m in
          governmentSlot(index.measureFunder[m]) == group.funder && index.measurePhase[m] == group.phase
            && index.measureFacts[m].contains(.phaseRef)
        }.map { index.measures[$0].id }
        findings.append(
          s.report(
            .r28MeasuresExceedFunding(
              consortium: s.consortium.id, phase: index.measures[group.first][Attr.Measure.phase]?.ref ?? "",
              funder: governmentSources[Int(group.funder)], measures: ids, total: group.total, line: line,
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
}

extension Message {
  static func r28MeasuresExceedFunding(
    consortium: String, phase: String, funder: String, measures: [String], total: Double, line: Double, currency: String
  ) -> Message {
    let f = T.keyword(funder)
    let list = T.list(measures)
    let (m, l) = (T.number(total, places: 2), T.number(line, places: 2))
    guard line > 0 else {
      return Message(
        "R28",
        en: "the \(funder)-funded measures of \(consortium) in \(phase) (\(list.en)) total \(m) \(currency), "
          + "but \(consortium) has no \(funder) funding line in \(phase)",
        zh:
          "\(consortium) 在 \(phase) 由\(f.zh)出资的措施（\(list.zh)）合计 \(m) \(currency)，但 \(consortium) 在 \(phase) 没有\(f.zh)资金额度"
      )
    }
    return Message(
      "R28",
      en: "the \(funder)-funded measures of \(consortium) in \(phase) (\(list.en)) total \(m) \(currency), "
        + "more than its \(funder) funding line of \(l) \(currency)",
      zh: "\(consortium) 在 \(phase) 由\(f.zh)出资的措施（\(list.zh)）合计 \(m) \(currency)，超过其\(f.zh)资金额度 \(l) \(currency)")
  }
}
