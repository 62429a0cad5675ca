/// Every change from the plan as approved to the current plan that moves a goalpost (SPEC §11
/// "Review", `against`):
/// - a goal's target moved against its direction (or unset), or its direction flipped;
/// - a goal's effective target-year moved later (also through a change of its phase);
/// - a checkpoint lowered (for `down`: raised) or removed;
/// - a goal or measure removed — a goal present under another ID with the same name, indicator
///   and phase is reported as `renamed`, not removed, and its other changes are still reported;
/// - a measure's amount cut (an amount unset counts as 0); a funding line cut or removed.
///
/// Against its direction means the approved goal's direction: a goal approved `up` whose target
/// falls is reported whatever its direction is now. Moves within ``Review/tolerance`` are not
/// changes. A removed goal's checkpoints are not listed apart from it. Changes that do not move
/// a goalpost (a target raised, a goal or line added, a name edited) are not reported.
///
/// - Parameters:
///   - approved: The plan as approved (`against PATH`).
///   - current: The plan under review.
/// - Returns: The changes in the order of `approved`: goals (for each: removed or renamed,
///   target, direction, target-year, then its checkpoints by year), then measures, then funding
///   lines. `from` is the approved value, `to` the current one (nil when removed or unset); for
///   a removal `from` is what was removed (a goal's target, a measure's or line's amount, a
///   checkpoint's value), for a rename the approved and current IDs.
/// - Complexity: O(entities + checkpoints) expected (hashing).
package func changesSinceApproval(approved: PlanSnapshot, current: PlanSnapshot) -> [ChangeSinceApproval] {
  var changes: [ChangeSinceApproval] = []
  let currentGoals = Dictionary(current.goals.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
  let renames = renamedGoals(approved: approved, current: current, currentGoals: currentGoals)
  for old in approved.goals {
    let new: PlanSnapshot.Goal
    if let same = currentGoals[old.id] {
      new = same
    } else if let renamed = renames[old.id] {
      changes.append(.init(kind: .goal, id: old.id, change: .renamed, from: .text(old.id), to: .text(renamed.id)))
      new = renamed
    } else {
      changes.append(.init(kind: .goal, id: old.id, change: .removed, from: old.target.map { .number($0) }, to: nil))
      continue
    }
    changes += goalpostMoves(old, new)
  }

  let currentMeasures = Dictionary(current.measures.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
  for old in approved.measures {
    guard let new = currentMeasures[old.id] else {
      changes.append(.init(kind: .measure, id: old.id, change: .removed, from: old.amount.map { .number($0) }, to: nil))
      continue
    }
    if let amount = old.amount, (new.amount ?? 0) < amount - Review.tolerance {
      changes.append(
        .init(kind: .measure, id: old.id, change: .amount, from: .number(amount), to: new.amount.map { .number($0) }))
    }
  }

  let currentFunding = Dictionary(current.funding.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
  for old in approved.funding {
    let key = old.key
    guard let new = currentFunding[key] else {
      changes.append(.init(kind: .funding, id: key, change: .removed, from: .number(old.amount), to: nil))
      continue
    }
    if new.amount < old.amount - Review.tolerance {
      changes.append(
        .init(kind: .funding, id: key, change: .amount, from: .number(old.amount), to: .number(new.amount)))
    }
  }
  return changes
}

/// The goalposts that moved from `old` (approved) to `new` (current, perhaps under another ID):
/// target, direction, target-year, checkpoints. Reported under the current ID.
private func goalpostMoves(_ old: PlanSnapshot.Goal, _ new: PlanSnapshot.Goal) -> [ChangeSinceApproval] {
  var changes: [ChangeSinceApproval] = []
  let id = new.id
  if let target = old.target {
    if let now = new.target {
      if old.direction.isSetBack(from: target, to: now) {
        changes.append(.init(kind: .goal, id: id, change: .target, from: .number(target), to: .number(now)))
      }
    } else {
      changes.append(.init(kind: .goal, id: id, change: .target, from: .number(target), to: nil))
    }
  }
  if new.direction != old.direction {
    changes.append(
      .init(
        kind: .goal, id: id, change: .direction, from: .text(old.direction.rawValue), to: .text(new.direction.rawValue))
    )
  }
  if let year = old.targetYear, let now = new.targetYear, now > year {
    changes.append(.init(kind: .goal, id: id, change: .targetYear, from: .year(year), to: .year(now)))
  }
  var currentCheckpoints: [Int: Double] = [:]
  for c in new.checkpoints { currentCheckpoints[c.year] = c.value }
  for c in old.checkpoints.sorted(by: { $0.year < $1.year }) {
    let key = "\(id) \(c.year)"
    if let now = currentCheckpoints[c.year] {
      if old.direction.isSetBack(from: c.value, to: now) {
        changes.append(.init(kind: .checkpoint, id: key, change: .checkpoint, from: .number(c.value), to: .number(now)))
      }
    } else {
      changes.append(.init(kind: .checkpoint, id: key, change: .removed, from: .number(c.value), to: nil))
    }
  }
  return changes
}

/// The approved goals absent from the current plan that are present there under another ID —
/// a current goal absent from the approved plan with the same name, indicator and phase — by
/// approved ID. Matched one to one, in the order of each plan.
private func renamedGoals(
  approved: PlanSnapshot, current: PlanSnapshot, currentGoals: [String: PlanSnapshot.Goal]
) -> [String: PlanSnapshot.Goal] {
  struct Identity: Hashable {
    var name: String
    var indicator: String?
    var phase: String
  }
  let approvedIDs = Set(approved.goals.map(\.id))
  var newcomers: [Identity: [PlanSnapshot.Goal]] = [:]
  for goal in current.goals.reversed() where !approvedIDs.contains(goal.id) {
    newcomers[Identity(name: goal.name, indicator: goal.indicator, phase: goal.phase), default: []].append(goal)
  }
  var renames: [String: PlanSnapshot.Goal] = [:]
  guard !newcomers.isEmpty else { return renames }
  for old in approved.goals where currentGoals[old.id] == nil {
    let identity = Identity(name: old.name, indicator: old.indicator, phase: old.phase)
    if let goal = newcomers[identity]?.popLast() { renames[old.id] = goal }
  }
  return renames
}
