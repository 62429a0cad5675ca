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
    return graph.cycles().compactMap { cycle in
      guard let goal = c.plan.entity(.goal, graph.ids[cycle.path[0]]) else { return nil }
      return c.report(.r32Cycle(cycle.path.map { graph.ids[$0] }, knot: cycle.component.map { graph.ids[$0] }), at: goal)
    }
  }

  /// **R33** (error): a goal comes `after` no goal of a later phase (phases in chronological
  /// order, ``PhaseOrder``). One finding per such link, at the goal whose
  /// `after` list holds it.
  static let r33 = Rule("R33") { c in
    let graph = c.goalGraph
    let goals = c.plan[.goal].values
    let position = graph.phases.map { $0.flatMap { c.phases.phasePosition[$0] } }
    var findings: [Diagnostic] = []
    for (g, prerequisites) in graph.successors.enumerated() {
      guard let here = position[g], let phase = graph.phases[g] else { continue }
      for p in prerequisites {
        guard let there = position[p], there > here, let laterPhase = graph.phases[p] else { continue }
        findings.append(
          c.report(
            .r33LaterPrerequisite(goals[g], phase: phase, prerequisite: graph.ids[p], laterPhase: laterPhase),
            at: goals[g]))
      }
    }
    return findings
  }
}
