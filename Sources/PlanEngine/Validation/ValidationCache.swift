import Dispatch
import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The keys of one shard's entities: a consortium's members, goals (with their checkpoints and
/// actuals), measures and funding lines, or the goals and measures of no consortium (the
/// plan-wide shard). Order does not matter: ``subplan(of:consortium:)`` puts them back in plan
/// order.
struct ShardKeys: Sendable {
  var members: [EntityKey] = []
  var goals: [EntityKey] = []
  var checkpoints: [EntityKey] = []
  var actuals: [EntityKey] = []
  var measures: [EntityKey] = []
  var funding: [EntityKey] = []

  /// The kinds a shard holds, in ``Kind`` order.
  static let kinds: [Kind] = [.member, .goal, .checkpoint, .actual, .measure, .funding]

  init() {}

  /// The keys of shard `k` of `layout` (a consortium position, or the plan-wide shard).
  init(_ layout: ShardLayout, shard k: Int) {
    goals = layout.goalsByShard[k].map { layout.goals[$0] }
    for g in layout.goalsByShard[k] {
      checkpoints += layout.checkpointsByGoal[g].map { layout.checkpoints[$0] }
      actuals += layout.actualsByGoal[g].map { layout.actuals[$0] }
    }
    measures = layout.measuresByShard[k].map { layout.measures[$0] }
    if k < layout.consortia.count {
      members = layout.membersByShard[k].map { layout.members[$0] }
      funding = layout.fundingByShard[k].map { layout.funding[$0] }
    }
  }

  /// The keys of `kind` (one of ``kinds``).
  subscript(kind: Kind) -> [EntityKey] {
    get {
      switch kind {
      case .member: members
      case .goal: goals
      case .checkpoint: checkpoints
      case .actual: actuals
      case .measure: measures
      default: funding
      }
    }
    set {
      switch kind {
      case .member: members = newValue
      case .goal: goals = newValue
      case .checkpoint: checkpoints = newValue
      case .actual: actuals = newValue
      case .measure: measures = newValue
      default: funding = newValue
      }
    }
  }

  /// A plan with `plan`'s settings and phases, the consortium `id` (if any, and if it exists),
  /// and this shard's entities with the orgs of its members, every kind in `plan`'s order, so
  /// that the shard rules find in it exactly what they find for this shard in the whole plan.
  /// - Complexity: O(k log k) for the shard's k entities, plus the phases.
  func subplan(of plan: Plan, consortium id: String?) -> Plan {
    var sub = Plan()
    sub.settings = plan.settings
    sub.settingLocations = plan.settingLocations
    sub[.phase] = plan[.phase]
    if let id, let consortium = plan[.consortium][EntityKey(id)] { sub[.consortium][consortium.key] = consortium }
    for kind in Self.kinds {
      let table = plan[kind]
      for p in self[kind].compactMap({ table.index(forKey: $0) }).sorted() {
        let entity = table.values[p]
        sub[kind][entity.key] = entity
      }
    }
    let orgs = plan[.org]
    for p in Set(members.compactMap { orgs.index(forKey: EntityKey($0.b)) }).sorted() {
      let org = orgs.values[p]
      sub[.org][org.key] = org
    }
    return sub
  }
}

/// Where the entities of each shard stood in the plan's tables at a full validation: the
/// tables' keys (shared with the plan: no copy) and their positions grouped by shard
/// (``PlanIndex``). A shard's keys are read from it when the shard is first touched.
struct ShardLayout: Sendable {
  let consortia: [EntityKey], members: [EntityKey], goals: [EntityKey], measures: [EntityKey], funding: [EntityKey]
  let checkpoints: [EntityKey], actuals: [EntityKey]
  let membersByShard: Groups, goalsByShard: Groups, measuresByShard: Groups, fundingByShard: Groups
  /// Checkpoints and actuals by goal position: they belong to their goal's shard.
  let checkpointsByGoal: Groups, actualsByGoal: Groups

  init(_ plan: Plan, _ index: PlanIndex) {
    (consortia, members) = (plan[.consortium].keys.elements, plan[.member].keys.elements)
    (goals, measures, funding) = (plan[.goal].keys.elements, plan[.measure].keys.elements, plan[.funding].keys.elements)
    (membersByShard, goalsByShard) = (index.membersByConsortium, index.goalsByConsortium)
    (measuresByShard, fundingByShard) = (index.measuresByConsortium, index.fundingByConsortium)
    (checkpoints, actuals) = (plan[.checkpoint].keys.elements, plan[.actual].keys.elements)
    (checkpointsByGoal, actualsByGoal) = (index.checkpointsByGoal, index.actualsByGoal)
  }
}

/// The `after` links of a plan's goals as a full validation found them (``GoalGraph/Links``),
/// without the goals themselves.
struct LinkedGoals: Sendable {
  private let start: [Int32], edges: [Int32]
  private let unresolved: [(goal: Int32, id: String)]

  init(_ links: GoalGraph.Links) {
    (start, edges, unresolved) = (links.start, links.edges, links.unresolved)
  }

  /// The IDs of the goals with `after` links, and of every goal such a link names, `goals`
  /// being the goal table's keys.
  /// - Complexity: O(goals + links).
  func ids(goals: [EntityKey]) -> Set<String> {
    var linked: Set<String> = []
    for g in 0..<start.count - 1 where start[g] < start[g + 1] { linked.insert(goals[g].a) }
    for p in edges { linked.insert(goals[Int(p)].a) }
    for (g, id) in unresolved {
      linked.insert(goals[Int(g)].a)
      linked.insert(id)
    }
    return linked
  }
}

/// Validation results kept between edits, so that the shell's `validate` re-checks only what
/// changed (SPEC §10; issue: every shell command under 50 ms on a 10,000-consortium plan).
///
/// What is kept: the findings of each rule group of ``Validator`` — the ranking basis (with the
/// ranking itself), each shard's findings and summary, the goal graph's — and each shard's keys
/// (read from the last full run's ``ShardLayout`` when the shard is first touched). No table of
/// the plan is kept, only the tables' keys, so an edit copies no table.
/// What an edit marks stale, from the ``PlanChange`` it returned (which holds the previous
/// values of what it touched), is derived from what the rules declare they read
/// (``RuleSpec/reads``, ``RuleSpec/settings``, gathered by scope in ``RuleBook/reads``) — there is
/// no table of edits here: what changed of an entity (its kind, the attributes whose values
/// changed, its name, its statement) is matched against the reads of each scope:
/// - the shards (shard rules and the summaries they feed): the shards the entity belongs to — a
///   consortium, member or funding line its consortium's; a goal or measure its old and new
///   consortium's (the plan-wide shard when it has none), both when it moved (its checkpoints and
///   actuals with it); a checkpoint or actual its goal's; an org those of the consortia it is a
///   member of; any other kind every shard (a full run);
/// - the ranking basis; the goal graph (only for goals with `after` links, or named in one);
/// - a group with findings runs again on any change of a kind it reads (its findings name and
///   point at entities);
/// - a setting marks what reads it; `remove … cascade`, `load`, `new`: everything (a `rename` is
///   the entities it re-keyed and those whose references it changed, ``Plan/rename``).
/// - each rule over the whole plan is kept and runs again only when an edit touches what it reads.
/// The rules across consortia (from the summaries) are cheap and always run. The result is the
/// same as ``Engine/validate(_:strict:)`` of the whole plan (a test compares them after random
/// edits).
///
/// Every mutation of the plan must be reported with ``note(_:in:mutation:)`` and a mutation
/// counter; a gap in the count (a change not reported) makes the next `validate` start afresh.
package final class ValidationCache {
  /// Whether the kept results describe the plan of mutation `synced`, up to the stale marks.
  private var complete = false
  private var synced = 0
  /// A shard's findings and summary: a class, so that walking 10,000 of them copies nothing.
  private final class ShardResult {
    let findings: [Diagnostic]
    let summary: ShardSummary
    /// The shard's position in `layout`, for its keys, while they are not in `keys`; `-1`:
    /// they are (or it has none).
    let layoutPosition: Int
    init(_ findings: [Diagnostic], _ summary: ShardSummary, layoutPosition: Int = -1) {
      (self.findings, self.summary, self.layoutPosition) = (findings, summary, layoutPosition)
    }
  }
  private var shards: [String: ShardResult] = [:]
  /// The keys of the shards whose keys were read from `layout` or changed since the last full
  /// run; the others' are in `layout`.
  private var keys: [String: ShardKeys] = [:]
  private var layout: ShardLayout?
  private var planWide = ShardResult([], ShardSummary())
  private var planWideKeys = ShardKeys()
  private var ranking: [Diagnostic] = []
  private var rankingResult: PlanRanking?
  private var graph: [Diagnostic] = []
  /// The findings of each rule over the whole plan (``RuleBook/planRules`` order), and which of
  /// them an edit made stale.
  private var planFindings: [[Diagnostic]] = []
  private var stalePlanRules = [Bool](repeating: false, count: RuleBook.planRules.count)
  /// Goal IDs with `after` links, or named in one: exact after a full run, then kept a superset
  /// (every link an edit adds is added here; none is taken out).
  private var linked: Set<String> = []
  private var staleShards: Set<String> = []
  private var stalePlanWide = false
  private var staleRanking = false
  private var staleGraph = false

  /// How the last ``validate(_:mutation:strict:)`` went: `true` when it ran every rule.
  package private(set) var lastRunWasFull = false

  /// Whether a change that leaves nothing to reuse (a load, a phase, most settings) starts a
  /// full validation on another thread at once, so that the next `validate` finds it done
  /// (the interactive shell; a script does not validate after every edit).
  package var preparesInBackground = false

  /// What was made while the plan of the next ``prepare(_:mutation:early:)`` loaded (the shell's
  /// `load`, whose change starts it), taken by it.
  package var nextEarly: EarlyValidation?

  /// A full validation running on another thread, and the changes made since it started.
  private final class Preparation: @unchecked Sendable {
    let cache = ValidationCache()
    let mutation: Int
    /// Signalled once `findings` are there: a `validate` of the plan as it was can answer.
    let found = DispatchSemaphore(value: 0)
    /// Every finding of the plan at `mutation`, unsorted (``Validator/run(_:into:early:)``).
    var findings: [Diagnostic] = []
    /// Signalled once `cache` holds every result, shard by shard, for the edits to come.
    let done = DispatchSemaphore(value: 0)
    /// The changes since `mutation`, to replay once it is done; `nil` when one of them replaced
    /// the plan wholesale (nothing of it can be reused).
    var changes: [PlanChange]? = []

    init(mutation: Int) { self.mutation = mutation }
  }
  private var preparation: Preparation?

  package init() {}

  /// Starts validating `plan` (at `mutation`) in full on another thread; the next
  /// ``validate(_:mutation:strict:)`` waits for its findings (or, after an edit, for all of it)
  /// and re-checks only what changed since.
  /// - Parameter early: what was made while `plan` was loaded (``EarlyValidation``).
  /// - Complexity: O(1) here; O(n) on the other thread, which lets go of its copy of the plan
  ///   once the findings are there (until then the shell's first edit of a table copies it).
  package func prepare(_ plan: Plan, mutation: Int, early: EarlyValidation? = nil) {
    let early = early ?? nextEarly
    nextEarly = nil
    if let running = preparation {
      // One that can still be used is kept; one that cannot (a `rename` came after it started)
      // is replaced only once it has finished, so a script of a thousand renames starts no
      // thousand threads (the next `validate` then runs in full).
      if running.changes != nil || running.done.wait(timeout: .now()) == .timedOut { return }
    }
    let next = Preparation(mutation: mutation)
    preparation = next
    // The plan is let go of as soon as it is validated: the thread keeps no table of it while
    // the shell edits it (which would then copy the table).
    let held = Held(plan)
    Self.detachThread(stackSize: 8 << 20) {
      next.findings = next.cache.runFull(held.take(), mutation: mutation, early: early)
      next.found.signal()
      next.cache.settle()
      next.done.signal()
    }
  }

  /// Runs `body` on a new detached thread with a stack of `stackSize` bytes (POSIX threads;
  /// what Foundation's `Thread` with its `stackSize` set did). Should the system refuse a thread,
  /// `body` runs here instead, so its work is still done.
  private static func detachThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    final class Work {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let work = Unmanaged.passRetained(Work(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(
      &thread, &attributes,
      { context in
        Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
        return nil
      }, work)
    if started != 0 { Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body() }
  }

  /// A plan handed to another thread, which lets go of it once taken.
  private final class Held: @unchecked Sendable {
    private var plan: Plan?
    init(_ plan: Plan) { self.plan = plan }
    func take() -> Plan {
      defer { plan = nil }
      return plan!
    }
  }

  /// Takes over the results of a finished preparation and replays the changes made since.
  private func adopt(_ p: Preparation, plan: Plan) {
    p.done.wait()
    guard let changes = p.changes else {
      complete = false
      return
    }
    // Moved, not shared: the first edit after would otherwise copy every table of results.
    let other = p.cache
    swap(&shards, &other.shards)
    swap(&keys, &other.keys)
    swap(&layout, &other.layout)
    swap(&linked, &other.linked)
    (planWide, planWideKeys) = (other.planWide, other.planWideKeys)
    (ranking, rankingResult, graph) = (other.ranking, other.rankingResult, other.graph)
    swap(&planFindings, &other.planFindings)
    (staleShards, stalePlanWide, staleRanking, staleGraph) = ([], false, false, false)
    stalePlanRules = stalePlanRules.map { _ in false }
    complete = true
    synced = p.mutation + changes.count
    for change in changes { note(change, in: plan) }
  }

  /// Records that `change` has just been made to `plan`, which is now at `mutation` (one more
  /// than at the change before).
  /// - Parameter change: what the edit returned, or what ``Plan/revert(_:)`` returned for an
  ///   undo or redo: either holds the previous values of the entities it touched.
  /// - Complexity: O(1) per touched entity, O(shard) to move a key; O(members) for an org.
  package func note(_ change: PlanChange, in plan: Plan, mutation: Int) {
    if let p = preparation {
      guard var changes = p.changes, mutation == p.mutation + changes.count + 1, !change.replacesTables else {
        p.changes = nil
        if preparesInBackground { prepare(plan, mutation: mutation) }
        return
      }
      p.changes = nil  // no copy of the list while appending
      changes.append(change)
      p.changes = changes
      return
    }
    if complete, mutation == synced + 1 { note(change, in: plan) } else { complete = false }
    synced = mutation
    if !complete, preparesInBackground { prepare(plan, mutation: mutation) }
  }

  private func note(_ change: PlanChange, in plan: Plan) {
    guard complete else { return }
    switch change {
    case .inserted(let kind, let key): touch(kind, key, previous: nil, in: plan)
    case .appended(let entity), .removed(let entity, _), .replaced(let entity):
      touch(entity.kind, entity.key, previous: entity, in: plan)
    case .settings(let values, let locations):
      // A setting changed when its value or its statement did (R08 reports at `cutoff`'s).
      for i in values.indices where values[i] != plan.settings[i] || locations[i] != plan.settingLocations[i] {
        for (scope, reads) in RuleBook.reads where reads.settings[i] { markStale(scope) }
        for (r, reads) in RuleBook.planRuleReads.enumerated() where reads.settings[i] { stalePlanRules[r] = true }
      }
    case .tables, .whole: complete = false
    case .group(let changes): for c in changes { note(c, in: plan) }
    case .comments: break  // no rule reads a comment
    }
  }

  /// Marks all of `scope` stale: a change every part of it reads (a setting, a phase).
  private func markStale(_ scope: RuleScope) {
    switch scope {
    case .rankingBasis: staleRanking = true
    case .shard, .summaries: complete = false
    case .goalGraph: staleGraph = true
    case .plan: break  // rule by rule (`stalePlanRules`)
    }
  }

  /// What changed of an entity of `kind`, as bits matched against ``RuleBook/Reads``: one per
  /// attribute whose value changed (``Schema`` order), ``nameBit`` for its name, ``placeBit``
  /// for its statement; every bit when it came or went.
  private static func changes(_ kind: Kind, _ previous: Entity?, _ current: Entity?) -> UInt64 {
    guard let previous, let current else { return .max }
    var bits: UInt64 = 0
    for i in kind.spec.attributes.indices where previous[i] != current[i] { bits |= 1 << UInt64(i) }
    if previous.name != current.name { bits |= nameBit }
    if previous.location != current.location { bits |= placeBit }
    return bits
  }
  private static let nameBit = RuleBook.nameBit, placeBit = RuleBook.placeBit

  /// What the shard rules and the summaries read (both are kept per shard).
  private static let shardReads: RuleBook.Reads = {
    var reads = RuleBook.reads[.shard]!
    let summaries = RuleBook.reads[.summaries]!
    for k in reads.kinds.indices {
      reads.kinds[k] = reads.kinds[k] || summaries.kinds[k]
      reads.attributes[k] |= summaries.attributes[k]
    }
    return reads
  }()

  /// Marks what the change of entity `key` of `kind` — before the change `previous`, now in
  /// `plan` — makes stale, and moves its key between shards.
  ///
  /// What it makes stale is derived from the rules' declarations (``RuleBook/reads``): a group
  /// of rules is stale when what changed (``changes(_:_:_:)``) is something it reads, or when the
  /// group has findings and reads the kind at all (a finding names and points at entities: a
  /// change of a name or a statement shows there). Which shards an entity belongs to is the
  /// plan's structure, not a rule's: a consortium, member or funding line belongs to its
  /// consortium's shard; a goal or measure to that of its consortium (the plan-wide shard when
  /// it has none), and to both when it moves; an org to the shards of the consortia it is a
  /// member of; every other kind to every shard.
  private func touch(_ kind: Kind, _ key: EntityKey, previous: Entity?, in plan: Plan) {
    let current = plan[kind][key]
    let changed = Self.changes(kind, previous, current)
    let reads = Self.shardReads
    /// Marks shard `id` (`nil`: the plan-wide shard) stale when the change matters to it.
    func mark(_ id: String?, moved: Bool = false) {
      guard reads.kinds[kind.index] else { return }
      if let id {
        guard !staleShards.contains(id) else { return }
        let findings = shards[id].map { !$0.findings.isEmpty } ?? true
        if moved || findings || reads.affected(kind, changed: changed) { staleShards.insert(id) }
      } else if !stalePlanWide {
        stalePlanWide = moved || !planWide.findings.isEmpty || reads.affected(kind, changed: changed)
      }
    }
    switch kind {
    case .consortium:
      mark(key.a)
    case .member, .funding:
      move(kind, key, from: previous.map { _ in key.a }, to: current.map { _ in key.a })
      mark(key.a)
    case .goal, .measure:
      let attribute = kind == .goal ? Attr.Goal.consortium : Attr.Measure.consortium
      let old = previous.map { shard(of: $0[attribute]?.ref, in: plan) }
      let new = current.map { shard(of: $0[attribute]?.ref, in: plan) }
      guard complete else { return }
      let moved = old != new
      for case let s? in [old, new] { mark(s, moved: moved) }
      move(kind, key, from: old, to: new)
      // A goal's checkpoints and actuals go with it.
      if kind == .goal, moved, let old, let new { moveRecords(ofGoal: key.a, from: old, to: new) }
    case .checkpoint, .actual:
      // In the shard of their goal, which exists: a goal with records is removed only by a
      // cascade, which starts afresh (a guard, should one be missing).
      guard let goal = plan[.goal][EntityKey(key.a)] else {
        complete = false
        return
      }
      let s = shard(of: goal[Attr.Goal.consortium]?.ref, in: plan)
      guard complete else { return }
      move(kind, key, from: previous.map { _ in s }, to: current.map { _ in s })
      mark(s)
    case .org:
      for member in plan[.member].keys where member.b == key.a { mark(member.a) }
    default:
      // Not in a shard: a change the shard rules read makes every shard stale (so does a new
      // name, which a finding's label may show; a shard's findings point at its own entities).
      if reads.kinds[kind.index], reads.affected(kind, changed: changed) || changed & Self.nameBit != 0 {
        complete = false
      }
    }
    for (r, reads) in RuleBook.planRuleReads.enumerated() where !stalePlanRules[r] && reads.kinds[kind.index] {
      if !planFindings[r].isEmpty || reads.affected(kind, changed: changed) { stalePlanRules[r] = true }
    }
    let basis = RuleBook.reads[.rankingBasis]!
    if basis.kinds[kind.index], !ranking.isEmpty || basis.affected(kind, changed: changed) { staleRanking = true }
    let graphReads = RuleBook.reads[.goalGraph]!
    if graphReads.kinds[kind.index] {
      if kind == .goal {
        touchGraph(key, previous: previous, current: current, changed: changed)
      } else if !graph.isEmpty || graphReads.affected(kind, changed: changed) {
        staleGraph = true
      }
    }
  }

  /// Marks the goal graph stale for a change of goal `key` — before the change `previous`, now
  /// `current`, `changed` as ``changes(_:_:_:)`` gives it — when the goal has links or is named
  /// in one (the graph's findings depend on no other goal), and the change is one the graph
  /// rules read, or they found something.
  private func touchGraph(_ key: EntityKey, previous: Entity?, current: Entity?, changed: UInt64) {
    let before = previous?[Attr.Goal.after]?.refs ?? []
    let after = current?[Attr.Goal.after]?.refs ?? []
    if !after.isEmpty {
      linked.insert(key.a)
      linked.formUnion(after)
    }
    guard !staleGraph, !before.isEmpty || linked.contains(key.a) else { return }
    if !graph.isEmpty || RuleBook.reads[.goalGraph]!.affected(.goal, changed: changed) { staleGraph = true }
  }

  /// The shard of a goal or measure whose consortium is `ref`: `nil` for the plan-wide shard.
  /// A reference to a consortium that does not exist (the model refuses them; a guard) makes
  /// the next validation start afresh.
  private func shard(of ref: String?, in plan: Plan) -> String? {
    guard let ref else { return nil }
    if !plan.contains(.consortium, EntityKey(ref)) { complete = false }
    return ref
  }

  /// Moves `key` of `kind` from shard `old` to shard `new` (outer `nil`: absent before / now;
  /// inner `nil`: the plan-wide shard).
  private func move(_ kind: Kind, _ key: EntityKey, from old: String??, to new: String??) {
    if let old, old != new {
      update(old) { $0[kind].removeAll { $0 == key } }
    }
    if let new {
      update(new) { if !$0[kind].contains(key) { $0[kind].append(key) } }
    }
  }

  /// Moves the checkpoints and actuals of goal `id` from shard `old` to shard `new` (`nil`: the
  /// plan-wide shard).
  /// - Complexity: O(records of shard `old`).
  private func moveRecords(ofGoal id: String, from old: String?, to new: String?) {
    for kind in [Kind.checkpoint, .actual] {
      var records: [EntityKey] = []
      update(old) { keys in
        records = keys[kind].filter { $0.a == id }
        if !records.isEmpty { keys[kind].removeAll { $0.a == id } }
      }
      guard !records.isEmpty else { continue }
      update(new) { keys in keys[kind] += records.filter { !keys[kind].contains($0) } }
    }
  }

  private func update(_ shard: String?, _ body: (inout ShardKeys) -> Void) {
    guard let shard else { return body(&planWideKeys) }
    var shardKeys = keys(of: shard)
    body(&shardKeys)
    keys[shard] = shardKeys
  }

  /// The keys of the shard of consortium `id`, read from the layout of the last full run until
  /// they are kept in `keys`.
  private func keys(of id: String) -> ShardKeys {
    if let kept = keys[id] { return kept }
    if let layout, let position = shards[id]?.layoutPosition, position >= 0 {
      return ShardKeys(layout, shard: position)
    }
    return ShardKeys()
  }

  /// Every finding of every rule over `plan`, as ``Engine/validate(_:strict:)`` gives them:
  /// re-checking only what changed since the last call when every change since then was noted.
  /// - Parameters:
  ///   - mutation: the plan's mutation count (see ``note(_:in:mutation:)``).
  ///   - strict: turns warnings into errors.
  /// - Complexity: O(consortia + phases + orgs that lead) plus O(size) of each stale shard; the
  ///   stale ranking group O(fields × criteria²); the stale goal graph O(goals); a full run O(n).
  package func validate(_ plan: Plan, mutation: Int, strict: Bool = false) -> [Diagnostic] {
    if let p = preparation {
      // Nothing changed since it started: its findings are the answer, as soon as they are
      // there (its results shard by shard are taken over later, at the next change).
      if let changes = p.changes, changes.isEmpty, mutation == p.mutation {
        p.found.wait()
        p.found.signal()  // for the next `validate` before a change
        lastRunWasFull = false
        return Engine.finish(p.findings, strict: strict)
      }
      preparation = nil
      adopt(p, plan: plan)
    }
    let consortia = plan[.consortium]
    // Re-checking more than a quarter of the shards one by one costs more than a full run.
    if !complete || mutation != synced || staleShards.count > consortia.count / 4 + 16 {
      return full(plan, mutation: mutation, strict: strict)
    }
    lastRunWasFull = false
    let c: RuleContext
    if staleRanking {
      c = RuleContext(plan)
      ranking = RuleBook.basisRules.flatMap { c.findings(of: $0) }
      rankingResult = c.ranking
      staleRanking = false
    } else {
      c = RuleContext(plan, ranking: rankingResult)
    }
    for id in staleShards {
      guard consortia.index(forKey: EntityKey(id)) != nil else {
        shards[id] = nil
        keys[id] = nil
        continue
      }
      // Its keys kept before its result (which knows where they stand in the layout) is replaced.
      let shardKeys = keys(of: id)
      keys[id] = shardKeys
      let (findings, summary) = Validator.runShard(plan, consortium: id, keys: shardKeys)
      shards[id] = ShardResult(findings, summary)
    }
    staleShards.removeAll(keepingCapacity: true)
    if stalePlanWide {
      let (findings, summary) = Validator.runShard(plan, consortium: nil, keys: planWideKeys)
      planWide = ShardResult(findings, summary)
      stalePlanWide = false
    }
    if staleGraph {
      graph = RuleBook.graphRules.flatMap { $0.check(c) }
      staleGraph = false
    }
    var findings = ranking
    for (r, rule) in RuleBook.planRules.enumerated() where stalePlanRules[r] {
      planFindings[r] = rule.check(c)
      stalePlanRules[r] = false
    }
    for found in planFindings { findings += found }
    // Every consortium has its shard (a guard: a missing one means a change went unnoticed).
    guard shards.count == consortia.count else { return full(plan, mutation: mutation, strict: strict) }
    // The shards' findings in consortium order, as a full run gives them (findings of one
    // statement in two shards keep that order); only shards with findings are looked up.
    var reporting: [(position: Int, findings: [Diagnostic])] = []
    for (id, shard) in shards where !shard.findings.isEmpty {
      guard let position = consortia.index(forKey: EntityKey(id)) else {
        return full(plan, mutation: mutation, strict: strict)
      }
      reporting.append((position, shard.findings))
    }
    for (_, shardFindings) in reporting.sorted(by: { $0.position < $1.position }) { findings += shardFindings }
    findings += planWide.findings
    let summaries = shards.lazy.map { (consortium: $0.key, summary: $0.value.summary) }
    findings += Aggregates.check(c, shards: summaries, planWide: planWide.summary)
    findings += graph
    return Engine.finish(findings, strict: strict)
  }

  private func full(_ plan: Plan, mutation: Int, strict: Bool) -> [Diagnostic] {
    let findings = runFull(plan, mutation: mutation)
    settle()
    return Engine.finish(findings, strict: strict)
  }

  /// Validates `plan` in full, keeping what it found for ``settle()``: every finding, unsorted.
  private func runFull(_ plan: Plan, mutation: Int, early: EarlyValidation? = nil) -> [Diagnostic] {
    shards.removeAll(keepingCapacity: true)
    keys.removeAll()
    layout = nil
    (staleShards, stalePlanWide, staleRanking, staleGraph) = ([], false, false, false)
    stalePlanRules = stalePlanRules.map { _ in false }
    let findings = Validator.run(plan, into: self, early: early)
    complete = true
    synced = mutation
    lastRunWasFull = true
    return findings
  }

  /// What a full run found, as ``Validator/run(_:into:early:)`` hands it over, until ``settle()``
  /// files it by consortium ID: the layout of the shards, each shard's findings and summary by
  /// position, and the goals' `after` links.
  private var captured: (layout: ShardLayout, shards: [Validator.ShardFindings], links: LinkedGoals)?

  /// Files the results of the last full run by consortium ID: what the edits to come update.
  /// - Complexity: O(consortia + goals with links + links).
  private func settle() {
    guard let (layout, results, links) = captured else { return }
    captured = nil
    let n = layout.consortia.count
    shards.reserveCapacity(n)
    for k in 0..<n {
      shards[layout.consortia[k].a] = ShardResult(results[k].findings, results[k].summary, layoutPosition: k)
    }
    planWide = ShardResult(results[n].findings, results[n].summary)
    planWideKeys = ShardKeys(layout, shard: n)
    self.layout = layout
    linked = links.ids(goals: layout.goals)
  }

  /// Keeps the results of a full run (``Validator/run(_:into:early:)``) of `plan`: for each shard of
  /// `index` (consortium position, then the plan-wide shard), its findings and summary; the
  /// ranking group's and the goal graph's findings. Keeps no entity of the plan.
  func capture(
    _ plan: Plan, index: PlanIndex, shards results: [Validator.ShardFindings],
    ranking: [Diagnostic], rankingResult: PlanRanking?, planFindings: [[Diagnostic]], graph: [Diagnostic]
  ) {
    captured = (ShardLayout(plan, index), results, LinkedGoals(index.goalLinks))
    self.ranking = ranking
    self.rankingResult = rankingResult
    self.planFindings = planFindings
    self.graph = graph
  }

}

extension PlanChange {
  /// Whether the change replaced whole tables or the whole plan (`load`, `new`,
  /// `remove … cascade`): nothing kept about the plan before it can be reused.
  var replacesTables: Bool {
    switch self {
    case .tables, .whole: true
    case .group(let changes): changes.contains { $0.replacesTables }
    default: false
    }
  }
}
