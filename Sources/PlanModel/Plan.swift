import OrderedCollections
import PlanLanguage

/// The key of an entity: its ID, or the IDs (and source keyword) of a composite key
/// (`score F1 C1`, `member K1 jlu`, `funding K1 P1 enterprise`). Unused parts are empty.
///
/// Stored as one string, the parts joined by U+001F (information separator one, which no ID or
/// keyword contains): 16 bytes instead of three strings' 48, hashed and compared once. A key
/// is held twice per entity (in its table's index and in the entity), so this is 64 bytes less
/// per entity; most keys are one ID, whose string is the ID itself.
package struct EntityKey: Sendable, Hashable, Comparable {
  /// The parts joined by ``separator``: `a`, `a␟b` or `a␟b␟c` (`a␟␟c` when only `b` is empty).
  private var joined: String

  /// The byte that joins the parts.
  private static let separator: UInt8 = 0x1F

  package init(_ a: String, _ b: String = "", _ c: String = "") {
    if b.isEmpty && c.isEmpty {
      joined = a
    } else if c.isEmpty {
      joined = a + "\u{1F}" + b
    } else {
      joined = a + "\u{1F}" + b + "\u{1F}" + c
    }
  }

  package init(parts: [String]) {
    self.init(parts.count > 0 ? parts[0] : "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "")
  }

  /// Part `n` (0, 1 or 2), empty when unused.
  /// - Complexity: O(length) over bytes; no allocation for a one-part key's part 0 (the key's
  ///   own string) or any part of up to 15 bytes.
  package func part(_ n: Int) -> String {
    var joined = joined
    var whole = false
    let part = joined.withUTF8 { bytes -> String in
      var start = 0
      var end = 0
      var k = 0
      while true {
        end = start
        while end < bytes.count && bytes[end] != Self.separator { end += 1 }
        if k == n { break }
        guard end < bytes.count else { return "" }
        start = end + 1
        k += 1
      }
      if start == 0 && end == bytes.count {
        whole = true
        return ""
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    return whole ? joined : part
  }

  /// The first part: the ID of a kind with its own ID.
  package var a: String { part(0) }
  /// The second part, or empty.
  package var b: String { part(1) }
  /// The third part, or empty.
  package var c: String { part(2) }

  package var parts: [String] {
    let (a, b, c) = (self.a, self.b, self.c)
    return b.isEmpty ? [a] : (c.isEmpty ? [a, b] : [a, b, c])
  }

  /// `F1`, `F1 C1`, `K1 P1 enterprise`.
  package var description: String { parts.joined(separator: " ") }

  /// Part by part, as the tuple `(a, b, c)` compares: the joined strings compare so, since the
  /// separator sorts before every character of a part.
  package static func < (x: EntityKey, y: EntityKey) -> Bool { x.joined < y.joined }

  /// Calls `body` with the UTF-8 bytes of part 0, 1 and 2 (empty when unused), without copying.
  package func withParts<R>(
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    var joined = joined
    return joined.withUTF8 { bytes in
      let n = bytes.count
      var s1 = 0
      while s1 < n && bytes[s1] != Self.separator { s1 += 1 }
      var s2 = s1 + 1
      while s2 < n && bytes[s2] != Self.separator { s2 += 1 }
      let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      return body(
        UnsafeBufferPointer(rebasing: bytes[0..<s1]),
        s1 < n ? UnsafeBufferPointer(rebasing: bytes[(s1 + 1)..<s2]) : empty,
        s2 < n ? UnsafeBufferPointer(rebasing: bytes[(s2 + 1)..<n]) : empty)
    }
  }
}

/// The attribute values of an entity, by the kind's attribute index: only those set, in
/// attribute order, with a mask of which attributes they are (bit i for attribute i). An
/// attribute not set reads `nil` (its default applies). A row costs 24 bytes per value set (and
/// nothing when none is), where an array of every attribute cost 24 per attribute: entities
/// leave many at their default (a goal often 3 of its 10, a university 3 of an org's 4), so
/// the values of the generated plans take about a fifth less memory.
package struct ValueRow: Sendable, Hashable {
  private var stored: [Value]
  private var mask: UInt16

  /// The most attributes a kind may have (goal has 10; `ValueRowTests` checks every kind of
  /// the schema).
  package static let capacity = 16

  /// No value set.
  package init() {
    stored = []
    mask = 0
  }

  /// No value set yet, with room for `count` without growing.
  package init(reserving count: Int) {
    stored = []
    stored.reserveCapacity(count)
    mask = 0
  }

  /// The values of `values` that are not `nil`, by index.
  package init(_ values: [Value?]) {
    precondition(values.count <= Self.capacity, "at most \(Self.capacity) attributes")
    self.init(reserving: values.count { $0 != nil })
    for (i, v) in values.enumerated() where v != nil { self[i] = v }
  }

  /// Where the value of the attribute with bit `bit` stands among the stored ones.
  @inline(__always) private func position(_ bit: UInt16) -> Int { (mask & (bit &- 1)).nonzeroBitCount }

  /// The value set for attribute `index`, or `nil`; setting `nil` unsets it.
  /// - Complexity: O(1) to read or replace; O(k) in the values set to set or unset one.
  package subscript(_ index: Int) -> Value? {
    get {
      assert(index < Self.capacity, "attribute \(index) of at most \(Self.capacity)")
      let bit: UInt16 = 1 << UInt16(index)
      guard mask & bit != 0 else { return nil }
      return stored[position(bit)]
    }
    set {
      assert(index < Self.capacity, "attribute \(index) of at most \(Self.capacity)")
      let bit: UInt16 = 1 << UInt16(index)
      let p = position(bit)
      if mask & bit != 0 {
        if let v = newValue {
          stored[p] = v
        } else {
          stored.remove(at: p)
          mask &= ~bit
        }
      } else if let v = newValue {
        stored.insert(v, at: p)
        mask |= bit
      }
    }
  }

  /// The number of values set.
  package var count: Int { stored.count }
}

/// One entity of the plan: key, name, attribute values (by the kind's attribute index; `nil` is
/// the default), and where it was defined or last set.
package struct Entity: Sendable, Hashable {
  // Stored in this order (the 10-byte row, then the one-byte kind in its tail, the 12-byte
  // location on a 4-byte boundary) so that the whole is 56 bytes.
  package var key: EntityKey
  package var name: String?
  package var values: ValueRow
  package var kind: Kind
  package var location: SourceLocation

  package init(kind: Kind, key: EntityKey, name: String? = nil, values: ValueRow = ValueRow(), location: SourceLocation)
  {
    self.kind = kind
    self.key = key
    self.name = name
    self.values = values
    self.location = location
  }

  /// An entity with the values of `values` that are not `nil`, by index.
  package init(kind: Kind, key: EntityKey, name: String? = nil, values: [Value?], location: SourceLocation) {
    self.init(kind: kind, key: key, name: name, values: ValueRow(values), location: location)
  }

  /// The ID of a kind with its own ID.
  package var id: String { key.a }

  /// The value of attribute `index`, or its default.
  package subscript(_ index: Int) -> Value? {
    if let v = values[index] { return v }
    return Schema.defaults[kind.index][index]
  }

  /// The name, or the ID when it has none.
  package var displayName: String { name ?? key.description }
}

/// The entities of one kind, in creation order and indexed by key.
package typealias Table = OrderedDictionary<EntityKey, Entity>

/// A whole plan: the plan settings and one table per kind. A value type: the session keeps
/// earlier values for undo; copies share storage until changed.
package struct Plan: Sendable, Hashable {
  /// `set plan` attributes by ``Schema/plan`` index; `nil` is the default.
  package var settings: [Value?]
  /// Where each setting was last set.
  package var settingLocations: [SourceLocation?]
  /// One table per kind, indexed by ``Kind/index``.
  package var tables: [Table]
  /// The comment lines at the top of the plan file, after its header (`# 吉林省…`), kept so that
  /// a plan's notes on sources and caveats survive `save` and `fmt`.
  package var preamble: [String] = []
  /// The comment lines above statements and after the last one, kept with their entities
  /// (SPEC §15 on §6; ``PlanComments``).
  package var comments = PlanComments()

  package init() {
    settings = Array(repeating: nil, count: Schema.plan.count)
    settingLocations = Array(repeating: nil, count: Schema.plan.count)
    tables = Array(repeating: Table(), count: Kind.allCases.count)
  }

  /// The table of `kind`. Mutation goes through `_modify` so that it happens in place
  /// (a get-then-set would copy the whole table on every insertion).
  package subscript(kind: Kind) -> Table {
    get { tables[kind.index] }
    _modify { yield &tables[kind.index] }
  }

  /// Whether an entity of `kind` has key `key` (without copying it out, as `self[kind][key] != nil` would).
  /// - Complexity: O(1) expected.
  package func contains(_ kind: Kind, _ key: EntityKey) -> Bool {
    tables[kind.index].index(forKey: key) != nil
  }

  /// Fills the empty table of `kind` with `entities`, new entities of that kind, in natural key
  /// order: the plan that adding them one by one in that order gives, with each key hashed once
  /// and compared with none (a table's one-by-one insertion compares keys in its probes, each
  /// a cache miss in a large table).
  /// - Parameters:
  ///   - ascending: whether `entities` are in strictly ascending natural order of their keys,
  ///     which makes the keys unique; when `false` they are sorted here and checked for duplicates.
  /// - Returns: `false`, and the table left empty, when two entities have the same key.
  /// - Complexity: O(n) when `ascending`, else O(n log n).
  package mutating func fill(_ kind: Kind, with entities: consuming [Entity], ascending: Bool) -> Bool {
    precondition(tables[kind.index].isEmpty, "a table filled once, from empty")
    var entities = entities
    if !ascending {
      entities.sort { NaturalOrder.less($0.key, $1.key) }
      for i in entities.indices.dropFirst() where entities[i].key == entities[i - 1].key { return false }
    }
    tables[kind.index] = Table(uncheckedUniqueKeys: entities.map(\.key), values: entities)
    return true
  }

  /// The entity of `kind` with ID `id`.
  package func entity(_ kind: Kind, _ id: String) -> Entity? { tables[kind.index][EntityKey(id)] }

  /// A plan setting or its default.
  package func setting(_ index: Int) -> Value? { settings[index] ?? Schema.plan[index].defaultValue }

  /// Whether the plan has no settings and no entities.
  package var isEmpty: Bool { settings.allSatisfy { $0 == nil } && tables.allSatisfy(\.isEmpty) }

  /// The number of entities of every kind together.
  package var entityCount: Int { tables.reduce(0) { $0 + $1.count } }

  /// The number of entities from which validating on a second thread pays: 170,000, about
  /// 4,000 consortia (a 16 MB plan file, ``PlanLoader``'s large file). Below it a whole
  /// validation takes under 20 ms, and another thread costs more memory (glibc gives each
  /// thread its own malloc arena: about 1 MB) than the time it saves.
  package static let parallelEntities = 170_000

  /// Whether the plan is large enough for work on a second thread (``parallelEntities``).
  package var meritsParallelWork: Bool { entityCount >= Plan.parallelEntities }
}

// MARK: - Typed access for the engine and exporters

/// Attribute indices by kind, in schema order (``Schema/kinds``).
package enum Attr {
  package enum Plan {
    package static let title = 0, region = 1, horizon = 2, currency = 3, weighting = 4, method = 5, cutoff = 6
    package static let govShareWarn = 7, govShareMax = 8, membersMin = 9, membersMax = 10
    package static let periodMin = 11, periodMax = 12, rdIntensityMin = 13, startGrace = 14
    package static let asOf = 15, onTrackMin = 16, atRiskMin = 17
    // Looked up by name: settings added by other changes may come before them.
    package static let crMax = Schema.planAttributeIndex("cr-max")!
    package static let weightMove = Schema.planAttributeIndex("weight-move")!
    package static let ratingAggregate = Schema.planAttributeIndex("rating-aggregate")!
    package static let consensusMin = Schema.planAttributeIndex("consensus-min")!
    package static let language = Schema.planAttributeIndex("language")!
  }
  package enum Criterion { package static let tag = 0, type = 1, scale = 2, weight = 3 }
  package enum Compare { package static let value = 0 }
  package enum Expert { package static let weight = 0, org = 1, affiliation = 2 }
  package enum Judgement { package static let value = 0 }
  package enum Rating { package static let value = 0 }
  package enum Field { package static let note = 0, justification = 1 }
  package enum Score { package static let value = 0, source = 1 }
  package enum Org { package static let type = 0, size = 1, ownership = 2, rdIntensity = 3 }
  package enum Consortium {
    package static let field = 0, period = 1, agreement = 2, ipStrategy = 3, committee = 4
  }
  package enum Member { package static let role = 0, chain = 1 }
  package enum Phase { package static let period = 0 }
  package enum Goal {
    package static let phase = 0, consortium = 1, category = 2, indicator = 3, unit = 4, baseline = 5
    package static let baselineYear = 6, target = 7, direction = 8, after = 9, targetYear = 10
  }
  package enum Checkpoint { package static let value = 0 }
  package enum Actual { package static let value = 0, status = 1, source = 2, note = 3 }
  package enum Measure {
    package static let phase = 0, consortium = 1, instrument = 2, funder = 3, amount = 4, agency = 5, start = 6
  }
  package enum Funding { package static let amount = 0 }
  package enum Outlay { package static let amount = 0 }
}

extension Plan {
  /// Setting `index` read as `kind` of value, else its default in ``Schema/plan``, the one place
  /// plan defaults are written.
  private func value<T>(_ index: Int, _ kind: (Value) -> T?) -> T {
    setting(index).flatMap(kind) ?? kind(Schema.plan[index].defaultValue!)!
  }

  package var title: String? { setting(Attr.Plan.title)?.text }
  package var region: String? { setting(Attr.Plan.region)?.text }
  package var horizon: Period? { setting(Attr.Plan.horizon)?.period }
  package var currency: String { value(Attr.Plan.currency, \.text) }
  package var weighting: String { value(Attr.Plan.weighting, \.choice) }
  package var method: String { value(Attr.Plan.method, \.choice) }
  package var cutoff: Int? { setting(Attr.Plan.cutoff)?.integer }
  // The thresholds below have their defaults in the schema (``Schema/plan``): one place.
  package var govShareWarn: Double { value(Attr.Plan.govShareWarn, \.number) }
  package var govShareMax: Double { value(Attr.Plan.govShareMax, \.number) }
  package var membersMin: Int { value(Attr.Plan.membersMin, \.integer) }
  package var membersMax: Int { value(Attr.Plan.membersMax, \.integer) }
  /// R18's bounds of a consortium's period, in years.
  package var periodMin: Int { value(Attr.Plan.periodMin, \.integer) }
  package var periodMax: Int { value(Attr.Plan.periodMax, \.integer) }
  /// R19's lowest R&D intensity of a lead enterprise, a fraction.
  package var rdIntensityMin: Double { value(Attr.Plan.rdIntensityMin, \.number) }
  /// R30's grace: months a measure may start after its phase begins.
  package var startGrace: Int { value(Attr.Plan.startGrace, \.integer) }
  /// The year under review (SPEC §11), or `nil` while unset (R34–R36 and R39 are then silent).
  package var asOf: Int? { setting(Attr.Plan.asOf)?.integer }
  /// The achievement ratios from which a goal is on track / at risk (SPEC §11), fractions.
  package var onTrackMin: Double { value(Attr.Plan.onTrackMin, \.number) }
  package var atRiskMin: Double { value(Attr.Plan.atRiskMin, \.number) }
  /// R04's largest acceptable AHP consistency ratio CR (Saaty 1980: 0.10).
  package var crMax: Double { value(Attr.Plan.crMax, \.number) }
  /// R08's move of each weight, a fraction of the weight (0.10: 0.30 → 0.27 and 0.33).
  package var weightMove: Double { value(Attr.Plan.weightMove, \.number) }
  /// How the experts' ratings become a field's score (SPEC §12): `mean`, `median` or `geomean`.
  package var ratingAggregate: String { value(Attr.Plan.ratingAggregate, \.choice) }
  /// R42's threshold: Kendall's W of the experts below which the panel disagrees (SPEC §12).
  package var consensusMin: Double { value(Attr.Plan.consensusMin, \.number) }
}

extension Plan {
  /// The plan-file format version this plan needs (SPEC §11, contract version 2): 1, unless it
  /// sets a setting, has an entity of a kind, or sets an attribute or a keyword that a later
  /// version introduced (``AttributeSpec/since``, ``KindSpec/since``,
  /// ``AttributeSpec/valuesSince``) — then the latest such version.
  /// - Complexity: O(settings + kinds), plus O(entities) of the kinds that have attributes or
  ///   keywords newer than version 1 (none in version 2's schema so far).
  package var formatVersion: Int {
    var version = 1
    for (i, spec) in Schema.plan.enumerated() where spec.since > version && settings[i] != nil { version = spec.since }
    // A keyword of a later version (`weighting entropy`, SPEC §12).
    for (i, spec) in Schema.plan.enumerated() where !spec.valuesSince.isEmpty {
      if let word = settings[i]?.choice, let since = spec.valuesSince[word] { version = max(version, since) }
    }
    for kind in Kind.allCases where !self[kind].isEmpty {
      let spec = kind.spec
      version = max(version, spec.since)
      let newer = Schema.newerAttributes[kind.index]
      guard !newer.isEmpty else { continue }
      for entity in self[kind].values {
        for i in newer {
          guard let value = entity[i] else { continue }
          let attribute = spec.attributes[i]
          version = max(version, attribute.since)
          if let word = value.choice, let since = attribute.valuesSince[word] { version = max(version, since) }
        }
      }
    }
    return version
  }
}
