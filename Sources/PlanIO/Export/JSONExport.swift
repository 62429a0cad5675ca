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

  /// The export, written entity by entity straight into one byte buffer: no JSON tree of an
  /// entity, let alone of the plan, is built, so memory stays near the size of the text.
  /// The bytes are those of the tree written by ``JSONValue/write(to:indent:)``.
  func render() -> String {
    let plan = roadmap.plan
    var out = JSONOutput(capacity: 200 * plan.entityCount + 4096)
    out += "{\n"
    func key(_ name: String) {
      out += "  "
      JSONValue.writeString(name, to: &out)
      out += ": "
    }
    key("format")
    JSONValue.writeString(Self.formatName, to: &out)
    out += ",\n"
    key("version")
    out += String(Self.version)
    out += ",\n"
    key("plan")
    Self.settings(plan).write(to: &out, indent: 1)
    out += ",\n"
    for (name, kind) in [("criteria", Kind.criterion), ("comparisons", .compare), ("fields", .field), ("scores", .score),
                         ("orgs", .org), ("consortia", .consortium), ("phases", .phase), ("goals", .goal),
                         ("measures", .measure), ("funding", .funding)]
    {
      key(name)
      writeEntities(plan[kind].values, to: &out)
      out += ",\n"
    }
    key("ranking")
    ranking.write(to: &out, indent: 1)
    out += ",\n"
    key("diagnostics")
    JSONValue.writeArray(
      roadmap.diagnostics.lazy.map { Self.diagnostic($0, language: options.language) }, to: &out, indent: 1)
    out += "\n}\n"
    return out.text
  }

  /// A top-level array of entities (``JSONValue/writeArray(_:to:indent:)`` at indent 1); a
  /// consortium with its members inside.
  private func writeEntities(_ entities: some Collection<Entity>, to out: inout JSONOutput) {
    guard !entities.isEmpty else {
      out += "[]"
      return
    }
    var first = true
    for e in entities {
      out += first ? "[\n    " : ",\n    "
      first = false
      if e.kind == .consortium {
        Self.writeEntity(e, members: roadmap.memberEntities(of: e.id), to: &out, indent: 2)
      } else {
        Self.writeEntity(e, to: &out, indent: 2)
      }
    }
    out += "\n  ]"
  }

  /// One entity as ``entity(_:)`` makes it, written as ``JSONValue/write(to:indent:)`` writes
  /// that object (on one line when it has only scalars and fits), plus `members` when given.
  static func writeEntity(_ e: Entity, members: [Entity]? = nil, to out: inout JSONOutput, indent: Int) {
    let spec = e.kind.spec
    let keys = keyNames(e.kind)
    let names = attributeNames[e.kind.index]
    let attributes = spec.attributes
    // One line is tried when every member is a scalar or an array of scalars: everything but a
    // month period (an object) and the members.
    var inline = members == nil
    if inline {
      for i in attributes.indices {
        if case .period = e[i], attributes[i].type != .yearPeriod {
          inline = false
          break
        }
      }
    }
    if inline {
      let mark = out.count
      out += "{"
      writeMembers(e, keys: keys, names: names, separator: ", ", indent: 0, to: &out)
      out += "}"
      if 2 * indent + out.scalars(from: mark) <= JSONValue.inlineWidth { return }
      out.truncate(to: mark)
    }
    let inner = JSONValue.indentation(indent + 1)
    out += "{\n"
    out += inner
    writeMembers(e, keys: keys, names: names, separator: ",\n" + inner, indent: indent + 1, to: &out)
    if let members {
      out += ",\n"
      out += inner
      JSONValue.writeString("members", to: &out)
      out += ": "
      if members.isEmpty {
        out += "[]"
      } else {
        let item = JSONValue.indentation(indent + 2)
        for (i, m) in members.enumerated() {
          out += i == 0 ? "[\n" : ",\n"
          out += item
          writeEntity(m, to: &out, indent: indent + 2)
        }
        out += "\n"
        out += inner
        out += "]"
      }
    }
    out += "\n"
    out += JSONValue.indentation(indent)
    out += "}"
  }

  /// The members of ``entity(_:)``, `separator` between them; values at `indent`.
  private static func writeMembers(
    _ e: Entity, keys: [String], names: [String], separator: String, indent: Int, to out: inout JSONOutput
  ) {
    var first = true
    func key(_ name: String) {
      if !first { out += separator }
      first = false
      JSONValue.writeString(name, to: &out)
      out += ": "
    }
    if e.kind == .member {
      key(keys[0])
      JSONValue.writeString(e.key.b, to: &out)
    } else {
      // The parts of `e.key.parts`, as many as there are names.
      let count = min(keys.count, e.key.b.isEmpty ? 1 : (e.key.c.isEmpty ? 2 : 3))
      for i in 0..<count {
        key(keys[i])
        JSONValue.writeString(i == 0 ? e.key.a : (i == 1 ? e.key.b : e.key.c), to: &out)
      }
    }
    if e.kind.spec.hasName {
      key("name")
      if let name = e.name { JSONValue.writeString(name, to: &out) } else { out += "null" }
    }
    for (i, attribute) in e.kind.spec.attributes.enumerated() {
      key(names[i])
      writeValue(e[i], attribute.type, to: &out, indent: indent)
    }
  }

  /// ``value(_:_:)`` written at `indent`, scalars without making a ``JSONValue``.
  private static func writeValue(_ v: Value?, _ type: AttributeType, to out: inout JSONOutput, indent: Int) {
    switch (type, v) {
    case (_, nil): out += "null"
    case (.count, .number), (.year, .number), (_, .period), (_, .refs), (_, .range):
      value(v, type).write(to: &out, indent: indent)
    case (_, .text(let s)), (_, .ref(let s)), (_, .choice(let s)): JSONValue.writeString(s, to: &out)
    case (_, .number(let d)): out += d.isFinite ? Format.number(d) : "null"
    case (_, .integer(let i)): out += String(i)
    case (_, .month(let m)): JSONValue.writeString(m.description, to: &out)
    case (_, .flag(let b)): out += b ? "true" : "false"
    }
  }

  // MARK: Ranking

  /// The `ranking` object: the same keys, order and numbers as `cplan rank --format json
  /// --sensitivity` (``PlanRanking/jsonValue``); `null` when the plan cannot be ranked.
  var ranking: JSONValue {
    guard case .success(let r) = roadmap.ranking else { return .null }
    return r.jsonValue
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
