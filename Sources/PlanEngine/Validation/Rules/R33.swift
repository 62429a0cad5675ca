import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R33 = RuleSpec(
    "R33", .error,
    summary: LocalizedText(
      en: "a goal comes `after` a goal of a later phase",
      zh: "目标的前置目标属于更晚的阶段"),
    examples: ["set goal G2 after G1"],
    reads: [.attributes(.goal, "after", "phase"), .attributes(.phase, "period")],
    parts: [.graph(GoalGraphRules.r33)])
}

extension GoalGraphRules {
  /// **R33** (error): a goal comes `after` no goal of a later phase (phases in chronological
  /// order, ``PhaseOrder``). One finding per such link, at the goal whose
  /// `after` list holds it.
  static let r33 = Rule("R33") { c in
    let graph = c.goalGraph
    var findings: [Diagnostic] = []
    for g in 0..<graph.count {
      let here = graph.phasePosition[g]
      guard here >= 0 else { continue }
      for p in graph.successors(g) {
        let there = graph.phasePosition[Int(p)]
        guard there >= 0, there > here else { continue }
        let goal = graph.goal(g)
        guard let phase = goal[Attr.Goal.phase]?.ref, let laterPhase = graph.goal(Int(p))[Attr.Goal.phase]?.ref else {
          continue
        }
        findings.append(
          c.report(
            .r33LaterPrerequisite(goal, phase: phase, prerequisite: graph.id(Int(p)), laterPhase: laterPhase), at: goal)
        )
      }
    }
    return findings
  }
}

extension Message {
  static func r33LaterPrerequisite(_ goal: Entity, phase: String, prerequisite: String, laterPhase: String) -> Message {
    let g = T.label(goal)
    return Message(
      "R33",
      en: "goal \(g.en) in phase \(phase) comes after \(prerequisite), a goal of the later phase \(laterPhase)",
      zh: "目标 \(g.zh) 属于阶段 \(phase)，却排在更晚阶段 \(laterPhase) 的目标 \(prerequisite) 之后")
  }
}
