import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R19 = RuleSpec(
    "R19", .warning,
    summary: LocalizedText(
      en: "a lead enterprise's `rd-intensity` is below 3%",
      zh: "牵头企业的研发投入强度低于 3%"),
    examples: ["set org faw rd-intensity 3.5%"],
    reads: [.entities(.consortium), .attributes(.member, "role"), .attributes(.org, "type", "rd-intensity")],
    settings: ["rd-intensity-min"],
    parts: [.summaries(Aggregates.r19)])
}

extension Aggregates {
  /// Whether `org`, leading a consortium, breaks rule R19: an enterprise whose `rd-intensity` is
  /// set and below `minimum` (the plan's `rd-intensity-min`, a fraction: 0.03 by default).
  static func isWeakLead(_ org: Entity, minimum: Double) -> Bool {
    guard org[Attr.Org.type]?.choice == "enterprise", let intensity = org[Attr.Org.rdIntensity]?.number else {
      return false
    }
    return intensity < minimum - 1e-12
  }

  /// **R19** (warning): an enterprise that leads a consortium has `rd-intensity` of at least
  /// `rd-intensity-min` (3%). Reported once per org, at the org (the statement that sets its R&D
  /// intensity), naming every consortium it leads in plan order; orgs in plan order. The shards'
  /// summaries name the leads that break it (``ShardSummary/weakLeads``).
  @Sendable static func r19(_ a: AcrossShards) -> [Diagnostic] {
    let c = a.c
    let orgs = c.plan[.org], consortia = c.plan[.consortium]
    let minimum = c.plan.rdIntensityMin
    var found: [(position: Int, finding: Diagnostic)] = []
    for (id, leads) in a.weakLeads {
      guard let o = orgs.index(forKey: EntityKey(id)) else { continue }
      let org = orgs.values[o]
      guard isWeakLead(org, minimum: minimum), let intensity = org[Attr.Org.rdIntensity]?.number else { continue }
      let ordered = leads.sorted {
        (consortia.index(forKey: EntityKey($0)) ?? .max) < (consortia.index(forKey: EntityKey($1)) ?? .max)
      }
      found.append(
        (o, c.report(.r19RDIntensity(org, consortia: ordered, intensity: intensity, minimum: minimum), at: org)))
    }
    return found.sorted { $0.position < $1.position }.map(\.finding)
  }
}

extension Message {
  static func r19RDIntensity(_ org: Entity, consortia: [String], intensity: Double, minimum: Double) -> Message {
    let o = T.label(org)
    let list = T.list(consortia)
    let (p, m) = (T.percent(intensity), T.percent(minimum))
    return Message(
      "R19", en: "the lead enterprise \(o.en) of \(list.en) has an R&D intensity of \(p), below \(m)",
      zh: "\(list.zh) 的牵头企业 \(o.zh) 研发投入强度为 \(p)，低于 \(m)")
  }
}
