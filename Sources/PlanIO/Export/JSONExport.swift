import PlanEngine
import PlanLanguage
import PlanModel

/// The JSON export (SPEC §9): the whole plan, the computed ranking and the diagnostics, with
/// keys in a fixed order and numbers in full precision. The shape is described by
/// `schema/cplan-export.schema.json`.
///
/// Every entity is an object of its key parts (`id`, or e.g. `consortium`, `phase`, `source`),
/// its `name`, then every attribute of SPEC §4 in schema order, named in camelCase
/// (`rd-intensity` → `rdIntensity`), with its default filled in and `null` where it has none.
/// Percents are fractions (30% is 0.3); a period is `{"start": "2025-01", "end": "2026-12"}`
/// (months, inclusive), the horizon `[2025, 2030]`.
struct JSONExport {
  /// The value of `format`.
  static let formatName = "cplan-plan"
  /// The value of `version`; a change to the shape that breaks a reader raises it.
  static let version = 1

  let roadmap: Roadmap
  let options: ExportOptions

  /// The export, written entity by entity (no tree of the whole plan is built, so memory stays
  /// near the size of the text).
  func render() -> String {
    let plan = roadmap.plan
    func entities(_ kind: Kind) -> JSONValue.Member { .array(plan[kind].values.lazy.map(Self.entity)) }
    let consortia = plan[.consortium].values.lazy.map { k -> JSONValue in
      guard case .object(var members) = Self.entity(k) else { return .null }
      members.append(("members", .array(roadmap.memberEntities(of: k.id).map(Self.entity))))
      return .object(members)
    }
    var out = JSONOutput(capacity: 200 * plan.entityCount + 4096)
    JSONValue.writeObject([
      ("format", .value(.string(Self.formatName))),
      ("version", .value(.int(Self.version))),
      ("plan", .value(Self.settings(plan))),
      ("criteria", entities(.criterion)),
      ("comparisons", entities(.compare)),
      ("fields", entities(.field)),
      ("scores", entities(.score)),
      ("orgs", entities(.org)),
      ("consortia", .array(consortia)),
      ("phases", entities(.phase)),
      ("goals", entities(.goal)),
      ("measures", entities(.measure)),
      ("funding", entities(.funding)),
      ("ranking", .value(ranking)),
      ("diagnostics", .array(roadmap.diagnostics.lazy.map { Self.diagnostic($0, language: options.language) })),
    ], to: &out)
    out += "\n"
    return out.text
  }

  // MARK: Ranking

  /// The `ranking` object: the same keys, order and numbers as `cplan rank --format json
  /// --sensitivity` (``PlanRanking/json(indent:)``); `null` when the plan cannot be ranked.
  var ranking: JSONValue {
    guard case .success(let r) = roadmap.ranking else { return .null }
    var members: [(String, JSONValue)] = [
      ("method", .string(r.method)),
      ("weights", .object(zip(r.criteria, r.weights).map { ($0, .number($1)) })),
    ]
    if let c = r.consistency {
      members.append(("consistency", .object([
        ("lambdaMax", .number(c.lambdaMax)), ("ci", .number(c.ci)), ("ri", .number(c.ri)), ("cr", .number(c.cr)),
      ])))
    }
    members.append(("rows", .array(r.rows.map { row in
      .object([
        ("rank", .int(row.rank)), ("field", .string(row.field)), ("name", .string(row.name)),
        ("score", .number(row.score)),
      ])
    })))
    if let sensitivity = r.sensitivity {
      members.append(("sensitivity", .array(sensitivity.map { s in
        .object([("criterion", .string(s.criterion)), ("weight", .number(s.weight)), ("flipAt", .optional(s.flipAt))])
      })))
    }
    return .object(members)
  }

  // MARK: Plan and entities

  /// `set plan` settings, defaults filled in.
  static func settings(_ plan: Plan) -> JSONValue {
    .object(Schema.plan.enumerated().map { i, spec in (camelCase(spec.name), value(plan.setting(i), spec.type)) })
  }

  /// Names of the key parts of each kind, in key order.
  static func keyNames(_ kind: Kind) -> [String] {
    switch kind {
    case .compare: ["criterion", "versus"]
    case .score: ["field", "criterion"]
    case .member: ["org"]
    case .funding: ["consortium", "phase", "source"]
    default: ["id"]
    }
  }

  /// One entity as an object (a member without its consortium: it stands inside it).
  static func entity(_ e: Entity) -> JSONValue {
    let spec = e.kind.spec
    let parts = e.kind == .member ? [e.key.b] : e.key.parts
    var members: [(String, JSONValue)] = zip(keyNames(e.kind), parts).map { ($0, .string($1)) }
    if spec.hasName { members.append(("name", .optional(e.name))) }
    let names = attributeNames[e.kind.index]
    for (i, attribute) in spec.attributes.enumerated() {
      members.append((names[i], value(e[i], attribute.type)))
    }
    return .object(members)
  }

  /// The JSON names of every kind's attributes, by ``Kind/index``.
  static let attributeNames: [[String]] = Schema.kinds.map { $0.attributes.map { camelCase($0.name) } }

  /// `gov-share-warn` → `govShareWarn`.
  static func camelCase(_ name: String) -> String {
    let parts = name.split(separator: "-")
    return parts.enumerated().map { i, p in i == 0 ? String(p) : p.prefix(1).uppercased() + p.dropFirst() }.joined()
  }

  /// An attribute value as JSON by its type (see the type's doc comment for the shapes).
  static func value(_ v: Value?, _ type: AttributeType) -> JSONValue {
    guard let v else { return .null }
    switch (type, v) {
    case (.yearPeriod, .period(let p)): return .array([.int(p.start.year), .int(p.end.year)])
    case (_, .period(let p)): return .object([("start", .string(p.start.description)), ("end", .string(p.end.description))])
    case (_, .text(let s)): return .string(s)
    case (.count, .number(let d)), (.year, .number(let d)):
      return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .number(d)
    case (_, .number(let d)): return .number(d)
    case (_, .integer(let i)): return .int(i)
    case (_, .ref(let s)): return .string(s)
    case (_, .refs(let r)): return .array(r.map(JSONValue.string))
    case (_, .range(let a, let b)): return .array([.number(a), .number(b)])
    case (_, .month(let m)): return .string(m.description)
    case (_, .flag(let b)): return .bool(b)
    case (_, .choice(let c)): return .string(c)
    }
  }

  // MARK: Diagnostics

  static func diagnostic(_ d: Diagnostic, language: MessageLanguage) -> JSONValue {
    .object([
      ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message.text(language))),
      ("file", .optional(d.location?.file)), ("line", d.location.map { .int($0.line) } ?? .null),
      ("column", d.location.map { .int($0.column) } ?? .null),
    ])
  }
}
