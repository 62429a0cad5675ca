import PlanModel

/// The adapters from the model to the review's engine core (``Review``): a goal with its
/// checkpoints and actuals as a ``GoalTrack``, a consortium's funding lines and outlays as a
/// ``ConsortiumMoney``. The one place the review reads the model's storage.
extension Plan {
  /// The checkpoints and actuals of every goal, by goal ID, in plan order.
  /// - Complexity: O(checkpoints + actuals).
  package func goalRecords() -> (checkpoints: [String: [GoalCheckpoint]], actuals: [String: [GoalActual]]) {
    var checkpoints: [String: [GoalCheckpoint]] = [:]
    for c in self[.checkpoint].values {
      guard let year = Int(c.key.b), let value = c[Attr.Checkpoint.value]?.number else { continue }
      checkpoints[c.key.a, default: []].append(GoalCheckpoint(year: year, value: value))
    }
    var actuals: [String: [GoalActual]] = [:]
    for a in self[.actual].values {
      guard let year = Int(a.key.b) else { continue }
      let status = a[Attr.Actual.status]?.choice.flatMap(GoalStatus.init(rawValue:))
      actuals[a.key.a, default: []].append(
        GoalActual(year: year, value: a[Attr.Actual.value]?.number, status: status))
    }
    return (checkpoints, actuals)
  }

  /// The start and end year of the goal's phase, or `nil` when the phase or its period is missing.
  package func phaseYears(of goal: Entity) -> (start: Int, end: Int)? {
    guard let phaseID = goal[Attr.Goal.phase]?.ref, let phase = entity(.phase, phaseID),
      let period = phase[Attr.Phase.period]?.period
    else { return nil }
    return (period.start.year, period.end.year)
  }

  /// The goal as the engine tracks it (SPEC §11's fallbacks applied), or `nil` when its phase
  /// has no period (R20/R22 report the phase).
  package func goalTrack(
    _ goal: Entity, checkpoints: [GoalCheckpoint] = [], actuals: [GoalActual] = []
  ) -> GoalTrack? {
    guard let years = phaseYears(of: goal) else { return nil }
    return GoalTrack(
      baseline: goal[Attr.Goal.baseline]?.number, baselineYear: goal[Attr.Goal.baselineYear]?.integer,
      target: goal[Attr.Goal.target]?.number, targetYear: goal[Attr.Goal.targetYear]?.integer,
      direction: goal[Attr.Goal.direction]?.choice == "down" ? .down : .up,
      phaseStartYear: years.start, phaseEndYear: years.end, checkpoints: checkpoints, actuals: actuals)
  }

  /// The thresholds of the status decision, from the plan's settings.
  package var statusThresholds: StatusThresholds {
    StatusThresholds(onTrackMin: onTrackMin, atRiskMin: atRiskMin)
  }

  /// Every goal (in plan order) with its track and its assessment as of `asOf`; goals whose
  /// phase has no period are left out.
  /// - Complexity: O(goals + checkpoints + actuals).
  package func goalAssessments(asOf: Int) -> [(goal: Entity, track: GoalTrack, assessment: GoalAssessment)] {
    let (checkpoints, actuals) = goalRecords()
    let thresholds = statusThresholds
    var out: [(goal: Entity, track: GoalTrack, assessment: GoalAssessment)] = []
    for goal in self[.goal].values.untilInterrupted {
      guard let track = goalTrack(goal, checkpoints: checkpoints[goal.id] ?? [], actuals: actuals[goal.id] ?? [])
      else { continue }
      out.append((goal, track, track.assess(asOf: asOf, thresholds: thresholds)))
    }
    return out
  }

  /// Each consortium with outlays (in plan order) and its money as of `asOf`; with
  /// `includingUnpaid`, also each consortium with funding lines and no outlay (the review's
  /// money table).
  /// - Complexity: O(funding lines × years + outlays).
  package func consortiumMoney(asOf: Int, includingUnpaid: Bool = false) -> [(
    consortium: Entity, money: ConsortiumMoney
  )] {
    var outlays: [String: [PaidOutlay]] = [:]
    for o in self[.outlay].values {
      guard let year = Int(o.key.b), let amount = o[Attr.Outlay.amount]?.number else { continue }
      outlays[o.key.a, default: []].append(PaidOutlay(year: year, source: o.key.c, amount: amount))
    }
    guard !outlays.isEmpty || (includingUnpaid && !self[.funding].isEmpty) else { return [] }
    var funding: [String: [PlannedFunding]] = [:]
    for f in self[.funding].values where includingUnpaid || outlays[f.key.a] != nil {
      // A reversed period (R20's error) plans nothing.
      guard let phase = entity(.phase, f.key.b), let period = phase[Attr.Phase.period]?.period,
        period.start <= period.end, let amount = f[Attr.Funding.amount]?.number
      else { continue }
      funding[f.key.a, default: []].append(PlannedFunding(source: f.key.c, amount: amount, period: period))
    }
    return self[.consortium].values.compactMap { k in
      let paid = outlays[k.id]
      guard paid != nil || (includingUnpaid && funding[k.id] != nil) else { return nil }
      return (k, ConsortiumMoney(funding: funding[k.id] ?? [], outlays: paid ?? [], asOf: asOf))
    }
  }

