import PlanLanguage
import PlanModel

extension PlanLoader {
  /// Builds the plan of a plan file's statements as they are parsed, in any statement order,
  /// as SPEC §6 defines loading: `set plan` first, then the `add`s kind by kind (SPEC §6) in
  /// natural key order, then the other edits in file order.
  ///
  /// Each `add` becomes its entity at once (``Plan/entity(adding:deferring:)``), its references
  /// left unchecked (``DeferredReferences/checkedLater``), so that it does not depend on the
  /// statements before it; it waits in its kind's buffer — the entities themselves, the form
  /// they keep in the plan — until its kind's table is filled in bulk
  /// (``Plan/fill(_:with:ascending:)``: in key order, the keys hashed once), and then the kind's
  /// references are checked at once (``Plan/referencesResolve(of:)``). An entity depends on
  /// nothing but its statement, and a reference is checked once the kind it names is filled (a
  /// `ref` names an earlier kind, save an expert's `org`, checked at the end with the `after`
  /// lists), so the plan is the one SPEC §6 defines whatever the order; time and memory are the
  /// same too (the buffers hold what the tables will).
  ///
  /// While the statements come in the order of application (every file cplan writes), a kind's
  /// table is filled as soon as its run of `add`s ends, and ``PlanLoadObserver`` is told, so
  /// that validation starts while the rest is read. A statement that comes later than its
  /// place tells the observer the order is broken (``PlanLoadObserver/abandoned()``); a table
  /// already filled that gets more entities is opened again and filled anew at the end.
  ///
  /// `compare` judgements, whose `add` looks for the reversed pair among the judgements before
  /// it, and the edits after the `add`s (`set`, `remove`, `rename`: few in a plan file) are kept
  /// as commands and applied in order once the tables they read are complete.
  ///
  /// Any failure — a statement that is no edit or does not parse, an `add` or `set plan` that
  /// fails, a duplicate key, a reference to nothing, an edit that fails — stops it. The loader
  /// then takes the file again through an assembly that is ``diagnosing``: the same steps in
  /// the same order, except that a kind's `add`s go into its table one by one (each an edit of
  /// the plan, ``Plan/apply(_:deferring:)``, in the order the bulk fill would put them), so that
  /// every failing statement is named; a single reference to a later kind (an expert's `org`)
  /// and `after` lists are checked once every table is filled, as the bulk fill checks them.
  struct PlanAssembly {
    private var plan = Plan()
    /// The entities read and not yet in their table, by kind index.
    private var pending: [[Entity]]
    /// Whether each kind's pending keys have come in strictly ascending natural order.
    private var ascending: [Bool]
    /// Whether each kind's table holds all of its entities read so far (none pending).
    private var filled: [Bool]
    /// Whether each kind's references have been found to resolve, for its table as it is.
    private var resolved: [Bool]
    /// Keys whose keyword parts were written otherwise than stored (`Central`, `市级`), by kind
    /// index, then by the line of their statement: they sort as written (``WrittenKey``).
    private var written: [[Int: WrittenKey]]
    /// The argument positions of each kind's keyword key parts.
    private let keywordParts: [[Int]]
    private var compares: [Command] = []
    private var edits: [Command] = []
    private let unchecked = DeferredReferences(checkedLater: true)
    /// The order of application's slot of the last statement, while statements come in that order.
    private var slot = Slot.settings
    private var inOrder = true
    /// Told of each table once it is filled, while the statements come in order.
    var observer: PlanLoadObserver?
    /// Every failure found, when diagnosing (a file that failed, taken again); `nil` otherwise:
    /// then the first failure stops the assembly.
    private(set) var diagnostics: [Diagnostic]?
    /// When diagnosing: each kind's `add` statements (by kind index), applied one by one.
    private var statements: [[Command]] = []
    /// When diagnosing: the references checked once the tables are filled.
    private let deferred = DeferredReferences()

