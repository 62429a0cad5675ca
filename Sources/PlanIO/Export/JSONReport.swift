import Foundation
import PlanLanguage

/// JSON shapes for `cplan check --format json` (SPEC §9).
package enum JSONReport {
  struct DiagnosticJSON: Encodable {
    var severity: String
    var code: String
    var message: String
    var file: String?
    var line: Int?
    var column: Int?
  }

  struct CheckJSON: Encodable {
    var diagnostics: [DiagnosticJSON]
    var errors: Int
    var warnings: Int
  }

  static func diagnostic(_ d: Diagnostic, language: MessageLanguage) -> DiagnosticJSON {
    DiagnosticJSON(severity: d.severity.rawValue, code: d.code, message: d.message.text(language),
                   file: d.location?.file, line: d.location?.line, column: d.location?.column)
  }

  /// `{"diagnostics": […], "errors": N, "warnings": M}`.
  package static func check(_ diagnostics: [Diagnostic], errors: Int, warnings: Int, language: MessageLanguage) -> String {
    let value = CheckJSON(diagnostics: diagnostics.map { diagnostic($0, language: language) }, errors: errors,
                          warnings: warnings)
    return encode(value)
  }

  package static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    // Sorted keys: without them the order changes from run to run (hashing is seeded per process).
    encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
