import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  // MARK: review

  /// `review [as-of YEAR] [against PATH]` (SPEC §11): the review report as text. The year must
  /// have four digits; the approved plan must load (its diagnostics are reported otherwise, and
  /// the command fails).
  func review(_ arguments: CommandArguments) -> Bool {
    var year: Int?
    if let t = arguments["as-of"] {
      do {
        year = Int(try Plan.yearKey(t, what: CommandText.aYear))
      } catch {
        return fail(error)
      }
    }
    var approved: Plan?
    let against = arguments["against"]?.path
    if let against {
      do {
        approved = try PlanLoader.load(path: against, sources: sources)
      } catch {
        for d in error.diagnostics { report(d) }
        if case .unusable = error { noteFailure(.usage) } else { noteFailure(.command) }
        return false
      }
    }
    let report = ReviewReport(plan, asOf: year, approved: approved)
    let options = ReviewOptions(language: settings.language, width: Driver.terminalWidth(), against: against)
    output.write(ReviewExporter.render(report, format: .text, options: options))
    return true
  }
}
