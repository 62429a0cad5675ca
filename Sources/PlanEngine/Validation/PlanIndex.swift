import PlanModel

/// The plan's entities grouped by the entity they belong to, built in one pass over each table so
/// that no rule needs a nested loop over all goals, measures or members.
///
/// Every group keeps plan order. Entities whose reference is unset (a goal without `consortium`)
/// are in no group of that reference.
struct PlanIndex {
  /// Members by consortium ID.
  private(set) var membersByConsortium: [String: [Entity]] = [:]
  /// Consortia by field ID.
  private(set) var consortiaByField: [String: [Entity]] = [:]
  /// Goals by phase ID.
  private(set) var goalsByPhase: [String: [Entity]] = [:]
  /// Goals by consortium ID.
  private(set) var goalsByConsortium: [String: [Entity]] = [:]
  /// Measures by phase ID.
  private(set) var measuresByPhase: [String: [Entity]] = [:]
  /// Measures by consortium ID.
  private(set) var measuresByConsortium: [String: [Entity]] = [:]
  /// Funding lines by consortium ID.
  private(set) var fundingByConsortium: [String: [Entity]] = [:]
  /// The phases in chronological order: by start month, then end month, then plan order.
  let chronologicalPhases: [Entity]
  /// Each phase's position in ``chronologicalPhases``: the order in which rules R24 and R33
  /// compare phases ("later phase").
  let phasePosition: [String: Int]

  /// - Complexity: O(n) in the number of entities, plus O(p log p) for p phases.
  init(_ plan: Plan) {
    for member in plan[.member].values { membersByConsortium[member.key.a, default: []].append(member) }
    for consortium in plan[.consortium].values {
      if let field = consortium[Attr.Consortium.field]?.ref { consortiaByField[field, default: []].append(consortium) }
    }
    for goal in plan[.goal].values {
      if let phase = goal[Attr.Goal.phase]?.ref { goalsByPhase[phase, default: []].append(goal) }
      if let consortium = goal[Attr.Goal.consortium]?.ref { goalsByConsortium[consortium, default: []].append(goal) }
    }
    for measure in plan[.measure].values {
      if let phase = measure[Attr.Measure.phase]?.ref { measuresByPhase[phase, default: []].append(measure) }
      if let consortium = measure[Attr.Measure.consortium]?.ref {
        measuresByConsortium[consortium, default: []].append(measure)
      }
    }
    for line in plan[.funding].values { fundingByConsortium[line.key.a, default: []].append(line) }
    chronologicalPhases = plan[.phase].values.enumerated().sorted { x, y in
      let (a, b) = (x.element.period, y.element.period)
      if a?.start != b?.start { return (a?.start.ordinal ?? .max) < (b?.start.ordinal ?? .max) }
      if a?.end != b?.end { return (a?.end.ordinal ?? .max) < (b?.end.ordinal ?? .max) }
      return x.offset < y.offset
    }.map(\.element)
    var position: [String: Int] = [:]
    for (i, phase) in chronologicalPhases.enumerated() { position[phase.id] = i }
    phasePosition = position
  }
}

extension Entity {
  /// The `period` of a phase or consortium.
  var period: Period? {
    switch kind {
    case .phase: self[Attr.Phase.period]?.period
    case .consortium: self[Attr.Consortium.period]?.period
    default: nil
    }
  }
}
