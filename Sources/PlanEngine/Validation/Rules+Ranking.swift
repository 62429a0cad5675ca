import PlanLanguage
import PlanModel

/// Rules R01–R10: criteria, weights, scores and the ranking built on them (SPEC §7, §8).
///
/// Interpretations where SPEC §7 is terse:
/// - A plan without criteria has nothing to weigh: R01, R03, R04 and R06 stay silent until the
///   first criterion is added; R05 until the first field and criterion exist.
/// - A finding about a whole set (the weights' sum, the tags' coverage) is reported at the
///   criterion statement that comes last, the one that most recently defined or changed the set.
/// - R07–R10 need a ranking that can be trusted: no R01, R02, R03 or R05 error and, with AHP, no
///   R04 error. Otherwise they are skipped (the blocking rule already reports the cause). They use
///   the plan's own `method`. R08–R10 need `cutoff`; without it they have nothing to check.
enum RankingRules {
  /// The rules about the criteria, weights, scores and the ranking itself: they read only the
  /// plan settings, criteria, judgements, fields and scores (``ValidationCache`` re-runs them only
  /// when one of those changes).
  static let basis = [r01, r02, r03, r04, r05, r06, r07, r08]
  /// The rules linking the ranking to the consortia.
  static let links = [r09, r10]

  /// The largest consistent CR (Saaty 1980; SPEC §7 R04).
  static let maximumCR = 0.10

  /// How far the weights' sum may lie from 1 (SPEC §7 R01), plus rounding slack for binary fractions.
  static let weightSumTolerance = 0.001 + 1e-12

  /// The criteria whose weights must be set, the sum of what is set, and the missing ones.
  ///
  /// **R01** (error, `weighting direct` only): every criterion has a `weight` > 0, and the weights
  /// sum to 1 within ±0.001. A missing weight is reported on its own; the sum is checked only when
  /// every criterion has a weight, and is reported at the criterion statement that comes last.
  static let r01 = Rule("R01") { c in
    guard c.plan.weighting == "direct", let last = c.latest(c.criteria) else { return [] }
    var findings: [Diagnostic] = []
    var terms: [(id: String, weight: Double)] = []
    for criterion in c.criteria {
      guard let weight = criterion[Attr.Criterion.weight]?.number else {
        findings.append(c.report(.r01MissingWeight(criterion), at: criterion))
        continue
      }
      if weight <= 0 { findings.append(c.report(.r01NonPositiveWeight(criterion, weight: weight), at: criterion)) }
      terms.append((criterion.id, weight))
    }
    let sum = terms.reduce(0) { $0 + $1.weight }
    if terms.count == c.criteria.count, abs(sum - 1) > weightSumTolerance {
      findings.append(c.report(.r01WeightSum(terms, sum: sum), at: last))
    }
    return findings
  }

  /// **R02** (error): every criterion's `scale` has MIN < MAX (reported at the criterion), and
  /// every score lies within its criterion's scale, ends included (reported at the score). Scores
  /// on a criterion whose scale is itself wrong are not judged.
  static let r02 = Rule("R02") { c in
    var findings: [Diagnostic] = []
    for criterion in c.criteria {
      if let (low, high) = criterion[Attr.Criterion.scale]?.range, !(low < high) {
        findings.append(c.report(.r02Scale(criterion, low: low, high: high), at: criterion))
      }
    }
    let scales = c.criteria.map { $0[Attr.Criterion.scale]?.range }
    var criterionOf = PlanIndex.Resolver(c.plan[.criterion])
    c.plan[.score].values.elements.withUnsafeBufferPointer { scores in
      for i in scores.indices {
        guard let value = scores[i][Attr.Score.value]?.number else { continue }
        let j = Int(criterionOf(scores[i].key.b))
        guard j >= 0, let (low, high) = scales[j], low < high, value < low || value > high else { continue }
        let score = scores[i]
        findings.append(
          c.report(
            .r02ScoreOutside(field: score.key.a, criterion: score.key.b, value: value, low: low, high: high), at: score)
        )
      }
    }
    return findings
  }

