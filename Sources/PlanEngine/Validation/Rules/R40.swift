import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R40 = RuleSpec(
    "R40", .warning,
    summary: LocalizedText(
      en: "an expert's own AHP consistency ratio CR > 0.10 (n ≥ 3)",
      zh: "某专家自身的 AHP 一致性比率 CR > 0.10（n ≥ 3）"),
    examples: ["add judgement E1 C1 C2 3", "add judgement E1 C2 C3 3", "add judgement E1 C1 C3 5"],
    reads: [.entities(.criterion), .entities(.expert), .everything(.judgement)],
    settings: ["cr-max"],
    parts: [.basis(PanelRules.r40)])
}

extension PanelRules {
  /// **R40** (warning, SPEC §12): the CR of each expert who judged every pair, from their own
  /// judgements alone (``groupAHP(_:expertWeights:)``; Saaty 1980), is at most `cr-max` (0.10) for n ≥ 3
  /// criteria. At the expert's judgement that comes last, with CR, CI, RI, n and λmax, and the
  /// repair: the judgement whose change lowers the expert's CR most and the Saaty value nearest
  /// to it that brings CR to ≤ 0.10 (``ahpRepair(_:threshold:)``).
  static let r40 = Rule("R40") { c in
    guard let panel = c.panel, !panel.judgements.isEmpty, c.criteria.count >= 3, let group = c.groupAHP else {
      return []
    }
    var latest: [String: Entity] = [:]
    for judgement in c.plan[.judgement].values {
      if let seen = latest[judgement.key.a], seen.location >= judgement.location { continue }
      latest[judgement.key.a] = judgement
    }
    let ids = c.criteria.map(\.id)
    var findings: [Diagnostic] = []
    for (k, expert) in panel.experts.enumerated() {
      guard let own = group.experts[k], own.cr > c.plan.crMax, let at = latest[expert.id] else { continue }
      let matrix = ownMatrix(panel.judgements[k])
      let repair = try? ahpRepair(matrix, threshold: c.plan.crMax)
      findings.append(
        c.report(
          .r40Inconsistent(
            expert, own, n: ids.count,
            repair: repair.map {
              Message.r04Repair($0, "\(expert.id) \(ids[$0.pair.row])", ids[$0.pair.column], group: false)
            }),
          at: at))
    }
    return findings
  }

  /// An expert's complete matrix from the judgements above the diagonal.
  static func ownMatrix(_ judgements: [[Double?]]) -> [[Double]] {
    let n = judgements.count
    var matrix = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
    for i in 0..<n {
      for j in (i + 1)..<n {
        let value = judgements[i][j] ?? 1
        matrix[i][j] = value
        matrix[j][i] = 1 / value
      }
    }
    return matrix
  }
}

extension Message {
  static func r40Inconsistent(_ expert: Entity, _ ahp: AHPResult, n: Int, repair: LocalizedText?) -> Message {
    let e = T.label(expert)
    let (cr, ci, lambda) = (T.number(ahp.cr), T.number(ahp.ci), T.number(ahp.lambdaMax))
    let ri = Format.number(ahp.ri)
    return Message(
      "R40",
      en:
        "expert \(e.en)'s own judgements are inconsistent: CR = \(cr) > 0.10 (CI = \(ci), RI = \(ri) for n = \(n), λmax = \(lambda))"
        + (repair.map { "; " + $0.en } ?? ""),
      zh: "专家 \(e.zh) 自身的判断不一致：CR = \(cr) > 0.10（CI = \(ci)，n = \(n) 时 RI = \(ri)，λmax = \(lambda)）"
        + (repair.map { "；" + $0.zh } ?? ""))
  }
}
