import PlanLanguage

// MARK: - Chinese names of kinds and attributes (SPEC §15, issue 17 item 6)
//
// With the terms of keyword values (``Schema/chineseLabels``, ``Schema/chineseSynonyms``) and the
// verbs' names (``Verb/chineseNames``), the one table of Chinese terms that `help terms` prints.
// Typed instead of the keyword, a name is read as the keyword; the canonical plan file keeps the
// keyword. Where one word names two things (成员 the kind and the role, 单位 the kind and a goal's
// unit), its position decides: a kind after the verb, an attribute where an attribute stands.

extension Kind {
  /// The kind's Chinese names: ``chineseName`` first, then shorter or further names
  /// (领域 for 候选领域, 联合体 for 创新联合体). No name names two kinds (`ChineseNamesTests`).
  package var chineseNames: [String] {
    let further: [String] =
      switch self {
      case .criterion: ["准则"]
      case .compare: ["比较"]
      case .expert: ["专家"]
      case .judgement: ["专家判断"]
      case .field: ["领域"]
      case .score: []
      case .rating: []
      case .org: ["机构", "组织"]
      case .consortium: ["联合体"]
      case .member: []
      case .phase: []
      case .goal: ["阶段目标"]
      case .checkpoint: ["分年度目标", "年度目标"]
      case .actual: ["实际"]
      case .measure: ["措施"]
      case .funding: []
      case .outlay: ["拨付"]
      }
    return [chineseName] + further
  }

  /// Every name a kind may be typed by, the keywords first: for suggestions over both languages.
  package static let allNames: [String] = allCases.map(\.rawValue) + allCases.flatMap(\.chineseNames)
}

extension Schema {
  /// The Chinese name of `plan` in `set plan` (设置 计划 标题 "…").
  package static let chinesePlanName = "计划"

  /// The Chinese names of the attributes by attribute name (an attribute of that name means one
  /// thing in every kind that has it), the usual one first; `name` included. Every attribute of
  /// every kind and of the plan has one, and no two attributes of one kind share one
  /// (`ChineseNamesTests`).
  package static let chineseAttributeNames: [String: [String]] = [
    "name": ["名称"],
    // criteria, experts, scores and ratings
    "tag": ["标签"], "type": ["类型"], "scale": ["量表"], "weight": ["权重"], "value": ["值", "数值"],
    "org": ["所在单位"], "affiliation": ["工作单位"], "source": ["来源"],
    // fields and orgs
    "note": ["备注"], "justification": ["理由"], "size": ["规模"], "ownership": ["所有制"],
    "rd-intensity": ["研发投入强度", "研发强度"],
    // consortia and members
    "field": ["领域", "所属领域"], "period": ["期间", "建设期"], "agreement": ["协议"], "ip-strategy": ["知识产权策略"],
    "committee": ["专家委员会", "咨询委员会"], "role": ["角色"], "chain": ["产业链位置"],
    // goals, actuals, measures
    "phase": ["阶段"], "consortium": ["联合体", "创新联合体"], "category": ["类别"], "indicator": ["指标"],
    "unit": ["指标单位", "单位"], "baseline": ["基期值"], "baseline-year": ["基期年份"], "target": ["目标值"],
    "direction": ["方向"], "after": ["前置目标"], "target-year": ["目标年份"], "status": ["状态"],
    "instrument": ["政策工具", "工具"], "funder": ["出资方"], "amount": ["金额"], "agency": ["责任部门"],
    "start": ["开始月份", "开始"],
    // the plan's settings
    "title": ["标题"], "region": ["地区"], "horizon": ["规划期"], "currency": ["货币单位", "金额单位"],
    "weighting": ["赋权方式"], "method": ["排序方法"], "cutoff": ["入选数"],
    "gov-share-warn": ["政府出资警告线"], "gov-share-max": ["政府出资上限"], "members-min": ["成员数下限"],
    "members-max": ["成员数上限"], "period-min": ["建设期下限"], "period-max": ["建设期上限"],
    "rd-intensity-min": ["研发投入强度下限"], "start-grace": ["开始宽限月数"], "as-of": ["评估年份"],
    "on-track-min": ["正常推进下限"], "at-risk-min": ["存在风险下限"], "cr-max": ["一致性比率上限"],
    "weight-move": ["权重变动幅度"], "rating-aggregate": ["评分汇总方式"], "consensus-min": ["协调系数下限"],
    "language": ["语言"],
  ]

  /// The Chinese names of attribute `name` (empty when it has none).
  package static func chineseNames(ofAttribute name: String) -> [String] { chineseAttributeNames[name] ?? [] }

  /// Attribute names with their Chinese names after them, each Chinese name paired with the
  /// index of its attribute: for a ``KeywordMatcher`` that reads both (`names` first, so an index
  /// below `names.count` is the keyword's own).
  static func namesWithChinese(_ names: [String]) -> (words: [String], index: [Int]) {
    var words = names
    var index = Array(names.indices)
    for (i, name) in names.enumerated() {
      for zh in chineseNames(ofAttribute: name) {
        words.append(zh)
        index.append(i)
      }
    }
    return (words, index)
  }
}

// MARK: - Keyword values and kinds as a person reads them (issue 17 item 7)

extension Schema {
  /// How keyword value `keyword` reads in `language`: in Chinese its term (grant → 项目资助,
  /// ``chineseLabels``), else itself. Tables, messages and exports print this; the canonical
  /// plan file keeps the keyword.
  package static func term(_ keyword: String, _ language: MessageLanguage) -> String {
    language == .zh ? chineseLabels[keyword] ?? keyword : keyword
  }
}

extension Kind {
  /// The kind as a person reads it in `language`: `funding`, 资金.
  package func name(_ language: MessageLanguage) -> String { language == .zh ? chineseName : rawValue }

  /// A key of the kind as a person reads it in `language`: its parts joined by spaces, a keyword
  /// part as its term (`K2 P2 provincial`, `K2 P2 省级`).
  package func describe(_ parts: [String], _ language: MessageLanguage) -> String {
    zip(spec.keys, parts).map { part, text in part.isKeyword ? Schema.term(text, language) : text }.joined(
      separator: " ")
  }
}
