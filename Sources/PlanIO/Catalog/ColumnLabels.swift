import PlanLanguage
import PlanModel

/// The column headings of a kind's table and the names of a workbook's sheets, in English and
/// Chinese: what the workbook export prints (SPEC §13) and what import reads back — one source
/// for both, so that a header or sheet the export writes always imports.
///
/// A kind's columns are its key parts (``columns(of:)``: `id` for a kind keyed by its own ID, else
/// the parts named after what they refer to, a repeated part numbered: `criterion1`,
/// `criterion2`), then `name` when it has one, then its attributes in schema order. In English a
/// column is headed by that name; in Chinese by its label here. Import accepts either, in any
/// case (`Indicator`), and the keyword values' Chinese terms come from ``Schema/chineseLabels``.
package enum ColumnLabels: TextCatalog {
  /// One column of a kind's table.
  package enum Column: Sendable, Hashable {
    /// Key part `i` (``KindSpec/keys``).
    case key(Int)
    /// The entity's name.
    case name
    /// Attribute `i` (``KindSpec/attributes``).
    case attribute(Int)
  }

  /// The columns of `kind`'s table in order: key parts, name, attributes.
  package static func columns(of kind: Kind) -> [Column] {
    let spec = kind.spec
    return spec.keys.indices.map { Column.key($0) } + (spec.hasName ? [.name] : [])
      + spec.attributes.indices.map { Column.attribute($0) }
  }

  /// The English header of a column: the key part's or attribute's name (`id`, `consortium`,
  /// `criterion1`, `name`, `rd-intensity`).
  package static func name(_ column: Column, of kind: Kind) -> String {
    let spec = kind.spec
    switch column {
    case .name: return "name"
    case .attribute(let i): return spec.attributes[i].name
    case .key(let i):
      if spec.hasOwnID { return "id" }
      let part = spec.keyNames[i].lowercased()
      let repeated = spec.keyNames.filter { $0 == spec.keyNames[i] }.count > 1
      guard repeated else { return part }
      return part + String(spec.keyNames[..<i].filter { $0 == spec.keyNames[i] }.count + 1)
    }
  }

  /// The header of a column in both languages (`indicator` / `指标`).
  package static func header(_ column: Column, of kind: Kind) -> LocalizedText {
    let en = name(column, of: kind)
    if let zh = labels["\(kind.rawValue).\(en)"] ?? labels[en] { return LocalizedText(en: en, zh: zh) }
    // A numbered key part: the label of its part, numbered alike (`准则1`).
    let digits = en.reversed().prefix { $0.isNumber }
    let base = String(en.dropLast(digits.count))
    return LocalizedText(en: en, zh: (labels[base] ?? en) + String(digits.reversed()))
  }

  /// Chinese labels by `kind.column` or, where one label serves every kind, by `column`.
  private static let labels: [String: String] = [
    // key parts and names
    "id": "编号", "name": "名称", "consortium": "联合体", "org": "单位", "phase": "阶段", "field": "领域",
    "criterion": "准则", "goal": "目标", "year": "年份", "source": "来源", "expert": "专家",
    // criterion
    "criterion.tag": "基础", "criterion.type": "类型", "criterion.scale": "量表", "criterion.weight": "权重",
    // compare, score, checkpoint, actual: their value
    "compare.value": "判断值", "score.value": "得分", "checkpoint.value": "阶段性目标值", "actual.value": "实际值",
    "score.source": "评分来源", "actual.source": "数据来源", "actual.status": "状态",
    // field
    "note": "备注", "field.justification": "入选理由",
    // org
    "org.type": "单位类型", "org.size": "规模", "org.ownership": "所有制", "org.rd-intensity": "研发投入强度",
    // consortium
    "consortium.period": "建设期", "consortium.agreement": "协议", "consortium.ip-strategy": "知识产权战略",
    "consortium.committee": "专家咨询委员会",
    // member
    "member.role": "角色", "member.chain": "产业链位置",
    // phase
    "phase.period": "期间",
    // goal
    "goal.category": "类别", "goal.indicator": "指标", "goal.unit": "计量单位", "goal.baseline": "基期值",
    "goal.baseline-year": "基期年份", "goal.target": "目标值", "goal.direction": "方向", "goal.after": "前置目标",
    "goal.target-year": "目标年份",
    // measure
    "measure.instrument": "政策工具", "measure.funder": "出资方", "measure.agency": "责任部门",
    "measure.start": "开始月份",
    // funding, outlay, measure
    "amount": "金额",
    // expert panels (SPEC §12)
    "weight": "权重", "affiliation": "所属机构", "value": "数值", "rating.value": "评分", "judgement.value": "判断值",
  ]

  // MARK: Sheets

  /// The sheets of a workbook that are not a kind's table: the plan's settings (imported as
  /// `set plan`), and the derived sheets the export adds (skipped by import).
  package enum Sheet: String, Sendable, CaseIterable {
    case settings, ranking, scores, status, diagnostics

    /// The sheet's name in both languages.
    package var title: LocalizedText {
      switch self {
      case .settings: ColumnLabels.settingsSheet
      case .ranking: ColumnLabels.rankingSheet
      case .scores: ColumnLabels.scoresSheet
      case .status: ColumnLabels.statusSheet
      case .diagnostics: ColumnLabels.diagnosticsSheet
      }
    }

    /// Whether import skips it (it is computed from the plan, not part of it).
    package var isDerived: Bool { self != .settings }

    /// The sheet named `name` in either language, any case.
    package init?(named name: String) {
      guard
        let sheet = Sheet.allCases.first(where: {
          $0.title.en.lowercased() == name.lowercased() || $0.title.zh == name
        })
      else { return nil }
      self = sheet
    }
  }

  static let settingsSheet = LocalizedText(en: "plan", zh: "规划设置")
  static let rankingSheet = LocalizedText(en: "ranking", zh: "优先领域排序")
  static let scoresSheet = LocalizedText(en: "scores", zh: "评分矩阵")
  static let statusSheet = LocalizedText(en: "status", zh: "进展状态")
  static let diagnosticsSheet = LocalizedText(en: "diagnostics", zh: "校验结果")

  /// The columns of the settings sheet: a setting's name (the keyword of `set plan`, or its
  /// Chinese description from ``Schema/plan``) and its value.
  static let settingColumn = LocalizedText(en: "setting", zh: "设置项")
  static let valueColumn = LocalizedText(en: "value", zh: "值")

  /// The name of a kind's sheet (and a CSV file's base name): the kind's keyword, or its Chinese name.
  package static func sheetName(of kind: Kind) -> LocalizedText {
    LocalizedText(en: kind.rawValue, zh: kind.chineseName)
  }

  /// The plan setting named `name`: its keyword (any case) or its Chinese description.
  package static func planSetting(named name: String) -> Int? {
    Schema.planAttributeIndex(name) ?? Schema.plan.firstIndex { $0.help.zh == name }
  }

  /// The Chinese terms of `yes` and `no` that import reads (是/否, and 有/无 as the roadmap prints them).
  package static let yesNoTerms: [String: String] = ["是": "yes", "否": "no", "有": "yes", "无": "no"]

  package static var entries: [CatalogEntry] {
    var out = [
      CatalogEntry("settingsSheet", settingsSheet), CatalogEntry("rankingSheet", rankingSheet),
      CatalogEntry("scoresSheet", scoresSheet), CatalogEntry("statusSheet", statusSheet),
      CatalogEntry("diagnosticsSheet", diagnosticsSheet), CatalogEntry("settingColumn", settingColumn),
      CatalogEntry("valueColumn", valueColumn),
    ]
    for kind in Kind.allCases {
      out.append(CatalogEntry("sheetName", sheetName(of: kind)))
      for column in columns(of: kind) {
        out.append(CatalogEntry("header", header(column, of: kind)))
      }
    }
    return out
  }
}
