import PlanLanguage
import PlanModel

/// What differs between two plans, entity by entity. (Arrives with the export issue.)
package struct PlanDiff: Sendable {
  package var isEmpty: Bool { true }
  package static func compare(_ a: Plan, _ b: Plan) -> PlanDiff { PlanDiff() }
  package func text(language: MessageLanguage) -> String { "" }
  package func json() -> String { "{}\n" }
}
