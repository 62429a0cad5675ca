import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R30 = RuleSpec(
    "R30", .warning,
    summary: LocalizedText(
      en:
        "a phase has no support measure, or a measure starts more than `start-grace` months after its phase begins, or has no `start`",
      zh: "某阶段没有支持措施，或措施晚于所属阶段开始超过 start-grace 个月，或措施没有开始月份（start）"),
    examples: ["set measure M1 start 2025-01"],
    reads: [.attributes(.measure, "phase", "start"), .attributes(.phase, "period")],
    settings: ["start-grace"],
    parts: [.shard(FundingRules.r30), .summaries(Aggregates.r30)])
}

extension FundingRules {
  /// **R30** (warning), its part about measures: a measure starts no later than `start-grace`
  /// months (0 by default) after its phase's first month (measures are deployed ahead of time),
  /// and a measure without a `start` is warned of too (SPEC §15: an undated measure must not look
  /// better than a dated one), at the measure. (Its part about phases without a measure is in
  /// ``Aggregates``.)
  static let r30 = ShardRule("R30") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    let grace = index.settings.startGrace
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) {
      let m = measures.item(i)
      let p = Int(index.measurePhase[m])
      guard index.measureFacts[m].contains(.start) else {
        let measure = index.measures[m]
        let phaseStart = p >= 0 ? index.phases.periods[p]?.start : nil
        findings.append(
          s.report(.r30Undated(measure, phase: measure[Attr.Measure.phase]?.ref, phaseStart: phaseStart), at: measure))
        continue
      }
      guard p >= 0, let phaseStart = index.phases.periods[p]?.start,
        index.measureStart[m] > phaseStart.ordinal + grace
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
}

extension Aggregates {
  /// **R30** (warning), its part about phases: every phase has a support measure (of any
  /// consortium, or plan-wide), at the phase.
  @Sendable static func r30(_ a: AcrossShards) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (p, phase) in a.c.plan[.phase].values.enumerated() where !a.phaseHasMeasure[p] {
      findings.append(a.c.report(.r30NoMeasure(phase), at: phase))
    }
    return findings
  }
}

extension Message {
  static func r30NoMeasure(_ phase: Entity) -> Message {
    let p = T.label(phase)
    return Message("R30", en: "phase \(p.en) has no support measure", zh: "阶段 \(p.zh) 没有支持措施")
  }

  static func r30Undated(_ measure: Entity, phase: String?, phaseStart: YearMonth?) -> Message {
    let m = T.label(measure)
    var (en, zh) = phase.map { (" against its phase \($0)", "与所属阶段 \($0) ") } ?? ("", "")
    if let phaseStart, phase != nil {
      (en, zh) = (en + ", which begins \(phaseStart)", "与所属阶段 \(phase!)（\(phaseStart) 开始）")
    }
    return Message(
      "R30", en: "measure \(m.en) has no start month, so it cannot be checked\(en); set start",
      zh: "措施 \(m.zh) 没有开始月份，无法\(zh)核对；请设置开始月份（start）")
  }

  static func r30StartsLate(_ measure: Entity, start: YearMonth, phase: String, phaseStart: YearMonth) -> Message {
    let m = T.label(measure)
    return Message(
      "R30",
      en:
        "measure \(m.en) starts \(start), after its phase \(phase) begins (\(phaseStart)); measures are deployed ahead of their phase",
      zh: "措施 \(m.zh) 于 \(start) 开始，晚于所属阶段 \(phase) 的开始（\(phaseStart)）；支持措施应提前部署")
  }
}
