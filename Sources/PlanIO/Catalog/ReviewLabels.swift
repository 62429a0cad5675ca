import PlanEngine
import PlanLanguage

/// The headings, columns and words of the review report (SPEC §11 "Review") in its text,
/// Markdown and HTML formats, in English and Chinese. The JSON and CSV formats carry the
/// keywords (`on-track`, `target-year`).
package enum ReviewLabels: TextCatalog {
  // MARK: Headings

  static let review = LocalizedText(en: "Annual review", zh: "年度评估")
  static let statusCounts = LocalizedText(en: "Goals by status", zh: "目标状态统计")
  static let planWideGoals = LocalizedText(en: "Goals of no consortium", zh: "不属于联合体的目标")
  static let money = LocalizedText(en: "Money planned and paid", zh: "资金计划与拨付")
  static let changes = LocalizedText(en: "Changes since approval", zh: "批复以来的变更")
  static let noGoals = LocalizedText(en: "No goals.", zh: "无目标。")
  static let noMoney = LocalizedText(en: "No funding lines or outlays.", zh: "无资金安排或实际拨付。")
  static let noChanges = LocalizedText(
    en: "No goalpost moved since approval.", zh: "批复以来没有降低目标或削减资金的变更。")

  // MARK: Columns

  static let goal = LocalizedText(en: "Goal", zh: "目标")
  static let baseline = LocalizedText(en: "Baseline", zh: "基期值")
  static let expected = LocalizedText(en: "Expected", zh: "预期值")
  static let actual = LocalizedText(en: "Actual", zh: "实际值")
  static let year = LocalizedText(en: "Year", zh: "年份")
  static let target = LocalizedText(en: "Target", zh: "目标值")
  static let ratio = LocalizedText(en: "Ratio", zh: "完成比例")
  static let statusColumn = LocalizedText(en: "Status", zh: "状态")
  static let source = LocalizedText(en: "Source", zh: "来源")
  static let planned = LocalizedText(en: "Planned", zh: "计划")
  static let paid = LocalizedText(en: "Paid", zh: "已拨付")
  static let execution = LocalizedText(en: "Execution", zh: "执行率")
  static let govShare = LocalizedText(en: "Gov. share paid", zh: "实际政府占比")
  static let total = LocalizedText(en: "Total", zh: "合计")
  static let kind = LocalizedText(en: "Kind", zh: "类别")
  static let id = LocalizedText(en: "ID", zh: "ID")
  static let changeColumn = LocalizedText(en: "Change", zh: "变更")
  static let approved = LocalizedText(en: "Approved", zh: "批复值")
  static let now = LocalizedText(en: "Now", zh: "现值")
  static let chart = LocalizedText(en: "Course", zh: "走势")
  static let chartLegend = LocalizedText(
    en: "line: expected (baseline → checkpoints → target); dots: actuals", zh: "折线：应达值（基期 → 分年度目标 → 目标）；圆点：实际值")

  // MARK: Phrases

  /// The title line: the year under review and what decided it.
  static func asOf(_ year: Int, basis: ReviewYear.Basis) -> LocalizedText {
    switch basis {
    case .command: LocalizedText(en: "as of \(year)", zh: "截至 \(year) 年")
    case .asOf: LocalizedText(en: "as of \(year) (the plan's as-of)", zh: "截至 \(year) 年（计划设定的评估年份）")
    case .latestRecord:
      LocalizedText(en: "as of \(year) (the latest year recorded)", zh: "截至 \(year) 年（最近的记录年份）")
    case .beforeHorizon:
      LocalizedText(en: "as of \(year) (before the horizon: nothing is due)", zh: "截至 \(year) 年（规划期之前：尚无到期目标）")
    }
  }

  /// The status column of the roadmap exports: `Status 2025`.
  static func statusAsOf(_ year: Int) -> LocalizedText {
    LocalizedText(en: "Status \(year)", zh: "\(year) 年状态")
  }

  /// The number of goals counted, after the counts by status.
  static func goalsInAll(_ n: Int) -> LocalizedText {
    LocalizedText(en: n == 1 ? "1 goal" : "\(n) goals", zh: "共 \(n) 个目标")
  }

  /// The note under the money table.
  static func moneyNote(currency: String) -> LocalizedText {
    LocalizedText(
      en:
        "Amounts in \(currency), up to the year under review. Planned: each funding line spread evenly over its phase's months. Execution = paid / planned; gov. share = central + provincial + municipal outlays over all outlays.",
      zh: "金额单位：\(currency)，截至评估年份。计划额：各资金安排按所属阶段的月份平均分摊。执行率 = 已拨付 / 计划；实际政府占比 =（中央 + 省级 + 市级）拨付 / 全部拨付。")
  }

  /// The line that names the approved plan.
  static func against(_ path: String) -> LocalizedText {
    LocalizedText(en: "Against the plan as approved: \(path)", zh: "对照批复版本：\(path)")
  }

  // MARK: Keyword values

  /// A status as the text, Markdown and HTML formats write it.
  static func status(_ status: GoalStatus) -> LocalizedText {
    switch status {
    case .achieved: LocalizedText(en: "achieved", zh: "已达成")
    case .onTrack: LocalizedText(en: "on track", zh: "进展正常")
    case .atRisk: LocalizedText(en: "at risk", zh: "有风险")
    case .behind: LocalizedText(en: "behind", zh: "滞后")
    case .missed: LocalizedText(en: "missed", zh: "未达成")
    case .noData: LocalizedText(en: "no data", zh: "无数据")
    case .notDue: LocalizedText(en: "not due", zh: "未到期")
    case .untracked: LocalizedText(en: "untracked", zh: "未跟踪")
    }
  }

  /// What changed (SPEC §11 `change`), as the text formats write it.
  static func change(_ change: ChangeSinceApproval.Change) -> LocalizedText {
    switch change {
    case .target: LocalizedText(en: "target lowered", zh: "目标值降低")
    case .direction: LocalizedText(en: "direction flipped", zh: "方向反转")
    case .targetYear: LocalizedText(en: "target year later", zh: "目标年份推迟")
    case .checkpoint: LocalizedText(en: "checkpoint lowered", zh: "分年度目标降低")
    case .removed: DiffText.removed
    case .renamed: LocalizedText(en: "renamed", zh: "已改名")
    case .amount: LocalizedText(en: "amount cut", zh: "金额削减")
    }
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("review", review),
      CatalogEntry("statusCounts", statusCounts),
      CatalogEntry("planWideGoals", planWideGoals),
      CatalogEntry("money", money),
      CatalogEntry("changes", changes),
      CatalogEntry("noGoals", noGoals),
      CatalogEntry("noMoney", noMoney),
      CatalogEntry("noChanges", noChanges),
      CatalogEntry("goal", goal),
      CatalogEntry("baseline", baseline),
      CatalogEntry("expected", expected),
      CatalogEntry("actual", actual),
      CatalogEntry("year", year),
      CatalogEntry("target", target),
      CatalogEntry("ratio", ratio),
      CatalogEntry("statusColumn", statusColumn),
      CatalogEntry("source", source),
      CatalogEntry("planned", planned),
      CatalogEntry("paid", paid),
      CatalogEntry("execution", execution),
      CatalogEntry("govShare", govShare),
      CatalogEntry("total", total),
      CatalogEntry("kind", kind),
      CatalogEntry("id", id),
      CatalogEntry("changeColumn", changeColumn),
      CatalogEntry("approved", approved),
      CatalogEntry("now", now),
      CatalogEntry("chart", chart),
      CatalogEntry("chartLegend", chartLegend),
      CatalogEntry("asOf", asOf(2025, basis: .command)),
      CatalogEntry("goalsInAll", goalsInAll(15)),
      CatalogEntry("statusAsOf", statusAsOf(2025)),
      CatalogEntry("moneyNote", moneyNote(currency: "万元")),
      CatalogEntry("against", against("plans/jilin-approved.plan")),
    ] + GoalStatus.allCases.map { CatalogEntry("status", status($0)) }
      + ChangeSinceApproval.Change.allCases.map { CatalogEntry("change", change($0)) }
  }
}
