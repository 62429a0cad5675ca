import PlanModel
import PlanShell

extension LanguageServer {
  /// `textDocument/completion`: what the shell's Tab offers for the line before the cursor
  /// (``Completer``, on the document's plan), each item replacing the word being typed. While
  /// the text does not load (a statement being typed), on the entities its `add`s name.
  func completion(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    let position = try position(params)
    let prefix = open.document.prefix(to: position)
    let completion = Completer(plan: open.analysis.plan ?? open.occurrences.skeleton).complete(prefix)
    let typed = Position(line: position.line, character: prefix.utf16.count)
    let start = Position(line: position.line, character: max(0, typed.character - completion.word.utf16.count))
    let range = TextRange(start: start, end: typed)
    let items = completion.candidates.map { candidate -> JSON in
      .object([
        ("label", .string(candidate)),
        ("textEdit", .object([("range", range.json), ("newText", .string(candidate))])),
      ])
    }
    return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
  }
}
