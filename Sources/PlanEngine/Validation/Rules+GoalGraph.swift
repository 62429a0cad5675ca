import PlanLanguage
import PlanModel

/// Rules R32–R33: the `after` links between goals (SPEC §7).
enum GoalGraphRules {
  static let all = [r32, r33]

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