  /// **R03** (error, `weighting ahp` only): every judgement is a Saaty value — a whole number 1…9
  /// or its reciprocal 1/2…1/9 (within 1e-9) — reported at the judgement; and every pair of
  /// criteria is judged (in either order). Missing pairs are reported once per criterion, at the
  /// criterion, naming the earlier criteria (plan order) it has not been compared with, so adding
  /// a criterion puts the finding on the new criterion's line.
  static let r03 = Rule("R03") { c in
    guard c.plan.weighting == "ahp" else { return [] }
    var findings: [Diagnostic] = []
    for compare in c.plan[.compare].values {
      if let value = compare[Attr.Compare.value]?.number, !isSaaty(value) {
        findings.append(c.report(.r03NotSaaty(compare, value: value), at: compare))
      }
    }
    let ids = c.criteria.map(\.id)
    let pairs = ids.count * (ids.count - 1) / 2
    let missing = ids.indices.map { i in ids[..<i].filter { !judged(c.plan, ids[i], $0) } }
    let missingPairs = missing.reduce(0) { $0 + $1.count }
    for (criterion, partners) in zip(c.criteria, missing) where !partners.isEmpty {
      findings.append(
        c.report(.r03Unjudged(criterion, missing: partners, missingPairs: missingPairs, pairs: pairs), at: criterion))
    }
    return findings
  }

  /// **R04** (error, `weighting ahp` only): the consistency ratio CR = CI/RI of the judgements is at
  /// most 0.10 for n ≥ 3 criteria (n ≤ 2 is always consistent). Checked only when R03 is clean.
  /// Reported at the judgement that departs most from the derived weights (the largest
  /// max(aᵢⱼ·wⱼ/wᵢ, wᵢ/(aᵢⱼ·wⱼ)); among equals the later statement), the first one to reconsider;
  /// the message gives CR, CI, RI, n and λmax.
  /// More than 15 criteria is also an R04 error: Saaty's RI table ends at 15.
  static let r04 = Rule("R04") { c in
    guard c.plan.weighting == "ahp" else { return [] }
    if c.criteria.count > ahpMaxCriteria {
      return [c.report(.r04TooManyCriteria(c.criteria.count), at: c.criteria[ahpMaxCriteria])]
    }
    guard c.criteria.count >= 3, let ahp = c.ahp, ahp.cr > maximumCR else { return [] }
    let position = Dictionary(uniqueKeysWithValues: c.criteria.enumerated().map { ($0.element.id, $0.offset) })
    var worst: (compare: Entity, implied: Double, departure: Double)?
    for compare in c.plan[.compare].values {
      guard let i = position[compare.key.a], let j = position[compare.key.b],
        let value = compare[Attr.Compare.value]?.number
      else { continue }
      let implied = ahp.weights[i] / ahp.weights[j]
      let departure = max(value / implied, implied / value)
      if let w = worst {
        // Equal departures (all judgements of a 3 × 3 matrix depart alike): the later statement.
        let tie = abs(departure - w.departure) <= 1e-9 * w.departure
        guard tie ? compare.location > w.compare.location : departure > w.departure else { continue }
      }
      worst = (compare, implied, departure)
    }
    guard let worst else { return [] }
    return [
      c.report(
        .r04Inconsistent(ahp, n: c.criteria.count, worst: worst.compare, implied: worst.implied), at: worst.compare)
    ]
  }

  /// **R05** (error): every field has a score on every criterion; a gap is never read as zero.
  /// One finding per field, at the field, naming the criteria it lacks.
  static let r05 = Rule("R05") { c in
    guard !c.criteria.isEmpty else { return [] }
    let scores = c.scores
    guard scores.missing > 0 else { return [] }
    let fields = c.plan[.field].values
    return fields.indices.compactMap { f in
      let missing = c.criteria.indices.filter { !scores.has(f, $0) }.map { c.criteria[$0].id }
      return missing.isEmpty ? nil : c.report(.r05MissingScores(fields[f], criteria: missing), at: fields[f])
    }
  }

  /// **R06** (warning): the criteria's tags include chain, leader and science (the three bases of
  /// DOMAIN.md). Reported once, at the criterion statement that comes last.
  static let r06 = Rule("R06") { c in
    guard let last = c.latest(c.criteria) else { return [] }
    var tags: [String] = []
    for criterion in c.criteria {
      if let tag = criterion[Attr.Criterion.tag]?.choice, !tags.contains(tag) { tags.append(tag) }
    }
    let missing = ["chain", "leader", "science"].filter { !tags.contains($0) }
    return missing.isEmpty ? [] : [c.report(.r06Bases(missing: missing, present: tags), at: last)]
  }

  /// **R07** (warning): fields whose scores lie within 1e-9 of each other share a rank. One finding
  /// per group of tied fields, at the field of the group that comes last in plan order.
  static let r07 = Rule("R07") { c in
    guard let ranking = c.ranking else { return [] }
    // The rows are sorted by rank: tied fields stand together.
    let rows = ranking.rows
    var findings: [Diagnostic] = []
    var start = 0
    while start < rows.count {
      var end = start + 1
      while end < rows.count, rows[end].rank == rows[start].rank { end += 1 }
      if end - start > 1 {
        let fields = rows[start..<end].compactMap { c.plan.entity(.field, $0.field) }
        if let last = fields.last {
          let tie = Message.r07Tie(fields, score: rows[start].score, rank: rows[start].rank, method: ranking.method)
          findings.append(c.report(tie, at: last))
        }
      }
      start = end
    }
    return findings
  }

