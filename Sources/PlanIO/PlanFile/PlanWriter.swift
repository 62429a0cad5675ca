import PlanLanguage
import PlanModel

/// Writes a plan in canonical form (SPEC §6): the header `# cplan plan N` — 1, or the version of
/// the newest setting, kind, attribute or keyword the plan uses (``Plan/formatVersion``), so a
/// plan that uses nothing new stays readable by version 1 — `set plan …`, then
/// `add` statements in kind order and, within a kind, natural key order (see ``inKeyOrder(_:)``),
/// attributes at their defaults omitted, IDs bare and names quoted. The comment lines after the
/// header of the file the plan came from are kept, and each block of comment lines above a
/// statement is written above its entity's statement (``PlanComments``), the lines after the
/// last statement at the end.
package enum PlanWriter {
  /// The plan-file format version this program writes at most and the newest it reads.
  package static let formatVersion = PlanFormat.currentVersion

  /// The header line of `plan`'s file (``Plan/formatVersion``).
  package static func header(_ plan: Plan) -> String { "# cplan plan \(plan.formatVersion)" }

  /// The canonical text of the plan, ending in a newline.
  /// - Complexity: O(n) in the size of the plan; one buffer.
  package static func write(_ plan: Plan) -> String {
    var out = ""
    // Generously: a canonical statement averages about 100 bytes (more with long Chinese
    // names), and capacity never written to costs address space, not memory; running out
    // would copy the whole text into a buffer twice its size.
    out.reserveCapacity(160 * plan.entityCount + 4096)
    write(plan, into: &out, pieceSize: .max) { _ in }
    return out
  }

  /// Writes the canonical text of the plan (``write(_:)``) in pieces of about `pieceSize` bytes
  /// (UTF-8): `emit` gets each piece as it is filled, and the last, so that a large plan is
  /// never held whole as text (saving the 10,000-consortium plan held 60 MB more).
  /// - Complexity: O(n) in the size of the plan; one buffer of about `pieceSize` bytes.
  package static func write(_ plan: Plan, pieceSize: Int = 1 << 18, emit: (_ piece: String) -> Void) {
    var out = ""
    out.reserveCapacity(pieceSize + 4096)
    write(plan, into: &out, pieceSize: pieceSize, emit: emit)
    if !out.isEmpty { emit(out) }
  }

  /// Where a statement stands in the canonical text: `kind` `nil` is the `set plan` statement.
  package struct StatementLine: Sendable, Equatable {
    package var kind: Kind?
    package var key: EntityKey?
    /// 1-based.
    package var line: Int
  }

  /// ``write(_:pieceSize:emit:)``, also giving the line each statement was written on, in the
  /// order written (`save` locates the plan's entities at the file's lines, issue 17 item 15).
  /// Every line is ended by one call of the writer's `endLine` (a statement is one line: a
  /// newline in a name is written `\n`), which counts it; `PlanWriterLinesTests` checks each
  /// reported line against the text.
  /// - Complexity: O(n) in the size of the plan, plus one entry per statement.
  package static func write(
    _ plan: Plan, pieceSize: Int = 1 << 18, emit: (_ piece: String) -> Void, lines: inout [StatementLine]
  ) {
    var out = ""
    out.reserveCapacity(pieceSize + 4096)
    var found: [StatementLine] = []
    found.reserveCapacity(plan.entityCount + 1)
    write(plan, into: &out, pieceSize: pieceSize, emit: emit) { kind, key, line in
      found.append(StatementLine(kind: kind, key: key, line: line))
    }
    if !out.isEmpty { emit(out) }
    lines = found
  }

  /// Appends the canonical text to `out`, handing `out` to `emit` and emptying it (keeping its
  /// capacity) whenever it holds `pieceSize` bytes or more after a statement; `located`, when
  /// given, gets each statement's kind (`nil`: `set plan`), key and 1-based line.
  private static func write(
    _ plan: Plan, into out: inout String, pieceSize: Int, emit: (String) -> Void,
    located: ((Kind?, EntityKey?, Int) -> Void)? = nil
  ) {
    // The lines ended so far: every line of the text ends through `endLine`.
    var lines = 0
    @inline(__always) func endLine(_ out: inout String) {
      out += "\n"
      lines += 1
      if out.utf8.count >= pieceSize {
        emit(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    @inline(__always) func locate(_ kind: Kind?, _ key: EntityKey?, _ out: inout String) {
      located?(kind, key, lines + 1)
    }
    out += header(plan)
    endLine(&out)
    for line in plan.preamble {
      out += line
      endLine(&out)
    }
    // The comments above statements (SPEC §15), looked up only in a plan that has some.
    let comments = plan.comments
    let commented = !comments.isEmpty
    // A block before the first statement is set apart from the preamble by a blank line, so
    // that it is read back as the statement's, not as the preamble.
    var first = true
    func appendComment(_ lines: [String]) {
      guard !lines.isEmpty else { return }
      if first { endLine(&out) }
      for line in lines {
        out += line
        endLine(&out)
      }
    }
    if commented { appendComment(comments[.plan]) }
    if let line = planStatement(plan) {
      locate(nil, nil, &out)
      out += line
      endLine(&out)
      first = false
    }
    for kind in Kind.allCases {
      let table = plan[kind]
      if isInKeyOrder(table) {  // the usual case: no copy of the table
        for entity in table.values {
          if commented { appendComment(comments[CommentTarget(kind, entity.key)]) }
          locate(kind, entity.key, &out)
          appendStatement(entity, to: &out)
          endLine(&out)
          first = false
        }
        continue
      }
      for entity in inKeyOrder(table) {
        if commented { appendComment(comments[CommentTarget(kind, entity.key)]) }
        locate(kind, entity.key, &out)
        appendStatement(entity, to: &out)
        endLine(&out)
        first = false
      }
    }
    appendComment(comments.trailer)
  }

  /// Whether a kind's entities are already in natural key order.
  /// - Complexity: O(n), allocating nothing.
  static func isInKeyOrder(_ table: Table) -> Bool {
    let keys = table.keys
    for i in keys.indices.dropFirst() where NaturalOrder.less(keys[i], keys[i - 1]) { return false }
    return true
  }

  /// A kind's entities in natural key order (`G2` before `G10`), the order a plan file is
  /// loaded in, so that saving, loading and saving again gives the same bytes and a shuffled copy
  /// of a file saves to the same bytes. O(n) when already in order (the usual case).
  static func inKeyOrder(_ table: Table) -> [Entity] {
    let entities = Array(table.values)
    var sorted = true
    for i in entities.indices.dropFirst() where NaturalOrder.less(entities[i].key.parts, entities[i - 1].key.parts) {
      sorted = false
      break
    }
    if sorted { return entities }
    return entities.enumerated().sorted { x, y in
      if NaturalOrder.less(x.element.key.parts, y.element.key.parts) { return true }
      if NaturalOrder.less(y.element.key.parts, x.element.key.parts) { return false }
      return x.offset < y.offset
    }.map(\.element)
  }

  /// The preamble of the file at `path` (read from its first 256 KiB).
  package static func preamble(ofFile path: String) -> [String] {
    let head = FileIO.head(path, count: 1 << 18)
    var lines = preamble(of: head)
    if head.count == 1 << 18, !lines.isEmpty { lines.removeLast() }  // possibly cut short
    return lines
  }

  /// The comment lines right after a plan file's header, up to the first line that is not a
  /// comment (a blank line ends them too), each without its newline.
  package static func preamble(of bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    var start = (bytes.firstIndex(of: 0x0A) ?? bytes.count) + 1
    while start < bytes.count, bytes[start] == 0x23 {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      var text = String(decoding: bytes[start..<end], as: UTF8.self)
      if text.hasSuffix("\r") { text.removeLast() }
      lines.append(text)
      start = end + 1
    }
    return lines
  }

  /// `set plan …` with every attribute that is not at its default, or `nil` when none is.
  package static func planStatement(_ plan: Plan) -> String? {
    var parts: [String] = []
    for (i, attribute) in Schema.plan.enumerated() {
      guard let v = plan.settings[i], v != attribute.defaultValue else { continue }
      parts.append("\(attribute.name) \(v.canonical(as: attribute.type))")
    }
    return parts.isEmpty ? nil : "set plan " + parts.joined(separator: " ")
  }

  /// The `add` statement that recreates the entity.
  package static func statement(_ entity: Entity) -> String {
    var s = ""
    appendStatement(entity, to: &s)
    return s
  }

  static func appendStatement(_ entity: Entity, to out: inout String) {
    let spec = entity.kind.spec
    out += "add "
    out += entity.kind.rawValue
    out += " "
    out += entity.key.a
    if !entity.key.b.isEmpty {
      out += " "
      out += entity.key.b
    }
    if !entity.key.c.isEmpty {
      out += " "
      out += entity.key.c
    }
    if spec.hasName, let name = entity.name {
      out += " "
      out += Format.quoted(name)
    }
    for (i, attribute) in spec.attributes.enumerated() {
      guard let v = entity.values[i], v != attribute.defaultValue else { continue }
      out += " "
      if spec.positional != i {
        out += attribute.name
        out += " "
      }
      out += v.canonical(as: attribute.type)
    }
  }
}
