import PlanModel

extension LanguageServer {
  /// `textDocument/documentSymbol`: each entity an `add` statement makes, named by kind and key,
  /// with its name as detail.
  func documentSymbols(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    let symbols = open.occurrences.statements.filter { $0.verb == .add }.map { s -> JSON in
      .object([
        "name": .string(([s.kind.rawValue] + s.key).joined(separator: " ")),
        "detail": s.name.map { .string($0) },
        "kind": .int(LanguageServer.symbolKind(s.kind)),
        "range": s.range.json, "selectionRange": s.selection.json,
      ])
    }
    return .array(symbols)
  }

  /// The LSP `SymbolKind` shown for a kind.
  static func symbolKind(_ kind: Kind) -> Int {
    switch kind {
    case .consortium: 2  // Module
    case .field: 3  // Namespace
    case .org: 5  // Class
    case .criterion: 7  // Property
    case .phase: 10  // Enum
    case .measure: 12  // Function
    case .goal: 24  // Event
    default: 19  // Object
    }
  }
}
