import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R20 = RuleSpec(
    "R20", .error,
    summary: LocalizedText(
      en: "phases: start ≤ end, inside the horizon, no two overlap",
      zh: "阶段：开始不晚于结束、在规划期之内、互不重叠"),
    examples: ["add phase P1 \"攻关期\" period 2025..2026", "add phase P2 \"推广期\" period 2027..2030"],
    reads: [.attributes(.phase, "period")],
    settings: ["horizon"],
    parts: [.plan(PhaseRules.r20)])
}

extension PhaseRules {
  /// **R20** (error): each phase starts no later than it ends, lies within the horizon, and
  /// overlaps no other phase. An overlap is reported at the phase that starts later, naming the
  /// earlier phase that reaches furthest into it.
  static let r20 = Rule("R20") { c in
    var findings: [Diagnostic] = []
    var reach: (phase: Entity, period: Period)?
    for phase in c.phases.chronologicalPhases {
      guard let period = phase.period else { continue }
      guard period.start <= period.end else {
        findings.append(c.report(.r20Reversed(phase, period: period), at: phase))
        continue
      }
      if let horizon = c.plan.horizon, !horizon.contains(period) {
        findings.append(c.report(.r20OutsideHorizon(phase, period: period, horizon: horizon), at: phase))
      }
      if let reach, period.start <= reach.period.end {
        findings.append(
          c.report(.r20Overlap(phase, period: period, other: reach.phase, otherPeriod: reach.period), at: phase))
      }
      if reach == nil || period.end > reach!.period.end { reach = (phase, period) }
    }
    return findings
  }
}

extension Message {
  static func r20Reversed(_ phase: Entity, period: Period) -> Message {
    let p = T.label(phase)
    return Message(
      "R20", en: "phase \(p.en) ends before it starts: \(period.description)",
      zh: "阶段 \(p.zh) 结束早于开始：\(period.description)")
  }

  static func r20OutsideHorizon(_ phase: Entity, period: Period, horizon: Period) -> Message {
    let p = T.label(phase)
    return Message(
      "R20", en: "phase \(p.en) \(period.description) lies outside the horizon \(horizon.description)",
      zh: "阶段 \(p.zh) \(period.description) 超出规划期 \(horizon.description)")
  }

  static func r20Overlap(_ phase: Entity, period: Period, other: Entity, otherPeriod: Period) -> Message {
    let (p, q) = (T.label(phase), T.label(other))
    return Message(
      "R20", en: "phase \(p.en) \(period.description) overlaps \(q.en) \(otherPeriod.description)",
      zh: "阶段 \(p.zh) \(period.description) 与 \(q.zh) \(otherPeriod.description) 重叠")
  }
}
