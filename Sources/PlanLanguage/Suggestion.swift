/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance (with transpositions) over Unicode scalars, compared
  /// case-insensitively; `nil` when none is close (1 edit for words of 1–2 characters, 2 up to 5,
  /// then a third of the length, and always fewer edits than the word has characters).
  /// Ties go to the earlier candidate.
  /// - Complexity: O(n·k²) for n candidates of length k.
  package static func nearest<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
    let target = Array(word.lowercased().unicodeScalars)
    // Short words allow fewer edits, and never as many as the word is long ('补贴' is not 'ip').
    let limit = min(target.count - 1, target.count <= 2 ? 1 : (target.count <= 5 ? 2 : target.count / 3 + 1))
    if limit < 1 { return nil }
    var best: (String, Int)?
    for candidate in candidates {
      let c = Array(candidate.lowercased().unicodeScalars)
      if abs(c.count - target.count) > limit { continue }
      let d = distance(target, c, limit: best.map { min($0.1, limit) } ?? limit)
      if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }

  /// The candidate nearest to `word` over names in both languages (SPEC §15: suggestions over
  /// English keywords and Chinese names): for a word with a non-ASCII character, first a
  /// candidate that contains it or is contained in it (`领` → 领域, `联合体们` → 联合体), the
  /// shortest, then the earliest; otherwise, or when none does, ``nearest(_:in:)``.
  package static func nearestName(_ word: String, in candidates: [String]) -> String? {
    if !word.isEmpty, word.unicodeScalars.contains(where: { !$0.isASCII }) {
      var best: String?
      for candidate in candidates where candidate.unicodeScalars.contains(where: { !$0.isASCII }) {
        guard candidate.contains(word) || word.contains(candidate) else { continue }
        if best == nil || candidate.count < best!.count { best = candidate }
      }
      if let best { return best }
    }
    return nearest(word, in: candidates)
  }

  /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so `lsit` is
  /// one step from `list`); returns `limit + 1` early when it must exceed `limit`.
  package static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
        current[j] = d
        rowMin = min(rowMin, d)
      }
      if rowMin > limit { return limit + 1 }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
