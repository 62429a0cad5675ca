import PlanEngine
import PlanLanguage
import PlanModel

/// The headings and labels of the text, Markdown and HTML exports, in English and Chinese
/// (SPEC §10: export headings exist in both languages). Keyword values (instrument, funder,
/// chain position, …) read as keywords in English and as their usual Chinese terms in Chinese;
/// the JSON and CSV exports always carry the keywords.
package enum ExportLabels: TextCatalog {
  // MARK: Sections

  static let region = LocalizedText(en: "Region", zh: "地区")
  static let horizon = LocalizedText(en: "Horizon", zh: "规划期")
  static let currency = LocalizedText(en: "Currency", zh: "金额单位")
  static let untitled = LocalizedText(en: "Untitled plan", zh: "未命名规划")
  static let ranking = LocalizedText(en: "Priority ranking", zh: "优先领域排序")
  static let criteria = LocalizedText(en: "Criteria and weights", zh: "评价准则与权重")
  static let timeline = LocalizedText(en: "Timeline", zh: "阶段时间轴")
  static let consortia = LocalizedText(en: "Consortia", zh: "创新联合体")
  static let consortium = LocalizedText(en: "Consortium", zh: "联合体")
  static let members = LocalizedText(en: "Members", zh: "成员单位")
  static let goals = LocalizedText(en: "Phased goals", zh: "阶段目标")
  static let measures = LocalizedText(en: "Support measures", zh: "支持措施")
  static let planWide = LocalizedText(en: "Plan-wide goals and measures", zh: "全局目标与措施")
  static let funding = LocalizedText(en: "Funding", zh: "资金安排")
  static let validation = LocalizedText(en: "Validation", zh: "校验结果")
  static let none = LocalizedText(en: "none", zh: "无")
  static let noPhases = LocalizedText(en: "No phases.", zh: "尚无阶段。")
  static let noConsortia = LocalizedText(en: "No consortia.", zh: "尚无联合体。")
  static let noFunding = LocalizedText(en: "No funding lines.", zh: "尚无资金安排。")
  static let noGoals = LocalizedText(en: "No goals.", zh: "无目标。")
  static let noMeasures = LocalizedText(en: "No measures.", zh: "无支持措施。")
  static let noMembers = LocalizedText(en: "No members.", zh: "尚无成员。")
  static let allClear = LocalizedText(en: "No errors or warnings.", zh: "没有错误或警告。")
  static let legendGoal = LocalizedText(en: "goal (due within its phase)", zh: "目标（在所属阶段内达成）")
  static let legendMeasure = LocalizedText(en: "measure (at its start month)", zh: "措施（位于开始月份）")
  static let phasesLane = LocalizedText(en: "Phases", zh: "阶段")

  // MARK: Expert panel and robustness (SPEC §12)

  static let expertPanel = LocalizedText(en: "Expert panel", zh: "专家评审")
  static let robustness = LocalizedText(en: "Robustness of the ranking", zh: "排序稳健性")
  static let kendallW = LocalizedText(en: "Kendall's W", zh: "肯德尔协调系数 W")
  static let outlier = LocalizedText(en: "Outlier", zh: "离群专家")

  /// The title of the HTML export's bar chart of the acceptabilities.
  static func robustnessChart(cutoff: Int?) -> LocalizedText {
    guard let cutoff else {
      return LocalizedText(
        en: "Share of the weight samples in which each field ranks first", zh: "各领域在权重样本中排名第 1 的比例")
    }
    return LocalizedText(
      en: "Share of the weight samples in which each field is in the top \(cutoff)",
      zh: "各领域在权重样本中进入前 \(cutoff) 名的比例")
  }

  // MARK: Columns

  // The ranking's columns (rank, field, name, score, criterion, basis, type, weight) are
  // RankingText's: the `rank` report and the exports head them alike.
  static var rank: LocalizedText { RankingText.rank }
  static var field: LocalizedText { RankingText.field }
  static var name: LocalizedText { RankingText.name }
  static var score: LocalizedText { RankingText.score }
  static var criterion: LocalizedText { RankingText.criterion }
  static var tag: LocalizedText { RankingText.tag }
  static var type: LocalizedText { RankingText.type }
  static var weight: LocalizedText { RankingText.weight }
  static let flipAt = LocalizedText(en: "Top changes at weight", zh: "首位改变时的权重")
  static let chain = LocalizedText(en: "Chain", zh: "产业链位置")
  static let org = LocalizedText(en: "Org", zh: "单位")
  static let role = LocalizedText(en: "Role", zh: "角色")
  static let phase = LocalizedText(en: "Phase", zh: "阶段")
  static let period = LocalizedText(en: "Period", zh: "期间")
  static let goal = LocalizedText(en: "Goal", zh: "目标")
  static let measure = LocalizedText(en: "Measure", zh: "措施")
  static let indicator = LocalizedText(en: "Indicator", zh: "指标")
  static let baselineTarget = LocalizedText(en: "Baseline → target", zh: "基期值 → 目标值")
  static let category = LocalizedText(en: "Category", zh: "类别")
  static let after = LocalizedText(en: "After", zh: "前置目标")
  // Issue 17 item 10: a goal's checkpoints beside it in the roadmap.
  static let checkpoints = LocalizedText(en: "Checkpoints", zh: "分年度目标")
  static let instrument = LocalizedText(en: "Instrument", zh: "政策工具")
  static let funder = LocalizedText(en: "Funder", zh: "出资方")
  static let amount = LocalizedText(en: "Amount", zh: "金额")
  static let agency = LocalizedText(en: "Agency", zh: "责任部门")
  static let start = LocalizedText(en: "Start", zh: "开始")
  static let total = LocalizedText(en: "Total", zh: "合计")
  static let government = LocalizedText(en: "Government", zh: "政府")
  static let otherSources = LocalizedText(en: "Other", zh: "其他")
  static let govShare = LocalizedText(en: "Gov. share", zh: "政府占比")
  static let status = LocalizedText(en: "Against cap", zh: "对照上限")
  static let allConsortia = LocalizedText(en: "All", zh: "全部")
  static let goalCount = LocalizedText(en: "Goals", zh: "目标")
  static let measureCount = LocalizedText(en: "Measures", zh: "措施")
  static let severity = LocalizedText(en: "Severity", zh: "级别")
  static let code = LocalizedText(en: "Code", zh: "代码")
  static let location = LocalizedText(en: "Where", zh: "位置")
  static let message = LocalizedText(en: "Message", zh: "说明")

  // MARK: Phrases

  static func rankingMethod(_ method: String, weighting: String) -> LocalizedText {
    let m =
      method == "topsis"
      ? LocalizedText(en: "TOPSIS", zh: "TOPSIS 法")
      : LocalizedText(en: "weighted sum", zh: "加权求和")
    let w =
      switch weighting {
      case "ahp": LocalizedText(en: "AHP weights", zh: "AHP 权重")
      case "entropy": LocalizedText(en: "entropy weights", zh: "熵权法")
      default: LocalizedText(en: "direct weights", zh: "直接赋权")
      }
    return LocalizedText(en: "Method: \(m.en), \(w.en)", zh: "方法：\(m.zh)，\(w.zh)")
  }

  /// `limit` is the plan's `cr-max` (`0.10` by default); `group`: the matrix is the expert panel's,
  /// aggregated from their judgements (SPEC §12).
  static func consistency(
    lambdaMax: String, ci: String, ri: String, cr: String, ok: Bool, limit: String = "0.10", group: Bool = false
  )
    -> LocalizedText
  {
    let title =
      group
      ? LocalizedText(en: "Group AHP consistency (AIJ)", zh: "专家组 AHP 一致性（AIJ）")
      : LocalizedText(en: "AHP consistency", zh: "AHP 一致性")
    return LocalizedText(
      en:
        "\(title.en): λmax \(lambdaMax), CI \(ci), RI \(ri), CR \(cr) (\(ok ? "≤ \(limit), acceptable" : "> \(limit), revise the judgements"))",
      zh: "\(title.zh)：λmax \(lambdaMax)，CI \(ci)，RI \(ri)，CR \(cr)（\(ok ? "≤ \(limit)，可以接受" : "> \(limit)，需调整判断矩阵")）")
  }

  static func cutoff(_ n: Int) -> LocalizedText {
    LocalizedText(
      en: n == 1 ? "Cutoff: the top field gets a consortium." : "Cutoff: the top \(n) fields get consortia.",
      zh: "入选线：排名前 \(n) 的领域组建创新联合体。")
  }

  /// A field's `justification`: why it is worth a consortium beyond its rank (rule R09).
  static func justification(field: String, rank: Int, text: String) -> LocalizedText {
    LocalizedText(en: "Justification for \(field) (rank \(rank)): \(text)", zh: "\(field)（第 \(rank) 名）的理由：\(text)")
  }

  static func rankingUnavailable(_ message: String) -> LocalizedText {
    LocalizedText(en: "ranking unavailable: \(message)", zh: "无法排序：\(message)")
  }

  static func fieldLine(field: String, rank: String?, period: String?) -> LocalizedText {
    LocalizedText(
      en: "Field: \(field)" + (rank.map { " · rank \($0)" } ?? "") + (period.map { " · period \($0)" } ?? ""),
      zh: "领域：\(field)" + (rank.map { " · 排名第 \($0)" } ?? "") + (period.map { " · 建设期 \($0)" } ?? ""))
  }

  static func governance(agreement: Bool, ip: Bool, committee: Bool) -> LocalizedText {
    func yes(_ b: Bool) -> LocalizedText { b ? LocalizedText(en: "yes", zh: "有") : LocalizedText(en: "no", zh: "无") }
    return LocalizedText(
      en: "Agreement: \(yes(agreement).en) · IP strategy: \(yes(ip).en) · expert committee: \(yes(committee).en)",
      zh: "协议：\(yes(agreement).zh) · 知识产权战略：\(yes(ip).zh) · 专家咨询委员会：\(yes(committee).zh)")
  }

  static func fundingNote(currency: String, warn: String, cap: String) -> LocalizedText {
    LocalizedText(
      en:
        "Amounts in \(currency). Government share = central + provincial + municipal over the total; warning above \(warn), cap \(cap) (R27).",
      zh: "金额单位：\(currency)。政府占比 =（中央 + 省级 + 市级）/ 合计；超过 \(warn) 警告，上限 \(cap)（R27）。")
  }

  static func shareStatus(_ share: Double, warn: Double, cap: Double) -> LocalizedText {
    if share > cap { return LocalizedText(en: "above cap", zh: "超过上限") }
    if share > warn { return LocalizedText(en: "above warning", zh: "超过警戒线") }
    return LocalizedText(en: "within", zh: "未超")
  }

  static func phaseHeading(_ id: String, _ name: String, _ period: String) -> String {
    "\(id) \(name) (\(period))"
  }

  /// The typographic marks of the labels in ASCII, for `--ascii`.
  static func asciiMarks(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var out = ""
    for ch in text {
      switch ch {
      case "→": out += "->"
      case "·": out += ";"
      case "≤": out += "<="
      case "★": out += "*"
      case "↓": out += "(down)"
      case "λ": out += "lambda"
      case "…": out += "..."
      case "—": out += "--"
      default: out.append(ch)
      }
    }
    return out
  }

  // MARK: Keyword values

  /// A keyword value as it reads in a heading or cell: the keyword in English, the Chinese term in Chinese.
  static func value(_ keyword: String?, _ language: MessageLanguage) -> String {
    guard let keyword else { return "" }
    if language == .zh, let zh = Schema.chineseLabels[keyword] { return zh }
    return keyword
  }

  /// The heading of a group of members without a chain position.
  static let noChain = LocalizedText(en: "(no chain position)", zh: "（未标注产业链位置）")

  // MARK: Workbook and document (SPEC §13)

  static let asOf = LocalizedText(en: "As of", zh: "截至年份")
  static let goalStatus = LocalizedText(en: "Status", zh: "状态")
  static let actualYear = LocalizedText(en: "Actual's year", zh: "实际值年份")
  static let actualValue = LocalizedText(en: "Actual", zh: "实际值")
  static let expected = LocalizedText(en: "Expected", zh: "预期值")
  static let ratio = LocalizedText(en: "Ratio", zh: "完成比例")
  static let file = LocalizedText(en: "File", zh: "文件")
  static let line = LocalizedText(en: "Line", zh: "行")
  static let column = LocalizedText(en: "Column", zh: "列")

  /// A page's footer; `page` and `pages` stand for the page number and count.
  static func pageFooter(_ page: String, _ pages: String) -> LocalizedText {
    LocalizedText(en: "Page \(page) of \(pages)", zh: "第 \(page) 页，共 \(pages) 页")
  }

  /// A goal's status (SPEC §11) as a report reads it: the keyword in English, its term in Chinese.
  static func statusTerm(_ status: String) -> LocalizedText {
    let zh =
      switch status {
      case "achieved": "已达成"
      case "on-track": "正常推进"
      case "at-risk": "存在风险"
      case "behind": "滞后"
      case "missed": "未达成"
      case "no-data": "无数据"
      case "not-due": "未到期"
      case "untracked": "未跟踪"
      default: status
      }
    return LocalizedText(en: status, zh: zh)
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("region", region),
      CatalogEntry("checkpoints", checkpoints),
      CatalogEntry("horizon", horizon),
      CatalogEntry("currency", currency),
      CatalogEntry("untitled", untitled),
      CatalogEntry("ranking", ranking),
      CatalogEntry("criteria", criteria),
      CatalogEntry("timeline", timeline),
      CatalogEntry("consortia", consortia),
      CatalogEntry("consortium", consortium),
      CatalogEntry("members", members),
      CatalogEntry("goals", goals),
      CatalogEntry("measures", measures),
      CatalogEntry("planWide", planWide),
      CatalogEntry("funding", funding),
      CatalogEntry("validation", validation),
      CatalogEntry("none", none),
      CatalogEntry("noPhases", noPhases),
      CatalogEntry("noConsortia", noConsortia),
      CatalogEntry("noFunding", noFunding),
      CatalogEntry("noGoals", noGoals),
      CatalogEntry("noMeasures", noMeasures),
      CatalogEntry("noMembers", noMembers),
      CatalogEntry("allClear", allClear),
      CatalogEntry("legendGoal", legendGoal),
      CatalogEntry("legendMeasure", legendMeasure),
      CatalogEntry("phasesLane", phasesLane),
      CatalogEntry("rank", rank),
      CatalogEntry("field", field),
      CatalogEntry("name", name),
      CatalogEntry("score", score),
      CatalogEntry("criterion", criterion),
      CatalogEntry("tag", tag),
      CatalogEntry("type", type),
      CatalogEntry("weight", weight),
      CatalogEntry("flipAt", flipAt),
      CatalogEntry("chain", chain),
      CatalogEntry("org", org),
      CatalogEntry("role", role),
      CatalogEntry("phase", phase),
      CatalogEntry("period", period),
      CatalogEntry("goal", goal),
      CatalogEntry("measure", measure),
      CatalogEntry("indicator", indicator),
      CatalogEntry("baselineTarget", baselineTarget),
      CatalogEntry("category", category),
      CatalogEntry("after", after),
      CatalogEntry("instrument", instrument),
      CatalogEntry("funder", funder),
      CatalogEntry("amount", amount),
      CatalogEntry("agency", agency),
      CatalogEntry("start", start),
      CatalogEntry("total", total),
      CatalogEntry("government", government),
      CatalogEntry("otherSources", otherSources),
      CatalogEntry("govShare", govShare),
      CatalogEntry("status", status),
      CatalogEntry("allConsortia", allConsortia),
      CatalogEntry("goalCount", goalCount),
      CatalogEntry("measureCount", measureCount),
      CatalogEntry("severity", severity),
      CatalogEntry("code", code),
      CatalogEntry("location", location),
      CatalogEntry("message", message),
      CatalogEntry("noChain", noChain),
      CatalogEntry("rankingMethod", rankingMethod("topsis", weighting: "ahp")),
      CatalogEntry("rankingMethod", rankingMethod("weighted", weighting: "direct")),
      CatalogEntry("consistency", consistency(lambdaMax: "3.05", ci: "0.025", ri: "0.58", cr: "0.043", ok: true)),
      CatalogEntry("consistency", consistency(lambdaMax: "3.3", ci: "0.15", ri: "0.58", cr: "0.26", ok: false)),
      CatalogEntry(
        "consistency", consistency(lambdaMax: "4.05", ci: "0.016", ri: "0.90", cr: "0.018", ok: true, group: true)),
      CatalogEntry("rankingMethod", rankingMethod("weighted", weighting: "entropy")),
      CatalogEntry("expertPanel", expertPanel),
      CatalogEntry("robustness", robustness),
      CatalogEntry("kendallW", kendallW),
      CatalogEntry("outlier", outlier),
      CatalogEntry("robustnessChart", robustnessChart(cutoff: 2)),
      CatalogEntry("robustnessChart", robustnessChart(cutoff: nil)),
      CatalogEntry("cutoff", cutoff(1)),
      CatalogEntry("cutoff", cutoff(3)),
      CatalogEntry("justification", justification(field: "F4", rank: 4, text: "«text»")),
      CatalogEntry("rankingUnavailable", rankingUnavailable("«message»")),
      CatalogEntry("fieldLine", fieldLine(field: "F1", rank: "2", period: "2025..2027")),
      CatalogEntry("governance", governance(agreement: true, ip: false, committee: true)),
      CatalogEntry("fundingNote", fundingNote(currency: "万元", warn: "60%", cap: "70%")),
      CatalogEntry("shareStatus", shareStatus(0.8, warn: 0.6, cap: 0.7)),
      CatalogEntry("shareStatus", shareStatus(0.65, warn: 0.6, cap: 0.7)),
      CatalogEntry("shareStatus", shareStatus(0.5, warn: 0.6, cap: 0.7)),
      CatalogEntry("asOf", asOf),
      CatalogEntry("goalStatus", goalStatus),
      CatalogEntry("actualYear", actualYear),
      CatalogEntry("actualValue", actualValue),
      CatalogEntry("expected", expected),
      CatalogEntry("ratio", ratio),
      CatalogEntry("file", file),
      CatalogEntry("line", line),
      CatalogEntry("column", column),
      CatalogEntry("statusTerm", statusTerm("on-track")),
      CatalogEntry("statusTerm", statusTerm("behind")),
      CatalogEntry("pageFooter", pageFooter("3", "12")),
    ]
  }
}
