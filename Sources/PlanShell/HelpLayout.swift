import Foundation
import PlanLanguage

/// How `help` lays its text out on a terminal of a given width (issue 17 item 17): descriptions
/// wrap with a hanging indent, and a description stands beside its term only where both fit,
/// else on the next line, indented.
enum HelpLayout {
  /// Fewest columns a description beside its term is given; a term wider than leaves this puts
  /// its description on the next line.
  static let narrowestDescription = 24

  /// The width help is laid out for, in columns: `COLUMNS` when it is a number of at least 20,
  /// else the terminal's (standard output's `TIOCGWINSZ`), else 80 (not a terminal).
  static func width(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    if let text = environment["COLUMNS"], let columns = Int(text), columns >= 20 { return columns }
    return Driver.terminalWidth() ?? 80
  }

  /// `text` wrapped to `width` columns, every line after `indent` spaces, each ending in `\n`.
  static func paragraph(_ text: String, indent: Int, width: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return TextWrap.wrap(text, to: max(1, width - indent)).map { (pad + $0).trimmingTrailingSpaces() + "\n" }.joined()
  }

  /// A list of terms and their descriptions: the descriptions aligned in one column after the
  /// widest term that leaves them ``narrowestDescription`` columns, each wrapped in its column
  /// (a hanging indent); the description of a wider term on the lines under it, indented by
  /// four more than the term. A term wider than the line wraps at its spaces, its further lines indented by two.
  static func columns(_ rows: [(term: String, description: String)], indent: Int = 2, width: Int) -> String {
    let room = width - indent - 2 - narrowestDescription
    let column = rows.map { DisplayWidth.width($0.term) }.filter { $0 <= room }.max() ?? 0
    var out = ""
    for row in rows {
      let termWidth = DisplayWidth.width(row.term)
      if termWidth <= column {
        let lead = String(repeating: " ", count: indent) + DisplayWidth.pad(row.term, to: column) + "  "
        let lines = TextWrap.wrap(row.description, to: max(1, width - indent - column - 2))
        let hanging = String(repeating: " ", count: indent + column + 2)
        for (i, line) in lines.enumerated() {
          out += ((i == 0 ? lead : hanging) + line).trimmingTrailingSpaces() + "\n"
        }
      } else {
        let termLines = TextWrap.wrap(row.term, to: max(1, width - indent - 2), keepingWords: true)
        for (i, line) in termLines.enumerated() {
          out += String(repeating: " ", count: indent + (i == 0 ? 0 : 2)) + line.trimmingTrailingSpaces() + "\n"
        }
        if !row.description.isEmpty { out += paragraph(row.description, indent: indent + 4, width: width) }
      }
    }
    return out
  }
}
