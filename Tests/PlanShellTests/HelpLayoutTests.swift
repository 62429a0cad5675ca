import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Issue 17 item 17: `help` is laid out for the terminal's width — descriptions wrap with a
/// hanging indent, beside their term where both fit, else under it — in 60, 80 and 120 columns.
@Suite struct HelpLayoutTests {
  static let widths = [60, 80, 120]

  /// Every topic, both languages, each width: no line is wider than the width (the newcomer's
  /// zh overview ran to ~150 columns) and none ends in a space.
  @Test(arguments: widths)
  func noLineIsWiderThanTheTerminal(_ width: Int) throws {
    for language in MessageLanguage.allCases {
      for topic in [nil] + Help.topics.map(Optional.some) where topic != "terms" {
        let text = try #require(Help.text(topic, language: language, width: width))
        for line in text.split(separator: "\n") {
          // Only a word that cannot be broken (a list of formats) may stand out.
          let words = line.split(separator: " ")
          #expect(
            DisplayWidth.width(String(line)) <= width || words.count == 1
              || (words.count == 2 && words[0].allSatisfy(\.isLetter)
                && DisplayWidth.width(String(words[1])) > width - 8),
            "\(language) \(topic ?? "-") \(width): \(line)")
          #expect(!line.hasSuffix(" "), "\(topic ?? "-"): \(line)")
        }
      }
    }
  }

  /// The overview: every summary is there whole (wrapping only adds line breaks and indents);
  /// the summaries that stand beside their syntax start in one column, and their continuation
  /// lines start in it too; a syntax too wide for that has its summary under it, indented.
  @Test(arguments: widths)
  func theOverviewAlignsWhatFitsAndWrapsWithAHangingIndent(_ width: Int) throws {
    for language in MessageLanguage.allCases {
      let text = try #require(Help.text(nil, language: language, width: width))
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
      var column: Int?
      for command in ShellCommand.all where command.inOverview {
        let summary = command.summary.text(language)
        #expect(squeezed(text).contains(squeezed(command.syntax) + squeezed(summary)), "\(command.verb)")
        let at = try #require(
          lines.firstIndex { $0.hasPrefix("  " + command.verb.rawValue + " ") || $0 == "  " + command.syntax })
        // The room beside the syntax the layout promises (HelpLayout.narrowestDescription).
        if 2 + DisplayWidth.width(command.syntax) + 2 + HelpLayout.narrowestDescription <= width {
          // Beside: in one column for every such command.
          let descriptionColumn = descriptionStart(lines[at], after: command.syntax)
          if let c = column { #expect(descriptionColumn == c, "\(command.verb)") } else { column = descriptionColumn }
          // Its continuation lines, up to the next command's, start at that column.
          var next = at + 1
          while next < lines.count, lines[next].hasPrefix("   ") {
            #expect(lines[next].prefix(descriptionColumn).allSatisfy { $0 == " " }, "\(lines[next])")
            #expect(lines[next].dropFirst(descriptionColumn).first != " ", "\(lines[next])")
            next += 1
          }
        } else {
          // Under: after the syntax's further lines (four spaces), the summary six spaces in.
          var next = at + 1
          while lines[next].hasPrefix("    "), lines[next].dropFirst(4).first != " " { next += 1 }
          #expect(lines[next].hasPrefix("      ") && lines[next].dropFirst(6).first != " ", "\(lines[next])")
          #expect(squeezed(lines[next]).hasPrefix(squeezed(summary).prefix(4)), "\(command.verb): \(lines[next])")
        }
      }
      #expect(column != nil)
    }
  }

  /// The column where the description starts on the line of `syntax`: past the syntax and the
  /// spaces after it.
  func descriptionStart(_ line: String, after syntax: String) -> Int {
    let rest = line.dropFirst(2 + syntax.count)
    let spaces = rest.prefix { $0 == " " }.count
    return 2 + DisplayWidth.width(syntax) + spaces
  }

  @Test func wideEnoughTheOverviewKeepsOneLinePerCommand() throws {
    let text = try #require(Help.text(nil, language: .en, width: 1000))
    let shown = ShellCommand.all.filter(\.inOverview)
    for command in shown { #expect(text.contains("  \(command.syntax)  ")) }
  }

  /// COLUMNS first, then the terminal's width, then 80 (not a terminal).
  @Test func theWidthIsColumnsElseTheTerminalsElseEighty() {
    #expect(HelpLayout.width(environment: ["COLUMNS": "100"]) == 100)
    #expect(HelpLayout.width(environment: ["COLUMNS": "60"]) == 60)
    let fallback = Driver.terminalWidth() ?? 80
    #expect(HelpLayout.width(environment: ["COLUMNS": "wide"]) == fallback)
    #expect(HelpLayout.width(environment: [:]) == fallback)
  }

  /// A long description wraps in its column: the pieces are the text.
  @Test(arguments: widths)
  func aDescriptionWrapsInItsColumn(_ width: Int) {
    let rows = [
      ("short", Array(repeating: "one two three four five six seven eight nine ten", count: 3).joined(separator: " ")),
      ("a much longer term", "年度评估：截至某年各目标的状态、状态统计、资金计划与拨付；加 against（批复版本）时列出批复以来的变更"),
    ]
    let text = HelpLayout.columns(rows, width: width)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.width($0) <= width })
    #expect(lines[0].hasPrefix("  short               one two"))
    // Every continuation line of the first row starts at the description column, 2 + 18 + 2.
    let continuation = lines.dropFirst().prefix { !$0.hasPrefix("  a much") }
    #expect(!continuation.isEmpty)
    #expect(
      continuation.allSatisfy { $0.hasPrefix(String(repeating: " ", count: 22)) && $0.dropFirst(22).first != " " })
  }
}
