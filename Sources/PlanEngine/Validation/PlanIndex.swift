import Dispatch
import PlanLanguage
import PlanModel
import Synchronization

/// Positions of entities (indices into their kind's table) grouped by an owner's position: for
/// owner `g`, the items `items[bounds(g)]`, in plan order. Two flat arrays however many owners
/// there are, so grouping 10,000 consortia costs two allocations, and no entity is copied.
struct Groups: Sendable {
  private let start: [Int32]
  private let items: [Int32]

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

  /// Where the positions owned by `g` stand in ``item(_:)``'s numbering.
  @inline(__always) func bounds(_ g: Int) -> Range<Int> { Int(start[g])..<Int(start[g + 1]) }

  /// The position at `i`, one of some group's ``bounds(_:)``.
  @inline(__always) func item(_ i: Int) -> Int { Int(items[i]) }

  /// The positions owned by `g`, in plan order.
  subscript(_ g: Int) -> LazyMapSequence<Range<Int>, Int> {
    bounds(g).lazy.map { item($0) }
  }

  /// How many positions `g` owns.
  @inline(__always) func count(_ g: Int) -> Int { Int(start[g + 1] - start[g]) }
}

// The facts below say which keyword an attribute holds, nothing more: what a keyword means to a
// rule (that `application` counts as downstream for R13, which sources are the government's) is
// in the rule.

/// A member's role and chain position, as keywords.
struct MemberFacts: OptionSet, Sendable {
  let rawValue: UInt8
  /// `role lead`.
  static let lead = MemberFacts(rawValue: 1)
  /// `chain upstream`, `midstream`, `downstream`, `application`, `platform`.
  static let upstream = MemberFacts(rawValue: 2)
  static let midstream = MemberFacts(rawValue: 4)
  static let downstream = MemberFacts(rawValue: 8)
  static let application = MemberFacts(rawValue: 16)
  static let platform = MemberFacts(rawValue: 32)
}

/// An org's type and size, as keywords (the types the rules ask about).
struct OrgFacts: OptionSet, Sendable {
  let rawValue: UInt8
  /// `type enterprise`, `university`, `institute`.
  static let enterprise = OrgFacts(rawValue: 1)
  static let university = OrgFacts(rawValue: 2)
  static let institute = OrgFacts(rawValue: 4)
  /// `size small`, `medium`.
  static let small = OrgFacts(rawValue: 8)
  static let medium = OrgFacts(rawValue: 16)
}

/// What the shard rules need to know of a goal, besides its numbers.
struct GoalFacts: OptionSet, Sendable {
  let rawValue: UInt8
  /// `category tech` (the default, R25) or `ecosystem` (R25's plan-wide part).
  static let tech = GoalFacts(rawValue: 1)
  static let ecosystem = GoalFacts(rawValue: 2)
  /// `direction down` (R23, R24).
  static let down = GoalFacts(rawValue: 4)
  /// `baseline` and `target` are set (``PlanIndex/goalBaseline``, ``PlanIndex/goalTarget``).
  static let baseline = GoalFacts(rawValue: 8)
  static let target = GoalFacts(rawValue: 16)
}

/// What the shard rules need to know of a measure, besides its numbers.
struct MeasureFacts: OptionSet, Sendable {
  let rawValue: UInt8
  /// `instrument ip`, `talent`, `management`.
  static let ip = MeasureFacts(rawValue: 1)
  static let talent = MeasureFacts(rawValue: 2)
  static let management = MeasureFacts(rawValue: 4)
  /// `agency` is unset, or only whitespace (``PlanIndex/isBlank(_:)``): a property of the text;
  /// whether that counts as no agency is R31's to say.
  static let blankAgency = MeasureFacts(rawValue: 8)
  /// `start` is set (``PlanIndex/measureStart``, R30).
  static let start = MeasureFacts(rawValue: 16)
  /// `phase` is set, whether or not it names a phase of the plan (R28).
  static let phaseRef = MeasureFacts(rawValue: 32)
}

