import PlanLanguage
import PlanModel

/// The ranking as the `rank` command prints it (SPEC §8). (Arrives with the engine issue.)
package enum RankingReport {
  package static func text(_ plan: Plan, method: String?, sensitivity: Bool, language: MessageLanguage) throws(Diagnostic)
    -> String
  {
    throw .error(.commandFailed(LocalizedText(en: "ranking is not available yet", zh: "排序功能尚未提供")), at: nil)
  }
}

extension RankingReport {
  /// The `ranking` object of SPEC §9 as JSON.
  package static func json(_ plan: Plan, method: String?, sensitivity: Bool) throws(Diagnostic) -> String {
    throw .error(.commandFailed(LocalizedText(en: "ranking is not available yet", zh: "排序功能尚未提供")), at: nil)
  }
}
