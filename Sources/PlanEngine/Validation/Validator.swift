import PlanLanguage
import PlanModel

/// Runs the validation rules R01–R33 (SPEC §7) over a plan.
package enum Validator {
  /// Every rule, in code order.
  static let rules: [Rule] =
    RankingRules.all + ConsortiumRules.all + PhaseRules.all + FundingRules.all + GoalGraphRules.all

  /// Every finding of every rule, in rule order (``Engine/validate(_:strict:)`` sorts them).
  /// - Complexity: O(n) in the size of the plan, plus O(p log p) for p phases; ranking rules
  ///   add O(fields × criteria²).
  package static func run(_ plan: Plan) -> [Diagnostic] {
    let context = RuleContext(plan)
    return rules.flatMap { $0.check(context) }
  }
}
