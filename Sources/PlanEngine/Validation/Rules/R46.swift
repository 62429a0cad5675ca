import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R46 = RuleSpec(
    "R46", .warning,
    summary: LocalizedText(
      en: "a goal's target-year (unset: its phase's last year) lies after its consortium's period",
      zh: "目标年份（未设置时为所属阶段最后一年）晚于所属联合体的建设期"),
    examples: ["set consortium K1 period 2025..2030", "set goal G1 target-year 2029"],
    reads: [
      .attributes(.goal, "phase", "target-year"), .attributes(.phase, "period"), .attributes(.consortium, "period"),
    ],
    settings: [],
    parts: [.shard(ReviewRules.r46)])
}

extension ReviewRules {
  /// **R46** (warning, SPEC §15): a consortium's goal is due by the end of the consortium's
  /// period — its effective target-year (its own `target-year`, else its phase's last year,
  /// ``GoalTrack/effectiveTargetYear(_:phaseEndYear:)``) is not after the year the consortium's
  /// `period` ends; a goal due later would be judged after the consortium has wound up. Plan-wide
  /// goals, goals whose phase has no period, and consortia without a period or with a reversed
  /// one (R18) are not judged. At the goal, naming both years. Shard by shard.
  static let r46 = ShardRule("R46") { s in
    guard !s.isPlanWide, let period = s.index.consortiumPeriod[s.k], period.start <= period.end else { return [] }
    let index = s.index
    let goals = index.goalsByConsortium
    let periods = index.phases.periods
    let endYear = period.end.year
    var findings: [Diagnostic] = []
    for i in goals.bounds(s.k) {
      let g = goals.item(i)
      let p = Int(index.goalPhase[g])
      guard p >= 0, p < periods.count, let phase = periods[p] else { continue }
      let targetYear = GoalTrack.effectiveTargetYear(
        PlanIndex.year(index.goalTargetYear[g]), phaseEndYear: phase.end.year)
      guard targetYear > endYear else { continue }
      let goal = index.goals[g]
      findings.append(
        s.report(.r46AfterConsortium(goal, targetYear: targetYear, consortium: s.consortium, period: period), at: goal))
    }
    return findings
  }
}

extension Message {
  static func r46AfterConsortium(_ goal: Entity, targetYear: Int, consortium: Entity, period: Period) -> Message {
    let (g, k) = (T.label(goal), T.label(consortium))
    return Message(
      "R46",
      en:
        "goal \(g.en) is due in \(targetYear), after consortium \(k.en)'s period \(period.description) ends; set its target-year or the consortium's period",
      zh: "目标 \(g.zh) 的目标年份 \(targetYear) 晚于联合体 \(k.zh) 建设期 \(period.description) 的结束；请调整目标年份（target-year）或联合体建设期"
    )
  }
}
