import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R26 = RuleSpec(
    "R26", .warning,
    summary: LocalizedText(
      en: "a consortium has no goal in some phase",
      zh: "联合体在某阶段没有目标"),
    examples: ["add goal G4 \"推广目标\" phase P2 consortium K1"],
    reads: [.attributes(.consortium, "period"), .attributes(.goal, "phase"), .attributes(.phase, "period")],
    parts: [.shard(PhaseRules.r26)])
}

extension PhaseRules {
  /// **R26** (warning): a consortium has a goal in every phase that overlaps its `period` (every
  /// phase, when it has none). One finding per consortium, naming the phases without a goal.
  /// Only phases whose period does not end before it starts can be missed.
  static let r26 = ShardRule.consortium("R26") { s in
    let index = s.index
    let goals = index.goalsByConsortium
    let phases = index.phases.proper
    let span = index.consortiumPeriod[s.k]
    // Up to 64 phases (by table position) in a bit set; more in an array.
    var covered: UInt64 = 0
    var coveredBeyond: [Bool] = []
    for i in goals.bounds(s.k) {
      let p = Int(index.goalPhase[goals.item(i)])
      if p < 0 { continue }
      if p < 64 {
        covered |= 1 << UInt64(p)
      } else {
        if coveredBeyond.isEmpty { coveredBeyond = [Bool](repeating: false, count: index.phases.periods.count) }
        coveredBeyond[p] = true
      }
    }
    func isCovered(_ p: Int) -> Bool {
      p < 64 ? covered & (1 << UInt64(p)) != 0 : !coveredBeyond.isEmpty && coveredBeyond[p]
    }
    func isMissing(_ phase: (position: Int, period: Period)) -> Bool {
      !isCovered(phase.position) && (span.map { $0.overlaps(phase.period) } ?? true)
    }
    guard phases.contains(where: isMissing) else { return nil }
    let order = index.phases
    let missing = phases.filter(isMissing).map {
      order.chronologicalPhases[order.chronologicalPosition[$0.position]].id
    }
    return s.report(.r26MissingPhases(s.consortium, phases: missing), at: s.consortium)
  }
}

extension Message {
  static func r26MissingPhases(_ consortium: Entity, phases: [String]) -> Message {
    let k = T.label(consortium)
    let list = T.list(phases)
    return Message(
      "R26", en: "consortium \(k.en) has no goal in phase \(list.en)",
      zh: "联合体 \(k.zh) 在阶段 \(list.zh) 没有目标")
  }
}
