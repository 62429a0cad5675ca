import PlanLanguage
import PlanModel

/// The names of the workbook's sheets and columns (SPEC §13), in English and Chinese: the one
/// table that `export xlsx` writes from and that `import` reads a workbook by.
///
/// | sheet | English | Chinese | import |
/// |---|---|---|---|
/// | the plan's settings (`set plan`) | `plan` | `规划设置` | read |
/// | one per kind the plan uses | the kind's keyword (`criterion`, `org`, `funding`, …) | ``Kind/chineseName`` (`评价准则`, `单位`, `资金`, …) | read |
/// | the priority ranking | `ranking` | `优先领域排序` | skipped |
/// | the experts' rankings (SPEC §12, when there are experts) | `experts` | `专家排序` | skipped |
/// | scores as a field × criterion grid | `score grid` | `评分矩阵` | skipped |
/// | the review's status of each goal, with actuals (SPEC §11) | `status` | `进展状态` | skipped |
/// | the engine's findings (SPEC §7) | `diagnostics` | `校验结果` | skipped |
///
/// A kind's sheet has one header row: the key parts as SPEC §13 names them (`id`; `consortium`,
/// `org`, `phase`, `source`, `goal`, `year`, `field`, `criterion`; a repeated part numbered:
/// `criterion1`, `criterion2`), then `name` when the kind has one, then the attributes in schema
/// order — in English as those names, in Chinese by ``columnLabels`` (a column without a Chinese
/// label keeps its English name). The settings sheet has the columns `setting` (the keyword of
/// `set plan`, in both languages), `value` and `description`. Cell values: numbers, amounts,
/// counts and years as numbers; percents as numbers with a percent format (30% is 0.3); `yes`/`no`
/// as ``flag(_:_:)``; keywords as ``ExportLabels/value(_:_:)`` (the keyword in English, its Chinese
/// term in Chinese); periods, ranges and months as their plan-file spelling (`2025..2030`,
/// `2025-03`); lists of IDs comma-separated; everything else as text.
package enum WorkbookSheets {
  /// What a sheet holds.
  package enum Sheet: Hashable, Sendable {
    /// The plan's settings.
    case settings
    /// The entities of one kind (imported).
    case kind(Kind)
    /// A sheet the export derives from the plan (skipped by import).
    case derived(Derived)
  }

  /// The sheets the export derives from the plan: written for reading, skipped by import.
  package enum Derived: String, CaseIterable, Sendable {
    case ranking, experts, scoreGrid = "score grid", status, diagnostics

    package var name: LocalizedText {
      switch self {
      case .ranking: LocalizedText(en: rawValue, zh: "优先领域排序")
      case .experts: LocalizedText(en: rawValue, zh: "专家排序")
      case .scoreGrid: LocalizedText(en: rawValue, zh: "评分矩阵")
      case .status: LocalizedText(en: rawValue, zh: "进展状态")
      case .diagnostics: LocalizedText(en: rawValue, zh: "校验结果")
      }
    }
  }

  /// The settings sheet's name.
  package static let settingsName = LocalizedText(en: "plan", zh: "规划设置")

  /// The name of a sheet in `language`.
  package static func name(_ sheet: Sheet, _ language: MessageLanguage) -> String {
    switch sheet {
    case .settings: settingsName.text(language)
    case .kind(let kind): language == .zh ? kind.chineseName : kind.rawValue
    case .derived(let derived): derived.name.text(language)
    }
  }

  /// The sheet a name denotes, in either language (English ASCII case-insensitively, surrounding
  /// spaces ignored); `nil` for a sheet named after nothing cplan writes.
  package static func sheet(named name: String) -> Sheet? {
    let trimmed = name.trimmingWhitespace()
    let folded = trimmed.lowercased()
    for sheet in allSheets where folded == self.name(sheet, .en).lowercased() || trimmed == self.name(sheet, .zh) {
      return sheet
    }
    return nil
  }

  /// Every sheet the export may write, in the order it writes them.
  package static var allSheets: [Sheet] {
    [.settings] + Kind.allCases.map(Sheet.kind) + Derived.allCases.map(Sheet.derived)
  }

  // MARK: Columns

  /// The columns of the settings sheet.
  package static let settingColumn = LocalizedText(en: "setting", zh: "设置项")
  package static let valueColumn = LocalizedText(en: "value", zh: "值")
  package static let descriptionColumn = LocalizedText(en: "description", zh: "说明")

  /// The key columns of a kind's sheet, as SPEC §13 names them: `id` for a kind keyed by its
  /// own ID, else each part's kind or role in lower case, numbered when a name repeats
  /// (`compare`: `criterion1`, `criterion2`).
  package static func keyColumns(_ kind: Kind) -> [String] {
    let names = kind.spec.keyNames.map { $0 == "ID" ? "id" : $0.lowercased() }
    return names.enumerated().map { i, n in
      names.count(where: { $0 == n }) > 1 ? n + String(names[..<i].count(where: { $0 == n }) + 1) : n
    }
  }

  /// Every column of a kind's sheet, in English: the key columns, `name` when the kind has one,
  /// then the attributes in schema order.
  package static func columns(_ kind: Kind) -> [String] {
    let spec = kind.spec
    return keyColumns(kind) + (spec.hasName ? ["name"] : []) + spec.attributes.map(\.name)
  }

  /// A column's header in `language`: its English name, or its Chinese label.
  package static func header(_ column: String, _ language: MessageLanguage) -> String {
    language == .zh ? (columnLabels[column] ?? column) : column
  }

  /// The English column name a header stands for: the name itself (ASCII case-insensitively) or
  /// a Chinese label, a trailing number kept (`准则2` → `criterion2`); `nil` when it names no column.
  package static func column(forHeader header: String) -> String? {
    let folded = header.lowercased()
    if columnLabels[folded] != nil || allColumnNames.contains(folded) { return folded }
    if let column = columnsByLabel[header] { return column }
    let digits = header.reversed().prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let base = columnsByLabel[String(header.dropLast(digits.count))] else { return nil }
    return base + String(digits.reversed())
  }

  /// The Chinese labels of the columns: the labels the text, Markdown and HTML exports print
  /// (``ExportLabels``) where they have one, each label naming one column.
  package static let columnLabels: [String: String] = [
    // key parts
    "id": "ID", "consortium": ExportLabels.consortium.zh, "org": ExportLabels.org.zh, "phase": ExportLabels.phase.zh,
    "source": "来源", "goal": ExportLabels.goal.zh, "year": "年份", "expert": "专家", "field": ExportLabels.field.zh,
    "criterion": ExportLabels.criterion.zh, "name": ExportLabels.name.zh,
    // attributes
    "tag": ExportLabels.tag.zh, "type": ExportLabels.type.zh, "scale": "量表", "weight": ExportLabels.weight.zh,
    "value": "数值", "note": "备注", "justification": "理由", "size": "企业规模", "ownership": "所有制",
    "rd-intensity": "研发投入强度", "period": ExportLabels.period.zh, "agreement": "协议", "ip-strategy": "知识产权战略",
    "committee": "专家咨询委员会", "role": ExportLabels.role.zh, "chain": ExportLabels.chain.zh,
    "category": ExportLabels.category.zh, "indicator": ExportLabels.indicator.zh, "unit": "计量单位",
    "baseline": "基期值", "baseline-year": "基期年份", "target": "目标值", "direction": "方向",
    "target-year": "目标年份", "after": ExportLabels.after.zh, "status": "状态",
    "instrument": ExportLabels.instrument.zh, "funder": ExportLabels.funder.zh, "amount": ExportLabels.amount.zh,
    "agency": ExportLabels.agency.zh, "start": ExportLabels.start.zh,
  ]

  private static let columnsByLabel: [String: String] = Dictionary(
    columnLabels.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })

  private static let allColumnNames: Set<String> = Set(Kind.allCases.flatMap(columns))

  // MARK: Values

  /// `yes`/`no` in a cell: the keyword in English, 是/否 in Chinese.
  package static func flag(_ value: Bool, _ language: MessageLanguage) -> String {
    switch (value, language) {
    case (true, .en): "yes"
    case (false, .en): "no"
    case (true, .zh): "是"
    case (false, .zh): "否"
    }
  }

  /// The flag a cell's text stands for (`yes`, `no`, 是, 否, ASCII case-insensitively), or `nil`.
  package static func flag(fromCell text: String) -> Bool? {
    switch text.lowercased() {
    case "yes", "是": true
    case "no", "否": false
    default: nil
    }
  }
}
