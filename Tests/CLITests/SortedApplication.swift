import PlanLanguage
import PlanModel

@testable import PlanIO

/// What loading a plan file means (SPEC §6, README "Statement order in plan files"), written out
/// plainly as the loader's tests' reference: parse the whole file, order the statements (`set
/// plan`, then `add` by kind, in natural key order within a kind, stable; then every other edit
/// in file order), apply them one by one, and report every failing line. References a statement
/// cannot check when it is applied — `after` lists, and a single reference to a kind whose table
/// comes later (an expert's `org`) — are checked once every `add` is applied, before the other
/// edits.
///
/// The loader (``PlanLoader/PlanAssembly``) must give the same plan, or the same diagnostics,
/// for any file. The header is not checked here.
enum SortedApplication {
  /// - Throws: ``PlanLoadError/invalid(_:)`` with every failing line's diagnostic, in file order.
  static func load(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    let parsed = Parser.parse(bytes, file: file)
    var diagnostics = parsed.diagnostics
    var buckets = Array(repeating: [Command](), count: Kind.allCases.count)
    var first: [Command] = []
    var rest: [Command] = []
    for command in parsed.commands {
      guard command.verb.isEdit else {
        diagnostics.append(.error(.actionInPlanFile(command.verb.rawValue), at: command.verbToken))
        continue
      }
      switch PlanLoader.Slot(command) {
      case .add(let kind): buckets[kind.index].append(command)
      case .settings: first.append(command)
      case .other: rest.append(command)
      }
    }
    var plan = Plan()
    for command in first {
      do { try plan.apply(command) } catch { diagnostics.append(contentsOf: error.all) }
    }
    let deferred = DeferredReferences()
    for kind in Kind.allCases {
      PlanLoader.sortByKey(&buckets[kind.index], kind: kind)
      deferred.filling = kind
      for command in buckets[kind.index] {
        do { try plan.apply(command, deferring: deferred) } catch { diagnostics.append(contentsOf: error.all) }
      }
    }
    for reference in deferred.references {
      for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) {
        diagnostics.append(
          .error(
            .unknownReference(
              kind: reference.kind.rawValue, id: id, suggestion: plan.suggestID(id, of: reference.kind)),
            at: reference.token))
        break
      }
    }
    for command in rest {
      do { try plan.apply(command) } catch { diagnostics.append(contentsOf: error.all) }
    }
    if !diagnostics.isEmpty {
      diagnostics.sort(by: Diagnostic.sortKey)
      throw .invalid(diagnostics)
    }
    plan.preamble = PlanWriter.preamble(of: bytes)
    return plan
  }
}
