import PlanLanguage
import PlanModel

/// Runs the validation rules R01–R33 (SPEC §7). (Rules arrive with the engine issue.)
package enum Validator {
  package static func run(_ plan: Plan) -> [Diagnostic] { [] }
}
