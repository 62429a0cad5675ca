import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R34 = RuleSpec(
    "R34", .warning,
    summary: LocalizedText(
      en: "a goal is behind as of `as-of`: its latest actual reaches less than `at-risk-min` of the expected progress",
      zh: "截至 as-of 目标滞后：最近实际值的完成比例低于 at-risk-min"),
    examples: ["set plan as-of 2026", "add goal G1 \"产能\" phase P1 baseline 0 target 500", "add actual G1 2026 100"],
    reads: [
      .attributes(.goal, "phase", "baseline", "baseline-year", "target", "target-year", "direction"),
      .attributes(.phase, "period"), .attributes(.checkpoint, "value"), .attributes(.actual, "value", "status"),
    ],
    settings: ["as-of", "on-track-min", "at-risk-min"],
    parts: [.shard(ReviewRules.r34)])
}

extension ReviewRules {
  /// **R34** (warning, SPEC §11): as of `as-of`, no goal is `behind` — its achievement ratio
  /// r = (a − baseline)/(expected(y) − baseline) is below `at-risk-min`. At the goal; the message
  /// gives the actual and its year, the expected value and r. Shard by shard: a goal's status
  /// depends on its own actuals and checkpoints, its phase and the plan's settings only.
  static let r34 = ShardRule("R34") { s in
    guard let asOf = s.index.settings.asOf else { return [] }
    return s.goalAssessments(asOf: asOf).compactMap { g, _, a in
      guard a.status == .behind, let actual = a.actual, let year = a.actualYear, let expected = a.expected,
        let ratio = a.ratio
      else { return nil }
      let goal = s.index.goals[g]
      return s.report(.r34Behind(goal, actual: actual, year: year, expected: expected, ratio: ratio), at: goal)
    }
  }
}

extension Message {
  static func r34Behind(_ goal: Entity, actual: Double, year: Int, expected: Double, ratio: Double) -> Message {
    let g = T.label(goal)
    let (a, e, r) = (T.number(actual), T.number(expected), T.percent(ratio))
    return Message(
      "R34", en: "goal \(g.en) is behind: its \(year) actual \(a) against an expected \(e) is \(r) of the progress due",
      zh: "目标 \(g.zh) 滞后：\(year) 年实际值 \(a)，预期值 \(e)，完成比例 \(r)")
  }
}
