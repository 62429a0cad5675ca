import Dispatch
import PlanLanguage
import PlanModel
import Synchronization

/// The part of a validation that can start while a plan file is still being loaded.
///
/// The loader applies a plan file kind by kind, in the order of SPEC §6, and reports each table
/// once it is filled (``filled(_:in:)``); a second thread then makes that table's pass of the
/// index (``PlanIndex/Pass``, which reads only that table and tables filled before it), and
/// the ranking group (R01–R08) once criteria, judgements, fields and scores are in — while the
/// loader goes on with the next kinds. ``Validator/run(_:into:early:)`` takes what was made
/// from tables that the loaded plan still holds: the very same storage, which nothing can have
/// changed since (a table is a value: a change would have copied it). Anything else — a pass
/// that did not run, a plan loaded otherwise or changed after — is made as usual, so the
/// findings are those of ``Engine/validate(_:strict:)`` either way.
package final class EarlyValidation: @unchecked Sendable {
  /// Runs the passes one after another, beside the loader.
  private let queue = DispatchQueue(label: "cplan.early-validation", qos: .userInitiated)
  /// Each pass made, with the plan it read (written on `queue`; read after ``wait()``).
  private var passes: [PlanIndex.Pass: (parts: PlanIndex.Parts, plan: Plan)] = [:]
  /// The ranking group's findings and the ranking, with the plan they were found in.
  private var ranking: (plan: Plan, findings: [Diagnostic], result: PlanRanking?)?
  /// Whether the ranking group was started (the loader's thread only).
  private var rankingStarted = false
  /// How many of the passes and the ranking group were taken (for tests).
  private(set) var taken = 0
  /// Set when the file was loaded another way: work not yet begun is skipped.
  private let cancelled = Atomic<Bool>(false)

  package init() {}

  /// Takes `plan` as the loader has it right after filling the table of `kind`: that table and
  /// those of the kinds before it are complete. Returns at once; the work goes on beside.
  package func filled(_ kind: Kind, in plan: Plan) {
    if !rankingStarted, kind.index >= Kind.rating.index {
      rankingStarted = true
      queue.async {
        guard !self.cancelled.load(ordering: .relaxed) else { return }
        let c = RuleContext(plan)
        let findings = RuleBook.basisRules.flatMap { c.findings(of: $0) }
        self.ranking = (plan, findings, c.ranking)
      }
    }
    guard let pass = PlanIndex.Pass(kind) else { return }
    queue.async {
      guard !self.cancelled.load(ordering: .relaxed) else { return }
      let parts = PlanIndex.Parts(plan)
      pass.run(parts)
      self.passes[pass] = (parts, plan)
    }
  }

  /// The file is loaded another way after all: what was made (and the plans it was made from,
  /// which the loader no longer holds) is let go of, and work not yet begun is skipped.
  package func abandoned() {
    cancelled.store(true, ordering: .relaxed)
    queue.async { self.discard() }
  }

  /// Waits for the work under way.
  func wait() { queue.sync {} }

  /// Lets go of what was made, and of the plans it was made from: a table kept here would be
  /// copied by the shell's next edit of it.
  func discard() {
    passes = [:]
    ranking = nil
  }

  /// Hands what `pass` found to `parts`, when it was made from the tables `parts` holds.
  /// - Returns: whether it did (else the pass is still to be made).
  func take(_ pass: PlanIndex.Pass, into parts: PlanIndex.Parts) -> Bool {
    guard let (made, plan) = passes[pass], pass.reads.allSatisfy({ Self.same(plan[$0], parts.plan[$0]) }) else {
      return false
    }
    pass.copy(from: made, to: parts)
    taken += 1
    return true
  }

  /// The ranking group's findings and the ranking, when they were found from the tables and
  /// settings `plan` holds.
  func ranking(for plan: Plan) -> (findings: [Diagnostic], result: PlanRanking?)? {
    guard let (seen, findings, result) = ranking,
      [Kind.criterion, .compare, .expert, .judgement, .field, .score, .rating].allSatisfy({
        Self.same(seen[$0], plan[$0])
      }),
      Self.same(seen.settings, plan.settings), Self.same(seen.settingLocations, plan.settingLocations)
    else { return nil }
    taken += 1
    return (findings, result)
  }

  /// Whether two tables are the same storage (so the same entities); empty tables are alike.
  static func same(_ a: Table, _ b: Table) -> Bool {
    a.count == b.count
      && (a.isEmpty || (same(a.keys.elements, b.keys.elements) && same(a.values.elements, b.values.elements)))
  }

  /// Whether two arrays are the same storage, or both empty.
  static func same<T>(_ a: [T], _ b: [T]) -> Bool {
    guard a.count == b.count else { return false }
    return a.isEmpty
      || a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
  }
}
