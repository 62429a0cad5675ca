import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R35 = RuleSpec(
    "R35", .warning,
    summary: LocalizedText(
      en: "a goal is missed as of `as-of`: its target year's figure is in and short of the target",
      zh: "截至 as-of 目标未达成：目标年份的实际值已报且未达到目标值"),
    examples: ["set plan as-of 2026", "add goal G1 \"产能\" phase P1 baseline 0 target 500", "add actual G1 2026 450"],
    reads: [
      .attributes(.goal, "phase", "baseline", "baseline-year", "target", "target-year", "direction"),
      .attributes(.phase, "period"), .attributes(.checkpoint, "value"), .attributes(.actual, "value", "status"),
    ],
    settings: ["as-of", "on-track-min", "at-risk-min"],
    parts: [.shard(ReviewRules.r35)])
}

extension ReviewRules {
  /// **R35** (warning, SPEC §11): as of `as-of`, no goal is `missed` — an actual of its
  /// target-year or later is in and has not reached the target. At the goal; the message gives
  /// the actual and its year and the target. Shard by shard, as R34.
  static let r35 = ShardRule("R35") { s in
    guard let asOf = s.index.settings.asOf else { return [] }
    return s.goalAssessments(asOf: asOf).compactMap { g, track, a in
      guard a.status == .missed, let actual = a.actual, let year = a.actualYear, let target = track.target else {
        return nil
      }
      let goal = s.index.goals[g]
      return s.report(
        .r35Missed(goal, actual: actual, year: year, target: target, targetYear: track.targetYear), at: goal)
    }
  }
}

extension Message {
  static func r35Missed(_ goal: Entity, actual: Double, year: Int, target: Double, targetYear: Int) -> Message {
    let g = T.label(goal)
    let (a, t) = (T.number(actual), T.number(target))
    return Message(
      "R35", en: "goal \(g.en) is missed: its \(year) actual \(a) falls short of the target \(t) due in \(targetYear)",
      zh: "目标 \(g.zh) 未达成：\(year) 年实际值 \(a)，未达到 \(targetYear) 年目标值 \(t)")
  }
}