/// The plan's entities grouped by the entity they belong to, and the facts about them that the
/// shard rules read, each in an array by the entity's position in its table (a "column"). Built
/// in one pass over each table, reading each attribute a rule needs once (``Entity/subscript(_:)``),
/// so that no rule needs a nested loop over all goals, measures or members, nor a lookup by ID.
///
/// Groups hold positions in the plan's tables (``Plan/subscript(kind:)``, `values[i]`), keyed by
/// the owner's position, so no entity is copied. Every group keeps plan order. Entities whose
/// reference is unset, or names no entity of the plan, are in no group of that reference — except
/// goals and measures, whose group `consortia.count` holds those of no consortium: the plan-wide
/// shard. References are resolved to positions here once (`-1`: unset, or no such entity).
final class PlanIndex: Sendable {
  /// The entities of each kind the rules walk, in plan order (the tables' own storage), for the
  /// messages of what the rules find.
  let consortia: [Entity], members: [Entity], goals: [Entity], measures: [Entity], funding: [Entity], orgs: [Entity]
  /// The checkpoints and actuals (SPEC §11), in plan order, for the messages of what the rules find.
  let checkpoints: [Entity], actuals: [Entity]
  /// The phases in chronological order.
  let phases: PhaseOrder
  /// The plan settings the shard rules read.
  let settings: Settings

  /// Each consortium's `period`.
  let consortiumPeriod: [Period?]
  /// Whether each consortium has `ip-strategy yes`.
  let consortiumIPStrategy: [Bool]

  /// Members by consortium position.
  let membersByConsortium: Groups
  /// Each member's org position.
  let memberOrg: [Int32]
  let memberFacts: [MemberFacts]

  let orgFacts: [OrgFacts]

  /// Goals by shard: consortium position, or `consortia.count` for the goals of no consortium
  /// of the plan.
  let goalsByConsortium: Groups
  /// Each goal's phase position (in the phase table).
  let goalPhase: [Int32]
  let goalFacts: [GoalFacts]
  /// `baseline` and `target` (0 where unset: see ``GoalFacts``).
  let goalBaseline: [Double], goalTarget: [Double]
  /// Where each goal was defined or last set.
  let goalLocation: [SourceLocation]
  /// The goals rule R24 judges — with a phase of the plan, an `indicator` and a `target` — each
  /// with the number of its track within its shard: goals of one shard with equal numbers are
  /// compared (the same indicator; for goals of no consortium of the plan, also the same
  /// consortium reference). `-1`: not judged.
  let goalTrack: [Int32]
  /// The `after` links of the goals (``GoalGraph``).
  let goalLinks: GoalGraph.Links
  /// Each goal's own `baseline-year` and `target-year` (``unsetYear`` where unset): the
  /// fallbacks of SPEC §11 are the rules' to apply (``GoalTrack``).
  let goalBaselineYear: [Int], goalTargetYear: [Int]
  /// A year in ``goalBaselineYear`` and ``goalTargetYear`` that is not set.
  static let unsetYear = Int.min

  /// A year of ``goalBaselineYear`` or ``goalTargetYear``, `nil` when unset.
  @inline(__always) static func year(_ column: Int) -> Int? { column == unsetYear ? nil : column }

  /// Checkpoints by goal position, in plan order (those naming no goal of the plan in none).
  let checkpointsByGoal: Groups
  /// Each checkpoint as the review reads it: `nil` when its year is not a year or it has no
  /// `value` (R37 reports what it can).
  let checkpointRecords: [GoalCheckpoint?]
  /// Actuals by goal position, in plan order (those naming no goal of the plan in none).
  let actualsByGoal: Groups
  /// Each actual as the review reads it: `nil` when its year is not a year.
  let actualRecords: [GoalActual?]

  /// Measures by shard: consortium position, or `consortia.count` for the measures of no
  /// consortium of the plan.
  let measuresByConsortium: Groups
  /// Each measure's phase position (in the phase table).
  let measurePhase: [Int32]
  let measureFacts: [MeasureFacts]
  /// Each measure's `funder` as a keyword code (``PlanIndex/funderCode(_:)``), `-1` for none.
  let measureFunder: [Int8]
  /// Each measure's `amount`, 0 when unset (R28).
  let measureAmount: [Double]
  /// Each measure's `start` month as an ordinal (see ``MeasureFacts/start``).
  let measureStart: [Int]

  /// Funding lines by consortium position.
  let fundingByConsortium: Groups
  /// Each funding line's phase position (in the phase table).
  let fundingPhase: [Int32]
  /// Each funding line's source as a keyword code (``PlanIndex/funderCode(_:)``).
  let fundingSource: [Int8]
  /// Each funding line's `amount`, 0 when unset.
  let fundingAmount: [Double]

