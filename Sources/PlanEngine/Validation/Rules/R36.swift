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
    parts: [.plan(ReviewRules.r36)])
}

extension ReviewRules {
  /// **R36** (warning, SPEC §11): as of `as-of`, no goal is `no-data` — a goal with baseline and
  /// target whose (effective) baseline-year is before `as-of` has an actual after its
  /// baseline-year and no later than `as-of`. At the goal; the message gives both years.
  static let r36 = Rule("R36") { c in
    guard let asOf = c.plan.asOf else { return [] }
    return c.plan.goalAssessments(asOf: asOf).compactMap { goal, track, a in
      guard a.status == .noData, track.baselineYear < asOf else { return nil }
      return c.report(.r36NoData(goal, baselineYear: track.baselineYear, asOf: asOf), at: goal)
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
