import PlanLanguage
import PlanModel

/// JSON shapes for `cplan check --format json` (SPEC §9), with a stable key order.
package enum JSONReport {
  /// `{"diagnostics": […], "errors": N, "warnings": M}` — each diagnostic as in the JSON export.
  package static func check(_ diagnostics: [Diagnostic], errors: Int, warnings: Int, language: MessageLanguage)
    -> String
  {
    let value = JSONValue.object([
      ("diagnostics", .array(diagnostics.map { JSONExport.diagnostic($0, language: language) })),
      ("errors", .int(errors)),
      ("warnings", .int(warnings)),
    ])
    var text = value.rendered()
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
