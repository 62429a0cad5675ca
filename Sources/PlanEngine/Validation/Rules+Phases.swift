import PlanLanguage
import PlanModel

/// Rules R20–R26: the roadmap's phases and the goals set in them (SPEC §7).
///
/// Phases are compared in chronological order — by start month, then end month, then plan order
/// (``PlanIndex/chronologicalPhases``) — which is what "earlier" and "later" phase mean here.
/// A phase whose end comes before its start (R20) takes no part in the overlap, gap and
/// coverage checks; the horizon checks need `horizon`.
enum PhaseRules {
  static let all = [r20, r21, r22, r23, r24, r25, r26]

  /// **R20** (error): each phase starts no later than it ends, lies within the horizon, and
  /// overlaps no other phase. An overlap is reported at the phase that starts later, naming the
  /// earlier phase that reaches furthest into it.
  static let r20 = Rule("R20") { c in
    var findings: [Diagnostic] = []
    var reach: (phase: Entity, period: Period)?
    for phase in c.index.chronologicalPhases {
      guard let period = phase.period else { continue }
      guard period.start <= period.end else {
        findings.append(c.report(.r20Reversed(phase, period: period), at: phase))
        continue
      }
      if let horizon = c.plan.horizon, !horizon.contains(period) {
        findings.append(c.report(.r20OutsideHorizon(phase, period: period, horizon: horizon), at: phase))
      }
      if let reach, period.start <= reach.period.end {
        findings.append(
          c.report(.r20Overlap(phase, period: period, other: reach.phase, otherPeriod: reach.period), at: phase))
      }
      if reach == nil || period.end > reach!.period.end { reach = (phase, period) }
    }
    return findings
  }

  /// **R21** (warning): consecutive phases leave no month uncovered, and together they cover the
  /// horizon from its first month to its last. A gap is reported at the phase after it; an
  /// uncovered start at the first phase, an uncovered end at the phase that ends last. Silent
  /// while the plan has no phase.
  static let r21 = Rule("R21") { c in
    let phases = c.index.chronologicalPhases.compactMap { phase in
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

  /// **R22** (error): every phase has at least one goal (of any consortium, or plan-wide).
  static let r22 = Rule("R22") { c in
    c.plan[.phase].values.compactMap { phase in
      c.index.goalsByPhase[phase.id] == nil ? c.report(.r22NoGoal(phase), at: phase) : nil
    }
  }

  /// **R23** (error): a goal's `target` lies above its `baseline` for direction up, below it for
  /// direction down (equal is no movement). A goal without both numbers is not judged.
  static let r23 = Rule("R23") { c in
    c.plan[.goal].values.compactMap { goal in
      guard let baseline = goal[Attr.Goal.baseline]?.number, let target = goal[Attr.Goal.target]?.number else {
        return nil
      }
      let direction = goal[Attr.Goal.direction]?.choice ?? "up"
      let moves = direction == "down" ? target < baseline : target > baseline
      return moves ? nil : c.report(.r23Direction(goal, baseline: baseline, target: target, direction: direction), at: goal)
    }
  }

  /// **R24** (warning): among the goals of one consortium (or the plan-wide goals) with the same
  /// `indicator`, a goal's target does not fall back behind a target of an *earlier* phase: for
  /// direction up it is not below the highest earlier target, for down not above the lowest.
  /// Goals of the same phase are not compared with each other; goals without an indicator or a
  /// target are not judged. At the later goal, naming the earlier one.
  /// - Complexity: O(goals), walking the phases in order.
  static let r24 = Rule("R24") { c in
    struct Track {
      var position = -1
      var highest: (target: Double, goal: Entity)?
      var lowest: (target: Double, goal: Entity)?
      var phaseHighest: (target: Double, goal: Entity)?
      var phaseLowest: (target: Double, goal: Entity)?

      mutating func enter(_ newPosition: Int) {
        guard newPosition != position else { return }
        if let h = phaseHighest, highest == nil || h.target > highest!.target { highest = h }
        if let l = phaseLowest, lowest == nil || l.target < lowest!.target { lowest = l }
        (phaseHighest, phaseLowest, position) = (nil, nil, newPosition)
      }
    }
    var tracks: [String: Track] = [:]
    var findings: [Diagnostic] = []
    for (position, phase) in c.index.chronologicalPhases.enumerated() {
      for goal in c.index.goalsByPhase[phase.id] ?? [] {
        guard let indicator = goal[Attr.Goal.indicator]?.text, !indicator.isEmpty,
          let target = goal[Attr.Goal.target]?.number
        else { continue }
        let consortium = goal[Attr.Goal.consortium]?.ref
        let key = (consortium ?? "") + "\u{0}" + indicator
        var track = tracks[key] ?? Track()
        track.enter(position)
        let direction = goal[Attr.Goal.direction]?.choice ?? "up"
        let behind = direction == "down"
          ? track.lowest.flatMap { target > $0.target ? $0 : nil }
          : track.highest.flatMap { target < $0.target ? $0 : nil }
        if let behind {
          findings.append(
            c.report(
              .r24FallsBack(
                goal, target: target, phase: phase.id, earlier: behind.goal, earlierTarget: behind.target,
                earlierPhase: behind.goal[Attr.Goal.phase]?.ref ?? "?", consortium: consortium, indicator: indicator,
                direction: direction),
              at: goal))
        }
        if track.phaseHighest == nil || target > track.phaseHighest!.target { track.phaseHighest = (target, goal) }
        if track.phaseLowest == nil || target < track.phaseLowest!.target { track.phaseLowest = (target, goal) }
        tracks[key] = track
      }
    }
    return findings
  }

  /// **R25** (warning): every consortium has a goal of category tech (the default category), at
  /// the consortium; and once the plan has goals, one of them is of category ecosystem (reported
  /// once, at the goal statement that comes last).
  static let r25 = Rule("R25") { c in
    var findings: [Diagnostic] = c.plan[.consortium].values.compactMap { consortium in
      let tech = (c.index.goalsByConsortium[consortium.id] ?? []).contains { $0[Attr.Goal.category]?.choice == "tech" }
      return tech ? nil : c.report(.r25NoTechGoal(consortium), at: consortium)
    }
    let goals = c.plan[.goal].values
    if !goals.contains(where: { $0[Attr.Goal.category]?.choice == "ecosystem" }), let last = c.latest(goals) {
      findings.append(c.report(.r25NoEcosystemGoal(goals: goals.count), at: last))
    }
    return findings
  }

  /// **R26** (warning): a consortium has a goal in every phase that overlaps its `period` (every
  /// phase, when it has none). One finding per consortium, naming the phases without a goal.
  static let r26 = Rule("R26") { c in
    c.plan[.consortium].values.compactMap { consortium in
      let covered = Set((c.index.goalsByConsortium[consortium.id] ?? []).compactMap { $0[Attr.Goal.phase]?.ref })
      let span = consortium.period
      let missing = c.index.chronologicalPhases.filter { phase in
        guard let period = phase.period, period.start <= period.end, !covered.contains(phase.id) else { return false }
        return span.map { $0.overlaps(period) } ?? true
      }
      return missing.isEmpty ? nil : c.report(.r26MissingPhases(consortium, phases: missing.map(\.id)), at: consortium)
    }
  }

  /// The month with `ordinal` (months since year 0).
  private static func month(_ ordinal: Int) -> YearMonth {
    YearMonth(year: ordinal / 12, month: ordinal % 12 + 1)
  }
}
