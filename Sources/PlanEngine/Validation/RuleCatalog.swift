import PlanLanguage

/// The validation rules of SPEC §7: code, default severity and a one-line reason in both languages.
package struct RuleInfo: Sendable {
  package var code: String
  package var severity: Diagnostic.Severity
  package var summary: LocalizedText
}

package enum RuleCatalog {
  private static func r(_ code: String, _ severity: Diagnostic.Severity, _ en: String, _ zh: String) -> RuleInfo {
    RuleInfo(code: code, severity: severity, summary: LocalizedText(en: en, zh: zh))
  }

  /// R01–R33 in order.
  package static let rules: [RuleInfo] = [
    r(
      "R01", .error, "direct weighting: every weight > 0 and the weights sum to 1 (±0.001)",
      "直接赋权：每个权重大于 0，且权重之和为 1（±0.001）"),
    r(
      "R02", .error, "every criterion's scale has MIN < MAX and every score lies within it",
      "每个准则的量表须 MIN < MAX，且每个评分都在量表之内"),
    r(
      "R03", .error, "AHP weighting: judgements are Saaty values and every pair of criteria is judged",
      "AHP 赋权：判断值须为 Saaty 标度值，且每对准则都有判断"),
    r("R04", .error, "AHP consistency ratio CR > 0.10 (n ≥ 3)", "AHP 一致性比率 CR > 0.10（n ≥ 3）"),
    r(
      "R05", .error, "a field lacks a score on a criterion (a gap is never read as zero)",
      "某领域缺少某准则的评分（缺失不按零处理）"),
    r(
      "R06", .warning, "the criteria do not cover the three bases: tags chain, leader, science",
      "准则没有覆盖三项基础：产业链（chain）、领军企业（leader）、科教资源（science）"),
    r("R07", .warning, "two fields tie (equal score within 1e-9): they share a rank", "两个领域得分相同（差值在 1e-9 内），名次并列"),
    r(
      "R08", .warning,
      "the top `cutoff` set differs between weighted and topsis, or changes when any one weight moves by ±10%",
      "加权法与 TOPSIS 的前 cutoff 名不同，或任一权重变动 ±10% 时前 cutoff 名改变"),
    r(
      "R09", .warning, "a consortium's field ranks below `cutoff` and the field has no `justification`",
      "联合体所属领域排在 cutoff 之外，且该领域没有 justification"),
    r("R10", .warning, "a field within `cutoff` has no consortium", "排名在 cutoff 之内的领域没有联合体"),
    r(
      "R11", .error, "a consortium has exactly one lead member, and the lead is an enterprise",
      "联合体须恰有一个牵头成员（lead），且牵头单位是企业"),
    r("R12", .error, "a consortium has at least one university or institute member", "联合体须至少有一个高校或科研院所成员"),
    r(
      "R13", .warning, "a consortium's members do not cover upstream, midstream and downstream",
      "联合体成员没有覆盖产业链上游、中游和下游"),
    r("R14", .warning, "a consortium has no small or medium enterprise member", "联合体没有中小企业成员"),
    r(
      "R15", .warning, "a consortium's member count lies outside `members-min..members-max`",
      "联合体成员数不在 members-min..members-max 之内"),
    r(
      "R16", .warning, "a consortium has no IP strategy: `ip-strategy no` and no measure with instrument ip",
      "联合体没有知识产权战略：ip-strategy 为 no，且没有 instrument 为 ip 的措施"),
    r(
      "R17", .warning, "a consortium has no talent-incentive measure (instrument talent)",
      "联合体没有人才激励措施（instrument talent）"),
    r(
      "R18", .warning, "a consortium's period is shorter than 3 or longer than 5 years, or leaves the horizon",
      "联合体建设期短于 3 年或长于 5 年，或超出规划期"),
    r("R19", .warning, "a lead enterprise's `rd-intensity` is below 3%", "牵头企业的研发投入强度低于 3%"),
    r("R20", .error, "phases: start ≤ end, inside the horizon, no two overlap", "阶段：开始不晚于结束、在规划期之内、互不重叠"),
    r("R21", .warning, "the phases leave a gap, or do not cover the horizon", "阶段之间有空档，或没有覆盖整个规划期"),
    r("R22", .error, "a phase has no goal", "某阶段没有目标"),
    r("R23", .error, "a goal's target does not move from its baseline in its `direction`", "目标值没有按 direction 方向偏离基期值"),
    r(
      "R24", .warning, "for one consortium and indicator, a later phase's target falls back behind an earlier one",
      "同一联合体同一指标，后一阶段的目标值倒退到前一阶段之后"),
    r(
      "R25", .warning, "a consortium has no `tech` goal, or the plan has no `ecosystem` goal",
      "联合体没有技术（tech）目标，或整个计划没有生态（ecosystem）目标"),
    r("R26", .warning, "a consortium has no goal in some phase", "联合体在某阶段没有目标"),
    r(
      "R27", .warning,
      "a consortium's government share of funding exceeds `gov-share-warn` (warning) or `gov-share-max` (error)",
      "联合体资金中政府出资占比超过 gov-share-warn（警告）或 gov-share-max（错误）"),
    r(
      "R28", .warning, "government-funded measures of a consortium and phase exceed its government funding lines",
      "联合体某阶段政府出资的措施金额超过其政府资金额度"),
    r(
      "R29", .error, "overreach: a measure with instrument `management` and a government funder",
      "越位：政府出资的措施使用 management 工具（政府不管理联合体的人、财、物）"),
    r(
      "R30", .warning, "a phase has no support measure, or a measure starts after its phase begins",
      "某阶段没有支持措施，或措施晚于所属阶段开始"),
    r("R31", .warning, "a measure has no `agency`", "措施没有责任部门（agency）"),
    r("R32", .error, "the `after` links of goals form a cycle", "目标的 after 前置关系形成循环"),
    r("R33", .error, "a goal comes `after` a goal of a later phase", "目标的前置目标属于更晚的阶段"),
  ]

  private static let byCode: [String: RuleInfo] = Dictionary(uniqueKeysWithValues: rules.map { ($0.code, $0) })

  /// The rule with `code` (`R27`, case-insensitive).
  package static func rule(_ code: String) -> RuleInfo? {
    byCode[code.uppercased()]
  }

  /// The default severity of rule `code` (exact spelling, `R27`); error for an unknown code.
  package static func severity(_ code: String) -> Diagnostic.Severity {
    byCode[code]?.severity ?? .error
  }
}
