import PlanLanguage
import PlanModel

/// Writes a plan in canonical form (SPEC §6): the header `# cplan plan 1`, `set plan …`, then
/// `add` statements in kind order and creation order, attributes at their defaults omitted,
/// IDs bare and names quoted.
package enum PlanWriter {
  /// The plan-file format version this program writes and the newest it reads.
  package static let formatVersion = 1
  package static let header = "# cplan plan \(formatVersion)"

  /// The canonical text of the plan, ending in a newline.
  /// - Complexity: O(n) in the size of the plan; one buffer.
  package static func write(_ plan: Plan) -> String {
    var out = header + "\n"
    // Generously: a canonical statement averages about 100 bytes (more with long Chinese
    // names), and capacity never written to costs address space, not memory; running out
    // would copy the whole text into a buffer twice its size.
    out.reserveCapacity(160 * plan.entityCount + 4096)
    if let line = planStatement(plan) {
      out += line
      out += "\n"
    }
    for kind in Kind.allCases {
      for entity in plan[kind].values {
        appendStatement(entity, to: &out)
        out += "\n"
      }
    }
    return out
  }

  /// `set plan …` with every attribute that is not at its default, or `nil` when none is.
  package static func planStatement(_ plan: Plan) -> String? {
    var parts: [String] = []
    for (i, attribute) in Schema.plan.enumerated() {
      guard let v = plan.settings[i], v != attribute.defaultValue else { continue }
      parts.append("\(attribute.name) \(v.canonical(as: attribute.type))")
    }
    return parts.isEmpty ? nil : "set plan " + parts.joined(separator: " ")
  }

  /// The `add` statement that recreates the entity.
  package static func statement(_ entity: Entity) -> String {
    var s = ""
    appendStatement(entity, to: &s)
    return s
  }

  static func appendStatement(_ entity: Entity, to out: inout String) {
    let spec = entity.kind.spec
    out += "add "
    out += entity.kind.rawValue
    out += " "
    out += entity.key.a
    if !entity.key.b.isEmpty {
      out += " "
      out += entity.key.b
    }
    if !entity.key.c.isEmpty {
      out += " "
      out += entity.key.c
    }
    if spec.hasName, let name = entity.name {
      out += " "
      out += Format.quoted(name)
    }
    for (i, attribute) in spec.attributes.enumerated() {
      guard let v = entity.values[i], v != attribute.defaultValue else { continue }
      out += " "
      if spec.positional != i {
        out += attribute.name
        out += " "
      }
      out += v.canonical(as: attribute.type)
    }
  }
}
