import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R32 = RuleSpec(
    "R32", .error,
    summary: LocalizedText(
      en: "the `after` links of goals form a cycle",
      zh: "目标的 after 前置关系形成循环"),
    examples: ["set goal G1 after none"],
    reads: [.attributes(.goal, "after")],
    parts: [.graph(GoalGraphRules.r32)])
}

extension GoalGraphRules {
  /// **R32** (error): the `after` links form no cycle. Every separate cycle — every strongly
  /// connected component of the link graph with a cycle in it — is reported once, at its first
  /// goal in plan order, with a whole shortest cycle from that goal back to it
  /// (`G1 → G4 → G2 → G1`); when more goals are tied into the same knot, the message lists them
  /// all. Walked without recursion (``GoalGraph``).
  static let r32 = Rule("R32") { c in
    let graph = c.goalGraph
    return graph.cycles().map { cycle in
      c.report(.r32Cycle(cycle.path.map(graph.id), knot: cycle.component.map(graph.id)), at: graph.goal(cycle.path[0]))
    }
  }
}

extension Message {
  static func r32Cycle(_ path: [String], knot: [String]) -> Message {
    let cycle = path.joined(separator: " → ")
    guard knot.count > path.count - 1 else {
      return Message(
        "R32", en: "the after links of goals form a cycle: \(cycle)",
        zh: "目标的 after 前置关系形成循环：\(cycle)")
    }
    let all = T.list(knot)
    return Message(
      "R32",
      en: "the after links of goals form a cycle: \(cycle); \(knot.count) goals are tied into this knot: \(all.en)",
      zh: "目标的 after 前置关系形成循环：\(cycle)；该环路共牵连 \(knot.count) 个目标：\(all.zh)")
  }
}
