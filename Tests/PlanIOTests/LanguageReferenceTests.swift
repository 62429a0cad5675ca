import Foundation
import PlanEngine
import PlanModel
import Testing

@testable import PlanIO

/// Issue 17 item 21: the repository carries its own language reference, generated from the
/// schema and the rule catalog, so it cannot drift.
@Suite struct LanguageReferenceTests {
  static let committed = ExportFixtures.root.appendingPathComponent("docs/reference.md")

  @Test func theCommittedReferenceIsWhatTheGeneratorPrints() throws {
    let text = try String(contentsOf: Self.committed, encoding: .utf8)
    #expect(text == LanguageReference.markdown, "docs/reference.md is stale: run `make docs`")
  }

  @Test func everyKindAttributeSettingAndRuleIsListed() {
    let doc = LanguageReference.markdown
    for spec in Schema.kinds {
      #expect(doc.contains("\n### \(spec.kind.rawValue)\n"))
      for a in spec.attributes { #expect(doc.contains("| `\(a.name)`"), "\(spec.kind.rawValue) \(a.name)") }
    }
    for a in Schema.plan { #expect(doc.contains("| `\(a.name)`"), "plan \(a.name)") }
    for rule in RuleCatalog.rules { #expect(doc.contains("| \(rule.code) |"), "\(rule.code)") }
    // A percent setting's default reads as a percent (gov-share-max 50%).
    #expect(doc.contains("| `gov-share-max` | a percent such as 30% | no | `50%` |"))
  }
}