  /// Whether `text` is empty or all whitespace (`Character.isWhitespace`). A character is
  /// whitespace when its first scalar is, so text whose first scalar is not — nearly every
  /// agency — is decided without breaking it into characters, and without the Unicode property
  /// tables for the usual first scalars: ASCII, and U+3001–U+D7FF (CJK punctuation, kana,
  /// ideographs, Hangul), a range without whitespace.
  static func isBlank(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return true }
    switch first.value {
    case 0x21...0x7E, 0x3001...0xD7FF: return false
    default: break
    }
    guard first.properties.isWhitespace else { return false }
    return text.allSatisfy(\.isWhitespace)
  }

  /// The position of `keyword` in `funders` (``Schema/funders``, which holds every source too),
  /// `-1` for none: the codes of ``measureFunder`` and ``fundingSource``.
  @inline(__always) static func funderCode(_ keyword: String?, in funders: [String]) -> Int8 {
    guard let keyword else { return -1 }
    return Int8(funders.firstIndex(of: keyword) ?? -1)
  }

  /// The plan settings the shard rules read, read once.
  struct Settings: Sendable {
    let membersMin: Int, membersMax: Int
    let horizon: Period?
    let govShareWarn: Double, govShareMax: Double
    let currency: String
    let periodMin: Int, periodMax: Int
    let rdIntensityMin: Double
    let startGrace: Int
    /// The year under review (SPEC §11 `as-of`) and the thresholds of a goal's status.
    let asOf: Int?
    let statusThresholds: StatusThresholds

    init(_ plan: Plan) {
      (membersMin, membersMax, horizon) = (plan.membersMin, plan.membersMax, plan.horizon)
      (govShareWarn, govShareMax, currency) = (plan.govShareWarn, plan.govShareMax, plan.currency)
      (periodMin, periodMax, rdIntensityMin, startGrace) = (
        plan.periodMin, plan.periodMax, plan.rdIntensityMin, plan.startGrace
      )
      (asOf, statusThresholds) = (plan.asOf, plan.statusThresholds)
    }
  }

  /// Builds the index, one table at a time.
  /// - Complexity: O(n) in the number of entities, plus O(p log p) for p phases.
  convenience init(_ plan: Plan, phases: PhaseOrder) {
    self.init(plan, phases: phases, workers: 1)
  }

  /// Builds the index with `workers` threads (`DispatchQueue.concurrentPerform`), each taking
  /// whole tables, largest first: one table's strings are then touched by one thread only.
  /// - Parameter early: passes already made while the plan was loaded; those whose tables
  ///   `plan` still holds are used, not made again.
  /// - Complexity: O(n) in the number of entities.
  init(_ plan: Plan, phases: PhaseOrder, workers: Int, early: EarlyValidation? = nil) {
    let parts = Parts(plan)
    let passes = Pass.allCases.filter { early?.take($0, into: parts) != true }
    if workers > 1 && passes.count > 1 {
      let cursor = Cursor()
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let t = cursor.value.wrappingAdd(1, ordering: .relaxed).oldValue
          guard t < passes.count else { return }
          passes[t].run(parts)
        }
      }
    } else {
      for pass in passes { pass.run(parts) }
    }
    (consortia, members, goals, measures, funding, orgs) = (
      parts.consortia, parts.members, parts.goals, parts.measures, parts.funding, parts.orgs
    )
    (checkpoints, actuals) = (parts.checkpoints, parts.actuals)
    self.phases = phases
    settings = Settings(plan)
    (consortiumPeriod, consortiumIPStrategy) = parts.consortium!
    (membersByConsortium, memberOrg, memberFacts) = parts.member!
    orgFacts = parts.org!
    (goalsByConsortium, goalPhase, goalFacts) = (parts.goal!.0, parts.goal!.1, parts.goal!.2)
    (goalBaseline, goalTarget, goalLocation, goalTrack, goalLinks) = (
      parts.goal!.3, parts.goal!.4, parts.goal!.5, parts.goal!.6, parts.goal!.7
    )
    (goalBaselineYear, goalTargetYear) = parts.goalYears!
    (checkpointsByGoal, checkpointRecords) = parts.checkpoint!
    (actualsByGoal, actualRecords) = parts.actual!
    (measuresByConsortium, measurePhase, measureFacts, measureFunder, measureAmount, measureStart) = parts.measure!
    (fundingByConsortium, fundingPhase, fundingSource, fundingAmount) = parts.fundingLines!
  }

  private final class Cursor: Sendable {
    let value = Atomic<Int>(0)
  }

  /// One pass over a table, largest tables first.
  enum Pass: CaseIterable, Sendable {
    case measures, goals, members, funding, actuals, checkpoints, orgs, consortia

    /// The tables it reads: its own, and those its references name.
    var reads: [Kind] {
      switch self {
      case .measures: [.measure, .consortium, .phase]
      case .goals: [.goal, .consortium, .phase]
      case .members: [.member, .consortium, .org]
      case .funding: [.funding, .consortium, .phase]
      case .actuals: [.actual, .goal]
      case .checkpoints: [.checkpoint, .goal]
      case .orgs: [.org]
      case .consortia: [.consortium]
      }
    }

    /// The pass over the table of `kind`, whose reads come in the kinds' order (SPEC §6) no
    /// later than it.
    init?(_ kind: Kind) {
      switch kind {
      case .measure: self = .measures
      case .goal: self = .goals
      case .member: self = .members
      case .funding: self = .funding
      case .actual: self = .actuals
      case .checkpoint: self = .checkpoints
      case .org: self = .orgs
      case .consortium: self = .consortia
      default: return nil
      }
    }

    func run(_ parts: Parts) {
      switch self {
      case .measures: parts.measurePass()
      case .goals: parts.goalPass()
      case .members: parts.memberPass()
      case .funding: parts.fundingPass()
      case .actuals: parts.actualPass()
      case .checkpoints: parts.checkpointPass()
      case .orgs: parts.orgPass()
      case .consortia: parts.consortiumPass()
      }
    }

    /// Hands what the pass found in `from` to `to`, an index of a plan with the same tables.
    func copy(from: Parts, to: Parts) {
      switch self {
      case .measures: to.measure = from.measure
      case .goals: (to.goal, to.goalYears) = (from.goal, from.goalYears)
      case .members: to.member = from.member
      case .funding: to.fundingLines = from.fundingLines
      case .actuals: to.actual = from.actual
      case .checkpoints: to.checkpoint = from.checkpoint
      case .orgs: to.org = from.org
      case .consortia: to.consortium = from.consortium
      }
    }
  }

  /// The tables and what each pass over one of them found; each pass writes only its own part.
  final class Parts: @unchecked Sendable {
    /// The plan whose tables the passes read.
    let plan: Plan
    let consortiumTable: Table, orgTable: Table, phaseTable: Table, goalTable: Table
    let consortia: [Entity], members: [Entity], goals: [Entity], measures: [Entity], funding: [Entity], orgs: [Entity]
    let checkpoints: [Entity], actuals: [Entity]
    var consortium: ([Period?], [Bool])?
    var member: (Groups, [Int32], [MemberFacts])?
    var org: [OrgFacts]?
    var goal: (Groups, [Int32], [GoalFacts], [Double], [Double], [SourceLocation], [Int32], GoalGraph.Links)?
    var measure: (Groups, [Int32], [MeasureFacts], [Int8], [Double], [Int])?
    var fundingLines: (Groups, [Int32], [Int8], [Double])?
    var goalYears: ([Int], [Int])?
    var checkpoint: (Groups, [GoalCheckpoint?])?
    var actual: (Groups, [GoalActual?])?

    init(_ plan: Plan) {
      self.plan = plan
      (consortiumTable, orgTable, phaseTable, goalTable) = (plan[.consortium], plan[.org], plan[.phase], plan[.goal])
      consortia = consortiumTable.values.elements
      members = plan[.member].values.elements
      goals = goalTable.values.elements
      measures = plan[.measure].values.elements
      funding = plan[.funding].values.elements
      orgs = orgTable.values.elements
      checkpoints = plan[.checkpoint].values.elements
      actuals = plan[.actual].values.elements
    }

    /// The shard of each owner position: `-1` (unset or unknown) is the plan-wide shard.
    private func shardOwners(_ owners: [Int32]) -> [Int32] {
      let planWide = Int32(consortia.count)
      return owners.map { $0 < 0 ? planWide : $0 }
    }

    func consortiumPass() {
      var periods: [Period?] = []
      var ip: [Bool] = []
      periods.reserveCapacity(consortia.count)
      ip.reserveCapacity(consortia.count)
      for consortium in consortia {
        periods.append(consortium[Attr.Consortium.period]?.period)
        ip.append(consortium[Attr.Consortium.ipStrategy]?.flag == true)
      }
      consortium = (periods, ip)
    }

    func memberPass() {
      var consortiumOf = Resolver(consortiumTable)
      var orgOf = Resolver(orgTable)
      var owners: [Int32] = [], orgPositions: [Int32] = [], facts: [MemberFacts] = []
      owners.reserveCapacity(members.count)
      orgPositions.reserveCapacity(members.count)
      facts.reserveCapacity(members.count)
      for member in members {
        owners.append(consortiumOf(member.key.a))
        orgPositions.append(orgOf(member.key.b))
        var f: MemberFacts = []
        if member[Attr.Member.role]?.choice == "lead" { f.insert(.lead) }
        switch member[Attr.Member.chain]?.choice {
        case "upstream"?: f.insert(.upstream)
        case "midstream"?: f.insert(.midstream)
        case "downstream"?: f.insert(.downstream)
        case "application"?: f.insert(.application)
        case "platform"?: f.insert(.platform)
        default: break
        }
        facts.append(f)
      }
      member = (Groups(count: consortia.count, owners: owners), orgPositions, facts)
    }

    func orgPass() {
      var facts: [OrgFacts] = []
      facts.reserveCapacity(orgs.count)
      for org in orgs {
        var f: OrgFacts = []
        switch org[Attr.Org.type]?.choice {
        case "enterprise"?:
          f.insert(.enterprise)
          switch org[Attr.Org.size]?.choice {
          case "small"?: f.insert(.small)
          case "medium"?: f.insert(.medium)
          default: break
          }
        case "university"?: f.insert(.university)
        case "institute"?: f.insert(.institute)
        default: break
        }
        facts.append(f)
      }
      org = facts
    }

    func goalPass() {
      var consortiumOf = Resolver(consortiumTable)
      var phaseOf = Resolver(phaseTable)
      let n = goals.count
      var owners: [Int32] = [], phasePositions: [Int32] = [], facts: [GoalFacts] = []
      var baselines: [Double] = [], targets: [Double] = [], locations: [SourceLocation] = []
      var indicators: [String] = []
      var baselineYears: [Int] = [], targetYears: [Int] = []
      var links = GoalGraph.Links(goalTable)
      owners.reserveCapacity(n)
      phasePositions.reserveCapacity(n)
      facts.reserveCapacity(n)
      baselines.reserveCapacity(n)
      targets.reserveCapacity(n)
      locations.reserveCapacity(n)
      indicators.reserveCapacity(n)
      baselineYears.reserveCapacity(n)
      targetYears.reserveCapacity(n)
      for goal in goals {
        owners.append(consortiumOf(goal[Attr.Goal.consortium]?.ref))
        phasePositions.append(phaseOf(goal[Attr.Goal.phase]?.ref))
        var f: GoalFacts = []
        switch goal[Attr.Goal.category]?.choice {
        case "tech"?: f.insert(.tech)
        case "ecosystem"?: f.insert(.ecosystem)
        default: break
        }
        if goal[Attr.Goal.direction]?.choice == "down" { f.insert(.down) }
        if let baseline = goal[Attr.Goal.baseline]?.number {
          f.insert(.baseline)
          baselines.append(baseline)
        } else {
          baselines.append(0)
        }
        if let target = goal[Attr.Goal.target]?.number {
          f.insert(.target)
          targets.append(target)
        } else {
          targets.append(0)
        }
        indicators.append(goal[Attr.Goal.indicator]?.text ?? "")
        baselineYears.append(goal[Attr.Goal.baselineYear]?.integer ?? PlanIndex.unsetYear)
        targetYears.append(goal[Attr.Goal.targetYear]?.integer ?? PlanIndex.unsetYear)
        locations.append(goal.location)
        links.add(goal[Attr.Goal.after]?.refs)
        facts.append(f)
      }
      let byShard = Groups(count: consortia.count + 1, owners: shardOwners(owners))
      let tracks = Self.tracks(
        byShard, shards: consortia.count + 1, phase: phasePositions, facts: facts, indicators: indicators,
        consortiumRef: { self.goals[$0][Attr.Goal.consortium]?.ref })
      self.goal = (byShard, phasePositions, facts, baselines, targets, locations, tracks, links)
      goalYears = (baselineYears, targetYears)
    }

    /// Checkpoints by goal, each read as the review reads it (``Plan/goalRecords()``).
    func checkpointPass() {
      var goalOf = Resolver(goalTable)
      var owners: [Int32] = [], records: [GoalCheckpoint?] = []
      owners.reserveCapacity(checkpoints.count)
      records.reserveCapacity(checkpoints.count)
      for c in checkpoints {
        owners.append(goalOf(c.key.a))
        if let year = Int(c.key.b), let value = c[Attr.Checkpoint.value]?.number {
          records.append(GoalCheckpoint(year: year, value: value))
        } else {
          records.append(nil)
        }
      }
      checkpoint = (Groups(count: goals.count, owners: owners), records)
    }

    /// Actuals by goal, each read as the review reads it (``Plan/goalRecords()``).
    func actualPass() {
      var goalOf = Resolver(goalTable)
      var owners: [Int32] = [], records: [GoalActual?] = []
      owners.reserveCapacity(actuals.count)
      records.reserveCapacity(actuals.count)
      for a in actuals {
        owners.append(goalOf(a.key.a))
        if let year = Int(a.key.b) {
          let status = a[Attr.Actual.status]?.choice.flatMap(GoalStatus.init(rawValue:))
          records.append(GoalActual(year: year, value: a[Attr.Actual.value]?.number, status: status))
        } else {
          records.append(nil)
        }
      }
      actual = (Groups(count: goals.count, owners: owners), records)
    }

    /// R24's tracks (``PlanIndex/goalTrack``): within each shard, goals with equal indicators
    /// (for the plan-wide shard, equal consortium references too) get the same number, counted
    /// from 0 in order of first appearance.
    static func tracks(
      _ byShard: Groups, shards: Int, phase: [Int32], facts: [GoalFacts], indicators: [String],
      consortiumRef: (Int) -> String?
    ) -> [Int32] {
      var tracks = [Int32](repeating: -1, count: indicators.count)
      var keys: [String] = []
      var numbers: [String: Int32] = [:]
      for k in 0..<shards {
        keys.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        let planWide = k == shards - 1
        let bounds = byShard.bounds(k)
        // A handful of indicators per consortium: found by a linear search; a dictionary beyond.
        let useDictionary = bounds.count > 32
        for i in bounds {
          let g = byShard.item(i)
          guard phase[g] >= 0, facts[g].contains(.target), !indicators[g].isEmpty else { continue }
          let key = planWide ? (consortiumRef(g) ?? "") + "\u{0}" + indicators[g] : indicators[g]
          if useDictionary {
            if let found = numbers[key] {
              tracks[g] = found
            } else {
              tracks[g] = Int32(keys.count)
              numbers[key] = Int32(keys.count)
              keys.append(key)
            }
          } else if let found = keys.firstIndex(of: key) {
            tracks[g] = Int32(found)
          } else {
            tracks[g] = Int32(keys.count)
            keys.append(key)
          }
        }
      }
      return tracks
    }

    func measurePass() {
      var consortiumOf = Resolver(consortiumTable)
      var phaseOf = Resolver(phaseTable)
      let n = measures.count
      var owners: [Int32] = [], phasePositions: [Int32] = [], facts: [MeasureFacts] = []
      var funders: [Int8] = [], amounts: [Double] = [], starts: [Int] = []
      let keywords = Schema.funders
      owners.reserveCapacity(n)
      phasePositions.reserveCapacity(n)
      facts.reserveCapacity(n)
      funders.reserveCapacity(n)
      amounts.reserveCapacity(n)
      starts.reserveCapacity(n)
      for measure in measures {
        owners.append(consortiumOf(measure[Attr.Measure.consortium]?.ref))
        var f: MeasureFacts = []
        let phase = measure[Attr.Measure.phase]?.ref
        if phase != nil { f.insert(.phaseRef) }
        phasePositions.append(phaseOf(phase))
        switch measure[Attr.Measure.instrument]?.choice {
        case "ip"?: f.insert(.ip)
        case "talent"?: f.insert(.talent)
        case "management"?: f.insert(.management)
        default: break
        }
        funders.append(PlanIndex.funderCode(measure[Attr.Measure.funder]?.choice, in: keywords))
        if PlanIndex.isBlank(measure[Attr.Measure.agency]?.text ?? "") { f.insert(.blankAgency) }
        amounts.append(measure[Attr.Measure.amount]?.number ?? 0)
        if let start = measure[Attr.Measure.start]?.month {
          f.insert(.start)
          starts.append(start.ordinal)
        } else {
          starts.append(0)
        }
        facts.append(f)
      }
      let byShard = Groups(count: consortia.count + 1, owners: shardOwners(owners))
      self.measure = (byShard, phasePositions, facts, funders, amounts, starts)
    }

    func fundingPass() {
      var consortiumOf = Resolver(consortiumTable)
      var phaseOf = Resolver(phaseTable)
      let n = funding.count
      var owners: [Int32] = [], phasePositions: [Int32] = [], sources: [Int8] = [], amounts: [Double] = []
      let keywords = Schema.funders
      owners.reserveCapacity(n)
      phasePositions.reserveCapacity(n)
      sources.reserveCapacity(n)
      amounts.reserveCapacity(n)
      for line in funding {
        owners.append(consortiumOf(line.key.a))
        phasePositions.append(phaseOf(line.key.b))
        sources.append(PlanIndex.funderCode(line.key.c, in: keywords))
        amounts.append(line[Attr.Funding.amount]?.number ?? 0)
      }
      fundingLines = (Groups(count: consortia.count, owners: owners), phasePositions, sources, amounts)
    }
  }

  /// Finds the positions of entities of one table by ID: a small table (phases) by comparing
  /// IDs, a large one by its hash table — unless the answer is the last one or the entity after
  /// it (consecutive entities usually name the same entity, or the next: a consortium's goals
  /// stand together, and members name their orgs in order).
  struct Resolver {
    private let table: Table
    private let keys: [EntityKey]
    private var last: Int = -1

    init(_ table: Table) {
      self.table = table
      keys = table.keys.elements
    }

    /// Whether the entity at `p` has ID `id` (a one-part key).
    @inline(__always) private func named(_ p: Int, _ id: String) -> Bool {
      keys[p].a == id && keys[p].b.isEmpty && keys[p].c.isEmpty
    }

    /// The position of the entity with ID `id` (`-1`: `nil`, or no such entity).
    mutating func callAsFunction(_ id: String?) -> Int32 {
      guard let id else { return -1 }
      if keys.count <= 8 {
        for p in keys.indices where named(p, id) { return Int32(p) }
        return -1
      }
      if last >= 0 {
        if named(last, id) { return Int32(last) }
        if last + 1 < keys.count, named(last + 1, id) {
          last += 1
          return Int32(last)
        }
      }
      guard let p = table.index(forKey: EntityKey(id)) else { return -1 }
      last = p
      return Int32(p)
    }
  }

  /// For each of `count` entities, the position in `table` of the entity its reference `id(i)`
  /// names (`-1`: unset, or no such entity).
  static func resolve(_ table: Table, _ count: Int, _ id: (Int) -> String?) -> [Int32] {
    var resolver = Resolver(table)
    var out: [Int32] = []
    out.reserveCapacity(count)
    for i in 0..<count { out.append(resolver(id(i))) }
    return out
  }
}

