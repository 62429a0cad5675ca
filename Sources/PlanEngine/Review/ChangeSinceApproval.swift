/// One change since approval that moves a goalpost (SPEC §11 "Review", JSON `changes`:
/// `{"kind", "id", "change", "from", "to"}`).
package struct ChangeSinceApproval: Sendable, Hashable {
  /// The kind of what changed.
  package enum Kind: String, Sendable, Hashable {
    case goal, measure, funding, checkpoint
  }

  /// What changed (SPEC §11 `change`).
  package enum Change: String, Sendable, Hashable, CaseIterable {
    /// A goal's target moved against its direction, or was unset.
    case target
    /// A goal's direction flipped.
    case direction
    /// A goal's effective target-year moved later.
    case targetYear = "target-year"
    /// A checkpoint lowered (for a goal with direction down: raised).
    case checkpoint
    /// A goal, measure, funding line or checkpoint removed.
    case removed
    /// A goal present under another ID with the same name, indicator and phase.
    case renamed
    /// A measure's amount or a funding line's amount cut.
    case amount
  }

  /// A value before or after the change, written as JSON writes it.
  package enum Value: Sendable, Hashable {
    /// A target, checkpoint value or amount (in its unit or the plan's currency).
    case number(Double)
    /// A calendar year.
    case year(Int)
    /// A direction (`up`, `down`) or an ID.
    case text(String)
  }

  package var kind: Kind
  /// The key of what changed as written in the plan: `G1`, `M3`, `K1 P1 provincial`,
  /// `G1 2026` (a checkpoint). For a renamed goal, the approved ID in its `renamed` record and
  /// the current ID in the records of its other changes.
  package var id: String
  package var change: Change
  /// The approved value; nil where there is none.
  package var from: Value?
  /// The current value; nil when removed or unset.
  package var to: Value?

  package init(kind: Kind, id: String, change: Change, from: Value?, to: Value?) {
    self.kind = kind
    self.id = id
    self.change = change
    self.from = from
    self.to = to
  }
}
