import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R21 = RuleSpec(
    "R21", .warning,
    summary: LocalizedText(
      en: "the phases leave a gap, or do not cover the horizon",
      zh: "阶段之间有空档，或没有覆盖整个规划期"),
    examples: ["set plan horizon 2025..2030"],
    reads: [.attributes(.phase, "period")],
    settings: ["horizon"],
    parts: [.plan(PhaseRules.r21)])
}

extension PhaseRules {
  /// **R21** (warning): consecutive phases leave no month uncovered, and together they cover the
  /// horizon from its first month to its last. A gap is reported at the phase after it; an
  /// uncovered start at the first phase, an uncovered end at the phase that ends last. Silent
  /// while the plan has no phase.
  static let r21 = Rule("R21") { c in
    let phases = c.phases.chronologicalPhases.compactMap { phase in
      phase.period.flatMap { $0.start <= $0.end ? (phase, $0) : nil }
    }
    guard let first = phases.first else { return [] }
    var findings: [Diagnostic] = []
    var reach = first
    for (phase, period) in phases.dropFirst() {
      if period.start.ordinal > reach.1.end.ordinal + 1 {
        let gap = RuleText.span(from: month(reach.1.end.ordinal + 1), to: month(period.start.ordinal - 1))
        findings.append(c.report(.r21Gap(after: reach.0, before: phase, gap: gap), at: phase))
      }
      if period.end > reach.1.end { reach = (phase, period) }
    }
    if let horizon = c.plan.horizon {
      if first.1.start > horizon.start {
        let uncovered = RuleText.span(from: horizon.start, to: month(first.1.start.ordinal - 1))
        findings.append(c.report(.r21StartsLate(first.0, uncovered: uncovered, horizon: horizon), at: first.0))
      }
      if reach.1.end < horizon.end {
        let uncovered = RuleText.span(from: month(reach.1.end.ordinal + 1), to: horizon.end)
        findings.append(c.report(.r21EndsEarly(reach.0, uncovered: uncovered, horizon: horizon), at: reach.0))
      }
    }
    return findings
  }
}

extension Message {
  static func r21Gap(after: Entity, before: Entity, gap: String) -> Message {
    Message(
      "R21", en: "the phases leave a gap \(gap) between \(after.id) and \(before.id)",
      zh: "阶段 \(after.id) 与 \(before.id) 之间有空档 \(gap)")
  }

  static func r21StartsLate(_ phase: Entity, uncovered: String, horizon: Period) -> Message {
    Message(
      "R21",
      en:
        "the phases do not cover the start of the horizon \(horizon.description): \(uncovered) lies before \(phase.id)",
      zh: "阶段没有覆盖规划期 \(horizon.description) 的开头：\(phase.id) 之前的 \(uncovered) 无阶段")
  }

  static func r21EndsEarly(_ phase: Entity, uncovered: String, horizon: Period) -> Message {
    Message(
      "R21",
      en: "the phases do not cover the end of the horizon \(horizon.description): \(uncovered) lies after \(phase.id)",
      zh: "阶段没有覆盖规划期 \(horizon.description) 的末尾：\(phase.id) 之后的 \(uncovered) 无阶段")
  }
}
