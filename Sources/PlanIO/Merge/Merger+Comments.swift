import PlanModel

extension Merger {
  /// The comments (SPEC §15), three ways, each block by what it stands with (the trailer as one
  /// block): a block changed on one side only is taken; changed on both sides to different
  /// lines, it is not a conflict — a comment is a note, not plan data — but ours' lines then
  /// theirs' lines that ours lacks, so that neither side's note is lost. A block whose entity is
  /// not in the merged plan goes with it.
  mutating func mergeComments() {
    let (b, o, t) = (base.comments, ours.comments, theirs.comments)
    guard !(o.isEmpty && t.isEmpty) else { return }
    var merged = PlanComments()
    var targets = Set(o.blocks.keys)
    targets.formUnion(t.blocks.keys)
    targets.formUnion(b.blocks.keys)
    for target in targets where result.contains(target) {
      merged[target] = Self.merge(base: b[target], ours: o[target], theirs: t[target])
    }
    merged.trailer = Self.merge(base: b.trailer, ours: o.trailer, theirs: t.trailer)
    result.comments = merged
  }

  /// One block three ways (``mergeComments()``).
  static func merge(base: [String], ours: [String], theirs: [String]) -> [String] {
    if ours == theirs || theirs == base { return ours }
    if ours == base { return theirs }
    return ours + theirs.filter { !ours.contains($0) }
  }
}
