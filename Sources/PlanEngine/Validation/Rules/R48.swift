import PlanLanguage
import PlanModel

extension RuleBook {
  static let R48 = RuleSpec(
    "R48", .warning,
    summary: LocalizedText(
      en: "two IDs of one kind look alike (full-width and half-width, capitals, Latin and Cyrillic or Greek letters)",
      zh: "同一类别的两个 ID 形似（全角与半角、大小写、拉丁字母与西里尔或希腊字母）"),
    examples: ["add field F1 \"碳纤维\"", "add field F2 \"生物医药\""],
    reads: Kind.allCases.filter { $0.keyWidth == 1 }.map { .entities($0) },
    settings: [],
    parts: [.plan(ConsortiumRules.r48)])
}

extension ConsortiumRules {
  /// **R48** (warning, SPEC §15): no two IDs of one kind look alike — `F1` and `Ｆ１` (full-width,
  /// as a Chinese input method types them), `F1` and `f1`, Latin `a` and Cyrillic `а` are two
  /// entities a reader takes for one, and a reference typed one way finds the other's entity
  /// or none. Each ID is reduced to its skeleton (``IDSkeleton``) and kept in a map from
  /// skeleton to the first entity that has it: an entity whose skeleton is there already is
  /// reported, naming the first. Kinds whose key is one ID (criterion, expert, field, org,
  /// consortium, phase, goal, measure); each kind apart (a field and a goal may share an ID).
  /// - Complexity: O(n) in the number of entities with an ID of their own: one skeleton (no
  ///   copy for an ID of lower-case ASCII, the usual) and one hash of each, never a comparison of
  ///   all pairs.
  static let r48 = Rule("R48") { c in
    var findings: [Diagnostic] = []
    for kind in Kind.allCases where kind.keyWidth == 1 {
      // The keys only: an entity is copied out of its table for a finding, not to read its ID.
      let table = c.plan[kind]
      guard table.count > 1 else { continue }
      let keys = table.keys
      var first: [String: Int] = [:]
      first.reserveCapacity(keys.count)
      for i in keys.indices {
        let skeleton = IDSkeleton.of(keys[i].a)
        if let j = first[skeleton] {
          let entity = table.values[i]
          findings.append(c.report(.r48LookAlike(entity, first: table.values[j]), at: entity))
        } else {
          first[skeleton] = i
        }
      }
    }
    return findings
  }
}

/// The skeleton of an ID (R48, SPEC §15): what it looks like, so that two IDs that look alike
/// have one skeleton. The compatibility forms of NFKC that IDs meet — the full-width forms
/// U+FF01–U+FF5E and the ideographic space, as Chinese input methods type them — become ASCII;
/// letters are case-folded (``String/lowercased()``); and the Cyrillic and Greek letters that
/// look like Latin ones (the lower-case forms of `А В Е К М Н О Р С Т Х`, `Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ`,
/// and `а е о р с у х і ј ѕ ԁ ԛ ԝ ο ι`, after Unicode's confusables) become those Latin letters.
enum IDSkeleton {
  /// The skeleton of `id`; `id` itself, with no copy, when it is ASCII without capitals.
  static func of(_ id: String) -> String {
    var plain = true
    for byte in id.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
      plain = false
      break
    }
    if plain { return id }
    // ASCII with capitals (`G5`, `K1`: most IDs): case folding is the whole skeleton.
    if id.utf8.allSatisfy({ $0 < 0x80 }) { return id.lowercased() }
    var out = String.UnicodeScalarView()
    for scalar in id.lowercased().unicodeScalars {
      let v = scalar.value
      if v >= 0xFF01 && v <= 0xFF5E {
        // Full-width ASCII (NFKC); its capitals `lowercased()` made small already.
        out.append(Unicode.Scalar(UInt8(v - 0xFEE0)))
      } else if v == 0x3000 {
        out.append(" ")
      } else if let latin = latinLookAlike[v] {
        out.append(latin)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Cyrillic and Greek small letters (after case folding) and the Latin letter each looks like.
  private static let latinLookAlike: [UInt32: Unicode.Scalar] = [
    // Cyrillic
    0x0430: "a", 0x0432: "b", 0x0435: "e", 0x043A: "k", 0x043C: "m", 0x043D: "h", 0x043E: "o",
    0x0440: "p", 0x0441: "c", 0x0442: "t", 0x0443: "y", 0x0445: "x", 0x0456: "i", 0x0458: "j",
    0x0455: "s", 0x0501: "d", 0x051B: "q", 0x051D: "w", 0x04CF: "l", 0x04BB: "h",
    // Greek
    0x03B1: "a", 0x03B2: "b", 0x03B5: "e", 0x03B6: "z", 0x03B7: "h", 0x03B9: "i", 0x03BA: "k",
    0x03BC: "m", 0x03BD: "n", 0x03BF: "o", 0x03C1: "p", 0x03C4: "t", 0x03C5: "y", 0x03C7: "x",
  ]
}

extension Message {
  static func r48LookAlike(_ entity: Entity, first: Entity) -> Message {
    let kind = entity.kind.rawValue
    let (e, f) = (entity.id, first.id)
    return Message(
      "R48",
      en:
        "\(kind) \(e) looks like \(kind) \(f) (the same after full-width forms, capitals and look-alike letters are made plain); if they are one, keep one ID and remove the other, else rename one",
      zh:
        "\(entity.kind.chineseName) \(e) 与 \(entity.kind.chineseName) \(f) 形似（全角、大小写及形似字母归一后相同）；若为同一对象，请只保留一个 ID 并删除另一个，否则请改名其一"
    )
  }
}
