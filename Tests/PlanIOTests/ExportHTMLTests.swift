import Foundation
import PlanLanguage
import Testing

@testable import PlanIO

/// SPEC §9 html: one self-contained page that parses, with the timeline as inline SVG and no
/// reference to the network.
@Suite struct ExportHTMLTests {
  func html(_ name: String, _ language: MessageLanguage = .en) throws -> String {
    Exporter.export(try ExportFixtures.plan(name), format: .html, options: ExportOptions(language: language))
  }

  @Test(arguments: ExportFixtures.planNames)
  func selfContainedWithAnSVGTimeline(plan name: String) throws {
    for language in MessageLanguage.allCases {
      let page = try html(name, language)
      #expect(page.hasPrefix("<!DOCTYPE html>\n"))
      #expect(page.contains("<meta charset=\"utf-8\">"))
      #expect(page.contains("<html lang=\"\(language == .zh ? "zh-CN" : "en")\">"))
      #expect(page.contains("<svg"))
      for reference in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
        #expect(!page.lowercased().contains(reference), "\(reference)")
      }
      // Links only to anchors in the page.
      #expect(
        !page.contains("href=\"")
          || page.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
    }
  }

  /// Python's html.parser reads the page; every element that needs an end tag is closed in
  /// order, and the timeline has a bar per phase and a mark per goal and measure.
  @Test(arguments: ExportFixtures.planNames)
  func parsesAndIsWellFormed(plan name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let script = """
      import sys
      from html.parser import HTMLParser
      VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
      class Checker(HTMLParser):
          def __init__(self):
              super().__init__(convert_charrefs=True)
              self.stack, self.errors, self.counts, self.svg_depth = [], [], {}, 0
          def handle_starttag(self, tag, attrs):
              self.counts[tag] = self.counts.get(tag, 0) + 1
              if tag == "svg": self.svg_depth += 1
              if tag not in VOID: self.stack.append((tag, self.getpos()))
          def handle_startendtag(self, tag, attrs):
              self.counts[tag] = self.counts.get(tag, 0) + 1
              if tag not in VOID and self.svg_depth == 0: self.errors.append("self-closed <%s> outside svg at %s" % (tag, self.getpos()))
          def handle_endtag(self, tag):
              if tag in VOID: return
              if not self.stack or self.stack[-1][0] != tag:
                  self.errors.append("</%s> at %s closes %s" % (tag, self.getpos(), self.stack[-1] if self.stack else None)); return
              self.stack.pop()
              if tag == "svg": self.svg_depth -= 1
      c = Checker()
      c.feed(sys.stdin.read()); c.close()
      for tag, pos in c.stack: c.errors.append("<%s> at %s not closed" % (tag, pos))
      print("\\n".join(c.errors) if c.errors else "ok %d %d %d %d" % (c.counts.get("svg", 0), c.counts.get("rect", 0), c.counts.get("circle", 0), c.counts.get("path", 0)))
      """
    for language in MessageLanguage.allCases {
      let output = try ExportPython.run(script, input: try html(name, language))
        .trimmingCharacters(in: .whitespacesAndNewlines)
      let parts = output.split(separator: " ")
      #expect(parts.first == "ok", "\(output)")
      guard parts.count == 5, let svg = Int(parts[1]), let rects = Int(parts[2]), let circles = Int(parts[3]),
        let paths = Int(parts[4])
      else { continue }
      #expect(svg == 1)
      #expect(rects >= plan[.phase].count)  // a bar per phase (and lane bands)
      #expect(circles == plan[.goal].count + 1)  // a mark per goal, and the legend's
      #expect(paths == plan[.measure].count + 1)  // a diamond per measure, and the legend's
    }
  }

  @Test func planTextIsEscaped() throws {
    let page = try html("tricky")
    #expect(page.contains("<title>Demo 示范规划: Latin, 中文 &amp; &quot;quotes&quot; &lt;b&gt;|x|&lt;/b&gt;</title>"))
    #expect(page.contains("工信部 &lt;MIIT&gt;"))
    #expect(page.contains("一汽, FAW &quot;Group&quot;<br>第二行"))
    #expect(!page.contains("<b>|x|"))
  }
}

/// Issue 17 item 18: printed to A4 the page left a heading alone at the foot of a page, broke
/// IDs mid-word and had no page numbers. The print rules are checked here; the pages Chromium
/// prints are checked by `HTMLPrintIntegration`.
@Suite struct ExportHTMLPrintTests {
  /// The body of the `@media print { … }` block of the style.
  static var printRules: String {
    let style = HTMLExport.style
    guard let start = style.range(of: "@media print {") else { return "" }
    return String(style[start.upperBound...])
  }

  @Test func pageNumbersAreInTheFooterOfEveryA4Page() throws {
    let style = HTMLExport.style
    let page = try #require(style.range(of: "@page {"))
    let rule = style[page.upperBound...].prefix { $0 != "}" }
    #expect(rule.contains("size: A4"))
    #expect(rule.contains("@bottom-center { content: counter(page) \" / \" counter(pages)"))
  }

  @Test(arguments: ["h2", "h3", "h4", "h5"])
  func headingsKeepWithWhatFollows(heading: String) {
    let rule = Self.printRules.components(separatedBy: "\n").first { $0.contains("break-after: avoid") } ?? ""
    #expect(rule.contains(heading + ","), "\(rule)")
  }

  @Test func tablesAndTheTimelineStayWholeWhereTheyFit() {
    let rule = Self.printRules.components(separatedBy: "\n").first {
      $0.contains("break-inside: avoid") && $0.contains("table")
    }
    #expect(rule?.contains("figure") == true)
    // A table longer than a page repeats its header on the next.
    #expect(Self.printRules.contains("thead { display: table-header-group; }"))
  }

  @Test func idCellsAndSpansDoNotWrap() throws {
    #expect(HTMLExport.style.contains(".id { color: var(--accent); white-space: nowrap; }"))
    let page = Exporter.export(try ExportFixtures.jilin(), format: .html, options: ExportOptions(language: .zh))
    // Every goal and measure ID of the plan stands in an unbreakable cell.
    let plan = try ExportFixtures.jilin()
    let ids = plan[.goal].keys.map(\.description) + plan[.measure].keys.map(\.description)
    #expect(!ids.isEmpty)
    for id in ids { #expect(page.contains("<td class=\"id\">\(id)</td>"), "\(id)") }
    // The members table's org column, and the funding table's consortium and phase columns.
    #expect(page.contains("<td class=\"id\">jlpc</td>"))
    #expect(page.contains("<td class=\"id\">K1</td><td class=\"id\">P1</td>"))
  }
}
