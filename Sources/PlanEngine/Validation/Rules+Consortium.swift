import PlanLanguage
import PlanModel

/// Rules R11–R19: each consortium's members, measures and period (SPEC §7; DOMAIN.md: an
/// enterprise-led alliance along the chain, with universities or institutes, SMEs, an IP
/// strategy and talent incentives).
///
/// Interpretations where SPEC §7 is terse:
/// - Only the consortium's own measures (`measure … consortium K`) count for R16 and R17; a
///   plan-wide measure gives no consortium its IP strategy or its talent incentives.
/// - R13 counts chain position `application` as downstream (the users of the chain's products);
///   `platform` and unset positions cover nothing.
/// - R18 and R19 check only what is set: a consortium without `period`, or a lead without
///   `rd-intensity`, is not judged; the horizon part of R18 needs `horizon`.
enum ConsortiumRules {
  /// The rules checked shard by shard (R19 looks across consortia: ``Aggregates``).
  static let all = [r11, r12, r13, r14, r15, r16, r17, r18]

  /// **R11** (error): a consortium has exactly one member with `role lead` (no lead, or several,
  /// reported at the consortium), and that lead is an org of `type enterprise` (reported at the
  /// member statement; a lead without a `type` is not known to be an enterprise and is reported
  /// too).
  static let r11 = ShardRule.consortium("R11") { c, k in
    let index = c.index
    let consortium = index.consortia[k]
    let leads = c.leads(of: k)
    switch leads.count {
    case 0: return c.report(.r11NoLead(consortium), at: consortium)
    case 1:
      let o = Int(index.memberOrg[leads[0]])
      guard o >= 0 else { return nil }
      let type = index.orgs[o][Attr.Org.type]?.choice
      guard type != "enterprise" else { return nil }
      return c.report(.r11LeadNotEnterprise(consortium.id, org: index.orgs[o], type: type), at: index.members[leads[0]])
    default: return c.report(.r11ManyLeads(consortium, leads: leads.map { index.members[$0].key.b }), at: consortium)
    }
  }

  /// **R12** (error): a consortium has at least one member of type university or institute.
  static let r12 = ShardRule.consortium("R12") { c, k in
    let research = c.hasMemberOrg(of: k) { org in
      let type = org[Attr.Org.type]?.choice
      return type == "university" || type == "institute"
    }
    return research ? nil : c.report(.r12NoResearch(c.index.consortia[k]), at: c.index.consortia[k])
  }

  /// **R13** (warning): the members' `chain` positions cover upstream, midstream and downstream
  /// (`application` counting as downstream). The message names what is missing and what is there.
  static let r13 = ShardRule.consortium("R13") { c, k in
    let needed = ["upstream", "midstream", "downstream"]
    let index = c.index
    let consortium = index.consortia[k]
    // Which of `needed` the members cover (a few members: no set needed).
    var covered = [false, false, false]
    for m in index.membersByConsortium[k] {
      guard let chain = index.members[m][Attr.Member.chain]?.choice else { continue }
      if let i = needed.firstIndex(of: chain == "application" ? "downstream" : chain) { covered[i] = true }
    }
    guard covered.contains(false) else { return nil }
    let missing = needed.indices.filter { !covered[$0] }.map { needed[$0] }
    guard !missing.isEmpty else { return nil }
    return c.report(.r13Chain(consortium, missing: missing, covered: needed.indices.filter { covered[$0] }.map { needed[$0] }), at: consortium)
  }

  /// **R14** (warning): some member is an enterprise of size small or medium.
  static let r14 = ShardRule.consortium("R14") { c, k in
    let sme = c.hasMemberOrg(of: k) { org in
      guard org[Attr.Org.type]?.choice == "enterprise" else { return false }
      let size = org[Attr.Org.size]?.choice
      return size == "small" || size == "medium"
    }
    return sme ? nil : c.report(.r14NoSME(c.index.consortia[k]), at: c.index.consortia[k])
  }

  /// **R15** (warning): the number of members lies within `members-min..members-max`, both ends
  /// included (default 5..30).
  static let r15 = ShardRule.consortium("R15") { c, k in
    let (low, high) = (c.plan.membersMin, c.plan.membersMax)
    let consortium = c.index.consortia[k]
    let count = c.index.membersByConsortium.count(k)
    guard count < low || count > high else { return nil }
    return c.report(.r15Count(consortium, count: count, min: low, max: high), at: consortium)
  }

  /// **R16** (warning): `ip-strategy yes`, or one of the consortium's own measures has
  /// instrument ip.
  static let r16 = ShardRule.consortium("R16") { c, k in
    let consortium = c.index.consortia[k]
    guard consortium[Attr.Consortium.ipStrategy]?.flag != true, !c.hasMeasure(of: k, instrument: "ip")
    else { return nil }
    return c.report(.r16NoIPStrategy(consortium), at: consortium)
  }

  /// **R17** (warning): one of the consortium's own measures has instrument talent.
  static let r17 = ShardRule.consortium("R17") { c, k in
    c.hasMeasure(of: k, instrument: "talent") ? nil : c.report(.r17NoTalent(c.index.consortia[k]), at: c.index.consortia[k])
  }

  /// **R18** (warning): a consortium's `period` lasts 3 to 5 years (36 to 60 months, both
  /// included; `2025..2027` is 3 years; one that ends before it starts is reported as such) and
  /// lies within the `horizon`. One finding per breach.
  static let r18 = ShardRule("R18") { c, k in
    guard !c.isPlanWide(k) else { return [] }
    let consortium = c.index.consortia[k]
    guard let period = consortium.period else { return [] }
    var findings: [Diagnostic] = []
    if period.end < period.start {
      findings.append(c.report(.r18Reversed(consortium, period: period), at: consortium))
    } else if period.months < 36 || period.months > 60 {
      findings.append(c.report(.r18Length(consortium, period: period), at: consortium))
    }
    if let horizon = c.plan.horizon, !horizon.contains(period) {
      findings.append(c.report(.r18Horizon(consortium, period: period, horizon: horizon), at: consortium))
    }
    return findings
  }
}

extension RuleContext {
  /// The member positions of the consortium at position `k` with `role lead`, in plan order.
  func leads(of k: Int) -> [Int] {
    let index = index
    return index.membersByConsortium[k].filter { index.members[$0][Attr.Member.role]?.choice == "lead" }
  }

  /// Whether the org of one of the members of the consortium at position `k` satisfies `test`.
  func hasMemberOrg(of k: Int, where test: (Entity) -> Bool) -> Bool {
    let index = index
    return index.membersByConsortium[k].contains { m in
      let o = Int(index.memberOrg[m])
      return o >= 0 && test(index.orgs[o])
    }
  }

  /// Whether one of the own measures of the consortium at position `k` uses `instrument`.
  func hasMeasure(of k: Int, instrument: String) -> Bool {
    let index = index
    return index.measuresByConsortium[k].contains { index.measures[$0][Attr.Measure.instrument]?.choice == instrument }
  }
}
