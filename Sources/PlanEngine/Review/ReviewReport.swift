import PlanModel

/// The annual review of a plan as of a year (SPEC §11 "Review"), computed once from the plan
/// (and the plan as approved): every format of `review` prints this and recomputes nothing.
///
/// - Goals: every goal whose phase has a period, grouped by consortium (consortia in plan order,
///   the goals of no consortium last), within a group by phase (phases by start, then plan
///   order) then plan order; each with its ``GoalTrack`` and ``GoalAssessment``.
/// - Counts: ``StatusRollUp`` over those goals.
/// - Money: ``ConsortiumMoney`` of each consortium with a funding line or an outlay.
/// - Changes: ``changesSinceApproval(approved:current:)`` when the approved plan is given.
package struct ReviewReport: Sendable {
  /// One goal of the report: what identifies it and its assessment.
  package struct GoalRow: Sendable {
    package var id: String
    package var name: String?
    /// The goal's consortium ID; nil for a goal of no consortium.
    package var consortium: String?
    package var phase: String
    /// The goal's `unit`, nil when unset.
    package var unit: String?
    package var track: GoalTrack
    package var assessment: GoalAssessment
  }

  /// One consortium of the report: its goals (indices into ``goals``), its counts and its money.
  package struct ConsortiumSection: Sendable {
    package var id: String
    package var name: String?
    /// Indices into ``ReviewReport/goals``, in report order.
    package var goals: [Int]
    package var counts: StatusCounts
    /// Planned against paid; nil when the consortium has no funding line and no outlay.
    package var money: ConsortiumMoney?
  }

  /// The year under review, Y, and what decided it; nil only for a plan with no horizon and
  /// nothing recorded (then no goal can be judged and every goal is `not-due` as of year 0).
  package var year: ReviewYear?
  /// The plan's title, nil when unset.
  package var title: String?
  /// The plan's currency (万元 by default), the unit of every amount.
  package var currency: String
  /// Every goal, in report order.
  package var goals: [GoalRow]
  /// Every consortium with a goal, a funding line or an outlay, in plan order.
  package var consortia: [ConsortiumSection]
  /// Indices into ``goals`` of the goals of no consortium, in report order.
  package var withoutConsortium: [Int]
  /// The counts by status of every goal in ``goals``.
  package var counts: StatusCounts
  /// The changes since approval; nil when no approved plan was given.
  package var changes: [ChangeSinceApproval]?

  /// Y as a number (year 0 when there is none).
  package var asOf: Int { year?.year ?? 0 }

  /// The review of `plan` as of `command` (the `review` command's year; nil: the plan's
  /// `as-of`, then the latest record, then the year before the horizon — ``ReviewYear``).
  ///
  /// - Parameters:
  ///   - plan: The plan under review.
  ///   - command: The year given to `review` (`as-of YEAR`, `--as-of YEAR`), nil when none.
  ///   - approved: The plan as approved (`against PATH`), nil when none.
  /// - Complexity: O(goals + checkpoints + actuals + funding lines × years + outlays), plus the
  ///   changes (O(entities of both plans)).
  package init(_ plan: Plan, asOf command: Int? = nil, approved: Plan? = nil) {
    let recordYears =
      plan[.actual].keys.lazy.compactMap { Int($0.b) } + plan[.outlay].keys.lazy.compactMap { Int($0.b) }
    year = ReviewYear.resolve(
      command: command, asOf: plan.asOf, recordYears: recordYears,
      horizonStartYear: plan.horizon?.start.year ?? plan.earliestPhaseYear)
    title = plan.title
    currency = plan.currency
    let y = year?.year ?? 0

    // Goals grouped by consortium, by phase start then plan order.
    let phaseRank = plan.phaseRanks()
    var rows: [GoalRow] = []
    for (goal, track, assessment) in plan.goalAssessments(asOf: y, interruptible: true) {
      rows.append(
        GoalRow(
          id: goal.id, name: goal.name, consortium: goal[Attr.Goal.consortium]?.ref,
          phase: goal[Attr.Goal.phase]?.ref ?? "", unit: goal[Attr.Goal.unit]?.text, track: track,
          assessment: assessment))
    }
    let consortiumOrder = Dictionary(
      plan[.consortium].values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    rows = rows.enumerated().sorted { a, b in
      let ka = a.element.consortium.flatMap { consortiumOrder[$0] } ?? Int.max
      let kb = b.element.consortium.flatMap { consortiumOrder[$0] } ?? Int.max
      if ka != kb { return ka < kb }
      let pa = phaseRank[a.element.phase] ?? Int.max, pb = phaseRank[b.element.phase] ?? Int.max
      if pa != pb { return pa < pb }
      return a.offset < b.offset
    }.map(\.element)
    goals = rows

    var rollUp = StatusRollUp()
    var byConsortium: [String: [Int]] = [:]
    var none: [Int] = []
    for (i, row) in rows.enumerated() {
      rollUp.add(row.assessment.status, consortium: row.consortium)
      if let k = row.consortium { byConsortium[k, default: []].append(i) } else { none.append(i) }
    }
    counts = rollUp.plan
    withoutConsortium = none

    let money = Dictionary(
      plan.consortiumMoney(asOf: y, includingUnpaid: true).map { ($0.consortium.id, $0.money) },
      uniquingKeysWith: { first, _ in first })
    consortia = plan[.consortium].values.compactMap { k in
      let mine = byConsortium[k.id] ?? []
      let m = money[k.id]
      guard !mine.isEmpty || m != nil else { return nil }
      return ConsortiumSection(
        id: k.id, name: k.name, goals: mine, counts: rollUp.byConsortium[k.id] ?? StatusCounts(), money: m)
    }
    changes = approved.map { changesSinceApproval(approved: $0.snapshot(), current: plan.snapshot()) }
  }
}
