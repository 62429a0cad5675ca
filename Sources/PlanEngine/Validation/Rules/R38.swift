import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R38 = RuleSpec(
    "R38", .error,
    summary: LocalizedText(
      en:
        "a goal's target-year lies within its phase and after its baseline-year (unset: the phase's last year, the year before it)",
      zh: "目标年份在所属阶段之内且晚于基期年份（未设置时分别为阶段最后一年、阶段开始前一年）"),
    examples: ["add phase P1 \"攻关期\" period 2025..2027", "set goal G1 target-year 2026 baseline-year 2024"],
    reads: [.attributes(.goal, "phase", "baseline-year", "target-year"), .attributes(.phase, "period")],
    settings: [],
    parts: [.shard(ReviewRules.r38)])
}

extension ReviewRules {
  /// **R38** (error, SPEC §11): a goal's effective target-year lies within its phase's years, and
  /// is after its effective baseline-year (the fallbacks of SPEC §11,
  /// ``GoalTrack/effectiveTargetYear(_:phaseEndYear:)``). A goal whose phase has no period, or a
  /// reversed one, is left to R20/R22. At the goal, naming the years. Shard by shard: the shell
  /// re-checks only the consortia an edit touched.
  static let r38 = ShardRule("R38") { s in
    let index = s.index
    let goals = index.goalsByConsortium
    let periods = index.phases.periods
    var findings: [Diagnostic] = []
    for i in goals.bounds(s.k) {
      let g = goals.item(i)
      let p = Int(index.goalPhase[g])
      guard p >= 0, p < periods.count, let period = periods[p], period.start <= period.end else { continue }
      let phase = (start: period.start.year, end: period.end.year)
      let targetYear = GoalTrack.effectiveTargetYear(PlanIndex.year(index.goalTargetYear[g]), phaseEndYear: phase.end)
      let baselineYear = GoalTrack.effectiveBaselineYear(
        PlanIndex.year(index.goalBaselineYear[g]), phaseStartYear: phase.start)
      if targetYear < phase.start || targetYear > phase.end {
        let goal = index.goals[g]
        findings.append(s.report(.r38OutsidePhase(goal, targetYear: targetYear, phase: phase), at: goal))
      } else if targetYear <= baselineYear {
        let goal = index.goals[g]
        findings.append(
          s.report(.r38NotAfterBaseline(goal, targetYear: targetYear, baselineYear: baselineYear), at: goal))
      }
    }
    return findings
  }
}

extension Message {
  static func r38OutsidePhase(_ goal: Entity, targetYear: Int, phase: (start: Int, end: Int)) -> Message {
    let g = T.label(goal)
    return Message(
      "R38", en: "goal \(g.en)'s target year \(targetYear) lies outside its phase's years \(phase.start)..\(phase.end)",
      zh: "目标 \(g.zh) 的目标年份 \(targetYear) 不在所属阶段 \(phase.start)..\(phase.end) 之内")
  }

  static func r38NotAfterBaseline(_ goal: Entity, targetYear: Int, baselineYear: Int) -> Message {
    let g = T.label(goal)
    return Message(
      "R38", en: "goal \(g.en)'s target year \(targetYear) is not after its baseline year \(baselineYear)",
      zh: "目标 \(g.zh) 的目标年份 \(targetYear) 不晚于基期年份 \(baselineYear)")
  }
}
