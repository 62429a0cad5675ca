import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// Issue 17 item 18: the HTML export printed to A4 by headless Chromium (`chromium
/// --print-to-pdf`), read back with poppler's `pdfinfo` and `pdftotext`: page numbers in every
/// footer, Chinese IDs unbroken. Part of `make test-integration` (Chromium, poppler-utils and a
/// CJK font are in the Makefile's APT_PACKAGES); a missing program fails the test.
@Suite(.serialized) struct HTMLPrintIntegration {
  /// Runs `arguments` (the program first, found on PATH); returns standard output.
  static func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }

  /// The plan's HTML export printed to PDF: its page count and its text (`pdftotext -layout`).
  static func print(_ html: String, name: String) throws -> (pages: Int, text: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent(name + ".html")
    let pdf = directory.appendingPathComponent(name + ".pdf")
    try Data(html.utf8).write(to: page)
    _ = try run([
      "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
      "--user-data-dir=" + directory.appendingPathComponent("profile").path, "--print-to-pdf=" + pdf.path, page.path,
    ])
    let info = try run(["pdfinfo", pdf.path])
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
      Int($0.split(separator: " ").last ?? "")
    }
    return (pages ?? 0, try run(["pdftotext", "-layout", pdf.path, "-"]))
  }

  /// (plan, fewest and most A4 pages): the Jilin plan printed on 5 pages with these rules, 4
  /// before (a heading left at the foot of page 1); the Jiangsu plan on 2.
  static let plans: [(String, ClosedRange<Int>)] = [("jilin", 3...7), ("jiangsu", 1...3)]

  @Test(arguments: plans)
  func everyPageHasItsNumberAndNoIDIsBroken(_ row: (String, ClosedRange<Int>)) throws {
    let plan =
      row.0 == "jilin"
      ? try ExportFixtures.jilin() : try PlanLoader.load(bytes: Array(ExportTextIDTests.plan.utf8), file: "js.plan")
    let html = Exporter.export(plan, format: .html, options: ExportOptions(language: .zh))
    let (pages, text) = try Self.print(html, name: row.0)
    #expect(row.1.contains(pages), "\(pages) pages")
    // The footer of page k reads "k / n", the last line of the page; pdftotext ends each page
    // with a form feed.
    let printed = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).filter {
      !$0.allSatisfy(\.isWhitespace)
    }
    #expect(printed.count == pages)
    for (k, page) in printed.enumerated() {
      let lastLine = page.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) } ?? ""
      // (pdftotext drops the spaces of the small footer: "1/5").
      #expect(lastLine.filter { $0 != " " } == "\(k + 1)/\(pages)", "page \(k + 1): \(lastLine)")
    }
    // Every goal, measure and consortium ID is printed whole at least once per table row that
    // names it: pdftotext puts a wrapped cell's second half on another line.
    let lines = text.split(separator: "\n")
    for kind in [Kind.goal, .measure, .consortium, .org] {
      for key in plan[kind].keys {
        let id = key.description
        #expect(lines.contains { $0.contains(id) }, "\(id) is not printed whole")
      }
    }
  }
}
