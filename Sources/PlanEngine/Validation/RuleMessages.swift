import PlanLanguage
import PlanModel

// The messages of the validation rules (SPEC §7), one constructor per finding, in English and
// Chinese. Each names the entities involved and the numbers behind the verdict. Entity labels
// come from ``RuleText/label(_:)``; numbers are rounded for reading (the JSON exports carry the
// full values of the ranking).

private typealias T = RuleText

// MARK: - R01–R10: criteria, weights, scores and the ranking

extension Message {
  static func r01MissingWeight(_ criterion: Entity) -> Message {
    let c = T.label(criterion)
    return Message(
      "R01", en: "criterion \(c.en) has no weight; direct weighting needs a weight > 0 on every criterion",
      zh: "准则 \(c.zh) 没有权重；直接赋权要求每个准则的权重大于 0")
  }

  static func r01NonPositiveWeight(_ criterion: Entity, weight: Double) -> Message {
    let c = T.label(criterion)
    let w = T.number(weight)
    return Message(
      "R01", en: "criterion \(c.en) has weight \(w); direct weighting needs every weight > 0",
      zh: "准则 \(c.zh) 的权重为 \(w)；直接赋权要求每个权重大于 0")
  }

  static func r01WeightSum(_ terms: [(id: String, weight: Double)], sum: Double) -> Message {
    let addition = terms.map { "\($0.id) \(T.number($0.weight))" }.joined(separator: " + ")
    let s = T.sum(sum)
    return Message(
      "R01", en: "the criterion weights sum to \(s.en), not 1 (±0.001): \(addition) = \(s.en)",
      zh: "准则权重之和为 \(s.zh)，不等于 1（允许 ±0.001）：\(addition) = \(s.zh)")
  }

  static func r02Scale(_ criterion: Entity, low: Double, high: Double) -> Message {
    let c = T.label(criterion)
    let scale = "\(Format.number(low))..\(Format.number(high))"
    return Message(
      "R02", en: "criterion \(c.en) has scale \(scale); MIN must be below MAX",
      zh: "准则 \(c.zh) 的量表为 \(scale)；MIN 必须小于 MAX")
  }

  static func r02ScoreOutside(field: String, criterion: String, value: Double, low: Double, high: Double) -> Message {
    let v = Format.number(value)
    let scale = "\(Format.number(low))..\(Format.number(high))"
    return Message(
      "R02", en: "the score of \(field) on \(criterion) is \(v), outside \(criterion)'s scale \(scale)",
      zh: "\(field) 在 \(criterion) 上的评分 \(v) 超出该准则的量表 \(scale)")
  }

  static func r03NotSaaty(_ compare: Entity, value: Double) -> Message {
    let pair = compare.key.description
    let v = Format.saaty(value)
    return Message(
      "R03", en: "the judgement \(pair) = \(v) is not a Saaty value (1 to 9, or 1/2 to 1/9)",
      zh: "判断 \(pair) = \(v) 不是 Saaty 标度值（1 到 9，或 1/2 到 1/9）")
  }

  static func r03Unjudged(_ criterion: Entity, missing: [String], missingPairs: Int, pairs: Int) -> Message {
    let c = T.label(criterion)
    let list = T.list(missing)
    return Message(
      "R03",
      en:
        "criterion \(c.en) is not compared with \(list.en); AHP needs every pair judged (\(missingPairs) of \(pairs) pairs missing)",
      zh: "准则 \(c.zh) 与 \(list.zh) 之间没有两两比较判断；AHP 要求每对准则都有判断（\(pairs) 对中缺 \(missingPairs) 对）")
  }

