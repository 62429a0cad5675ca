import PlanLanguage
import PlanModel

/// The planning engine's entry points, as the shell and the exporters use them.
package enum Engine {
  /// Runs every validation rule (SPEC §7) over the plan.
  /// - Parameters:
  ///   - strict: turns warnings into errors.
  /// - Returns: every diagnostic, sorted by file and line (``Diagnostic/sortKey``).
  /// - Complexity: O(n) in the size of the plan.
  package static func validate(_ plan: Plan, strict: Bool = false) -> [Diagnostic] {
    var diagnostics = Validator.run(plan)
    if strict {
      for i in diagnostics.indices where diagnostics[i].severity == .warning { diagnostics[i].severity = .error }
    }
    diagnostics.sort(by: Diagnostic.sortKey)
    return diagnostics
  }
}
