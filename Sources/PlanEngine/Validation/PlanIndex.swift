import PlanModel

/// Positions of entities (indices into their kind's table) grouped by an owner's position: for
/// owner `g`, the items `items[start[g] ..< start[g + 1]]`, in plan order. Two flat arrays
/// however many owners there are, so grouping 10,000 consortia costs two allocations, and no
/// entity is copied.
struct Groups {
  private var start: [Int32]
  private var items: [Int32]

  /// Groups the positions `0 ..< owners.count` by `owners[i]`, a position in `0 ..< count`
  /// (`-1`: in no group).
  /// - Complexity: O(owners.count + count).
  init(count: Int, owners: [Int32]) {
    var start = [Int32](repeating: 0, count: count + 1)
    for owner in owners where owner >= 0 { start[Int(owner) + 1] += 1 }
    for g in 0..<count { start[g + 1] += start[g] }
    var fill = start
    var items = [Int32](repeating: 0, count: Int(start[count]))
    for (i, owner) in owners.enumerated() where owner >= 0 {
      items[Int(fill[Int(owner)])] = Int32(i)
      fill[Int(owner)] += 1
    }
    self.start = start
    self.items = items
  }

  /// The positions owned by `g`, in plan order.
  subscript(_ g: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
    items[Int(start[g])..<Int(start[g + 1])].lazy.map { Int($0) }
  }

  /// How many positions `g` owns.
  func count(_ g: Int) -> Int { Int(start[g + 1] - start[g]) }
}

/// The plan's entities grouped by the entity they belong to, built in one pass over each table so
/// that no rule needs a nested loop over all goals, measures or members.
///
/// Groups hold positions in the plan's tables (``Plan/subscript(kind:)``, `values[i]`), keyed by
/// the owner's position, so no entity is copied. Every group keeps plan order. Entities whose
/// reference is unset, or names no entity of the plan, are in no group of that reference — except
/// goals and measures, whose group `consortia.count` holds those of no consortium: the plan-wide
/// shard (``Shard``).
final class PlanIndex {
  /// The entities of each kind the rules walk, in plan order (the tables' own storage).
  let consortia: [Entity], members: [Entity], goals: [Entity], measures: [Entity], funding: [Entity], orgs: [Entity]
  /// Members by consortium position.
  let membersByConsortium: Groups
  /// Each member's org position (`-1`: no such org).
  let memberOrg: [Int32]
  /// Goals by phase position.
  let goalsByPhase: Groups
  /// Goals by shard: consortium position, or `consortia.count` for the goals of no consortium
  /// of the plan.
  let goalsByConsortium: Groups
  /// Each goal's consortium position (`-1`: none, or no such consortium).
  let goalConsortium: [Int32]
  /// Each goal's phase position (`-1`: none, or no such phase).
  let goalPhase: [Int32]
  /// Measures by phase position.
  let measuresByPhase: Groups
  /// Measures by shard: consortium position, or `consortia.count` for the measures of no
  /// consortium of the plan.
  let measuresByConsortium: Groups
  /// Each measure's phase position (`-1`: none, or no such phase).
  let measurePhase: [Int32]
  /// Funding lines by consortium position.
  let fundingByConsortium: Groups
  /// The phases in chronological order.
  let phases: PhaseOrder

  /// - Complexity: O(n) in the number of entities, plus O(p log p) for p phases.
  init(_ plan: Plan, phases: PhaseOrder) {
    let consortiumTable = plan[.consortium], phaseTable = plan[.phase]
    let consortia = consortiumTable.values.elements, members = plan[.member].values.elements
    let goals = plan[.goal].values.elements, measures = plan[.measure].values.elements
    let funding = plan[.funding].values.elements
    (self.consortia, self.members, self.goals, self.measures, self.funding) = (consortia, members, goals, measures, funding)
    orgs = plan[.org].values.elements
    self.phases = phases
    let shards = consortia.count + 1
    let planWide = Int32(consortia.count)

    let memberConsortium = Self.resolve(consortiumTable, members.count) { members[$0].key.a }
    membersByConsortium = Groups(count: consortia.count, owners: memberConsortium)
    memberOrg = Self.resolve(plan[.org], members.count) { members[$0].key.b }

    goalPhase = Self.resolve(phaseTable, goals.count) { goals[$0][Attr.Goal.phase]?.ref }
    goalConsortium = Self.resolve(consortiumTable, goals.count) { goals[$0][Attr.Goal.consortium]?.ref }
    goalsByPhase = Groups(count: phaseTable.count, owners: goalPhase)
    goalsByConsortium = Groups(count: shards, owners: goalConsortium.map { $0 < 0 ? planWide : $0 })

    measurePhase = Self.resolve(phaseTable, measures.count) { measures[$0][Attr.Measure.phase]?.ref }
    let measureConsortium = Self.resolve(consortiumTable, measures.count) { measures[$0][Attr.Measure.consortium]?.ref }
    measuresByPhase = Groups(count: phaseTable.count, owners: measurePhase)
    measuresByConsortium = Groups(count: shards, owners: measureConsortium.map { $0 < 0 ? planWide : $0 })

    let fundingConsortium = Self.resolve(consortiumTable, funding.count) { funding[$0].key.a }
    fundingByConsortium = Groups(count: consortia.count, owners: fundingConsortium)
  }

  /// For each of `count` entities, the position in `table` of the entity its reference `id(i)`
  /// names (`-1`: unset, or no such entity). Consecutive entities usually name the same entity
  /// (a consortium's goals stand together), so the last lookup is reused.
  static func resolve(_ table: Table, _ count: Int, _ id: (Int) -> String?) -> [Int32] {
    var out = [Int32](repeating: -1, count: count)
    var lastID: String?
    var last: Int32 = -1
    for i in 0..<count {
      guard let ref = id(i) else { continue }
      if ref != lastID {
        lastID = ref
        last = table.index(forKey: EntityKey(ref)).map { Int32($0) } ?? -1
      }
      out[i] = last
    }
    return out
  }
}

/// The plan's phases in chronological order: by start month, then end month, then plan order —
/// the order in which rules R20, R21, R24, R26 and R33 compare phases ("later phase").
struct PhaseOrder {
  /// The phases in chronological order.
  let chronologicalPhases: [Entity]
  /// The table positions of ``chronologicalPhases``.
  let chronologicalOrder: [Int]
  /// Each phase's position in ``chronologicalPhases``, by ID.
  let phasePosition: [String: Int]
  /// Each phase's position in ``chronologicalPhases``, by table position.
  let chronologicalPosition: [Int]

  /// - Complexity: O(p log p) for p phases.
  init(_ plan: Plan) {
    let phases = plan[.phase].values.elements
    chronologicalOrder = phases.indices.sorted { x, y in
      let (a, b) = (phases[x].period, phases[y].period)
      if a?.start != b?.start { return (a?.start.ordinal ?? .max) < (b?.start.ordinal ?? .max) }
      if a?.end != b?.end { return (a?.end.ordinal ?? .max) < (b?.end.ordinal ?? .max) }
      return x < y
    }
    chronologicalPhases = chronologicalOrder.map { phases[$0] }
    var position: [String: Int] = [:]
    var byTable = [Int](repeating: 0, count: phases.count)
    for (i, p) in chronologicalOrder.enumerated() {
      position[phases[p].id] = i
      byTable[p] = i
    }
    phasePosition = position
    chronologicalPosition = byTable
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