  static func r04Inconsistent(_ ahp: AHPResult, n: Int, worst: Entity, implied: Double) -> Message {
    let (cr, ci, lambda) = (T.number(ahp.cr), T.number(ahp.ci), T.number(ahp.lambdaMax))
    let ri = Format.number(ahp.ri)
    let judgement = "\(worst.key.description) = \(Format.saaty(worst[Attr.Compare.value]?.number ?? 0))"
    let weights = T.number(implied, places: 2)
    return Message(
      "R04",
      en:
        "the AHP judgements are inconsistent: CR = \(cr) > 0.10 (CI = \(ci), RI = \(ri) for n = \(n), λmax = \(lambda)); "
        + "\(judgement) departs most from the derived weights, which put the ratio at \(weights)",
      zh: "AHP 判断不一致：CR = \(cr) > 0.10（CI = \(ci)，n = \(n) 时 RI = \(ri)，λmax = \(lambda)）；"
        + "与导出权重偏离最大的判断是 \(judgement)，按导出权重该比值应为 \(weights)")
  }

  static func r04TooManyCriteria(_ count: Int) -> Message {
    Message(
      "R04",
      en:
        "AHP weighting handles at most \(ahpMaxCriteria) criteria (Saaty's RI table ends there); the plan has \(count)",
      zh: "AHP 赋权最多支持 \(ahpMaxCriteria) 个准则（Saaty 随机一致性指标 RI 表到此为止）；计划有 \(count) 个")
  }

  static func r05MissingScores(_ field: Entity, criteria: [String]) -> Message {
    let f = T.label(field)
    let list = T.list(criteria)
    return Message(
      "R05", en: "field \(f.en) has no score on \(list.en); a missing score is never read as zero",
      zh: "领域 \(f.zh) 缺少 \(list.zh) 的评分；缺失的评分不按零处理")
  }

  static func r06Bases(missing: [String], present: [String]) -> Message {
    let gone = T.list(missing.map(T.keyword))
    let tags = present.isEmpty ? LocalizedText(en: "none", zh: "无") : T.list(present)
    return Message(
      "R06",
      en: "the criteria do not cover the bases \(gone.en): no criterion has that tag (tags used: \(tags.en)); "
        + "the ranking should weigh the chain, the leading enterprises and science",
      zh: "准则没有覆盖\(gone.zh)基础：没有相应 tag 的准则（已用 tag：\(tags.zh)）；排序应兼顾产业链、领军企业和科教资源")
  }

  static func r07Tie(_ fields: [Entity], score: Double, rank: Int, method: String) -> Message {
    let list = T.list(fields.map(T.label))
    let s = T.number(score)
    let m = T.keyword(method)
    return Message(
      "R07", en: "fields \(list.en) tie at score \(s) (\(m.en)): they share rank \(rank)",
      zh: "领域 \(list.zh) 得分相同（\(m.zh)，\(s)），并列第 \(rank) 名")
  }

  static func r08Methods(cutoff: Int, weighted: [String], topsis: [String]) -> Message {
    let (w, t) = (T.list(weighted), T.list(topsis))
    return Message(
      "R08", en: "the top \(cutoff) differs between weighted (\(w.en)) and topsis (\(t.en))",
      zh: "前 \(cutoff) 名在加权和法（\(w.zh)）与 TOPSIS 法（\(t.zh)）下不同")
  }

  static func r08WeightMove(
    criterion: Entity, cutoff: Int, top: [String], from: Double, to: Double, entered: [String], left: [String]
  ) -> Message {
    let c = T.label(criterion)
    let step = to > from ? "+10%" : "−10%"
    let (a, b) = (T.number(from), T.number(to))
    let (inList, outList, topList) = (T.list(entered), T.list(left), T.list(top))
    return Message(
      "R08",
      en: "the top \(cutoff) (\(topList.en)) changes when the weight of \(c.en) moves \(step) from \(a) to \(b): "
        + "\(inList.en) enter, \(outList.en) leave",
      zh: "准则 \(c.zh) 的权重变动 \(step)（\(a) → \(b)）时，前 \(cutoff) 名（\(topList.zh)）改变：\(inList.zh) 进入，\(outList.zh) 退出")
  }

