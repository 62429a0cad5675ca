/// What the changes since approval compare of a plan (SPEC §11 "Review", `against`): its goals,
/// measures and funding lines, each in the order the report lists them.
package struct PlanSnapshot: Sendable, Hashable {
  /// A goal with what may move its goalposts.
  package struct Goal: Sendable, Hashable {
    package var id: String
    package var name: String
    /// The goal's `indicator`, nil when unset.
    package var indicator: String?
    /// The ID of the goal's phase.
    package var phase: String
    package var direction: GoalDirection
    /// The goal's `target`, in its unit; nil when unset.
    package var target: Double?
    /// The *effective* target-year (``GoalTrack/effectiveTargetYear(_:phaseEndYear:)``), so a
    /// change of phase that moves it shows; nil when the phase has no period.
    package var targetYear: Int?
    /// The goal's checkpoints, in year order.
    package var checkpoints: [GoalCheckpoint]

    package init(
      id: String, name: String, indicator: String? = nil, phase: String, direction: GoalDirection = .up,
      target: Double? = nil, targetYear: Int? = nil, checkpoints: [GoalCheckpoint] = []
    ) {
      self.id = id
      self.name = name
      self.indicator = indicator
      self.phase = phase
      self.direction = direction
      self.target = target
      self.targetYear = targetYear
      self.checkpoints = checkpoints
    }
  }

  /// A support measure.
  package struct Measure: Sendable, Hashable {
    package var id: String
    /// The measure's `amount`, in the plan's currency; nil when unset.
    package var amount: Double?

    package init(id: String, amount: Double? = nil) {
      self.id = id
      self.amount = amount
    }
  }

  /// A funding line, keyed by consortium, phase and source.
  package struct Funding: Sendable, Hashable {
    package var consortium: String
    package var phase: String
    package var source: String
    /// In the plan's currency.
    package var amount: Double

    package init(consortium: String, phase: String, source: String, amount: Double) {
      self.consortium = consortium
      self.phase = phase
      self.source = source
      self.amount = amount
    }

    /// The key as written in the plan: `K1 P1 provincial`.
    package var key: String { "\(consortium) \(phase) \(source)" }
  }

  package var goals: [Goal]
  package var measures: [Measure]
  package var funding: [Funding]

  package init(goals: [Goal] = [], measures: [Measure] = [], funding: [Funding] = []) {
    self.goals = goals
    self.measures = measures
    self.funding = funding
  }
}
