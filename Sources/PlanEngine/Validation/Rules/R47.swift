import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R47 = RuleSpec(
    "R47", .warning,
    summary: LocalizedText(
      en: "two orgs have the same name (one organisation entered twice under two IDs?)",
      zh: "两个单位名称相同（同一单位以两个 ID 录入了两次？）"),
    examples: ["add org jlu \"吉林大学\" type university", "add org jlu2 \"吉林大学白求恩医学部\" type university"],
    reads: [.entities(.org)],
    settings: [],
    parts: [.plan(ConsortiumRules.r47)])
}

extension ConsortiumRules {
  /// **R47** (warning, SPEC §15): no two orgs share a name — the same organisation entered under
  /// two IDs splits its memberships and counts it twice (R12, R14). Names compare as written
  /// (NFC, as every text is read), leading and trailing spaces ignored; an org without a name, or
  /// with an empty one, is not judged. At each org after the first of its name, naming the first.
  /// - Complexity: O(n) in the number of orgs (one hash of each name).
  static let r47 = Rule("R47") { c in
    let orgs = c.plan[.org].values
    guard orgs.count > 1 else { return [] }
    var first: [Substring: Int] = [:]
    first.reserveCapacity(orgs.count)
    var findings: [Diagnostic] = []
    for (i, org) in orgs.enumerated() {
      guard let name = org.name else { continue }
      let trimmed = name.trimmingEdgeSpaces
      guard !trimmed.isEmpty else { continue }
      if let j = first[trimmed] {
        findings.append(c.report(.r47SameName(org, first: orgs[j], name: String(trimmed)), at: org))
      } else {
        first[trimmed] = i
      }
    }
    return findings
  }
}

extension String {
  /// The text without leading and trailing white space, without a copy.
  fileprivate var trimmingEdgeSpaces: Substring {
    var s = self[...]
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return s
  }
}

extension Message {
  static func r47SameName(_ org: Entity, first: Entity, name: String) -> Message {
    let (o, f) = (org.key.description, first.key.description)
    return Message(
      "R47",
      en:
        "org \(o) has the same name as org \(f) (\"\(name)\"); if they are one organisation, keep one ID and remove the other, else tell them apart by name",
      zh: "单位 \(o) 与单位 \(f) 同名（“\(name)”）；若为同一单位，请只保留一个 ID 并删除另一个，否则请在名称上加以区分")
  }
}
