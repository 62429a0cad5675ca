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

  /// The export as one string (the whole text is held in memory; ``write(to:)`` streams it).
  func render() -> String {
    var out = JSONOutput(capacity: 200 * roadmap.plan.entityCount + 4096)
    write(to: &out)
    return out.text
  }

  /// Writes the export, entity by entity, straight into `out`: no JSON tree of an entity, let
  /// alone of the plan, is built. After each entity of a top-level array `out` may hand its
  /// bytes on (``JSONOutput/flushIfFull()``), so with a sink memory stays near one chunk; at the
  /// end everything is flushed. The bytes are those of the tree written by
  /// ``JSONValue/write(to:indent:)`` (``entity(_:)`` for each entity).
  /// - Complexity: O(n) in the size of the plan and of the text.
  func write(to out: inout JSONOutput) {
    let plan = roadmap.plan
    let version = plan.formatVersion
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
    out.write(integer: Self.version)
    out += ",\n"
    key("plan")
    Self.settings(plan).write(to: &out, indent: 1)
    out += ",\n"
    let members = EntityLayout(.member, indent: 4, version: version)
    for (name, kind) in [
      ("criteria", Kind.criterion), ("comparisons", .compare), ("experts", .expert), ("judgements", .judgement),
      ("fields", .field), ("scores", .score), ("ratings", .rating),
      ("orgs", .org), ("consortia", .consortium), ("phases", .phase), ("goals", .goal),
      ("checkpoints", .checkpoint), ("actuals", .actual), ("measures", .measure), ("funding", .funding),
      ("outlays", .outlay),
    ]
    // SPEC v2: the JSON gains the arrays of the kinds of version 2 (possibly empty) for a plan of
    // version 2; a version-1 plan exports as it did, as its settings do (``settings(_:)``).
    where kind.spec.since <= version {
      key(name)
      // SPEC §15: fields by rank, consortia in their fields' priority order, goals by phase then
      // ID; every other kind in the plan's order.
      let entities: [Entity] =
        switch kind {
        case .field: roadmap.order.fields(of: plan)
        case .consortium: roadmap.consortia
        case .goal: PresentationOrder.goals(of: plan)
        default: plan[kind].values.elements
        }
      writeEntities(entities, layout: EntityLayout(kind, indent: 2, version: version), members: members, to: &out)
      out += ",\n"
      out.flushIfFull()
    }
    // SPEC §11: a plan with actuals gains each goal's status as of the year under review.
    if let statuses = roadmap.goalStatuses {
      key("goalStatus")
      Self.goalStatus(statuses, goals: plan[.goal].values.map(\.id)).write(to: &out, indent: 1)
      out += ",\n"
    }
    key("ranking")
    ranking.write(to: &out, indent: 1)
    out += ",\n"
    key("diagnostics")
    JSONValue.writeArray(
      roadmap.diagnostics.lazy.map { Self.diagnostic($0, language: options.language) }, to: &out, indent: 1)
    out += "\n}\n"
    out.flush()
  }

  /// `{"asOf": Y, "goals": [{"goal", "status", "actual", "actualYear", "expected", "ratio"}…]}`:
  /// each goal (in plan order) as the review judges it as of Y (SPEC §11; `cplan review` has
  /// the full report).
  static func goalStatus(_ statuses: (year: Int, byGoal: [String: GoalAssessment]), goals: [String]) -> JSONValue {
    .object([
      ("asOf", .int(statuses.year)),
      (
        "goals",
        .array(
          goals.compactMap { id in
            guard let a = statuses.byGoal[id] else { return nil }
            return .object([
              ("goal", .string(id)), ("status", .string(a.status.rawValue)), ("actual", .optional(a.actual)),
              ("actualYear", a.actualYear.map { .int($0) } ?? .null), ("expected", .optional(a.expected)),
              ("ratio", .optional(a.ratio)),
            ])
          })
      ),
    ])
  }

  /// A top-level array of entities (``JSONValue/writeArray(_:to:indent:)`` at indent 1); a
  /// consortium with its members inside (`members` is their layout).
  private func writeEntities(
    _ entities: [Entity], layout: EntityLayout, members: EntityLayout, to out: inout JSONOutput
  ) {
    guard !entities.isEmpty else {
      out += "[]"
      return
    }
    let memberTable = roadmap.plan[.member].values.elements
    for i in entities.indices.untilInterrupted {
      out += i == 0 ? "[\n    " : ",\n    "
      if layout.kind == .consortium {
        Self.writeEntity(
          entities[i], layout: layout, members: roadmap.memberPositions(of: entities[i].id), of: memberTable,
          memberLayout: members, to: &out)
      } else {
        Self.writeEntity(entities[i], layout: layout, to: &out)
      }
      out.flushIfFull()
    }
    out += "\n  ]"
  }

  /// What is the same for every entity of one kind at one indent, made once per export instead
  /// of once per entity: the bytes that go before each member (key parts, `name`, then the
  /// attributes, in ``entity(_:)``'s order), each as `, "key": ` on one line and `,\n` + indent +
  /// `"key": ` in the block form (the first member opens the object instead: `{"id": `,
  /// `{\n` + indent + `"id": `); the attributes' defaults and types. A class holding its bytes
  /// in memory of its own, so that writing a prefix is a `memcpy` with no reference counting.
  final class EntityLayout {
    let kind: Kind
    /// The level of the object's braces; members sit one level deeper.
    let indent: Int
    /// The number of key parts (``keyNames(_:)``; a member shows only its org).
    let keyCount: Int
    /// The key part that is a year (`actual G1 2025`), written as a number; `nil` when none.
    let yearKeyPart: Int?
    let hasName: Bool
    /// The attributes written, by index: those of the plan's format version or older
    /// (``writtenAttributes(_:version:)``).
    let attributes: [Int]
    /// Per attribute written: its default (``Schema/defaults``), and whether it is a year period
    /// (`[2025, 2030]`) rather than one that may be in months (an object).
    let defaults: [Value?]
    let yearPeriods: [Bool]
    /// Whether an attribute may hold a period in months: an object, which keeps the entity off one line.
    let mayHoldMonthPeriod: Bool
    /// Whether an entity of this kind can fit on one line at all. Even with every value one
    /// column wide and only the first key part, the one-line form of a goal or a measure needs
    /// more than ``JSONValue/inlineWidth`` columns: those are written in block form at once
    /// instead of being tried on one line and taken back.
    let mayFitInline: Bool
    /// `\n` + indent + `}`.
    let blockEnd: [UInt8]
    /// `,\n` + inner indent + `"members": ` (for a consortium).
    let membersPrefix: [UInt8]
    /// The one-line prefixes, then the block ones: prefix `k` is `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    private let memberCount: Int

    init(_ kind: Kind, indent: Int, version: Int) {
      self.kind = kind
      self.indent = indent
      let spec = kind.spec
      let keys = keyNames(kind)
      let attributes = writtenAttributes(kind, version: version)
      self.attributes = attributes
      let names = keys + (spec.hasName ? ["name"] : []) + attributes.map { attributeNames[kind.index][$0] }
      func bytes(_ build: (inout JSONOutput) -> Void) -> [UInt8] {
        var out = JSONOutput()
        build(&out)
        return out.withBytes { Array($0) }
      }
      let inner = JSONValue.indentation(indent + 1)
      let inlinePrefixes = names.enumerated().map { i, name in
        bytes {
          $0 += i == 0 ? "{" : ", "
          JSONValue.writeString(name, to: &$0)
          $0 += ": "
        }
      }
      let blockPrefixes = names.enumerated().map { i, name in
        bytes {
          $0 += i == 0 ? "{\n" : ",\n"
          $0 += inner
          JSONValue.writeString(name, to: &$0)
          $0 += ": "
        }
      }
      let all = inlinePrefixes + blockPrefixes
      self.bytes = .allocate(capacity: all.reduce(0) { $0 + $1.count })
      _ = self.bytes.initialize(from: all.joined())
      starts = .allocate(capacity: all.count + 1)
      _ = starts.initialize(from: all.reduce(into: [0]) { $0.append($0.last! + $1.count) })
      memberCount = names.count
      blockEnd = bytes {
        $0 += "\n"
        $0 += JSONValue.indentation(indent)
        $0 += "}"
      }
      membersPrefix = bytes {
        $0 += ",\n"
        $0 += inner
        JSONValue.writeString("members", to: &$0)
        $0 += ": "
      }
      keyCount = kind == .member ? 1 : keys.count
      yearKeyPart = spec.keys.firstIndex(of: .year)
      hasName = spec.hasName
      defaults = attributes.map { Schema.defaults[kind.index][$0] }
      yearPeriods = attributes.map { spec.attributes[$0].type == .yearPeriod }
      mayHoldMonthPeriod = attributes.contains { spec.attributes[$0].type == .period }
      // The members every entity has: the first key part, the name, the attributes.
      let always = [inlinePrefixes[0]] + inlinePrefixes.dropFirst(keys.count)
      let shortest = always.reduce(0) { $0 + $1.count + 1 } + 1  // each value ≥ 1 column, then "}"
      mayFitInline = 2 * indent + shortest <= JSONValue.inlineWidth
    }

    deinit {
      bytes.deallocate()
      starts.deallocate()
    }

    /// The bytes before member `j` (key parts, name, attributes), on one line or in block form.
    @inline(__always) func prefix(_ j: Int, inline: Bool) -> UnsafeBufferPointer<UInt8> {
      let k = inline ? j : memberCount + j
      return UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
    }
  }

  /// One entity as ``entity(_:)`` makes it, written as ``JSONValue/write(to:indent:)`` writes
  /// that object (on one line when it has only scalars and fits), plus `members` (positions in
  /// `memberTable`) when given.
  static func writeEntity(
    _ e: Entity, layout: EntityLayout, members: [Int]? = nil, of memberTable: [Entity] = [],
    memberLayout: EntityLayout? = nil, to out: inout JSONOutput
  ) {
    // One line is tried when every member is a scalar or an array of scalars: everything but a
    // month period (an object) and the members.
    var inline = members == nil && layout.mayFitInline
    if inline && layout.mayHoldMonthPeriod {
      for i in layout.yearPeriods.indices where !layout.yearPeriods[i] {
        if case .period = e[layout.attributes[i]] {
          inline = false
          break
        }
      }
    }
    if inline {
      let mark = out.count
      writeMembers(e, layout: layout, inline: true, to: &out)
      out += "}"
      // Bytes are never fewer than scalars: a short line needs no count.
      let width = out.count - mark
      if 2 * layout.indent + width <= JSONValue.inlineWidth
        || 2 * layout.indent + out.scalars(from: mark) <= JSONValue.inlineWidth
      {
        return
      }
      out.truncate(to: mark)
    }
    writeMembers(e, layout: layout, inline: false, to: &out)
    if let members, let memberLayout {
      out.append(layout.membersPrefix)
      if members.isEmpty {
        out += "[]"
      } else {
        let item = JSONValue.indentation(layout.indent + 2)
        for (i, m) in members.enumerated() {
          out += i == 0 ? "[\n" : ",\n"
          out += item
          writeEntity(memberTable[m], layout: memberLayout, to: &out)
        }
        out += "\n"
        out += JSONValue.indentation(layout.indent + 1)
        out += "]"
      }
    }
    out.append(layout.blockEnd)
  }

  /// The members of ``entity(_:)``, each after its prefix (the first opens the object); values
  /// at the members' indent (0 on one line). A key part that is empty is left out with the rest
  /// of the key, as ``EntityKey/parts`` does (a member's key is only its org).
  private static func writeMembers(_ e: Entity, layout: EntityLayout, inline: Bool, to out: inout JSONOutput) {
    if layout.kind == .member {
      out.append(layout.prefix(0, inline: inline))
      JSONValue.writeString(e.key.b, to: &out)
    } else {
      let count = min(layout.keyCount, e.key.b.isEmpty ? 1 : (e.key.c.isEmpty ? 2 : 3))
      for i in 0..<count {
        out.append(layout.prefix(i, inline: inline))
        let part = i == 0 ? e.key.a : (i == 1 ? e.key.b : e.key.c)
        if i == layout.yearKeyPart { out += part } else { JSONValue.writeString(part, to: &out) }
      }
    }
    var next = layout.keyCount
    if layout.hasName {
      out.append(layout.prefix(next, inline: inline))
      next += 1
      if let name = e.name { JSONValue.writeString(name, to: &out) } else { out += "null" }
    }
    let indent = inline ? 0 : layout.indent + 1
    for (i, a) in layout.attributes.enumerated() {
      out.append(layout.prefix(next + i, inline: inline))
      writeValue(e.values[a] ?? layout.defaults[i], yearPeriod: layout.yearPeriods[i], to: &out, indent: indent)
    }
  }

  /// ``value(_:_:)`` written at `indent`; scalars without making a ``JSONValue``. Whole numbers
  /// of `count` and `year` attributes (``JSONValue/int(_:)`` in the tree) have the same digits
  /// as ``JSONOutput/write(number:)`` writes; a month is written as its description
  /// (`"2025-03"`) without making that string.
  private static func writeValue(_ v: Value?, yearPeriod: Bool, to out: inout JSONOutput, indent: Int) {
    guard let v else {
      out += "null"
      return
    }
    switch v {
    case .text(let s), .ref(let s), .choice(let s): JSONValue.writeString(s, to: &out)
    case .number(let d): out.write(number: d)
    case .integer(let i): out.write(integer: i)
    case .month(let m):
      out.append(0x22)
      out.write(integer: m.year)
      out.append(0x2D)  // -
      if m.month < 10 { out.append(0x30) }
      out.write(integer: m.month)
      out.append(0x22)
    case .flag(let b): out += b ? "true" : "false"
    case .period, .refs, .range: value(v, yearPeriod ? .yearPeriod : .period).write(to: &out, indent: indent)
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

  /// `set plan` settings, defaults filled in — those of a later format version than the plan's
  /// (``Plan/formatVersion``) left out, so a version-1 plan exports as it did.
  static func settings(_ plan: Plan) -> JSONValue {
    let version = plan.formatVersion
    return .object(
      Schema.plan.enumerated().filter { $0.element.since <= version }.map { i, spec in
        (camelCase(spec.name), value(plan.setting(i), spec.type))
      })
  }

  /// Names of the key parts of each kind, in key order.
  static func keyNames(_ kind: Kind) -> [String] {
    switch kind {
    case .compare: ["criterion", "versus"]
    case .score: ["field", "criterion"]
    case .member: ["org"]
    case .funding: ["consortium", "phase", "source"]
    case .checkpoint, .actual: ["goal", "year"]
    case .outlay: ["consortium", "year", "source"]
    case .judgement: ["expert", "criterion", "versus"]
    case .rating: ["expert", "field", "criterion"]
    default: ["id"]
    }
  }

  /// One entity as an object (a member without its consortium: it stands inside it).
  static func entity(_ e: Entity, version: Int = PlanFormat.currentVersion) -> JSONValue {
    let spec = e.kind.spec
    let parts = e.kind == .member ? [e.key.b] : e.key.parts
    let yearPart = spec.keys.firstIndex(of: .year)
    var members: [(String, JSONValue)] = zip(keyNames(e.kind), parts).enumerated().map { i, pair in
      (pair.0, i == yearPart ? .number(Double(pair.1)!) : .string(pair.1))
    }
    if spec.hasName { members.append(("name", .optional(e.name))) }
    let names = attributeNames[e.kind.index]
    for i in writtenAttributes(e.kind, version: version) {
      members.append((names[i], value(e[i], spec.attributes[i].type)))
    }
    return .object(members)
  }

  /// The JSON names of every kind's attributes, by ``Kind/index``.
  /// The attributes of `kind` that a plan of format `version` exports: those of that version or
  /// older, so that a version-1 plan exports as it did (SPEC v2: the JSON only gains keys).
  static func writtenAttributes(_ kind: Kind, version: Int) -> [Int] {
    kind.spec.attributes.indices.filter { kind.spec.attributes[$0].since <= version }
  }

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
    case (_, .period(let p)):
      return .object([("start", .string(p.start.description)), ("end", .string(p.end.description))])
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
      ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
      ("message", .string(d.message.text(language))),
      ("file", .optional(d.location?.file)), ("line", d.location.map { .int($0.line) } ?? .null),
      ("column", d.location.map { .int($0.column) } ?? .null),
    ])
  }
}
