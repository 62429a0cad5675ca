import PlanModel

/// The order in which `list`, `show`, `show roadmap` and the exports present a plan's fields,
/// consortia, phases and goals (SPEC §15): fields by rank under the plan's method, consortia in
/// the priority order of their fields, phases by time, goals by phase then ID.
///
/// The plan file keeps its canonical order (SPEC §6: within a kind, natural key order), so a
/// saved and reopened plan is presented as the session that built it presented it: this order
/// is computed from the plan's content, never from the order of its tables.
///
/// Ties, and everything the ranking cannot place, fall back to natural ID order (`K2` before
/// `K10`): fields of equal rank, consortia of one field, consortia whose field is unranked or
/// missing (after the ranked ones), and all of them when the ranking cannot be trusted (no
/// ranking: a missing score, a bad weight — rules R01, R02, R03, R05; or an AHP consistency
/// ratio above `cr-max`, rule R04).
package struct PresentationOrder: Sendable {
  /// Each ranked field's rank, by field ID; empty when the ranking cannot be trusted.
  package let rankByField: [String: Int]

  /// The order of `plan`'s fields, from its ranking under its own method.
  /// - Complexity: O(fields × criteria) for the ranking.
  package init(_ plan: Plan) {
    self.init(plan, ranking: try? PlanRanking.compute(plan, method: nil, sensitivity: false))
  }

  /// The order given by an already computed ranking of `plan` (`nil`: none), which is not
  /// trusted when its AHP consistency ratio exceeds the plan's `cr-max` (R04, n ≥ 3).
  package init(_ plan: Plan, ranking: PlanRanking?) {
    guard let ranking else {
      rankByField = [:]
      return
    }
    if let c = ranking.consistency, ranking.criteria.count >= 3, c.cr > plan.crMax {
      rankByField = [:]
      return
    }
    rankByField = Dictionary(ranking.rows.map { ($0.field, $0.rank) }, uniquingKeysWith: min)
  }

  /// Whether field `a` comes before field `b`: by rank (unranked last), then natural ID order.
  package func fieldPrecedes(_ a: String, _ b: String) -> Bool {
    let ra = rankByField[a] ?? .max, rb = rankByField[b] ?? .max
    return ra != rb ? ra < rb : NaturalOrder.less(a, b)
  }

  /// The plan's fields by rank, ties and unranked fields in natural ID order.
  /// - Complexity: O(f log f).
  package func fields(of plan: Plan) -> [Entity] {
    plan[.field].values.sorted { fieldPrecedes($0.id, $1.id) }
  }

  /// The plan's consortia in the priority order of their fields; among consortia of one field,
  /// and those of no ranked field, natural ID order.
  /// - Complexity: O(k log k).
  package func consortia(of plan: Plan) -> [Entity] {
    consortia(plan[.consortium].values.elements)
  }

  /// `consortia` (entities of kind consortium) in the priority order of their fields.
  package func consortia(_ consortia: [Entity]) -> [Entity] {
    consortia.sorted { a, b in
      let fa = a[Attr.Consortium.field]?.ref ?? "", fb = b[Attr.Consortium.field]?.ref ?? ""
      if fa != fb, rankByField[fa] != rankByField[fb] { return fieldPrecedes(fa, fb) }
      return NaturalOrder.less(a.id, b.id)
    }
  }

  /// Each consortium's place in ``consortia(of:)``, by consortium ID.
  package func consortiumPositions(of plan: Plan) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: consortia(of: plan).enumerated().map { ($0.element.id, $0.offset) })
  }

  /// The plan's phases in time order: by the start of their period, then its end (a phase
  /// without a period last), then natural ID order.
  /// - Complexity: O(p log p).
  package static func phases(of plan: Plan) -> [Entity] {
    plan[.phase].values.sorted { a, b in
      let pa = a[Attr.Phase.period]?.period, pb = b[Attr.Phase.period]?.period
      let sa = pa?.start.ordinal ?? .max, sb = pb?.start.ordinal ?? .max
      if sa != sb { return sa < sb }
      let ea = pa?.end.ordinal ?? .max, eb = pb?.end.ordinal ?? .max
      if ea != eb { return ea < eb }
      return NaturalOrder.less(a.id, b.id)
    }
  }

  /// Each phase's place in ``phases(of:)``, by phase ID.
  package static func phasePositions(of plan: Plan) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: phases(of: plan).enumerated().map { ($0.element.id, $0.offset) })
  }

  /// `items` (goals or measures, whose `phase` attribute is at `phase`) by phase in time order
  /// (an unknown phase last), then natural ID order.
  /// - Complexity: O(n log n).
  package static func byPhase(_ items: [Entity], phase: Int, positions: [String: Int]) -> [Entity] {
    let place = items.map { $0[phase]?.ref.flatMap { positions[$0] } ?? .max }
    return items.indices.sorted { x, y in
      place[x] != place[y] ? place[x] < place[y] : NaturalOrder.less(items[x].id, items[y].id)
    }.map { items[$0] }
  }

  /// The plan's goals by phase in time order, then natural ID order.
  package static func goals(of plan: Plan) -> [Entity] {
    byPhase(plan[.goal].values.elements, phase: Attr.Goal.phase, positions: phasePositions(of: plan))
  }
}
