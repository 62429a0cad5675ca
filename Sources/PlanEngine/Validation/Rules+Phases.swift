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

  /// **R24** (warning): among the goals of one consortium (or the plan-wide goals) with the same
  /// `indicator`, a goal's target does not fall back behind a target of an *earlier* phase: for
  /// direction up it is not below the highest earlier target, for down not above the lowest.
  /// Goals of the same phase are not compared with each other; goals without an indicator or a
  /// target are not judged. At the later goal, naming the earlier one.
  /// - Complexity: O(goals of the shard), walking the phases in order (goals with the same
  ///   indicator share a track, numbered in ``PlanIndex/goalTrack``).
  static let r24 = ShardRule("R24") { s in
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
    let index = s.index
    let groups = index.goalsByConsortium
    let bounds = groups.bounds(s.k)
    var judgedCount = 0
    var trackCount = 0
    for i in bounds {
      let track = Int(index.goalTrack[groups.item(i)])
      guard track >= 0 else { continue }
      judgedCount += 1
      trackCount = max(trackCount, track + 1)
    }
    // One goal per track: nothing to compare.
    guard judgedCount > trackCount else { return [] }
    // The judged goals — phase position (chronological) and goal position — in chronological
    // then plan order, and the tracks, in buffers on the stack.
    return withUnsafeTemporaryAllocation(of: (position: Int, goal: Int).self, capacity: judgedCount) { buffer in
      var judged = buffer
      var n = 0
      for i in bounds {
        let g = groups.item(i)
        guard index.goalTrack[g] >= 0 else { continue }
        judged.initializeElement(at: n, to: (index.phases.chronologicalPosition[Int(index.goalPhase[g])], g))
        n += 1
      }
      judged.sort { ($0.position, $0.goal) < ($1.position, $1.goal) }
      defer { judged.deinitialize() }
      return withUnsafeTemporaryAllocation(of: Track.self, capacity: trackCount) { tracks in
        tracks.initialize(repeating: Track())
        defer { tracks.deinitialize() }
        var findings: [Diagnostic] = []
        for (position, g) in judged {
          let t = Int(index.goalTrack[g])
          let target = index.goalTarget[g]
          tracks[t].enter(position)
          let track = tracks[t]
          let down = index.goalFacts[g].contains(.down)
          let behind =
            down
            ? track.lowest.flatMap { target > $0.target ? $0 : nil }
            : track.highest.flatMap { target < $0.target ? $0 : nil }
          if let behind {
            let goal = index.goals[g]
            let earlier = index.goals[behind.goal]
            findings.append(
              s.report(
                .r24FallsBack(
                  goal, target: target, phase: index.phases.chronologicalPhases[position].id, earlier: earlier,
                  earlierTarget: behind.target, earlierPhase: earlier[Attr.Goal.phase]?.ref ?? "?",
                  consortium: goal[Attr.Goal.consortium]?.ref, indicator: goal[Attr.Goal.indicator]?.text ?? "",
                  direction: goal[Attr.Goal.direction]?.choice ?? "up"),
                at: goal))
          }
          if track.phaseHighest == nil || target > track.phaseHighest!.target { tracks[t].phaseHighest = (target, g) }
          if track.phaseLowest == nil || target < track.phaseLowest!.target { tracks[t].phaseLowest = (target, g) }
        }
        return findings
      }
    }
  }

  /// **R25** (warning), its part within a consortium: every consortium has a goal of category
  /// tech (the default category), at the consortium. (Its plan-wide part, an ecosystem goal, is
  /// in ``Aggregates``.)
  static let r25 = ShardRule.consortium("R25") { s in
    let index = s.index
    let goals = index.goalsByConsortium
    for i in goals.bounds(s.k) where index.goalFacts[goals.item(i)].contains(.tech) { return nil }
    return s.report(.r25NoTechGoal(s.consortium), at: s.consortium)
  }

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

  /// The month with `ordinal` (months since year 0).
  private static func month(_ ordinal: Int) -> YearMonth {
    YearMonth(year: ordinal / 12, month: ordinal % 12 + 1)
  }
}
