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
    finish(Validator.run(plan), strict: strict)
  }

  /// ``validate(_:strict:)`` of a plan that was loaded with `early` told of each table filled
  /// (``EarlyValidation``): what it made meanwhile is used where the plan still holds the
  /// tables it read. The same findings in the same order.
  package static func validate(_ plan: Plan, strict: Bool = false, early: EarlyValidation) -> [Diagnostic] {
    finish(Validator.run(plan, early: early), strict: strict)
  }

  /// The findings in report order: by location, severity and rule (``Diagnostic/sortKey``), and
  /// findings equal in all three in the order the rules gave them — the same order however the
  /// findings were gathered (``ValidationCache`` gathers them in a different order).
  /// - Parameter strict: turns warnings into errors first.
  static func finish(_ findings: [Diagnostic], strict: Bool) -> [Diagnostic] {
    var diagnostics = findings
    if strict {
      for i in diagnostics.indices where diagnostics[i].severity == .warning { diagnostics[i].severity = .error }
    }
    return diagnostics.enumerated().sorted { x, y in
      if Diagnostic.sortKey(x.element, y.element) { return true }
      if Diagnostic.sortKey(y.element, x.element) { return false }
      return x.offset < y.offset
    }.map(\.element)
  }
}
