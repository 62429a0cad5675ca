import PlanLanguage
import PlanModel

extension PlanMerge {
  /// The line that opens a conflict, before ours' version of the statement.
  package static let oursMarker = "<<<<<<< ours"
  /// The line between the two versions.
  package static let separatorMarker = "======="
  /// The line that closes a conflict, after theirs' version.
  package static let theirsMarker = ">>>>>>> theirs"

  /// The merged plan file (SPEC §14): canonical (``PlanWriter``) where the merge is clean, and
  /// each conflict at its statement's place as
  ///
  /// ```
  /// <<<<<<< ours
  /// add org jlu "吉林大学" type university
  /// =======
  /// add org jlu "吉林大学" type institute
  /// >>>>>>> theirs
  /// ```
  ///
  /// with a side left empty where that side has no such statement. Both versions carry every
  /// change that merged cleanly, so keeping either (and deleting the marker lines) gives a plan.
  /// - Complexity: O(n) in the size of the plan.
  package func text() -> String {
    if conflicts.isEmpty { return PlanWriter.write(plan) }
    var text = ""
    write(pieceSize: .max) { text += $0 }
    return text
  }

  /// Writes ``text()`` in pieces of about `pieceSize` bytes (UTF-8), each handed to `emit`, so
  /// that the merge of a large plan is never held whole as text.
  package func write(pieceSize: Int = 1 << 18, emit: (_ piece: String) -> Void) {
    guard !conflicts.isEmpty else { return PlanWriter.write(plan, pieceSize: pieceSize, emit: emit) }
    var out = ""
    out.reserveCapacity(pieceSize == .max ? 160 * plan.entityCount + 4096 : pieceSize + 4096)
    func flush() {
      guard out.utf8.count >= pieceSize else { return }
      emit(out)
      out.removeAll(keepingCapacity: true)
    }
    out += PlanWriter.header(plan) + "\n"
    for line in plan.preamble { out += line + "\n" }
    var next = 0  // the next conflict to write; they are in the order of the text
    if let first = conflicts.first, first.kind == nil {
      Self.append(first, to: &out)
      next = 1
    } else if let line = PlanWriter.planStatement(plan) {
      // Set apart from the preamble by a blank line, as the writer does.
      if !plan.comments[.plan].isEmpty { out += "\n" + plan.comments[.plan].joined(separator: "\n") + "\n" }
      out += line + "\n"
    }
    for kind in Kind.allCases {
      var end = next
      while end < conflicts.count && conflicts[end].kind == kind { end += 1 }
      let conflicted = Set(conflicts[next..<end].compactMap(\.key))
      for e in Merger.inKeyOrder(plan[kind]) {
        while next < end, let key = conflicts[next].key, !NaturalOrder.less(e.key, key) {
          Self.append(conflicts[next], to: &out)
          next += 1
        }
        for comment in plan.comments[CommentTarget(kind, e.key)] { out += comment + "\n" }
        if conflicted.isEmpty || !conflicted.contains(e.key) {
          PlanWriter.appendStatement(e, to: &out)
          out += "\n"
          flush()
        }
      }
      while next < end {
        Self.append(conflicts[next], to: &out)
        next += 1
      }
    }
    for comment in plan.comments.trailer { out += comment + "\n" }
    if !out.isEmpty { emit(out) }
  }

  /// A conflict's two versions between the markers.
  static func append(_ conflict: MergeConflict, to out: inout String) {
    out += oursMarker + "\n"
    if let line = MergeConflict.statement(conflict.ours) { out += line + "\n" }
    out += separatorMarker + "\n"
    if let line = MergeConflict.statement(conflict.theirs) { out += line + "\n" }
    out += theirsMarker + "\n"
  }
}
