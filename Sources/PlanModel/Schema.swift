import PlanLanguage

/// The kinds of entity (SPEC §4), in the canonical order of a plan file (SPEC §6).
package enum Kind: String, Sendable, CaseIterable, Hashable {
  case criterion, compare, expert, judgement, field, score, rating, org, consortium, member, phase, goal, checkpoint,
    actual, measure, funding, outlay

  /// Position in the canonical order (and index into ``Plan/tables``).
  package var index: Int {
    switch self {
    case .criterion: 0
    case .compare: 1
    case .expert: 2
    case .judgement: 3
    case .field: 4
    case .score: 5
    case .rating: 6
    case .org: 7
    case .consortium: 8
    case .member: 9
    case .phase: 10
    case .goal: 11
    case .checkpoint: 12
    case .actual: 13
    case .measure: 14
    case .funding: 15
    case .outlay: 16
    }
  }

  package var spec: KindSpec { Schema.kinds[index] }

  /// The kind named by a keyword, ASCII case-insensitive (`Goal`, `goal`), or by one of its
  /// Chinese names (领域, ``chineseNames``).
  /// - Complexity: byte comparisons (`init(rawValue:)` compares strings with every case in turn);
  ///   a Chinese name is compared as a string only when no keyword matched.
  package init?(keyword: String) {
    guard let i = Kind.matcher.index(of: keyword) else { return nil }
    self = Kind.named[i]
  }

  /// The kinds, then each Chinese name's kind, in the order of ``allNames``.
  private static let named: [Kind] = allCases + allCases.flatMap { kind in kind.chineseNames.map { _ in kind } }
  private static let matcher = KeywordMatcher(allNames)

  /// The number of parts of the kind's key (`spec.keys.count`), without copying the spec.
  package var keyWidth: Int {
    switch self {
    case .criterion, .expert, .field, .org, .consortium, .phase, .goal, .measure: 1
    case .compare, .score, .member, .checkpoint, .actual: 2
    case .judgement, .rating, .funding, .outlay: 3
    }
  }

  /// The kind's name in Chinese, for help, headings and messages (``KindTerms``, the one table).
  package var chineseName: String { KindTerms.chinese[rawValue]! }
}

/// The type of an attribute's value.
///
/// Not `indirect`: nothing in it is recursive, and boxed payloads held by the schema's globals
/// read as leaks to LeakSanitizer (the box pointers carry enum tag bits), failing `make test-asan`.
package enum AttributeType: Sendable, Hashable {
  /// A string (quoted, or a bare word).
  case text
  /// Any number (`12`, `0.25`, `-3`, `1/3`).
  case number
  /// A number ≥ 0: amounts, in the plan's currency (万元 by default).
  case amount
  /// A whole number ≥ 0 (counts).
  case count
  /// A year, `YYYY`.
  case year
  /// A percent `30%`, stored as a fraction in [0, 1].
  case percent
  /// `yes` or `no`.
  case yesNo
  /// One of the listed keywords.
  case choice([String])
  /// The ID of an entity of the kind.
  case ref(Kind)
  /// A comma list of IDs of the kind.
  case refs(Kind)
  /// A period of whole years, `2025..2030`.
  case yearPeriod
  /// A period of years or months.
  case period
  /// A range `MIN..MAX` of numbers.
  case range
  /// A month `YYYY-MM`.
  case month
  /// A Saaty judgement 1/9…9 (checked by rule R03).
  case saaty

  /// How the type reads in help and messages.
  package var describe: LocalizedText { SchemaText.valueType(self) }
}

