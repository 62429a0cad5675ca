import PlanEngine
import PlanLanguage
import PlanModel

/// The ranking the exports show: the plan's own method, with sensitivity (SPEC §9).
enum ExportRanking {
  /// The ranking, or why there is none (a missing score, no weights, …).
  static func compute(_ plan: Plan) -> Result<PlanRanking, Diagnostic> {
    do {
      return .success(try PlanRanking.compute(plan, method: nil, sensitivity: true))
    } catch {
      return .failure(error)
    }
  }
}
