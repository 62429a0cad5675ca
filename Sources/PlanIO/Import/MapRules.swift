import PlanLanguage
import PlanModel

/// A `--map` file: how a spreadsheet's own headers become cplan's columns, so that a planner's
/// existing sheet imports without being edited — the idea of hledger's CSV rules.
///
/// One rule a line; `#` starts a comment line; blank lines are ignored; headers and values may
/// be quoted `"…"` when they hold `->`, `=` or spaces at their ends:
///
/// ```
/// kind org                     # the kind of every file or sheet imported with these rules
/// 单位名称 -> name              # the sheet's header 单位名称 is the column `name`
/// 统一编号 -> id
/// 性质 -> type
/// skip 序号                     # a column to leave out
/// type = enterprise            # a constant: every row's `type` is enterprise, unless the row gives one
/// ```
///
/// The target of `->` and the column of `=` are column names or their Chinese labels, as a
/// header may be (``WorkbookSheets``). A header that no rule names is read as it is.
package struct MapRules: Sendable {
  /// A rule's position, for messages.
  package struct Located<T: Sendable>: Sendable {
    package var value: T
    package var location: SourceLocation
  }

  /// `kind KIND`.
  package var kind: Located<Kind>?
  /// `HEADER -> COLUMN`, by the sheet's header (trimmed).
  package var renames: [String: Located<String>] = [:]
  /// `skip HEADER`.
  package var skipped: Set<String> = []
  /// `COLUMN = VALUE`, in file order.
  package var constants: [(column: Located<String>, value: String)] = []

  package init() {}

  /// Reads a rules file.
  /// - Throws: a ``DiagnosticList`` with every bad line (E138 at its line, E100 for an unknown
  ///   kind), or E112 when it cannot be read.
  package static func load(path: String) throws(DiagnosticList) -> MapRules {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw DiagnosticList([.error(.cannotRead(path, reason: error.reason), at: nil)])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw DiagnosticList([.error(.invalidUTF8(), at: SourceLocation(file: path, line: 1, column: 1))])
    }
    return try parse(text, file: path)
  }

  /// Reads the rules in `text` (named `file` in messages).
  package static func parse(_ text: String, file: String) throws(DiagnosticList) -> MapRules {
    var rules = MapRules()
    var errors: [Diagnostic] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = String(rawLine)
      if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      if line.hasSuffix("\r") { line.removeLast() }
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let indent = line.unicodeScalars.prefix { $0.isHorizontalWhitespace }.count
      let at = SourceLocation(file: file, line: lineNumber, column: indent + 1)
      let content = stripComment(trimmed)
      if let rest = word(content, after: "kind") {
        let name = unquote(rest)
        guard let kind = ImportKinds.kind(named: name) else {
          errors.append(
            .error(.unknownKind(name, suggestion: Suggestion.nearest(name, in: ImportKinds.allNames)), at: at))
          continue
        }
        rules.kind = Located(value: kind, location: at)
      } else if let rest = word(content, after: "skip") {
        rules.skipped.insert(unquote(rest))
      } else if let arrow = content.firstRange(of: "->") {
        let header = unquote(String(content[..<arrow.lowerBound]))
        let target = unquote(String(content[arrow.upperBound...]))
        guard !header.isEmpty, !target.isEmpty else {
          errors.append(.error(ImportText.badMapRule(ImportText.mapRuleSyntax), at: at))
          continue
        }
        rules.renames[header] = Located(value: target, location: at)
      } else if let equals = content.firstIndex(of: "=") {
        let column = unquote(String(content[..<equals]))
        let value = unquote(String(content[content.index(after: equals)...]))
        guard !column.isEmpty else {
          errors.append(.error(ImportText.badMapRule(ImportText.mapRuleSyntax), at: at))
          continue
        }
        rules.constants.append((Located(value: column, location: at), value))
      } else {
        errors.append(.error(ImportText.badMapRule(ImportText.mapRuleSyntax), at: at))
      }
    }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    return rules
  }

  /// The text after a leading keyword and a blank (`kind org` → `org`), or `nil`.
  private static func word(_ line: String, after keyword: String) -> String? {
    guard line.lowercased().hasPrefix(keyword + " ") || line.lowercased().hasPrefix(keyword + "\t") else { return nil }
    return String(line.dropFirst(keyword.count)).trimmingWhitespace()
  }

  /// The line without a trailing comment (` # …` outside quotes).
  private static func stripComment(_ line: String) -> String {
    var quoted = false
    var previous: Character = " "
    for (offset, c) in line.enumerated() {
      if c == "\"" { quoted.toggle() }
      if c == "#", !quoted, previous.isWhitespace {
        return String(line.prefix(offset)).trimmingWhitespace()
      }
      previous = c
    }
    return line
  }

  /// A part trimmed and, when in double quotes, without them.
  private static func unquote(_ part: String) -> String {
    let t = part.trimmingWhitespace()
    if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { return String(t.dropFirst().dropLast()) }
    return t
  }
}
