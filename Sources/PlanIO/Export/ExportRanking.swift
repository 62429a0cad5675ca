import PlanEngine
import PlanLanguage
import PlanModel

/// The ranking the exports show: the plan's own method, with sensitivity (SPEC §9).
enum ExportRanking {
  /// The ranking, or why there is none (a missing score, no weights, …); with `robustness` the
  /// weight sampling and cutoff sensitivity of SPEC §12 too.
  static func compute(_ plan: Plan, robustness: PlanRanking.RobustnessOptions? = nil) -> Result<PlanRanking, Diagnostic>
  {
    do {
      return .success(try PlanRanking.compute(plan, method: nil, sensitivity: true, robustness: robustness))
    } catch {
      return .failure(error)
    }
  }
}
