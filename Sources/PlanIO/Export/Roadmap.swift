import PlanEngine
import PlanLanguage
import PlanModel

/// What every export shows, computed once from the plan: the ranking, the diagnostics, the
/// phases in time order, each consortium's members by chain position, goals and measures by
/// consortium and phase, and the funding sums.
///
/// Lookups go through indexes built on first use in one pass over the plan, so an export is
/// O(n) in the size of the plan, however many consortia and phases it has.
struct Roadmap {
  let plan: Plan
  let ranking: Result<PlanRanking, Diagnostic>
  /// The engine's findings (SPEC §7); empty when made with `validate: false`. Computed on
  /// another thread while the rest is made (``Concurrent``): reading them waits for it.
  var diagnostics: [Diagnostic] { validation?.value ?? [] }
  private let validation: Concurrent<[Diagnostic]>?
  /// Phases by start, then plan order.
  let phases: [Entity]
  /// The consortia in the priority order of their fields (``PresentationOrder``, SPEC §15).
  let consortia: [Entity]
  /// How fields, consortia and goals are presented (SPEC §15), from ``ranking``.
  let order: PresentationOrder
  /// The horizon, or the span of the phases when the plan has none.
  let span: Period?
  private let index: Index

  /// Positions of entities in their tables, grouped by what the exports ask for.
  private final class Index {
    let plan: Plan
    init(_ plan: Plan) { self.plan = plan }

    struct Slot: Hashable {
      var consortium: String?
      var phase: String?
    }

    /// Goal and measure positions by (consortium, phase); plan-wide items have a `nil` consortium.
    lazy var goals: [Slot: [Int]] = group(.goal, consortium: Attr.Goal.consortium, phase: Attr.Goal.phase)
    lazy var measures: [Slot: [Int]] = group(.measure, consortium: Attr.Measure.consortium, phase: Attr.Measure.phase)
    /// Member positions by consortium.
    lazy var members: [String: [Int]] = Dictionary(grouping: plan[.member].values.indices) {
      plan[.member].values[$0].key.a
    }
    /// Checkpoint positions by goal, each goal's in year order.
    lazy var checkpoints: [String: [Int]] = Dictionary(grouping: plan[.checkpoint].values.indices) {
      plan[.checkpoint].values[$0].key.a
    }.mapValues { positions in
      positions.sorted { plan[.checkpoint].values[$0].key.b < plan[.checkpoint].values[$1].key.b }
    }
    /// Funding line positions by consortium.
    lazy var funding: [String: [Int]] = Dictionary(grouping: plan[.funding].values.indices) {
      plan[.funding].values[$0].key.a
    }
    lazy var ranks: [String: Int] = [:]
    /// Each goal's status as of the year under review; nil without actuals (SPEC §11).
    lazy var goalStatuses: (year: Int, byGoal: [String: GoalAssessment])? = plan.goalStatuses()

    /// Positions by slot, each slot's in natural ID order (SPEC §15: goals by phase then ID).
    private func group(_ kind: Kind, consortium: Int, phase: Int) -> [Slot: [Int]] {
      let values = plan[kind].values
      return Dictionary(grouping: values.indices) { i in
        Slot(consortium: values[i][consortium]?.ref, phase: values[i][phase]?.ref)
      }.mapValues { positions in
        positions.sorted { NaturalOrder.less(values[$0].id, values[$1].id) }
      }
    }
  }