  /// **R08** (warning): the top-`cutoff` set (every field with rank ≤ cutoff, so a tie at the
  /// boundary brings in all tied fields) is the same under weighted and topsis — reported at the
  /// `set plan … cutoff` statement — and survives moving any one weight by ±10% *of that weight*
  /// (0.30 → 0.27 and 0.33), the other weights rescaled to keep their proportions and sum — one
  /// finding per move that changes it, at the criterion whose weight moved. The moves use the
  /// plan's `method`.
  static let r08 = Rule("R08") { c in
    guard let basis = c.trustedBasis, let cutoff = c.plan.cutoff else { return [] }
    let input = basis.input
    let ids = input.fieldIDs
    var findings: [Diagnostic] = []
    let weighted = topSet(scores: scores(input, method: .weighted), cutoff: cutoff)
    let topsis = topSet(scores: scores(input, method: .topsis), cutoff: cutoff)
    if weighted != topsis, let location = c.cutoffLocation {
      findings.append(
        c.report(
          .r08Methods(cutoff: cutoff, weighted: weighted.map { ids[$0] }, topsis: topsis.map { ids[$0] }),
          at: location))
    }
    let method = RankingMethod(rawValue: c.plan.method) ?? .weighted
    let top = (method == .weighted ? weighted : topsis).map { ids[$0] }
    for change in topSetChanges(input, method: method, cutoff: cutoff, relativeChange: 0.10) {
      let criterion = basis.criteria[change.criterion]
      findings.append(
        c.report(
          .r08WeightMove(
            criterion: criterion, cutoff: cutoff, top: top, from: input.weights[change.criterion], to: change.weight,
            entered: change.entered.map { ids[$0] }, left: change.left.map { ids[$0] }),
          at: criterion))
    }
    return findings
  }

  /// **R09** (warning): a consortium's field ranks below `cutoff` (rank > cutoff) while the field
  /// has no `justification` (an empty one counts as none). At the consortium.
  static let r09 = Rule("R09") { c in
    guard c.ranking != nil, let cutoff = c.plan.cutoff else { return [] }
    let ranks = c.rankByField
    let fields = c.plan[.field].values
    // Whether each field below the cutoff lacks a justification, read once per field.
    var unjustified = [Bool?](repeating: nil, count: fields.count)
    var findings: [Diagnostic] = []
    for (k, f) in c.consortiumField.enumerated() where f >= 0 {
      guard let rank = ranks[Int(f)], rank > cutoff else { continue }
      if unjustified[Int(f)] == nil {
        unjustified[Int(f)] = (fields[Int(f)][Attr.Field.justification]?.text ?? "").allSatisfy(\.isWhitespace)
      }
      guard unjustified[Int(f)]! else { continue }
      let consortium = c.plan[.consortium].values[k]
      findings.append(
        c.report(.r09BelowCutoff(consortium, field: fields[Int(f)], rank: rank, cutoff: cutoff), at: consortium))
    }
    return findings
  }

  /// **R10** (warning): a field within `cutoff` (rank ≤ cutoff) has no consortium. At the field.
  static let r10 = Rule("R10") { c in
    guard let ranking = c.ranking, let cutoff = c.plan.cutoff else { return [] }
    let fields = c.plan[.field]
    let hasConsortium = c.fieldHasConsortium
    return ranking.rows.compactMap { row in
      guard row.rank <= cutoff, let f = fields.index(forKey: EntityKey(row.field)), !hasConsortium[f]
      else { return nil }
      let field = fields.values[f]
      return c.report(.r10NoConsortium(field, rank: row.rank, cutoff: cutoff), at: field)
    }
  }

  /// Whether `value` is on Saaty's scale: 1…9 or 1/2…1/9, within 1e-9.
  static func isSaaty(_ value: Double) -> Bool {
    guard value.isFinite, value > 0 else { return false }
    let whole = value >= 1 ? value : 1 / value
    let nearest = whole.rounded()
    return (1...9).contains(nearest) && abs(whole - nearest) <= 1e-9
  }

  /// Whether criteria `a` and `b` are compared, in either order.
  static func judged(_ plan: Plan, _ a: String, _ b: String) -> Bool {
    plan[.compare][EntityKey(a, b)] != nil || plan[.compare][EntityKey(b, a)] != nil
  }
}

extension RuleContext {
  /// Where `cutoff` was last set, else the plan's first setting.
  var cutoffLocation: SourceLocation? {
    plan.settingLocations[Attr.Plan.cutoff] ?? plan.settingLocations.compactMap { $0 }.min()
  }
}