    /// - Parameter diagnosing: whether to go on after a failure and name every failing
    ///   statement (``diagnostics``); the tables are then filled at the end, one entity at a time.
    init(diagnosing: Bool = false) {
      let n = Kind.allCases.count
      pending = Array(repeating: [], count: n)
      ascending = Array(repeating: true, count: n)
      filled = Array(repeating: true, count: n)
      resolved = Array(repeating: true, count: n)
      written = Array(repeating: [:], count: n)
      keywordParts = Kind.allCases.map { k in k.spec.keys.indices.filter { k.spec.keys[$0].isKeyword } }
      if diagnosing {
        diagnostics = []
        statements = Array(repeating: [], count: n)
        inOrder = false
      }
    }

    /// Records `failure` when diagnosing.
    /// - Returns: whether the assembly goes on (it is diagnosing).
    private mutating func failed(_ failure: Diagnostic) -> Bool {
      diagnostics?.append(contentsOf: failure.all)
      return diagnostics != nil
    }

    /// Takes the expected number of `add`s of each kind (by kind index, ``countAdds(_:)``), to
    /// size the buffers: no regrowth while loading.
    mutating func reserve(_ counts: [Int]) {
      for (i, n) in counts.enumerated() where i != Kind.compare.index { pending[i].reserveCapacity(n) }
    }

    /// Takes one parse event. Returns `false` on a failure: the file's diagnostics must be found.
    mutating func take(_ event: consuming ParseEvent) -> Bool {
      let command: Command
      switch consume event {
      case .command(let c): command = c
      case .error(let d): return failed(d)
      case .incomplete: return false  // not in a file's last window
      }
      guard command.verb.isEdit else {
        return failed(.error(.actionInPlanFile(command.verb.rawValue), at: command.verbToken))
      }
      let slot = self.slot(of: command)
      if inOrder, slot != self.slot { guard enter(slot) else { return false } }
      switch slot {
      case .settings:
        do { try plan.apply(command) } catch { return failed(error) }
      case .add(let kind) where diagnostics != nil:
        if kind == .compare { compares.append(command) } else { statements[kind.index].append(command) }
      case .other:
        edits.append(command)
      case .add(.compare):
        if filled[Kind.compare.index] { reopenCompare() }
        compares.append(command)
      case .add(let kind):
        let k = kind.index
        guard let entity = try? plan.entity(adding: command, deferring: unchecked) else { return false }
        for i in keywordParts[k] {
          guard case .word(let w)? = command.arguments.dropFirst(i + 1).first?.kind, w != entity.key.part(i) else {
            continue
          }
          written[k][entity.location.line] = WrittenKey(command, width: kind.keyWidth)
        }
        if filled[k] { reopen(kind) }
        if ascending[k], let last = pending[k].last, !NaturalOrder.less(last.key, entity.key) { ascending[k] = false }
        pending[k].append(consume entity)
      }
      return true
    }

    /// The plan, every table filled and checked and the edits applied; `nil` on a failure
    /// (when diagnosing, ``diagnostics`` then names every one, sorted by place).
    mutating func finish() -> Plan? {
      if diagnostics != nil { return finishDiagnosing() }
      if inOrder, !finishRun() { return nil }
      for kind in Kind.allCases {
        if kind == .compare {
          guard filled[kind.index] || applyCompares() else { return nil }
        } else if !filled[kind.index] {
          guard fill(kind) else { return nil }
        }
      }
      for kind in Kind.allCases where !resolved[kind.index] {
        guard plan.referencesResolve(of: kind) else { return nil }
      }
      for command in edits {
        do { try plan.apply(command) } catch { return nil }
      }
      return plan
    }

    /// ``finish()`` when diagnosing: each kind's statements applied one by one in the order of
    /// its bulk fill, each failure recorded; then the deferred references; then the edits.
    private mutating func finishDiagnosing() -> Plan? {
      for kind in Kind.allCases {
        if kind == .compare {
          _ = applyCompares()
          continue
        }
        var commands = statements[kind.index]
        statements[kind.index] = []
        sortByKey(&commands, kind: kind)
        deferred.filling = kind
        for command in commands {
          do { try plan.apply(command, deferring: deferred) } catch { diagnostics?.append(contentsOf: error.all) }
        }
      }
      // Against the tables filled, before the other edits (which may rename or remove what they
      // name, and update the references as they do).
      for reference in deferred.references {
        for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) {
          diagnostics?.append(
            .error(
              .unknownReference(
                kind: reference.kind.rawValue, id: id, suggestion: plan.suggestID(id, of: reference.kind)),
              at: reference.token))
          break
        }
      }
      for command in edits {
        do { try plan.apply(command) } catch { diagnostics?.append(contentsOf: error.all) }
      }
      guard let found = diagnostics, !found.isEmpty else { return plan }
      diagnostics = found.sorted(by: Diagnostic.sortKey)
      return nil
    }

