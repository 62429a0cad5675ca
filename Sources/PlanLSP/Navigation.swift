import PlanLanguage
import PlanModel

extension LanguageServer {
  /// `textDocument/definition`: the `add` statement's own ID for the ID at the cursor.
  func definition(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    guard let o = open.occurrences.occurrence(at: try position(params)),
      let target = open.occurrences.all(o.kind, o.id).first(where: \.isDefinition)
    else { return .null }
    return location(open, target.range)
  }

  /// `textDocument/references`: every occurrence of the ID at the cursor (its definition too
  /// when `context.includeDeclaration`).
  func references(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    guard let o = open.occurrences.occurrence(at: try position(params)) else { return .null }
    let withDefinition = params?["context"]?["includeDeclaration"]?.bool ?? true
    return .array(
      open.occurrences.all(o.kind, o.id).filter { withDefinition || !$0.isDefinition }.map { location(open, $0.range) })
  }

  /// `textDocument/rename`: renames the ID at the cursor in every statement of the file that
  /// names it, as the shell's `rename` does in the plan: a `WorkspaceEdit` of those tokens.
  /// - Throws: ``RPC/Failure`` (`requestFailed`) for a kind without an ID of its own, a new
  ///   name that is not an ID, or one that another entity of the kind has.
  func rename(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    guard let o = open.occurrences.occurrence(at: try position(params)) else {
      throw RPC.Failure(.requestFailed, language == .zh ? "光标处没有 ID" : "no ID at the cursor")
    }
    guard let newName = params?["newName"]?.string else { throw RPC.Failure(.invalidParams, "\"newName\" is required") }
    guard o.kind.spec.hasOwnID else {
      throw RPC.Failure(.requestFailed, Message.cannotRename(kind: o.kind.rawValue).text.text(language))
    }
    let probe = Parser.parse("rename \(o.kind.rawValue) \(o.id) \(newName)", file: "<rename>")
    guard probe.diagnostics.isEmpty, probe.commands.count == 1, probe.commands[0].arguments.count == 3,
      probe.commands[0].arguments[2].word == newName
    else {
      throw RPC.Failure(.requestFailed, language == .zh ? "“\(newName)”不是 ID" : "'\(newName)' is not an ID")
    }
    if newName != o.id, open.occurrences.all(o.kind, newName).contains(where: \.isDefinition) {
      throw RPC.Failure(.requestFailed, Message.duplicate(kind: o.kind.rawValue, key: newName).text.text(language))
    }
    let edits = open.occurrences.all(o.kind, o.id).map { occurrence -> JSON in
      .object([("range", occurrence.range.json), ("newText", .string(newName))])
    }
    return .object([("changes", .object([(open.document.uri, .array(edits))]))])
  }

  private func location(_ open: OpenDocument, _ range: TextRange) -> JSON {
    .object([("uri", .string(open.document.uri)), ("range", range.json)])
  }
}