  /// - Parameters:
  ///   - validate: whether to validate the plan; `false` for the parts of the text export that
  ///     show no diagnostics (`show roadmap`, `show funding`).
  ///   - consortium: A consortium of the plan whose roadmap alone is exported (SPEC §13): the
  ///     roadmap of ``PlanModel/Plan/part(ofConsortium:)``, with the whole plan's ranking row of
  ///     its field (no sensitivity, no expert panel) and the whole plan's findings at its statements.
  ///   - robustness: the weight sampling of SPEC §12 for the whole plan's export; `nil`: none.
  init(
    _ plan: Plan, validate: Bool = true, consortium: String? = nil, robustness: PlanRanking.RobustnessOptions? = nil
  ) {
    let whole = plan
    let plan = consortium.map { whole.part(ofConsortium: $0) } ?? whole
    self.plan = plan
    // Started first: it runs beside the ranking, the indexes and the writing of the export.
    validation =
      validate
      ? Concurrent(inline: !plan.meritsParallelWork) {
        consortium == nil ? Engine.validate(plan) : Self.findings(of: whole, at: plan)
      } : nil
    index = Index(plan)
    ranking =
      consortium == nil ? ExportRanking.compute(plan, robustness: robustness) : Self.ranking(of: whole, for: plan)
    let all = Array(plan[.phase].values)
    phases = all.enumerated().sorted { a, b in
      let pa = a.element[Attr.Phase.period]?.period, pb = b.element[Attr.Phase.period]?.period
      if let pa, let pb, pa.start != pb.start { return pa.start < pb.start }
      return a.offset < b.offset
    }.map(\.element)
    order = PresentationOrder(plan, ranking: try? ranking.get())
    consortia = order.consortia(of: plan)
    if let horizon = plan.horizon {
      span = horizon
    } else {
      let periods = phases.compactMap { $0[Attr.Phase.period]?.period }
      if let start = periods.map(\.start).min(), let end = periods.map(\.end).max() {
        span = Period(
          start: YearMonth(year: start.year, month: 1), end: YearMonth(year: end.year, month: 12), monthly: false)
      } else {
        span = nil
      }
    }
  }

  // MARK: One consortium

  /// Where a finding points: the file and line of a statement.
  private struct Line: Hashable {
    var file: String
    var line: Int
  }

  /// The findings of `whole` at the statements of the entities of `part`.
  private static func findings(of whole: Plan, at part: Plan) -> [Diagnostic] {
    var lines: Set<Line> = []
    for table in part.tables {
      for entity in table.values { lines.insert(Line(file: entity.location.file, line: entity.location.line)) }
    }
    return Engine.validate(whole).filter { d in
      d.location.map { lines.contains(Line(file: $0.file, line: $0.line)) } ?? false
    }
  }

  /// The ranking of `whole`, with only the rows of the fields of `part`, no sensitivity and no
  /// expert panel (SPEC §12: an export for one consortium never carries the panel).
  private static func ranking(of whole: Plan, for part: Plan) -> Result<PlanRanking, Diagnostic> {
    ExportRanking.compute(whole).map { ranking in
      var ranking = ranking
      ranking.rows = ranking.rows.filter { part.contains(.field, EntityKey($0.field)) }
      ranking.sensitivity = nil
      (ranking.experts, ranking.consensus, ranking.cutoffSensitivity, ranking.robustness) = (nil, nil, nil, nil)
      return ranking
    }
  }

  // MARK: Lookups

  func name(_ kind: Kind, _ id: String?) -> String? {
    guard let id else { return nil }
    return plan.entity(kind, id)?.name
  }

  /// `F2 碳纤维` (ID and name).
  func label(_ kind: Kind, _ id: String?) -> String {
    guard let id else { return "" }
    if let n = name(kind, id) { return "\(id) \(n)" }
    return id
  }

  /// The rank of a field in the ranking, if there is one.
  func rank(ofField id: String) -> Int? {
    guard case .success(let r) = ranking else { return nil }
    if index.ranks.isEmpty { index.ranks = Dictionary(r.rows.map { ($0.field, $0.rank) }, uniquingKeysWith: min) }
    return index.ranks[id]
  }

  /// Each goal's latest actual and status as of the year under review (SPEC §11), by goal ID;
  /// nil when the plan has no actual, so the exports of a plan without actuals are unchanged.
  var goalStatuses: (year: Int, byGoal: [String: GoalAssessment])? { index.goalStatuses }

  /// The goals of a consortium (or, for `nil`, those of none) in a phase, in natural ID order.
  func goals(consortium: String?, phase: String) -> [Entity] {
    (index.goals[Index.Slot(consortium: consortium, phase: phase)] ?? []).map { plan[.goal].values[$0] }
  }

  /// The measures of a consortium (or, for `nil`, those of none) in a phase, in natural ID order.
  func measures(consortium: String?, phase: String) -> [Entity] {
    (index.measures[Index.Slot(consortium: consortium, phase: phase)] ?? []).map { plan[.measure].values[$0] }
  }

  /// How many goals and measures a phase has, over all consortia.
  func counts(phase: String) -> (goals: Int, measures: Int) {
    var goals = 0, measures = 0
    for (slot, list) in index.goals where slot.phase == phase { goals += list.count }
    for (slot, list) in index.measures where slot.phase == phase { measures += list.count }
    return (goals, measures)
  }