/// The plan's phases in chronological order: by start month, then end month, then plan order —
/// the order in which rules R20, R21, R24, R26 and R33 compare phases ("later phase").
struct PhaseOrder: Sendable {
  /// The phases in chronological order.
  let chronologicalPhases: [Entity]
  /// The table positions of ``chronologicalPhases``.
  let chronologicalOrder: [Int]
  /// Each phase's position in ``chronologicalPhases``, by table position.
  let chronologicalPosition: [Int]
  /// Each phase's `period`, by table position.
  let periods: [Period?]
  /// The phases whose period does not end before it starts, in chronological order, by table
  /// position, with their periods (R26).
  let proper: [(position: Int, period: Period)]

  /// - Complexity: O(p log p) for p phases.
  init(_ plan: Plan) {
    let phases = plan[.phase].values.elements
    let periods = phases.map(\.period)
    chronologicalOrder = phases.indices.sorted { x, y in
      let (a, b) = (periods[x], periods[y])
      if a?.start != b?.start { return (a?.start.ordinal ?? .max) < (b?.start.ordinal ?? .max) }
      if a?.end != b?.end { return (a?.end.ordinal ?? .max) < (b?.end.ordinal ?? .max) }
      return x < y
    }
    chronologicalPhases = chronologicalOrder.map { phases[$0] }
    var byTable = [Int](repeating: 0, count: phases.count)
    for (i, p) in chronologicalOrder.enumerated() { byTable[p] = i }
    chronologicalPosition = byTable
    self.periods = periods
    proper = chronologicalOrder.compactMap { p in periods[p].flatMap { $0.start <= $0.end ? (p, $0) : nil } }
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
