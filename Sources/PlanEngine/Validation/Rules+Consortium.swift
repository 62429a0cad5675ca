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
  static let r11 = ShardRule.consortium("R11") { s in
    let index = s.index
    var count = 0
    var lead = -1
    let members = index.membersByConsortium
    for i in members.bounds(s.k) where index.memberFacts[members.item(i)].contains(.lead) {
      if count == 0 { lead = members.item(i) }
      count += 1
    }
    switch count {
    case 0: return s.report(.r11NoLead(s.consortium), at: s.consortium)
    case 1:
      let o = Int(index.memberOrg[lead])
      guard o >= 0, !index.orgFacts[o].contains(.enterprise) else { return nil }
      let type = index.orgs[o][Attr.Org.type]?.choice
      return s.report(.r11LeadNotEnterprise(s.consortium.id, org: index.orgs[o], type: type), at: index.members[lead])
    default:
      return s.report(.r11ManyLeads(s.consortium, leads: s.leads.map { index.members[$0].key.b }), at: s.consortium)
    }
  }

  /// **R12** (error): a consortium has at least one member of type university or institute.
  static let r12 = ShardRule.consortium("R12") { s in
    s.hasMemberOrg(.research) ? nil : s.report(.r12NoResearch(s.consortium), at: s.consortium)
  }

  /// **R13** (warning): the members' `chain` positions cover upstream, midstream and downstream
  /// (`application` counting as downstream). The message names what is missing and what is there.
  static let r13 = ShardRule.consortium("R13") { s in
    let index = s.index
    var covered: MemberFacts = []
    let members = index.membersByConsortium
    for i in members.bounds(s.k) { covered.formUnion(index.memberFacts[members.item(i)]) }
    guard !covered.isSuperset(of: [.upstream, .midstream, .downstream]) else { return nil }
    let needed: [(name: String, fact: MemberFacts)] = [
      ("upstream", .upstream), ("midstream", .midstream), ("downstream", .downstream),
    ]
    return s.report(
      .r13Chain(
        s.consortium, missing: needed.filter { !covered.contains($0.fact) }.map(\.name),
        covered: needed.filter { covered.contains($0.fact) }.map(\.name)),
      at: s.consortium)
  }

  /// **R14** (warning): some member is an enterprise of size small or medium.
  static let r14 = ShardRule.consortium("R14") { s in
    s.hasMemberOrg(.sme) ? nil : s.report(.r14NoSME(s.consortium), at: s.consortium)
  }

  /// **R15** (warning): the number of members lies within `members-min..members-max`, both ends
  /// included (default 5..30).
  static let r15 = ShardRule.consortium("R15") { s in
    let (low, high) = (s.index.settings.membersMin, s.index.settings.membersMax)
    let count = s.index.membersByConsortium.count(s.k)
    guard count < low || count > high else { return nil }
    return s.report(.r15Count(s.consortium, count: count, min: low, max: high), at: s.consortium)
  }

  /// **R16** (warning): `ip-strategy yes`, or one of the consortium's own measures has
  /// instrument ip.
  static let r16 = ShardRule.consortium("R16") { s in
    guard !s.index.consortiumIPStrategy[s.k], !s.hasMeasure(.ip) else { return nil }
    return s.report(.r16NoIPStrategy(s.consortium), at: s.consortium)
  }

  /// **R17** (warning): one of the consortium's own measures has instrument talent.
  static let r17 = ShardRule.consortium("R17") { s in
    s.hasMeasure(.talent) ? nil : s.report(.r17NoTalent(s.consortium), at: s.consortium)
  }

  /// **R18** (warning): a consortium's `period` lasts 3 to 5 years (36 to 60 months, both
  /// included; `2025..2027` is 3 years; one that ends before it starts is reported as such) and
  /// lies within the `horizon`. One finding per breach.
  static let r18 = ShardRule("R18") { s in
    guard !s.isPlanWide, let period = s.index.consortiumPeriod[s.k] else { return [] }
    let reversed = period.end < period.start
    let badLength = !reversed && (period.months < 36 || period.months > 60)
    let horizon = s.index.settings.horizon
    let outside = horizon.map { !$0.contains(period) } ?? false
    guard reversed || badLength || outside else { return [] }
    let consortium = s.consortium
    var findings: [Diagnostic] = []
    if reversed {
      findings.append(s.report(.r18Reversed(consortium, period: period), at: consortium))
    } else if badLength {
      findings.append(s.report(.r18Length(consortium, period: period), at: consortium))
    }
    if outside, let horizon {
      findings.append(s.report(.r18Horizon(consortium, period: period, horizon: horizon), at: consortium))
    }
    return findings
  }
}

extension Shard {
  /// The member positions of the consortium with `role lead`, in plan order.
  var leads: [Int] {
    let index = index
    return index.membersByConsortium[k].filter { index.memberFacts[$0].contains(.lead) }
  }

  /// Whether the org of one of the consortium's members has `fact`.
  func hasMemberOrg(_ fact: OrgFacts) -> Bool {
    let index = index
    let members = index.membersByConsortium
    for i in members.bounds(k) {
      let o = Int(index.memberOrg[members.item(i)])
      if o >= 0, index.orgFacts[o].contains(fact) { return true }
    }
    return false
  }

  /// Whether one of the shard's own measures has `instrument` (``MeasureFacts``).
  func hasMeasure(_ instrument: MeasureFacts) -> Bool {
    let index = index
    let measures = index.measuresByConsortium
    for i in measures.bounds(k) where index.measureFacts[measures.item(i)].contains(instrument) { return true }
    return false
  }
}
