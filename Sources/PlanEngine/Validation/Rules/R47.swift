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
    reads: [.names(.org)],
    settings: [],
    parts: [.plan(ConsortiumRules.r47)])
}

extension ConsortiumRules {
  /// **R47** (warning, SPEC §15): no two orgs share a name — the same organisation entered under
  /// two IDs splits its memberships and counts it twice (R12, R14). Names compare as written, up
  /// to canonical equivalence (as `String` compares them; every text is read in NFC), leading and
  /// trailing spaces ignored; an org without a name, or with an empty one, is not judged. At each
  /// org after the first of its name, naming the first. Over the whole plan, but the shell runs it
  /// again only when an org comes, goes or changes its name (``RuleRead/names(_:)``).
  /// - Complexity: O(n) in the number of orgs: one hash of each name's UTF-8 bytes (``NameKey``;
  ///   hashing a `String` of Chinese text normalizes it first, 25 times the cost).
  static let r47 = Rule("R47") { c in
    let orgs = c.plan[.org].values
    guard orgs.count > 1 else { return [] }
    var first: [NameKey: Int] = [:]
    first.reserveCapacity(orgs.count)
    var findings: [Diagnostic] = []
    for (i, org) in orgs.enumerated() {
      guard let name = org.name else { continue }
      let trimmed = name.trimmingEdgeSpaces
      guard !trimmed.isEmpty else { continue }
      let key = NameKey(trimmed)
      if let j = first[key] {
        findings.append(c.report(.r47SameName(org, first: orgs[j], name: String(trimmed)), at: org))
      } else {
        first[key] = i
      }
    }
    return findings
  }
}

/// A name as R47 compares it: its NFC form, hashed and compared as UTF-8 bytes — for two texts
/// in NFC, equal bytes is canonical equivalence, `String`'s equality.
private struct NameKey: Hashable {
  let nfc: Substring

  /// The key of `text`: as it is when every scalar is unchanged by NFC in any context (nearly
  /// every name: ASCII, CJK ideographs and punctuation, full-width forms), else its NFC form.
  init(_ text: Substring) {
    nfc = text.unicodeScalars.allSatisfy { Self.isNFCStable($0.value) } ? text : Substring(String(text).nfc)
  }

  /// Scalars that NFC leaves as they are, whatever stands around them (the lexer's test).
  private static func isNFCStable(_ v: UInt32) -> Bool {
    v < 0x0300 || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF)
  }

  static func == (a: NameKey, b: NameKey) -> Bool { a.nfc.utf8.elementsEqual(b.nfc.utf8) }

  func hash(into hasher: inout Hasher) {
    let hashed: Void? = nfc.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    if hashed == nil { Array(nfc.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
  }
}

extension String {
  /// The text without leading and trailing white space (`Character.isWhitespace`), without a
  /// copy. A text that starts with a scalar that is not white space and ends with one that ends
  /// a character of its own and is not white space (ASCII, CJK ideographs, full-width forms:
  /// nearly every name) is returned whole without breaking it into characters.
  fileprivate var trimmingEdgeSpaces: Substring {
    if let f = unicodeScalars.first?.value, let l = unicodeScalars.last?.value,
      (0x21...0x7E).contains(f) || (0x3001...0xD7FF).contains(f),
      (0x21...0x7E).contains(l) || (0x4E00...0x9FFF).contains(l) || (0xFF01...0xFF5E).contains(l)
    {
      return self[...]
    }
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
