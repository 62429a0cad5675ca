import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R23 = RuleSpec(
    "R23", .error,
    summary: LocalizedText(
      en: "a goal's target does not move from its baseline in its `direction`",
      zh: "目标值没有按 direction 方向偏离基期值"),
    examples: ["set goal G1 baseline 20 target 60 direction up"],
    reads: [.attributes(.goal, "baseline", "target", "direction")],
    parts: [.shard(PhaseRules.r23)])
}

extension PhaseRules {
  /// **R23** (error): a goal's `target` lies above its `baseline` for direction up, below it for
  /// direction down (equal is no movement). A goal without both numbers is not judged.
  static let r23 = ShardRule("R23") { s in
    let index = s.index
    var findings: [Diagnostic] = []
    for i in index.goalsByConsortium.bounds(s.k) {
      let g = index.goalsByConsortium.item(i)
      let facts = index.goalFacts[g]
      guard facts.isSuperset(of: [.baseline, .target]) else { continue }
      let (baseline, target) = (index.goalBaseline[g], index.goalTarget[g])
      let moves = facts.contains(.down) ? target < baseline : target > baseline
      guard !moves else { continue }
      let goal = index.goals[g]
      let direction = goal[Attr.Goal.direction]?.choice ?? "up"
      findings.append(s.report(.r23Direction(goal, baseline: baseline, target: target, direction: direction), at: goal))
    }
    return findings
  }
}

extension Message {
  static func r23Direction(_ goal: Entity, baseline: Double, target: Double, direction: String) -> Message {
    let g = T.label(goal)
    let d = T.keyword(direction)
    let (b, t) = (Format.number(baseline), Format.number(target))
    return Message(
      "R23", en: "the target \(t) of goal \(g.en) does not move \(d.en) from its baseline \(b)",
      zh: "目标 \(g.zh) 的目标值 \(t) 没有按\(d.zh)（\(direction)）方向偏离基期值 \(b)")
  }
}