  /// Whether some goal or measure belongs to no consortium.
  var hasPlanWideItems: Bool {
    index.goals.keys.contains { $0.consortium == nil } || index.measures.keys.contains { $0.consortium == nil }
  }

  /// A goal's checkpoints (SPEC §11) in year order.
  func checkpoints(of goal: String) -> [Entity] {
    (index.checkpoints[goal] ?? []).map { plan[.checkpoint].values[$0] }
  }

  /// A consortium's member entities, in plan order.
  func memberEntities(of consortium: String) -> [Entity] {
    memberPositions(of: consortium).map { plan[.member].values[$0] }
  }

  /// Where a consortium's members stand in the member table, in plan order (no copies of them).
  func memberPositions(of consortium: String) -> [Int] { index.members[consortium] ?? [] }

  // MARK: Members

  struct MemberRow {
    var chain: String?
    var org: String
    var name: String
    var type: String?
    var role: String
    var isLead: Bool { role == "lead" }
  }

  /// A consortium's members grouped by chain position (upstream → platform, then none);
  /// within a group the lead first, then core members, then members, each in plan order.
  func members(of consortium: String) -> [(chain: String?, rows: [MemberRow])] {
    let roleOrder = ["lead": 0, "core": 1, "member": 2]
    var groups: [String?: [MemberRow]] = [:]
    for m in memberEntities(of: consortium) {
      let org = plan.entity(.org, m.key.b)
      let row = MemberRow(
        chain: m[Attr.Member.chain]?.choice, org: m.key.b, name: org?.name ?? m.key.b,
        type: org?[Attr.Org.type]?.choice, role: m[Attr.Member.role]?.choice ?? "member")
      groups[row.chain, default: []].append(row)
    }
    var out: [(chain: String?, rows: [MemberRow])] = []
    for chain in Schema.chains.map(Optional.some) + [nil] {
      guard let rows = groups[chain] else { continue }
      let sorted = rows.enumerated().sorted { a, b in
        let ra = roleOrder[a.element.role] ?? 3, rb = roleOrder[b.element.role] ?? 3
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
      out.append((chain, sorted))
    }
    return out
  }

  // MARK: Funding

  struct FundingRow {
    /// Consortium ID; `nil` for the plan total.
    var consortium: String?
    /// Phase ID; `nil` for a consortium's total.
    var phase: String?
    /// Amount by source, in ``Funding/sources`` order; `nil` where the plan has no such line.
    var amounts: [Double?]
    var total: Double { amounts.reduce(0) { $0 + ($1 ?? 0) } }
    var government: Double
    /// Government share of the total, or `nil` when the total is 0.
    var share: Double? { total > 0 ? government / total : nil }
  }

  struct Funding {
    /// The sources that occur, in schema order.
    var sources: [String]
    /// Per consortium: its phase rows, then its total row; last the plan total.
    var rows: [FundingRow]
  }

  var funding: Funding {
    let lines = Array(plan[.funding].values)
    let used = Set(lines.map(\.key.c))
    let sources = Schema.sources.filter(used.contains)
    func row(_ consortium: String?, _ phase: String?, _ selected: [Entity]) -> FundingRow {
      var amounts = [Double?](repeating: nil, count: sources.count)
      var government = 0.0
      for line in selected {
        let amount = line[Attr.Funding.amount]?.number ?? 0
        if let i = sources.firstIndex(of: line.key.c) { amounts[i] = (amounts[i] ?? 0) + amount }
        if Schema.governmentSources.contains(line.key.c) { government += amount }
      }
      return FundingRow(consortium: consortium, phase: phase, amounts: amounts, government: government)
    }
    var rows: [FundingRow] = []
    // Consortia in presentation order (a funding line can only name an existing consortium).
    let funded = consortia.map(\.id).filter { index.funding[$0] != nil }
    for k in funded {
      let mine = (index.funding[k] ?? []).map { plan[.funding].values[$0] }
      for p in phases.map(\.id) where mine.contains(where: { $0.key.b == p }) {
        rows.append(row(k, p, mine.filter { $0.key.b == p }))
      }
      rows.append(row(k, nil, mine))
    }
    if !lines.isEmpty { rows.append(row(nil, nil, lines)) }
    return Funding(sources: sources, rows: rows)
  }

  // MARK: Diagnostics

  var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
