import PlanEngine
import PlanLanguage
import PlanModel

/// What `show` and `list` answer beyond an entity's own attributes (issue 17 item 10, SPEC
/// §15): an org's consortia, a phase's goals and measures, a field's rank and scores, a
/// consortium's members lead first; `list goal` with indicator, baseline and target, `list
/// score` as a field × criterion grid, `list member ORG` an org's memberships.
extension Session {
  /// Indented rows under a `label: count` line, without spaces at the ends of lines; empty when
  /// there are no rows.
  func section(_ label: LocalizedText, _ rows: [[String]]) -> String {
    guard !rows.isEmpty else { return "" }
    var table = TextTable()
    for row in rows { table.add(["    " + row[0]] + row.dropFirst()) }
    return "  " + text(label) + ": \(rows.count)\n"
      + table.render().split(separator: "\n").map { String($0).trimmingTrailingSpaces() + "\n" }.joined()
  }

  /// A consortium's members: the lead first, then by chain position (upstream → platform, then
  /// none), core members before members, then natural org ID.
  func memberRows(of consortium: String) -> [[String]] {
    let roleOrder = ["lead": 0, "core": 1, "member": 2]
    let chainOrder = Dictionary(uniqueKeysWithValues: Schema.chains.enumerated().map { ($0.element, $0.offset) })
    let members = plan[.member].values.filter { $0.key.a == consortium }
    func place(_ m: Entity) -> (Int, Int, Int) {
      let role = m[Attr.Member.role]?.choice ?? "member"
      return (
        role == "lead" ? 0 : 1, m[Attr.Member.chain]?.choice.flatMap { chainOrder[$0] } ?? Schema.chains.count,
        roleOrder[role] ?? 3
      )
    }
    return members.sorted { a, b in
      let pa = place(a), pb = place(b)
      return pa != pb ? pa < pb : NaturalOrder.less(a.key.b, b.key.b)
    }.map { m in
      [
        m.key.b, plan.entity(.org, m.key.b)?.name ?? "", m[Attr.Member.role]?.choice ?? "",
        m[Attr.Member.chain]?.choice ?? "—",
      ]
    }
  }

  /// The consortia an org belongs to, in the priority order of their fields: consortium, name,
  /// role, chain position.
  func membershipRows(of org: String, order: PresentationOrder) -> [[String]] {
    let memberships = Dictionary(
      plan[.member].values.filter { $0.key.b == org }.map { ($0.key.a, $0) }, uniquingKeysWith: { a, _ in a })
    let consortia = order.consortia(plan[.consortium].values.filter { memberships[$0.id] != nil })
    return consortia.map { k in
      let m = memberships[k.id]!
      return [k.id, k.name ?? "", m[Attr.Member.role]?.choice ?? "", m[Attr.Member.chain]?.choice ?? "—"]
    }
  }

  /// `show org X`'s consortia.
  func orgDetails(_ org: Entity) -> String {
    section(CommandText.consortia, membershipRows(of: org.id, order: PresentationOrder(plan)))
  }

  /// `show phase P`'s goals and measures, by ID: ID, name, consortium (`—`: plan-wide).
  func phaseDetails(_ phase: Entity) -> String {
    func rows(_ kind: Kind, _ phaseAttribute: Int, _ consortium: Int) -> [[String]] {
      plan[kind].values.filter { $0[phaseAttribute]?.ref == phase.id }.sorted { NaturalOrder.less($0.id, $1.id) }.map {
        [$0.id, $0.name ?? "", $0[consortium]?.ref ?? "—"]
      }
    }
    return section(CommandText.goals, rows(.goal, Attr.Goal.phase, Attr.Goal.consortium))
      + section(CommandText.measures, rows(.measure, Attr.Measure.phase, Attr.Measure.consortium))
  }

  /// `show field F`'s rank under the plan's method, its scores on each criterion (plan order;
  /// `—` where missing) and its consortia.
  func fieldDetails(_ field: Entity) -> String {
    let ranking = try? PlanRanking.compute(plan, method: nil, sensitivity: false)
    let order = PresentationOrder(plan, ranking: ranking)
    var out = ""
    if let ranking, let rank = order.rankByField[field.id],
      let row = ranking.rows.first(where: { $0.field == field.id })
    {
      out +=
        "  "
        + text(
          CommandText.rankOf(
            rank, of: ranking.rows.count, score: Format.number((row.score * 1000).rounded() / 1000))) + "\n"
    } else {
      out += "  " + text(CommandText.notRanked) + "\n"
    }
    let scores = plan[.criterion].values.map { c in
      [
        c.id, c.name ?? "",
        plan[.score][EntityKey(field.id, c.id)]?[Attr.Score.value]?.number.map(Format.number) ?? "—",
      ]
    }
    out += section(CommandText.scores, scores)
    let consortia = order.consortia(plan[.consortium].values.filter { $0[Attr.Consortium.field]?.ref == field.id })
    out += section(CommandText.consortia, consortia.map { [$0.id, $0.name ?? ""] })
    return out
  }

  /// `list goal`'s row after the ID and name: phase, consortium, category, indicator, and
  /// `baseline (year) → target unit` (`↓` for a goal that should fall).
  func goalListRow(_ g: Entity) -> [String] {
    var baseline = g[Attr.Goal.baseline]?.number.map(Format.number) ?? "?"
    if let year = g[Attr.Goal.baselineYear]?.integer { baseline += " (\(year))" }
    var change = baseline + " → " + (g[Attr.Goal.target]?.number.map(Format.number) ?? "?")
    if let unit = g[Attr.Goal.unit]?.text, !unit.isEmpty { change += " " + unit }
    if g[Attr.Goal.direction]?.choice == "down" { change += " ↓" }
    return [
      g[Attr.Goal.phase]?.ref ?? "—", g[Attr.Goal.consortium]?.ref ?? "—", g[Attr.Goal.category]?.choice ?? "—",
      g[Attr.Goal.indicator]?.text ?? "—", change,
    ]
  }

  /// `list score`: fields down (by rank), criteria across (plan order), `—` where a score is
  /// missing; the header names the criteria.
  func scoreGrid() -> [[String]] {
    let criteria = plan[.criterion].values.map(\.id)
    var rows = [[text(CommandText.fieldHeader), text(CommandText.nameHeader)] + criteria]
    for f in PresentationOrder(plan).fields(of: plan) {
      rows.append(
        [f.id, f.name ?? ""]
          + criteria.map { c in
            plan[.score][EntityKey(f.id, c)]?[Attr.Score.value]?.number.map(Format.number) ?? "—"
          })
    }
    return rows
  }

  /// After `set plan weighting ahp` (or entropy), one line naming the criteria whose direct
  /// `weight` is now not used (issue 17 item 19); interactively only, as every notice.
  func noteIgnoredWeights() {
    let ignored = RankingText.ignoredWeights(plan)
    guard !ignored.isEmpty else { return }
    notice(RankingText.directWeightsIgnored(ignored, weighting: plan.weighting.lowercased()))
  }
}