  /// The year under review when no `review` command gives one (SPEC §11): `as-of`, else the
  /// latest year with an actual or outlay, else the year before the horizon (or before the
  /// earliest phase); nil for a plan with none of them.
  package var reviewYear: ReviewYear? {
    let recordYears =
      self[.actual].keys.lazy.compactMap { Int($0.b) } + self[.outlay].keys.lazy.compactMap { Int($0.b) }
    return ReviewYear.resolve(
      command: nil, asOf: asOf, recordYears: recordYears, horizonStartYear: horizon?.start.year ?? earliestPhaseYear)
  }

  /// Each goal's assessment as of ``reviewYear``, by goal ID, for the roadmap exports' status
  /// columns; nil when the plan has no actual (the exports then stay as they were).
  /// - Complexity: O(goals + checkpoints + actuals).
  package func goalStatuses() -> (year: Int, byGoal: [String: GoalAssessment])? {
    guard !self[.actual].isEmpty, let year = reviewYear?.year else { return nil }
    var byGoal: [String: GoalAssessment] = [:]
    for (goal, _, assessment) in goalAssessments(asOf: year) { byGoal[goal.id] = assessment }
    return (year, byGoal)
  }

  /// The first year of the earliest phase period, nil when no phase has one: the horizon's
  /// stand-in for the year under review of a plan without `horizon`.
  package var earliestPhaseYear: Int? {
    self[.phase].values.compactMap { $0[Attr.Phase.period]?.period?.start.year }.min()
  }

  /// Each phase's position when phases are ordered by start, then plan order (a phase without
  /// a period last), by phase ID: the order in which reports list goals.
  package func phaseRanks() -> [String: Int] {
    let phases = Array(self[.phase].values)
    let order = phases.indices.sorted { a, b in
      let pa = phases[a][Attr.Phase.period]?.period, pb = phases[b][Attr.Phase.period]?.period
      switch (pa, pb) {
      case (let pa?, let pb?) where pa.start != pb.start: return pa.start < pb.start
      case (nil, _?): return false
      case (_?, nil): return true
      default: return a < b
      }
    }
    var ranks: [String: Int] = [:]
    for (rank, i) in order.enumerated() { ranks[phases[i].id] = rank }
    return ranks
  }

  /// What the changes since approval compare of this plan (``PlanSnapshot``): goals with their
  /// effective target-year and checkpoints, measures and funding lines, in plan order.
  /// - Complexity: O(goals + checkpoints + measures + funding lines).
  package func snapshot() -> PlanSnapshot {
    let (checkpoints, _) = goalRecords()
    let goals = self[.goal].values.map { g in
      PlanSnapshot.Goal(
        id: g.id, name: g.name ?? "", indicator: g[Attr.Goal.indicator]?.text, phase: g[Attr.Goal.phase]?.ref ?? "",
        direction: g[Attr.Goal.direction]?.choice == "down" ? .down : .up, target: g[Attr.Goal.target]?.number,
        targetYear: phaseYears(of: g).map {
          GoalTrack.effectiveTargetYear(g[Attr.Goal.targetYear]?.integer, phaseEndYear: $0.end)
        },
        checkpoints: (checkpoints[g.id] ?? []).sorted { $0.year < $1.year })
    }
    let measures = self[.measure].values.map {
      PlanSnapshot.Measure(id: $0.id, amount: $0[Attr.Measure.amount]?.number)
    }
    let funding = self[.funding].values.map { f in
      PlanSnapshot.Funding(
        consortium: f.key.a, phase: f.key.b, source: f.key.c, amount: f[Attr.Funding.amount]?.number ?? 0)
    }
    return PlanSnapshot(goals: goals, measures: measures, funding: funding)
  }
}