/// One attribute of a kind (or of the plan).
///
/// An immutable `final class` rather than a struct: the schema is constant, and the edits read
/// it for every statement, where copying a struct of strings and arrays costs a dozen
/// reference-count operations and a class reference one.
package final class AttributeSpec: Sendable {
  package let name: String
  package let type: AttributeType
  package let required: Bool
  /// The value when none is given; attributes at their default are omitted from plan files.
  package let defaultValue: Value?
  package let help: LocalizedText
  /// For a `choice` or `yesNo` attribute, its keywords (`yes`, `no`) by their bytes, ASCII
  /// case-insensitively (a statement's keyword is found without being lowered).
  package let choices: KeywordMatcher?
  /// The plan-file format version that introduced the attribute (SPEC §11, contract version 2):
  /// a plan that sets it is written as that version (``Plan/formatVersion``).
  package let since: Int
  /// For a `choice` attribute, the keywords introduced after version 1, with their version.
  package let valuesSince: [String: Int]
  /// For a plan setting that is a rule's threshold, the rule's code (`R19`): `help rules` lists
  /// it with the rule.
  package let rule: String?
  /// For a `count`, the least value it takes (`cutoff`: 1); the most is ``countMaximum``.
  package let minimum: Int
  /// The most a `count` takes.
  package static let countMaximum = 1_000_000_000

  /// What the attribute takes, as help and every message about its value say it: the type's
  /// text, for a count with its own range (``SchemaText/count(from:)``).
  package var describe: LocalizedText {
    if case .count = type { return SchemaText.count(from: minimum) }
    return type.describe
  }

  init(
    _ name: String, _ type: AttributeType, required: Bool = false, default defaultValue: Value? = nil,
    since: Int = 1, valuesSince: [String: Int] = [:], rule: String? = nil, minimum: Int = 0, _ en: String,
    _ zh: String
  ) {
    self.minimum = minimum
    self.name = name
    self.type = type
    self.required = required
    self.defaultValue = defaultValue
    self.since = since
    self.valuesSince = valuesSince
    self.rule = rule
    self.help = LocalizedText(en: en, zh: zh)
    switch type {
    case .choice(let allowed): choices = KeywordMatcher(allowed)
    case .yesNo: choices = KeywordMatcher(["yes", "no"])
    default: choices = nil
    }
  }
}

/// One part of an entity's key.
package enum KeyPart: Sendable, Hashable {
  /// The entity's own new ID.
  case id
  /// The ID of an existing entity of the kind.
  case ref(Kind)
  /// A keyword (the funding source).
  case choice([String])
  /// A year, `YYYY` (four digits), stored as its digits (`actual G1 2025`).
  case year

  /// Whether the part is a keyword (stored in lower case, whatever the case written).
  package var isKeyword: Bool {
    if case .choice = self { return true }
    return false
  }
}

/// What a kind looks like: its key, whether it has a name, its attributes.
///
/// An immutable `final class`, like ``AttributeSpec``: `kind.spec` is read for every statement.
package final class KindSpec: Sendable {
  package let kind: Kind
  package let keys: [KeyPart]
  /// Names of the key parts in help (`FIELD CRITERION`).
  package let keyNames: [String]
  package let hasName: Bool
  package let attributes: [AttributeSpec]
  /// The attribute a bare number after the keys stands for (`value`, `amount`).
  package let positional: Int?
  package let help: LocalizedText
  package let example: String
  /// The plan-file format version that introduced the kind: a plan with an entity of it is
  /// written as that version (``Plan/formatVersion``).
  package let since: Int

  init(
    kind: Kind, keys: [KeyPart], keyNames: [String], hasName: Bool, attributes: [AttributeSpec], positional: Int?,
    help: LocalizedText, example: String, since: Int = 1
  ) {
    self.since = since
    self.kind = kind
    self.keys = keys
    self.keyNames = keyNames
    self.hasName = hasName
    self.attributes = attributes
    self.positional = positional
    self.help = help
    self.example = example
    let names = Schema.namesWithChinese((hasName ? ["name"] : []) + attributes.map(\.name))
    attributeMatcher = KeywordMatcher(names.words)
    attributeOfWord = names.index
    requiredAttributes = attributes.indices.filter { attributes[$0].required }
    keyChoices = keys.map { part in
      if case .choice(let allowed) = part { KeywordMatcher(allowed) } else { nil }
    }
  }

  /// For each key part that is a keyword (`choice`), its keywords by their bytes.
  package let keyChoices: [KeywordMatcher?]

  /// The indices of the attributes every entity of the kind must have, in order.
  package let requiredAttributes: [Int]

  /// Finds `name` (when the kind has one) and the attributes by name, English or Chinese.
  private let attributeMatcher: KeywordMatcher
  /// For each word of ``attributeMatcher``, the index of `name` and the attributes it names.
  private let attributeOfWord: [Int]

  /// What an attribute word names: the entity's name, or attribute `i`.
  package enum AttributeWord: Equatable {
    case name
    case attribute(Int)
  }

  /// What `word` names among `name` (when the kind has one) and the attributes (ASCII,
  /// case-insensitive); `nil` when nothing.
  package func attribute(named word: String) -> AttributeWord? {
    guard let found = attributeMatcher.index(of: word) else { return nil }
    let i = attributeOfWord[found]
    if hasName { return i == 0 ? .name : .attribute(i - 1) }
    return .attribute(i)
  }

  /// The index of attribute `name` (ASCII, case-insensitive).
  package func attributeIndex(_ name: String) -> Int? {
    if case .attribute(let i) = attribute(named: name) { return i }
    return nil
  }

  /// Whether the entity has an ID of its own (and can be renamed).
  package var hasOwnID: Bool { keys == [.id] }
}

