import PlanLanguage
import PlanModel

/// Rules R20–R26: the roadmap's phases and the goals set in them (SPEC §7).
///
/// Phases are compared in chronological order — by start month, then end month, then plan order
/// (``PhaseOrder``) — which is what "earlier" and "later" phase mean here.
/// A phase whose end comes before its start (R20) takes no part in the overlap, gap and
/// coverage checks; the horizon checks need `horizon`.
enum PhaseRules {
  /// The rules about the phases alone, checked over the whole plan.
  static let all = [r20, r21]
  /// The rules checked shard by shard (R22 and R25's ecosystem part look across consortia:
  /// ``Aggregates``).
  static let shard = [r23, r24, r25, r26]

  /// **R20** (error): each phase starts no later than it ends, lies within the horizon, and
  /// overlaps no other phase. An overlap is reported at the phase that starts later, naming the
  /// earlier phase that reaches furthest into it.
  static let r20 = Rule("R20") { c in
    var findings: [Diagnostic] = []
    var reach: (phase: Entity, period: Period)?
    for phase in c.phases.chronologicalPhases {
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

  /// **R23** (error): a goal's `target` lies above its `baseline` for direction up, below it for
  /// direction down (equal is no movement). A goal without both numbers is not judged.
  static let r23 = ShardRule("R23") { c, k in
    c.index.goalsByConsortium[k].compactMap { g in
      let goal = c.index.goals[g]
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
  static let r24 = ShardRule("R24") { c, k in
    struct Track {
      var position = -1
      var highest: (target: Double, goal: Int)?
      var lowest: (target: Double, goal: Int)?
      var phaseHighest: (target: Double, goal: Int)?
      var phaseLowest: (target: Double, goal: Int)?

      mutating func enter(_ newPosition: Int) {
        guard newPosition != position else { return }
        if let h = phaseHighest, highest == nil || h.target > highest!.target { highest = h }
        if let l = phaseLowest, lowest == nil || l.target < lowest!.target { lowest = l }
        (phaseHighest, phaseLowest, position) = (nil, nil, newPosition)
      }
    }
    let index = c.index
    let goals = index.goals
    // Findings with the goal's phase position and plan position: reported in that order.
    var findings: [(position: Int, goal: Int, finding: Diagnostic)] = []
    // The judged goals of one group (a consortium's, or those of no consortium): phase position,
    // goal position, indicator, target, in chronological then plan order.
    var judged: [(position: Int, goal: Int, indicator: String, target: Double)] = []
    var tracks: [(key: String, track: Track)] = []
    var trackByKey: [String: Int] = [:]

    /// Walks `judged`; `key` names the track of a goal (its indicator, with the consortium
    /// reference for goals of no consortium in the plan).
    func walk(_ key: (Int, String) -> String) {
      judged.sort { ($0.position, $0.goal) < ($1.position, $1.goal) }
      tracks.removeAll(keepingCapacity: true)
      trackByKey.removeAll(keepingCapacity: true)
      // A handful of indicators per consortium: found by a linear search; a dictionary beyond.
      let useDictionary = judged.count > 32
      for (position, g, indicator, target) in judged {
        let trackKey = key(g, indicator)
        var t: Int
        if useDictionary {
          if let found = trackByKey[trackKey] {
            t = found
          } else {
            t = tracks.count
            trackByKey[trackKey] = t
            tracks.append((trackKey, Track()))
          }
        } else if let found = tracks.firstIndex(where: { $0.key == trackKey }) {
          t = found
        } else {
          t = tracks.count
          tracks.append((trackKey, Track()))
        }
        tracks[t].track.enter(position)
        let track = tracks[t].track
        let goal = goals[g]
        let direction = goal[Attr.Goal.direction]?.choice ?? "up"
        let behind = direction == "down"
          ? track.lowest.flatMap { target > $0.target ? $0 : nil }
          : track.highest.flatMap { target < $0.target ? $0 : nil }
        if let behind {
          let earlier = goals[behind.goal]
          findings.append((position, g, c.report(
            .r24FallsBack(
              goal, target: target, phase: c.phases.chronologicalPhases[position].id, earlier: earlier,
              earlierTarget: behind.target, earlierPhase: earlier[Attr.Goal.phase]?.ref ?? "?",
              consortium: goal[Attr.Goal.consortium]?.ref, indicator: indicator, direction: direction),
            at: goal)))
        }
        if track.phaseHighest == nil || target > track.phaseHighest!.target { tracks[t].track.phaseHighest = (target, g) }
        if track.phaseLowest == nil || target < track.phaseLowest!.target { tracks[t].track.phaseLowest = (target, g) }
      }
    }

    func judge(_ g: Int) {
      let p = Int(index.goalPhase[g])
      guard p >= 0 else { return }
      let goal = goals[g]
      guard let indicator = goal[Attr.Goal.indicator]?.text, !indicator.isEmpty,
        let target = goal[Attr.Goal.target]?.number
      else { return }
      judged.append((c.phases.chronologicalPosition[p], g, indicator, target))
    }

    for g in index.goalsByConsortium[k] { judge(g) }
    if judged.isEmpty { return [] }
    if c.isPlanWide(k) {
      // Goals of no consortium of the plan, tracked by their consortium reference (if any) too.
      walk { g, indicator in (goals[g][Attr.Goal.consortium]?.ref ?? "") + "\u{0}" + indicator }
    } else {
      walk { _, indicator in indicator }
    }
    findings.sort { ($0.position, $0.goal) < ($1.position, $1.goal) }
    return findings.map(\.finding)
  }

  /// **R25** (warning), its part within a consortium: every consortium has a goal of category
  /// tech (the default category), at the consortium. (Its plan-wide part, an ecosystem goal, is
  /// in ``Aggregates``.)
  static let r25 = ShardRule.consortium("R25") { c, k in
    let index = c.index
    let tech = index.goalsByConsortium[k].contains { index.goals[$0][Attr.Goal.category]?.choice == "tech" }
    return tech ? nil : c.report(.r25NoTechGoal(index.consortia[k]), at: index.consortia[k])
  }

  /// **R26** (warning): a consortium has a goal in every phase that overlaps its `period` (every
  /// phase, when it has none). One finding per consortium, naming the phases without a goal.
  static let r26 = ShardRule.consortium("R26") { c, k in
    let index = c.index
    // The chronological phases that can be missed: those with a period that does not end
    // before it starts.
    let phases = c.phases.chronologicalPhases.indices.compactMap { i -> (position: Int, phase: Entity, period: Period)? in
      let phase = c.phases.chronologicalPhases[i]
      return phase.period.flatMap { $0.start <= $0.end ? (c.phases.chronologicalOrder[i], phase, $0) : nil }
    }
    var covered = [Bool](repeating: false, count: c.plan[.phase].count)
    let consortium = index.consortia[k]
    for g in index.goalsByConsortium[k] where index.goalPhase[g] >= 0 { covered[Int(index.goalPhase[g])] = true }
    let span = consortium.period
    let missing = phases.filter { p in !covered[p.position] && (span.map { $0.overlaps(p.period) } ?? true) }
    return missing.isEmpty ? nil : c.report(.r26MissingPhases(consortium, phases: missing.map(\.phase.id)), at: consortium)
  }

  /// The month with `ordinal` (months since year 0).
  private static func month(_ ordinal: Int) -> YearMonth {
    YearMonth(year: ordinal / 12, month: ordinal % 12 + 1)
  }
}
