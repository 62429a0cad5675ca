import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R22 = RuleSpec(
    "R22", .error,
    summary: LocalizedText(
      en: "a phase has no goal",
      zh: "某阶段没有目标"),
    examples: ["add goal G3 \"示范应用\" phase P2"],
    reads: [.entities(.phase), .attributes(.goal, "phase")],
    parts: [.summaries(Aggregates.r22)])
}

extension Aggregates {
  /// **R22** (error): every phase has at least one goal (of any consortium, or plan-wide), at
  /// the phase.
  @Sendable static func r22(_ a: AcrossShards) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (p, phase) in a.c.plan[.phase].values.enumerated() where !a.phaseHasGoal[p] {
      findings.append(a.c.report(.r22NoGoal(phase), at: phase))
    }
    return findings
  }
}

extension Message {
  static func r22NoGoal(_ phase: Entity) -> Message {
    let p = T.label(phase)
    return Message("R22", en: "phase \(p.en) has no goal", zh: "阶段 \(p.zh) 没有目标")
  }
}
