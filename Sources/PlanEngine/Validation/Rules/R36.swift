import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R36 = RuleSpec(
    "R36", .warning,
    summary: LocalizedText(
      en: "a goal has no actual up to `as-of` although its baseline-year is before `as-of`",
      zh: "目标基期年份早于 as-of，但截至 as-of 没有实际值"),
    examples: ["set plan as-of 2026", "add actual G1 2026 120"],
    reads: [
      .attributes(.goal, "phase", "baseline", "baseline-year", "target", "target-year", "direction"),
      .attributes(.phase, "period"), .attributes(.checkpoint, "value"), .attributes(.actual, "value", "status"),
    ],
    settings: ["as-of", "on-track-min", "at-risk-min"],
    parts: [.shard(ReviewRules.r36)])
}

extension ReviewRules {
  /// **R36** (warning, SPEC §11): as of `as-of`, no goal is `no-data` — a goal with baseline and
  /// target whose (effective) baseline-year is before `as-of` has an actual after its
  /// baseline-year and no later than `as-of`. A goal whose phase has not begun by `as-of` is not
  /// judged (its status is `not-due`, ``GoalTrack/assess(asOf:thresholds:)``). At the goal; the
  /// message gives both years. Shard by shard, as R34.
  static let r36 = ShardRule("R36") { s in
    guard let asOf = s.index.settings.asOf else { return [] }
    return s.goalAssessments(asOf: asOf).compactMap { g, track, a in
      guard a.status == .noData, track.baselineYear < asOf else { return nil }
      let goal = s.index.goals[g]
      return s.report(.r36NoData(goal, baselineYear: track.baselineYear, asOf: asOf), at: goal)
    }
  }
}

extension Message {
  static func r36NoData(_ goal: Entity, baselineYear: Int, asOf: Int) -> Message {
    let g = T.label(goal)
    return Message(
      "R36",
      en: "goal \(g.en) has no actual for \(baselineYear + 1)..\(asOf) (baseline year \(baselineYear), as-of \(asOf))",
      zh: "目标 \(g.zh) 在 \(baselineYear + 1)..\(asOf) 年间没有实际值（基期年份 \(baselineYear)，评估年份 \(asOf)）")
  }
}
