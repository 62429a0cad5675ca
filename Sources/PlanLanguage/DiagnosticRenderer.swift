/// Prints diagnostics GNU style with the source line and a caret (SPEC §5):
///
/// ```
/// plans/jilin.plan:12:17: error: unknown field 'F9'; did you mean 'F3'? [E103]
///    12 | add consortium K4 "氢能轨道" field F9
///       |                                   ^~
/// ```
///
/// The caret is placed by display width, so it stands under the token also after CJK text.
/// Colour (ANSI) only when asked for; the caller decides (terminal, `NO_COLOR`, `--color`).
package struct DiagnosticRenderer: Sendable {
  package var language: MessageLanguage
  package var color: Bool
  package var sources: SourceStore?

  package init(language: MessageLanguage, color: Bool = false, sources: SourceStore? = nil) {
    self.language = language
    self.color = color
    self.sources = sources
  }

  /// The most scalars of a source line a diagnostic shows.
  static let shownScalars = 200

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// The diagnostic as text, ending in a newline.
  package func render(_ d: Diagnostic) -> String {
    var out = ""
    if let loc = d.location {
      let place = loc.isCell ? loc.text : "\(loc.file):\(loc.line):\(loc.column)"
      out += paint("\(place.escapingControls):", "1") + " "
    }
    let severityColor: String
    switch d.severity {
    case .error: severityColor = "1;31"
    case .warning: severityColor = "1;35"
    case .note: severityColor = "1;36"
    }
    out += paint(d.severity.label(language) + ":", severityColor) + " "
    // Data quoted in a message (a name with ESC or U+202E) is escaped before it is styled.
    out += paint(d.message.text(language).escapingControls, "1") + " [\(d.code)]\n"
    if let loc = d.location, let source = sources?.line(loc.line, of: loc.file) {
      let shown = String(
        String.UnicodeScalarView(
          source.unicodeScalars.map { s in
            s.value == 0x09 ? " " : (String.isEscapedInText(s) ? "?" : s)
          }))
      let number = String(loc.line)
      let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number
      let blank = String(repeating: " ", count: gutter.count)
      // A long line (a 20 MB one) is shown around the column, ``shownScalars`` at most, `…`
      // where it is cut (issue 18 item 13): the diagnostic stays a few lines, not twice the line.
      let scalars = Array(shown.unicodeScalars)
      let column = max(0, loc.column - 1)
      var from = 0
      var to = scalars.count
      if scalars.count > Self.shownScalars {
        from = max(0, min(column - Self.shownScalars / 4, scalars.count - Self.shownScalars))
        to = from + Self.shownScalars
      }
      let lead = from > 0 ? "…" : ""
      out +=
        "\(gutter) | \(lead)\(String(String.UnicodeScalarView(scalars[from..<to])))\(to < scalars.count ? "…" : "")\n"
      let before = scalars[from..<max(from, min(column, to))]
      var indent = lead.isEmpty ? 0 : 1
      for s in before { indent += DisplayWidth.width(of: s) }
      let start = min(max(column, from), to)
      let tokenScalars = scalars[start..<start + min(to - start, max(0, d.length))]
      var width = 0
      for s in tokenScalars { width += DisplayWidth.width(of: s) }
      width = max(1, width)
      let caret = "^" + String(repeating: "~", count: width - 1)
      out += "\(blank) | " + String(repeating: " ", count: indent) + paint(caret, "1;32") + "\n"
    }
    for note in d.notes {
      out += "      = \(note.text(language).escapingControls)\n"
    }
    for more in d.followUps { out += render(more) }
    return out
  }

  /// The summary line after validation: `N errors, M warnings` (SPEC §5).
  package func summary(errors: Int, warnings: Int) -> String {
    DiagnosticText.summary(errors: errors, warnings: warnings).text(language)
  }
}
