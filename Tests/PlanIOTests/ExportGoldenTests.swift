import Foundation
import PlanLanguage
import Testing

@testable import PlanIO

/// Every export format of the Jilin plan and of the tricky plan, in English and Chinese,
/// against golden files in `Golden/` (`RECORD_SNAPSHOTS=1` rewrites them).
@Suite struct ExportGoldenTests {
  static let extensions: [ExportFormat: String] = [
    .text: "txt", .markdown: "md", .json: "json", .csv: "csv", .html: "html",
  ]

  @Test(arguments: ExportFixtures.planNames, ExportFormat.textFormats)
  func everyFormatInBothLanguages(plan name: String, format: ExportFormat) throws {
    let plan = try ExportFixtures.plan(name)
    for language in MessageLanguage.allCases {
      let output = Exporter.export(plan, format: format, options: ExportOptions(language: language))
      #expect(output.hasSuffix("\n"))
      if format == .csv {
        // The CSV export carries keywords and data only: one golden file for both languages.
        assertSnapshot(output, named: "\(name).csv")
      } else {
        assertSnapshot(output, named: "\(name).\(language.rawValue).\(Self.extensions[format]!)")
      }
    }
  }

  /// The text export at 60 columns, and with the ASCII timeline.
  @Test(arguments: ExportFixtures.planNames)
  func narrowAndASCIIText(plan name: String) throws {
    let plan = try ExportFixtures.plan(name)
    for language in MessageLanguage.allCases {
      let narrow = Exporter.export(plan, format: .text, options: ExportOptions(language: language, width: 60))
      assertSnapshot(narrow, named: "\(name).\(language.rawValue).w60.txt")
    }
    let ascii = Exporter.export(plan, format: .text, options: ExportOptions(language: .en, ascii: true))
    assertSnapshot(ascii, named: "\(name).en.ascii.txt")
    // Every character outside ASCII comes from the plan's own text.
    let planText = Set((PlanWriter.write(plan) + plan.currency).unicodeScalars)
    let foreign = Set(ascii.unicodeScalars.filter { !$0.isASCII && !planText.contains($0) })
    #expect(foreign.isEmpty, "not from the plan: \(foreign.map { String($0) }.sorted())")
  }

  /// `show roadmap` and `show funding` are parts of the text export.
  @Test func showSectionsArePartsOfTheTextExport() throws {
    let plan = try ExportFixtures.jilin()
    let options = ExportOptions(language: .zh)
    let whole = Exporter.export(plan, format: .text, options: options)
    let roadmap = Exporter.roadmapSection(plan, options: options)
    let funding = Exporter.fundingSection(plan, options: options)
    #expect(roadmap.hasPrefix("阶段时间轴\n"))
    #expect(funding.hasPrefix("资金安排\n"))
    #expect(whole.contains(roadmap))
    #expect(whole.contains(funding))
  }
}