/// The schema of SPEC §4: every kind and attribute with its type and default.
package enum Schema {
  package static let sources = ["central", "provincial", "municipal", "enterprise", "social", "bank", "other"]
  /// The government funding sources (SPEC §4).
  package static let governmentSources: Set<String> = ["central", "provincial", "municipal"]

  /// The Chinese term for a keyword value (`grant` → 项目资助), as the exports print it in Chinese;
  /// typed instead of the keyword, it is read as the keyword (``choice(forLabel:)``).
  package static let chineseLabels: [String: String] = [
    // chain positions
    "upstream": "上游", "midstream": "中游", "downstream": "下游", "application": "应用端",
    // roles
    "lead": "牵头单位", "core": "核心成员", "member": "一般成员",
    // goal categories
    "tech": "技术", "industry": "产业", "ecosystem": "生态", "standard": "标准",
    // instruments
    "grant": "项目资助", "subsidy": "后补助", "tax": "税收优惠", "equity": "基金参股", "loan": "信贷支持",
    "insurance": "保险补偿", "procurement": "政府采购", "scenario": "应用场景", "ip": "知识产权",
    "talent": "人才", "platform": "平台", "regulation": "规制", "management": "管理",
    // funders and sources
    "central": "中央", "provincial": "省级", "municipal": "市级", "enterprise": "企业", "social": "社会资本",
    "bank": "银行", "university": "高校", "other": "其他",
    // org types
    "institute": "科研院所", "rnd": "新型研发机构", "finance": "金融机构", "intermediary": "中介机构",
    "association": "行业协会",
    // criterion tags and types
    "chain": "产业链", "leader": "领军企业", "science": "科教资源", "urgency": "紧迫性", "market": "市场",
    "benefit": "效益型", "cost": "成本型",
    // Every other keyword value (issue 17 item 5: one table of every term). Enterprise sizes and
    // ownership, goal directions and statuses, the weighting and ranking methods.
    "large": "大型", "medium": "中型", "small": "小型",
    "soe": "国有", "private": "民营", "mixed": "混合所有制", "foreign": "外资",
    "up": "上升", "down": "下降",
    "achieved": "已达成", "on-track": "正常推进", "at-risk": "存在风险", "behind": "滞后",
    "direct": "直接赋权", "ahp": "层次分析法", "weighted": "加权和",
    // The expert panel's (SPEC §12): entropy weighting and how ratings are aggregated.
    "entropy": "熵权法", "mean": "加权平均", "median": "中位数", "geomean": "加权几何平均",
    // The plan's language (issue 17 item 8).
    "en": "英文", "zh": "中文",
  ]

  /// Further Chinese names read as keywords (SPEC §15: several names may map to one keyword);
  /// the exports print ``chineseLabels``' term. Each name here names one keyword.
  package static let chineseSynonyms: [String: String] = [
    "大型企业": "large", "中型企业": "medium", "小型企业": "small", "国企": "soe", "国有企业": "soe",
    "民企": "private", "民营企业": "private", "外企": "foreign", "外资企业": "foreign", "混合所有制企业": "mixed",
    "大学": "university", "研究院所": "institute", "科研机构": "institute", "牵头": "lead", "核心": "core",
    "成员": "member", "国家": "central", "中央财政": "central", "省财政": "provincial", "市财政": "municipal",
    "企业自筹": "enterprise",
  ]

  /// The keyword whose Chinese term is `label` (项目资助 → `grant`), so that a planner may type the
  /// term the exports print; `nil` when it is none. Each term names one keyword.
  package static func choice(forLabel label: String) -> String? { keywordsByLabel[label] }

  private static let keywordsByLabel: [String: String] = Dictionary(
    uniqueKeysWithValues: chineseLabels.map { ($0.value, $0.key) }
  ).merging(chineseSynonyms) { term, _ in term }

  /// Every Chinese name of each keyword: its term (``chineseLabels``) first, then its synonyms in
  /// code-point order.
  package static func chineseNames(of keyword: String) -> [String] {
    (chineseLabels[keyword].map { [$0] } ?? [])
      + chineseSynonyms.filter { $0.value == keyword }.map(\.key).sorted()
  }

  /// The nearest Chinese term for a word that names no keyword of `allowed`: the term of an
  /// allowed keyword that contains the word or is contained in it (`税收` → 税收优惠, `场景` →
  /// 应用场景), the shortest first; `nil` when none.
  package static func nearestTerm(_ word: String, in allowed: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    var best: String?
    for keyword in allowed {
      for term in chineseNames(of: keyword) where term.contains(word) || word.contains(term) {
        if best == nil || term.count < best!.count { best = chineseLabels[keyword] ?? term }
      }
    }
    return best
  }

  package static let instruments = [
    "grant", "subsidy", "tax", "equity", "loan", "insurance", "procurement", "scenario", "talent", "ip", "platform",
    "regulation", "management",
  ]
  package static let funders = [
    "central", "provincial", "municipal", "enterprise", "social", "bank", "university", "other",
  ]
  package static let orgTypes = [
    "enterprise", "university", "institute", "rnd", "finance", "intermediary", "association", "platform",
  ]
  package static let chains = ["upstream", "midstream", "downstream", "application", "platform"]

  /// The attributes of `set plan` (SPEC §4).
  package static let plan: [AttributeSpec] = [
    .init("title", .text, "plan title", "计划标题"),
    .init("region", .text, "region the plan is for", "所属地区"),
    .init("horizon", .yearPeriod, "planning horizon in whole years", "规划期（整年）"),
    .init("currency", .text, default: .text("万元"), "currency of every amount", "金额单位"),
    .init(
      "weighting", .choice(["direct", "ahp", "entropy"]), default: .choice("direct"), valuesSince: ["entropy": 2],
      "how criterion weights are set: directly, by AHP judgements, or by the entropy of the scores",
      "准则权重的确定方式：直接给定、AHP 两两比较或按评分的熵（熵权法）"),
    .init(
      "method", .choice(["weighted", "topsis"]), default: .choice("weighted"),
      "ranking method", "排序方法"),
    .init("cutoff", .count, minimum: 1, "how many top-ranked fields get consortia", "排名前几的领域组建联合体"),
    // Rule thresholds (SPEC §15: every rule's threshold is a plan setting, its version-1 value
    // the default; `help rules` lists them with their rule).
    .init(
      "gov-share-warn", .percent, default: .number(0.30), rule: "R27",
      "government share of funding above which R27 warns", "政府出资占比超过此值时 R27 警告"),
    .init(
      "gov-share-max", .percent, default: .number(0.50), rule: "R27",
      "government share of funding above which R27 is an error", "政府出资占比超过此值时 R27 报错"),
    .init(
      "members-min", .count, default: .integer(5), rule: "R15", "fewest members a consortium should have",
      "联合体成员数下限"),
    .init(
      "members-max", .count, default: .integer(30), rule: "R15", "most members a consortium should have",
      "联合体成员数上限"),
    .init(
      "period-min", .count, default: .integer(3), since: 2, rule: "R18",
      "shortest construction period of a consortium, in years", "联合体建设期下限（年）"),
    .init(
      "period-max", .count, default: .integer(5), since: 2, rule: "R18",
      "longest construction period of a consortium, in years", "联合体建设期上限（年）"),
    .init(
      "rd-intensity-min", .percent, default: .number(0.03), since: 2, rule: "R19",
      "lowest R&D intensity of a lead enterprise", "牵头企业研发投入强度下限"),
    .init(
      "start-grace", .count, default: .integer(0), since: 2, rule: "R30",
      "months a measure may start after its phase begins", "措施可晚于所属阶段开始的月数"),
    // Following the plan (SPEC §11).
    .init(
      "as-of", .year, since: 2, "the year under review (R34–R36, R39 judge the plan as of it)", "评估年份（R34–R36、R39 据此评判）"
    ),
    .init(
      "on-track-min", .percent, default: .number(0.90), since: 2, rule: "R34",
      "achievement ratio from which a goal is on track", "目标达到“进展正常”的完成比例下限"),
    .init(
      "at-risk-min", .percent, default: .number(0.70), since: 2, rule: "R34",
      "achievement ratio from which a goal is at risk rather than behind", "目标为“存在风险”而非“滞后”的完成比例下限"),
    // The ranking rules' thresholds (SPEC §15, issue 17 item 3).
    .init(
      "cr-max", .number, default: .number(0.10), since: 2, rule: "R04",
      "AHP consistency ratio CR above which the judgements are inconsistent (Saaty 1980: 0.10)",
      "AHP 一致性比率 CR 超过此值即判断不一致（Saaty 1980：0.10）"),
    .init(
      "weight-move", .percent, default: .number(0.10), since: 2, rule: "R08",
      "how far each weight is moved, as a share of itself, to test that the top set holds",
      "检验前 cutoff 名是否稳定时各权重的相对变动幅度"),
    // Expert panels (SPEC §12).
    .init(
      "rating-aggregate", .choice(["mean", "median", "geomean"]), default: .choice("mean"), since: 2,
      "how the experts' ratings of a field on a criterion become its score (weighted mean, median, weighted geometric mean)",
      "专家评分汇总为领域评分的方式（加权平均、中位数、加权几何平均）"),
    .init(
      "consensus-min", .number, default: .number(0.5), since: 2, rule: "R42",
      "Kendall's W of the experts' rankings below which R42 warns", "专家排序的肯德尔协调系数 W 低于此值时 R42 警告"),
    // The plan's language (SPEC §15, §10; issue 17 item 8): messages and exports of check,
    // rank, review, export and diff when neither --lang nor CPLAN_LANG is given.
    .init(
      "language", .choice(["en", "zh"]), since: 2,
      "language of messages and exports when neither --lang nor CPLAN_LANG is given",
      "未给出 --lang 且未设置 CPLAN_LANG 时，消息与导出所用的语言"),
  ]

  /// The index of plan setting `name`, English or Chinese (标题 for `title`).
  package static func planAttributeIndex(_ name: String) -> Int? {
    planMatcher.index(of: name).map { planNames.index[$0] }
  }

  private static let planNames = namesWithChinese(plan.map(\.name))
  private static let planMatcher = KeywordMatcher(planNames.words)

  /// By kind index, the attributes introduced after version 1, or with keywords that were
  /// (``Plan/formatVersion`` reads only these).
  package static let newerAttributes: [[Int]] = kinds.map { spec in
    spec.attributes.indices.filter { spec.attributes[$0].since > 1 || !spec.attributes[$0].valuesSince.isEmpty }
  }

  /// The default value of every attribute, by kind index then attribute index (what
  /// `kinds[k].attributes[i].defaultValue` says, without copying a ``KindSpec`` per read).
  package static let defaults: [[Value?]] = kinds.map { $0.attributes.map(\.defaultValue) }

  /// Every kind, in canonical order (index by ``Kind/index``).
  package static let kinds: [KindSpec] = [
    KindSpec(
      kind: .criterion, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init(
          "tag", .choice(["chain", "leader", "science", "urgency", "market", "other"]), default: .choice("other"),
          "which basis the criterion measures", "准则衡量的基础"),
        .init(
          "type", .choice(["benefit", "cost"]), default: .choice("benefit"),
          "benefit: more is better; cost: less is better", "效益型越大越好；成本型越小越好"),
        .init("scale", .range, default: .range(1, 10), "the scale scores are given on", "评分量表"),
        .init("weight", .number, "weight under direct weighting (weights sum to 1)", "直接赋权时的权重（总和为 1）"),
      ], positional: nil,
      help: LocalizedText(en: "a criterion fields are scored on", zh: "对候选领域评分的准则"),
      example: "add criterion C1 \"产业链基础\" tag chain weight 0.3"),
    KindSpec(
      kind: .compare, keys: [.ref(.criterion), .ref(.criterion)], keyNames: ["CRITERION", "CRITERION"],
      hasName: false,
      attributes: [
        .init(
          "value", .saaty, required: true, "how many times more important the first criterion is (1/9…9)",
          "前一个准则比后一个重要几倍（1/9…9）")
      ], positional: 0,
      help: LocalizedText(en: "an AHP pairwise judgement", zh: "AHP 两两比较判断"),
      example: "add compare C1 C2 1/3"),
    // Expert panels (SPEC §12).
    KindSpec(
      kind: .expert, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init(
          "weight", .number, default: .number(1), "the expert's relative weight in the panel (> 0)",
          "专家在评审组中的相对权重（> 0）"),
        .init("org", .ref(.org), "the expert's employer (for recusal, R44)", "专家所在单位（用于回避审查，R44）"),
        .init("affiliation", .text, "the expert's affiliation as written", "专家单位（文字）"),
      ], positional: nil,
      help: LocalizedText(en: "an expert of the review panel (专家评审)", zh: "评审专家"),
      example: "add expert E1 \"张教授\" weight 1 org jlu", since: 2),
    KindSpec(
      kind: .judgement, keys: [.ref(.expert), .ref(.criterion), .ref(.criterion)],
      keyNames: ["EXPERT", "CRITERION", "CRITERION"], hasName: false,
      attributes: [
        .init(
          "value", .saaty, required: true,
          "how many times more important the expert holds the first criterion (1/9…9)",
          "该专家认为前一个准则比后一个重要几倍（1/9…9）")
      ], positional: 0,
      help: LocalizedText(en: "an expert's AHP pairwise judgement", zh: "专家的 AHP 两两比较判断"),
      example: "add judgement E1 C1 C2 3", since: 2),
    KindSpec(
      kind: .field, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("note", .text, "a note", "备注"),
        .init(
          "justification", .text, "why the field gets a consortium although it ranks below the cutoff",
          "排名在前 cutoff 之外仍组建联合体的理由"),
      ], positional: nil,
      help: LocalizedText(en: "a candidate field (industry or technology)", zh: "候选领域（产业或技术方向）"),
      example: "add field F1 \"新能源汽车\""),
    KindSpec(
      kind: .score, keys: [.ref(.field), .ref(.criterion)], keyNames: ["FIELD", "CRITERION"], hasName: false,
      attributes: [
        .init("value", .number, required: true, "the score, within the criterion's scale", "评分，须在准则量表之内"),
        .init("source", .text, "where the score comes from", "评分来源"),
      ], positional: 0,
      help: LocalizedText(en: "a field's score on a criterion", zh: "候选领域在某准则上的评分"),
      example: "add score F1 C1 8"),
    KindSpec(
      kind: .rating, keys: [.ref(.expert), .ref(.field), .ref(.criterion)],
      keyNames: ["EXPERT", "FIELD", "CRITERION"], hasName: false,
      attributes: [
        .init(
          "value", .number, required: true, "the expert's rating, within the criterion's scale",
          "专家评分，须在准则量表之内")
      ], positional: 0,
      help: LocalizedText(en: "an expert's rating of a field on a criterion", zh: "专家对候选领域在某准则上的评分"),
      example: "add rating E1 F1 C1 8", since: 2),
    KindSpec(
      kind: .org, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("type", .choice(orgTypes), "kind of organisation", "单位类型"),
        .init("size", .choice(["large", "medium", "small"]), "enterprise size", "企业规模"),
        .init("ownership", .choice(["soe", "private", "mixed", "foreign"]), "ownership", "所有制"),
        .init("rd-intensity", .percent, "R&D spending as a share of revenue", "研发投入强度"),
      ], positional: nil,
      help: LocalizedText(en: "an organisation: enterprise, university, institute…", zh: "单位：企业、高校、科研院所等"),
      example: "add org jlu \"吉林大学\" type university"),
    KindSpec(
      kind: .consortium, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("field", .ref(.field), required: true, "the field the consortium works in", "联合体所属领域"),
        .init("period", .period, "construction period", "建设期"),
        .init("agreement", .yesNo, default: .flag(false), "a legally binding agreement is signed", "已签订具有法律约束力的协议"),
        .init(
          "ip-strategy", .yesNo, default: .flag(false), "IP ownership and sharing agreed in advance",
          "事先约定知识产权归属与共享"),
        .init("committee", .yesNo, default: .flag(false), "an expert advisory committee exists", "设有专家咨询委员会"),
      ], positional: nil,
      help: LocalizedText(en: "an innovation consortium (创新联合体)", zh: "创新联合体"),
      example: "add consortium K1 \"碳纤维创新联合体\" field F2 period 2025..2029"),
    KindSpec(
      kind: .member, keys: [.ref(.consortium), .ref(.org)], keyNames: ["CONSORTIUM", "ORG"], hasName: false,
      attributes: [
        .init(
          "role", .choice(["lead", "core", "member"]), default: .choice("member"),
          "lead enterprise, core member or member", "牵头单位、核心成员或一般成员"),
        .init("chain", .choice(chains), "position on the industry chain", "产业链位置"),
      ], positional: nil,
      help: LocalizedText(en: "an organisation's membership of a consortium", zh: "单位加入联合体"),
      example: "add member K1 jlu role core chain platform"),
    KindSpec(
      kind: .phase, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("period", .period, required: true, "the phase's period", "阶段期间")
      ], positional: nil,
      help: LocalizedText(en: "a phase of the roadmap", zh: "路线图的阶段"),
      example: "add phase P1 \"攻关期\" period 2025..2026"),
    KindSpec(
      kind: .goal, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("phase", .ref(.phase), required: true, "the phase the goal is due in", "目标所属阶段"),
        .init("consortium", .ref(.consortium), "the consortium the goal belongs to", "目标所属联合体"),
        .init(
          "category", .choice(["tech", "industry", "ecosystem", "talent", "ip", "standard"]),
          default: .choice("tech"), "kind of goal", "目标类别"),
        .init("indicator", .text, "what is measured", "指标"),
        .init("unit", .text, "unit of the indicator", "指标单位"),
        .init("baseline", .number, "value at the start", "基期值"),
        .init("baseline-year", .year, "year of the baseline", "基期年份"),
        .init("target", .number, "value to reach by the end of the phase", "阶段末目标值"),
        .init(
          "direction", .choice(["up", "down"]), default: .choice("up"), "whether the indicator should rise or fall",
          "指标应上升还是下降"),
        .init("after", .refs(.goal), "goals that must be reached first", "须先达成的目标"),
        .init(
          "target-year", .year, since: 2, "year the target is due (unset: the last year of the phase)",
          "目标年份（未设置时为所属阶段的最后一年）"),
      ], positional: nil,
      help: LocalizedText(en: "a phased goal with an indicator", zh: "带指标的阶段性目标"),
      example: "add goal G1 \"T1000 级碳纤维量产\" phase P1 consortium K1 indicator \"产能\" unit 吨 baseline 0 target 500"),
    KindSpec(
      kind: .checkpoint, keys: [.ref(.goal), .year], keyNames: ["GOAL", "YEAR"], hasName: false,
      attributes: [
        .init(
          "value", .number, required: true, "the intermediate target for that year (分年度目标)",
          "该年度的阶段性目标值（分年度目标）")
      ], positional: 0,
      help: LocalizedText(en: "an intermediate target of a goal for a year", zh: "目标的分年度目标值"),
      example: "add checkpoint G1 2026 250", since: 2),
    KindSpec(
      kind: .actual, keys: [.ref(.goal), .year], keyNames: ["GOAL", "YEAR"], hasName: false,
      attributes: [
        .init("value", .number, "the indicator's actual value that year", "该年度指标的实际值"),
        .init(
          "status", .choice(["achieved", "on-track", "at-risk", "behind"]),
          "the status of a qualitative goal (one without baseline and target)", "定性目标（无基期值和目标值）的状态"),
        .init("source", .text, "where the figure comes from", "数据来源"),
        .init("note", .text, "a note", "备注"),
      ], positional: 0,
      help: LocalizedText(en: "what a goal actually reached in a year", zh: "目标某年度的实际完成情况"),
      example: "add actual G1 2025 120 source \"统计年报\"", since: 2),
    KindSpec(
      kind: .measure, keys: [.id], keyNames: ["ID"], hasName: true,
      attributes: [
        .init("phase", .ref(.phase), required: true, "the phase the measure supports", "措施所属阶段"),
        .init("consortium", .ref(.consortium), "the consortium it supports", "支持的联合体"),
        .init("instrument", .choice(instruments), "policy instrument", "政策工具"),
        .init("funder", .choice(funders), "who pays", "出资方"),
        .init("amount", .amount, "amount in the plan's currency", "金额（计划货币单位）"),
        .init("agency", .text, "responsible agency", "责任部门"),
        .init("start", .month, "month the measure starts", "开始月份"),
      ], positional: nil,
      help: LocalizedText(en: "a support measure", zh: "支持措施"),
      example:
        "add measure M1 \"揭榜挂帅专项\" phase P1 consortium K1 instrument grant funder provincial amount 3000 agency \"省科技厅\""
    ),
    KindSpec(
      kind: .funding, keys: [.ref(.consortium), .ref(.phase), .choice(sources)],
      keyNames: ["CONSORTIUM", "PHASE", "SOURCE"], hasName: false,
      attributes: [
        .init("amount", .amount, required: true, "amount in the plan's currency", "金额（计划货币单位）")
      ], positional: 0,
      help: LocalizedText(en: "a funding line of a consortium in a phase, by source", zh: "联合体某阶段按来源的资金"),
      example: "add funding K1 P1 enterprise 8000"),
    KindSpec(
      kind: .outlay, keys: [.ref(.consortium), .year, .choice(sources)],
      keyNames: ["CONSORTIUM", "YEAR", "SOURCE"], hasName: false,
      attributes: [
        .init(
          "amount", .amount, required: true, "amount actually paid that year, in the plan's currency",
          "该年度实际拨付金额（计划货币单位）")
      ], positional: 0,
      help: LocalizedText(en: "money actually paid to a consortium in a year, by source", zh: "联合体某年度按来源的实际拨付资金"),
      example: "add outlay K1 2025 provincial 800", since: 2),
  ]
}