    /// Where `command` stands in the order of application; for an `add` of the current run's
    /// kind written as its name, without looking the kind up.
    private func slot(of command: Command) -> Slot {
      if case .add(let kind) = slot, command.verb == .add, case .word(let w)? = command.arguments.first?.kind,
        w == kind.rawValue
      {
        return .add(kind)
      }
      return Slot(command)
    }

    /// Moves on to the statements of `next`, while the statements come in order: the run that
    /// ends is put in its table. A statement earlier than its place ends the order.
    private mutating func enter(_ next: Slot) -> Bool {
      guard next.rank > slot.rank else {
        inOrder = false
        observer?.abandoned()
        observer = nil
        return true
      }
      guard finishRun() else { return false }
      slot = next
      return true
    }

    /// Puts the current run's entities in their table, its references checked against the
    /// tables before it (complete while the order holds), and tells the observer.
    /// - Returns: `false` on a definite failure (a duplicate key).
    private mutating func finishRun() -> Bool {
      guard case .add(let kind) = slot else { return true }
      if kind == .compare {
        // A failure may come of a criterion still to come: tried again at the end.
        if !applyCompares() { reopenCompare() }
      } else if !fill(kind) {
        return false
      }
      observer?.filled(kind, in: plan)
      return true
    }

    /// Fills the table of `kind` with its pending entities and checks its references.
    /// - Returns: `false` when two have the same key.
    private mutating func fill(_ kind: Kind) -> Bool {
      let k = kind.index
      var entities = pending[k]
      pending[k] = []
      filled[k] = true
      if written[k].isEmpty {
        guard plan.fill(kind, with: entities, ascending: ascending[k]) else { return false }
      } else {
        // The order of the keys as written (as SPEC §6 orders them), the keys checked unique
        // as stored.
        var keys = Set<EntityKey>()
        for e in entities where !keys.insert(e.key).inserted { return false }
        let width = kind.keyWidth
        let written = self.written[k]
        entities.sort { a, b in
          (written[a.location.line] ?? WrittenKey(a.key, width: width))
            < (written[b.location.line] ?? WrittenKey(b.key, width: width))
        }
        guard plan.fill(kind, with: entities, ascending: true) else { return false }
      }
      ascending[k] = true
      // A reference that does not resolve yet may name an entity still to come: checked again
      // at the end.
      resolved[k] = plan.referencesResolve(of: kind)
      return true
    }

    /// Takes the entities of the filled table of `kind` back into its buffer, for more.
    private mutating func reopen(_ kind: Kind) {
      let k = kind.index
      pending[k] = Array(plan[kind].values)
      plan[kind] = Table()
      filled[k] = false
      resolved[k] = false
      ascending[k] = true  // the table was in key order
    }

    /// Empties the `compare` table, to be applied again at the end.
    private mutating func reopenCompare() {
      plan[.compare] = Table()
      filled[Kind.compare.index] = false
    }

    /// Applies the `compare` judgements in key order as written (stable), as SPEC §6 orders
    /// the `add`s: each looks for the reversed pair among those before it.
    /// - Returns: `false` when one fails (when diagnosing, after recording each failure).
    private mutating func applyCompares() -> Bool {
      filled[Kind.compare.index] = true
      guard !compares.isEmpty else { return true }
      sortByKey(&compares, kind: .compare)
      var applied = true
      for command in compares {
        do {
          try plan.apply(command)
        } catch {
          applied = false
          if !failed(error) { return false }
        }
      }
      return applied
    }
  }
}