  static func r09BelowCutoff(_ consortium: Entity, field: Entity, rank: Int, cutoff: Int) -> Message {
    let (k, f) = (T.label(consortium), T.label(field))
    return Message(
      "R09",
      en:
        "consortium \(k.en) works in field \(f.en), which ranks \(rank), below the cutoff \(cutoff), and the field has no justification",
      zh: "联合体 \(k.zh) 所属领域 \(f.zh) 排名第 \(rank)，在 cutoff \(cutoff) 之外，且该领域没有 justification（理由）")
  }

  static func r10NoConsortium(_ field: Entity, rank: Int, cutoff: Int) -> Message {
    let f = T.label(field)
    return Message(
      "R10", en: "field \(f.en) ranks \(rank), within the cutoff \(cutoff), but has no consortium",
      zh: "领域 \(f.zh) 排名第 \(rank)，在 cutoff \(cutoff) 之内，但没有联合体")
  }
}

// MARK: - R11–R19: consortia and their members

extension Message {
  static func r11NoLead(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R11", en: "consortium \(k.en) has no lead member (role lead); it needs exactly one lead enterprise",
      zh: "联合体 \(k.zh) 没有牵头成员（role lead）；须恰有一个牵头企业")
  }

  static func r11ManyLeads(_ consortium: Entity, leads: [String]) -> Message {
    let k = T.label(consortium)
    let list = T.list(leads)
    return Message(
      "R11", en: "consortium \(k.en) has \(leads.count) lead members (\(list.en)); exactly one is allowed",
      zh: "联合体 \(k.zh) 有 \(leads.count) 个牵头成员（\(list.zh)）；只能有一个")
  }

  static func r11LeadNotEnterprise(_ consortium: String, org: Entity, type: String?) -> Message {
    let o = T.label(org)
    guard let type else {
      return Message(
        "R11", en: "the lead of \(consortium), \(o.en), has no type; the lead must be an enterprise",
        zh: "\(consortium) 的牵头单位 \(o.zh) 没有填写类型（type）；牵头单位必须是企业")
    }
    let t = T.keyword(type)
    let article = ["university", "finance", "platform"].contains(type) ? "a" : "an"
    return Message(
      "R11", en: "the lead of \(consortium), \(o.en), is \(article) \(t.en), not an enterprise",
      zh: "\(consortium) 的牵头单位 \(o.zh) 是\(t.zh)（\(type)），不是企业")
  }

  static func r12NoResearch(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R12", en: "consortium \(k.en) has no university or institute member",
      zh: "联合体 \(k.zh) 没有高校或科研院所成员")
  }

  static func r13Chain(_ consortium: Entity, missing: [String], covered: [String]) -> Message {
    let k = T.label(consortium)
    let gone = T.list(missing.map(T.keyword))
    let have = covered.isEmpty ? LocalizedText(en: "none", zh: "无") : T.list(covered.map(T.keyword))
    return Message(
      "R13", en: "the members of consortium \(k.en) do not cover \(gone.en) (covered: \(have.en))",
      zh: "联合体 \(k.zh) 的成员没有覆盖产业链\(gone.zh)（已覆盖：\(have.zh)）")
  }

  static func r14NoSME(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R14", en: "consortium \(k.en) has no small or medium enterprise member",
      zh: "联合体 \(k.zh) 没有中小企业成员")
  }

  static func r15Count(_ consortium: Entity, count: Int, min: Int, max: Int) -> Message {
    let k = T.label(consortium)
    return Message(
      "R15",
      en:
        "consortium \(k.en) has \(count) member\(count == 1 ? "" : "s"), outside members-min..members-max \(min)..\(max)",
      zh: "联合体 \(k.zh) 有 \(count) 个成员，不在 members-min..members-max（\(min)..\(max)）之内")
  }

  static func r16NoIPStrategy(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R16", en: "consortium \(k.en) has no IP strategy: ip-strategy is no and no measure of it has instrument ip",
      zh: "联合体 \(k.zh) 没有知识产权战略：ip-strategy 为 no，且没有 instrument 为 ip 的措施")
  }

  static func r17NoTalent(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R17", en: "consortium \(k.en) has no talent-incentive measure (instrument talent)",
      zh: "联合体 \(k.zh) 没有人才激励措施（instrument talent）")
  }

  static func r18Length(_ consortium: Entity, period: Period) -> Message {
    let k = T.label(consortium)
    let years = T.number(period.years, places: 2)
    return Message(
      "R18",
      en:
        "the period \(period.description) of consortium \(k.en) lasts \(years) year\(years == "1" ? "" : "s"), not 3 to 5",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 为 \(years) 年，不在 3 到 5 年之间")
  }

  static func r18Reversed(_ consortium: Entity, period: Period) -> Message {
    let k = T.label(consortium)
    return Message(
      "R18", en: "the period \(period.description) of consortium \(k.en) ends before it starts",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 结束早于开始")
  }

  static func r18Horizon(_ consortium: Entity, period: Period, horizon: Period) -> Message {
    let k = T.label(consortium)
    return Message(
      "R18", en: "the period \(period.description) of consortium \(k.en) leaves the horizon \(horizon.description)",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 超出规划期 \(horizon.description)")
  }

  static func r19RDIntensity(_ org: Entity, consortia: [String], intensity: Double) -> Message {
    let o = T.label(org)
    let list = T.list(consortia)
    let p = T.percent(intensity)
    return Message(
      "R19", en: "the lead enterprise \(o.en) of \(list.en) has an R&D intensity of \(p), below 3%",
      zh: "\(list.zh) 的牵头企业 \(o.zh) 研发投入强度为 \(p)，低于 3%")
  }
}

// MARK: - R20–R26: phases and goals

extension Message {
  static func r20Reversed(_ phase: Entity, period: Period) -> Message {
    let p = T.label(phase)
    return Message(
      "R20", en: "phase \(p.en) ends before it starts: \(period.description)",
      zh: "阶段 \(p.zh) 结束早于开始：\(period.description)")
  }

  static func r20OutsideHorizon(_ phase: Entity, period: Period, horizon: Period) -> Message {
    let p = T.label(phase)
    return Message(
      "R20", en: "phase \(p.en) \(period.description) lies outside the horizon \(horizon.description)",
      zh: "阶段 \(p.zh) \(period.description) 超出规划期 \(horizon.description)")
  }

  static func r20Overlap(_ phase: Entity, period: Period, other: Entity, otherPeriod: Period) -> Message {
    let (p, q) = (T.label(phase), T.label(other))
    return Message(
      "R20", en: "phase \(p.en) \(period.description) overlaps \(q.en) \(otherPeriod.description)",
      zh: "阶段 \(p.zh) \(period.description) 与 \(q.zh) \(otherPeriod.description) 重叠")
  }

  static func r21Gap(after: Entity, before: Entity, gap: String) -> Message {
    Message(
      "R21", en: "the phases leave a gap \(gap) between \(after.id) and \(before.id)",
      zh: "阶段 \(after.id) 与 \(before.id) 之间有空档 \(gap)")
  }

  static func r21StartsLate(_ phase: Entity, uncovered: String, horizon: Period) -> Message {
    Message(
      "R21",
      en:
        "the phases do not cover the start of the horizon \(horizon.description): \(uncovered) lies before \(phase.id)",
      zh: "阶段没有覆盖规划期 \(horizon.description) 的开头：\(phase.id) 之前的 \(uncovered) 无阶段")
  }

  static func r21EndsEarly(_ phase: Entity, uncovered: String, horizon: Period) -> Message {
    Message(
      "R21",
      en: "the phases do not cover the end of the horizon \(horizon.description): \(uncovered) lies after \(phase.id)",
      zh: "阶段没有覆盖规划期 \(horizon.description) 的末尾：\(phase.id) 之后的 \(uncovered) 无阶段")
  }

  static func r22NoGoal(_ phase: Entity) -> Message {
    let p = T.label(phase)
    return Message("R22", en: "phase \(p.en) has no goal", zh: "阶段 \(p.zh) 没有目标")
  }

  static func r23Direction(_ goal: Entity, baseline: Double, target: Double, direction: String) -> Message {
    let g = T.label(goal)
    let d = T.keyword(direction)
    let (b, t) = (Format.number(baseline), Format.number(target))
    return Message(
      "R23", en: "the target \(t) of goal \(g.en) does not move \(d.en) from its baseline \(b)",
      zh: "目标 \(g.zh) 的目标值 \(t) 没有按\(d.zh)（\(direction)）方向偏离基期值 \(b)")
  }

  static func r24FallsBack(
    _ goal: Entity, target: Double, phase: String, earlier: Entity, earlierTarget: Double, earlierPhase: String,
    consortium: String?, indicator: String, direction: String
  ) -> Message {
    let g = T.label(goal)
    let (t, e) = (Format.number(target), Format.number(earlierTarget))
    let d = T.keyword(direction)
    let owner = consortium.map { LocalizedText($0) } ?? LocalizedText(en: "plan-wide", zh: "全局")
    return Message(
      "R24",
      en:
        "the target \(t) of goal \(g.en) in \(phase) falls back behind the target \(e) of \(earlier.id) in the earlier phase "
        + "\(earlierPhase) (\(owner.en), indicator \(indicator), direction \(d.en))",
      zh: "目标 \(g.zh) 在 \(phase) 的目标值 \(t) 倒退到更早阶段 \(earlierPhase) 中 \(earlier.id) 的目标值 \(e) 之后"
        + "（\(owner.zh)，指标 \(indicator)，方向\(d.zh)）")
  }

  static func r25NoTechGoal(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R25", en: "consortium \(k.en) has no tech goal (category tech)",
      zh: "联合体 \(k.zh) 没有技术目标（category tech）")
  }

  static func r25NoEcosystemGoal(goals: Int) -> Message {
    Message(
      "R25",
      en: goals == 1
        ? "the plan's only goal is not an ecosystem goal (category ecosystem)"
        : "none of the plan's \(goals) goals is an ecosystem goal (category ecosystem)",
      zh: "计划的 \(goals) 个目标中没有生态目标（category ecosystem）")
  }

  static func r26MissingPhases(_ consortium: Entity, phases: [String]) -> Message {
    let k = T.label(consortium)
    let list = T.list(phases)
    return Message(
      "R26", en: "consortium \(k.en) has no goal in phase \(list.en)",
      zh: "联合体 \(k.zh) 在阶段 \(list.zh) 没有目标")
  }
}

// MARK: - R27–R31: funding and support measures

extension Message {
  static func r27GovernmentShare(
    _ consortium: Entity, share: Double, government: Double, total: Double, currency: String,
    parts: [(source: String, amount: Double)], cap: Double, capName: String
  ) -> Message {
    let k = T.label(consortium)
    let (p, g, t, c) = (T.percent(share), T.number(government, places: 2), T.number(total, places: 2), T.percent(cap))
    // `provincial 4000 + municipal 2000 = 6000`, or just `provincial 4000` for one source.
    let sum = parts.count > 1 ? " = \(g)" : ""
    let en = parts.map { "\($0.source) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    let zh = parts.map { "\(T.keyword($0.source).zh) \(T.number($0.amount, places: 2))" }.joined(separator: " + ") + sum
    return Message(
      "R27",
      en:
        "the government share of consortium \(k.en)'s funding is \(p) (\(en) of \(t) \(currency)), above \(capName) \(c)",
      zh: "联合体 \(k.zh) 资金中政府出资占比 \(p)（\(zh)，共 \(t) \(currency)），超过 \(capName) \(c)")
  }

  static func r28MeasuresExceedFunding(
    consortium: String, phase: String, funder: String, measures: [String], total: Double, line: Double, currency: String
  ) -> Message {
    let f = T.keyword(funder)
    let list = T.list(measures)
    let (m, l) = (T.number(total, places: 2), T.number(line, places: 2))
    guard line > 0 else {
      return Message(
        "R28",
        en: "the \(funder)-funded measures of \(consortium) in \(phase) (\(list.en)) total \(m) \(currency), "
          + "but \(consortium) has no \(funder) funding line in \(phase)",
        zh:
          "\(consortium) 在 \(phase) 由\(f.zh)出资的措施（\(list.zh)）合计 \(m) \(currency)，但 \(consortium) 在 \(phase) 没有\(f.zh)资金额度"
      )
    }
    return Message(
      "R28",
      en: "the \(funder)-funded measures of \(consortium) in \(phase) (\(list.en)) total \(m) \(currency), "
        + "more than its \(funder) funding line of \(l) \(currency)",
      zh: "\(consortium) 在 \(phase) 由\(f.zh)出资的措施（\(list.zh)）合计 \(m) \(currency)，超过其\(f.zh)资金额度 \(l) \(currency)")
  }

  static func r29Overreach(_ measure: Entity, funder: String) -> Message {
    let m = T.label(measure)
    let f = T.keyword(funder)
    return Message(
      "R29",
      en: "measure \(m.en) uses instrument management with a government funder (\(funder)): "
        + "the government does not run the consortium's people, money and materials",
      zh: "措施 \(m.zh) 由政府（\(f.zh)）出资并使用 management 工具：政府不管理联合体的人、财、物（越位）")
  }

  static func r30NoMeasure(_ phase: Entity) -> Message {
    let p = T.label(phase)
    return Message("R30", en: "phase \(p.en) has no support measure", zh: "阶段 \(p.zh) 没有支持措施")
  }

  static func r30StartsLate(_ measure: Entity, start: YearMonth, phase: String, phaseStart: YearMonth) -> Message {
    let m = T.label(measure)
    return Message(
      "R30",
      en:
        "measure \(m.en) starts \(start), after its phase \(phase) begins (\(phaseStart)); measures are deployed ahead of their phase",
      zh: "措施 \(m.zh) 于 \(start) 开始，晚于所属阶段 \(phase) 的开始（\(phaseStart)）；支持措施应提前部署")
  }

  static func r31NoAgency(_ measure: Entity) -> Message {
    let m = T.label(measure)
    return Message(
      "R31", en: "measure \(m.en) has no responsible agency (agency)",
      zh: "措施 \(m.zh) 没有责任部门（agency）")
  }
}

// MARK: - R32–R33: the `after` graph of goals

extension Message {
  static func r32Cycle(_ path: [String], knot: [String]) -> Message {
    let cycle = path.joined(separator: " → ")
    guard knot.count > path.count - 1 else {
      return Message(
        "R32", en: "the after links of goals form a cycle: \(cycle)",
        zh: "目标的 after 前置关系形成循环：\(cycle)")
    }
    let all = T.list(knot)
    return Message(
      "R32",
      en: "the after links of goals form a cycle: \(cycle); \(knot.count) goals are tied into this knot: \(all.en)",
      zh: "目标的 after 前置关系形成循环：\(cycle)；该环路共牵连 \(knot.count) 个目标：\(all.zh)")
  }

  static func r33LaterPrerequisite(_ goal: Entity, phase: String, prerequisite: String, laterPhase: String) -> Message {
    let g = T.label(goal)
    return Message(
      "R33",
      en: "goal \(g.en) in phase \(phase) comes after \(prerequisite), a goal of the later phase \(laterPhase)",
      zh: "目标 \(g.zh) 属于阶段 \(phase)，却排在更晚阶段 \(laterPhase) 的目标 \(prerequisite) 之后")
  }
}
