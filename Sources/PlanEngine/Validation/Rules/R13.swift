import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R13 = RuleSpec(
    "R13", .warning,
    summary: LocalizedText(
      en: "a consortium's members do not cover upstream, midstream and downstream",
      zh: "联合体成员没有覆盖产业链上游、中游和下游"),
    examples: [
      "add member K1 jlsh chain upstream", "add member K1 jlhx chain midstream", "add member K1 faw chain downstream",
    ],
    reads: [.entities(.consortium), .attributes(.member, "chain")],
    parts: [.shard(ConsortiumRules.r13)])
}

extension ConsortiumRules {
  /// **R13** (warning): the members' `chain` positions cover upstream, midstream and downstream
  /// (`application` counting as downstream). The message names what is missing and what is there.
  static let r13 = ShardRule.consortium("R13") { s in
    let index = s.index
    var covered: MemberFacts = []
    let members = index.membersByConsortium
    for i in members.bounds(s.k) { covered.formUnion(index.memberFacts[members.item(i)]) }
    // `application` (the users of the chain's products) counts as downstream.
    if covered.contains(.application) { covered.insert(.downstream) }
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
}

extension Message {
  static func r13Chain(_ consortium: Entity, missing: [String], covered: [String]) -> Message {
    let k = T.label(consortium)
    let gone = T.list(missing.map(T.keyword))
    let have = covered.isEmpty ? LocalizedText(en: "none", zh: "无") : T.list(covered.map(T.keyword))
    return Message(
      "R13", en: "the members of consortium \(k.en) do not cover \(gone.en) (covered: \(have.en))",
      zh: "联合体 \(k.zh) 的成员没有覆盖产业链\(gone.zh)（已覆盖：\(have.zh)）")
  }
}
