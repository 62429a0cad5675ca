/// A position in a source: a plan file, a script, `<shell>` or `<stdin>`.
///
/// Lines and columns are 1-based; columns count Unicode scalars (a tab is one column),
/// as SPEC §2 requires for every error.
package struct SourceLocation: Sendable, Hashable, Comparable {
  /// The file name as shown in diagnostics (`plans/jilin.plan`, `<shell>`, `<stdin>`).
  package var file: String
  /// 1-based line number.
  package var line: Int
  /// 1-based column, in Unicode scalars.
  package var column: Int

  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.line != b.line { return a.line < b.line }
    return a.column < b.column
  }
}
