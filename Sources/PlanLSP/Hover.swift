import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension LanguageServer {
  /// `textDocument/hover`: on an ID, the entity's statement (its attributes) and what refers to
  /// it; on a finding's range or on a rule code written in the text, the rule's help.
  func hover(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    let position = try position(params)
    var sections: [String] = []
    var range: TextRange?
    if let o = open.occurrences.occurrence(at: position) {
      range = o.range
      sections.append(entityHover(o.kind, o.id, plan: open.analysis.lastLoaded))
    }
    for d in open.analysis.diagnostics {
      guard let l = d.location else { continue }
      let r = open.document.range(line: l.line, column: l.column, length: d.length)
      guard r.contains(position) else { continue }
      sections.append(codeHover(d.code) ?? "**\(d.code)** \(d.message.text(language))")
    }
    if sections.isEmpty, let (code, r) = word(at: position, in: open.document), let help = codeHover(code) {
      sections.append(help)
      range = r
    }
    guard !sections.isEmpty else { return .null }
    let contents: JSON = .object([
      ("kind", .string("markdown")), ("value", .string(sections.joined(separator: "\n\n---\n\n"))),
    ])
    return .object(["contents": contents, "range": range?.json])
  }

  private func entityHover(_ kind: Kind, _ id: String, plan: Plan) -> String {
    guard let entity = plan.entity(kind, id) else {
      return language == .zh ? "\(kind.rawValue) \(id)：计划中没有" : "\(kind.rawValue) \(id): not in the plan"
    }
    var text = "```cplan\n" + PlanWriter.statement(entity) + "\n```"
    let (list, more) = plan.referrers(of: kind, id: id, limit: 20)
    if list.isEmpty {
      text += language == .zh ? "\n\n无引用。" : "\n\nNothing refers to it."
    } else {
      text +=
        (language == .zh ? "\n\n引用它的：\n" : "\n\nReferred to by:\n") + list.map { "- `\($0)`" }.joined(separator: "\n")
      if more > 0 { text += language == .zh ? "\n- ……另有 \(more) 项" : "\n- … and \(more) more" }
    }
    return text
  }

  /// The help of rule `code` (R01…), or `nil` for a code that is no rule.
  private func codeHover(_ code: String) -> String? {
    guard let rule = RuleCatalog.rule(code) else { return nil }
    return "**\(rule.code)** (\(rule.severity.label(language))) \(rule.summary.text(language))"
  }

  /// The word of letters and digits at `position`, with its range.
  private func word(at position: Position, in document: Document) -> (String, TextRange)? {
    guard position.line < document.lines.count else { return nil }
    let units = Array(document.lines[position.line].utf16)
    func isWordUnit(_ u: UInt16) -> Bool {
      (0x30...0x39).contains(u) || (0x41...0x5A).contains(u | 0x20 & ~0x20) || (0x61...0x7A).contains(u)
    }
    var start = min(position.character, units.count)
    var end = start
    while start > 0, isWordUnit(units[start - 1]) { start -= 1 }
    while end < units.count, isWordUnit(units[end]) { end += 1 }
    guard end > start else { return nil }
    let word = String(decoding: units[start..<end], as: UTF16.self)
    return (
      word,
      TextRange(
        start: Position(line: position.line, character: start), end: Position(line: position.line, character: end))
    )
  }
}
