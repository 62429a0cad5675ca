import PlanLanguage
import PlanModel

/// Where a rule's check runs (``Validator``), which decides what an edit makes stale
/// (``ValidationCache``).
package enum RuleScope: Sendable, Hashable, CaseIterable {
  /// The ranking basis: the settings, criteria, judgements, fields and scores, run once over the
  /// whole plan; the shell re-runs it when an edit changes something it reads.
  case rankingBasis
  /// The whole plan, rule by rule; the shell keeps each rule's findings and runs it again only
  /// when an edit changes something it declares it reads (or, when it has findings, anything of
  /// a kind it reads: its findings name and point at entities).
  case plan
  /// One consortium with its members and their orgs, goals, measures and funding lines, or the
  /// goals and measures of no consortium (``Shard``); the shell re-runs the shards an edit
  /// touched.
  case shard
  /// Across consortia, from each shard's summary (``ShardSummary``), run again at every
  /// validation; a summary is part of its shard's results, so what it reads makes the shard stale.
  case summaries
  /// The `after` links of goals (``GoalGraph``).
  case goalGraph
}

/// One thing a rule reads of the plan's entities.
package struct RuleRead: Sendable, Hashable {
  package let kind: Kind
  /// The attributes whose values can change the verdict (names as in ``Schema``), or `nil` for
  /// every attribute and the statement's place (a rule that reports at "the goal statement that
  /// comes last"). Every read also reads which entities of the kind exist, and, where the
  /// findings name or point at them, their names and statements: a group of rules that has
  /// findings runs again when an entity of a kind it reads changes at all.
  package let attributes: [String]?
  /// Whether the entities' names can change the verdict (R47 compares orgs' names).
  package var names = false

  /// Which entities of `kind` exist (and what keys them), no attribute.
  package static func entities(_ kind: Kind) -> RuleRead { RuleRead(kind: kind, attributes: []) }
  /// Which entities of `kind` exist and their names.
  package static func names(_ kind: Kind) -> RuleRead { RuleRead(kind: kind, attributes: [], names: true) }
  /// Attributes of `kind`.
  package static func attributes(_ kind: Kind, _ names: String...) -> RuleRead {
    RuleRead(kind: kind, attributes: names)
  }
  /// Everything about the entities of `kind`, their statements' places included.
  package static func everything(_ kind: Kind) -> RuleRead { RuleRead(kind: kind, attributes: nil) }
}

/// One validation rule of SPEC §7 as a unit: its code, default severity, one-line summary in
/// both languages, the `help RNN` example, the plan settings it reads (its thresholds among
/// them), what it reads of the entities, and its check — in parts, each where it runs.
///
/// Declared in its own file, `Rules/RNN.swift`, as `RuleBook.RNN`, beside the check and the
/// messages; the catalog (``RuleCatalog``), `help rules`, `help RNN` and what an edit makes stale
/// in the shell are derived from these declarations.
package struct RuleSpec: Sendable {
  /// One part of a rule's check, where it runs.
  enum Part: Sendable {
    /// Over the ranking basis (``RuleScope/rankingBasis``).
    case basis(Rule)
    /// Over the whole plan at every validation (``RuleScope/plan``).
    case plan(Rule)
    /// Shard by shard (``RuleScope/shard``).
    case shard(ShardRule)
    /// Across consortia, from the shards' summaries (``RuleScope/summaries``).
    case summaries(@Sendable (AcrossShards) -> [Diagnostic])
    /// Over the goal graph (``RuleScope/goalGraph``).
    case graph(Rule)

    var scope: RuleScope {
      switch self {
      case .basis: .rankingBasis
      case .plan: .plan
      case .shard: .shard
      case .summaries: .summaries
      case .graph: .goalGraph
      }
    }
  }

  /// `R01`, `R27`.
  package let code: String
  /// The default severity (R27 reports errors too: ``severityText``).
  package let severity: Diagnostic.Severity
  /// How `help` names the severity when the rule has more than one (R27: warning or error).
  package let severityText: LocalizedText?
  /// What the rule asks for, in one line.
  package let summary: LocalizedText
  /// The `help RNN` example: commands that satisfy the rule (or show what it looks at).
  package let examples: [String]
  /// Commands that break the rule, which `help RNN` shows before ``examples`` (then the fix) for
  /// a rule whose finding is easier to grasp from a case (issue 17 item 19); may be empty.
  package let violation: [String]
  /// What the rule reads of the entities.
  package let reads: [RuleRead]
  /// The plan settings it reads (names as in ``Schema/plan``), its thresholds among them.
  package let settings: [String]
  let parts: [Part]

  init(
    _ code: String, _ severity: Diagnostic.Severity, severityText: LocalizedText? = nil, summary: LocalizedText,
    violation: [String] = [], examples: [String], reads: [RuleRead], settings: [String] = [], parts: [Part]
  ) {
    (self.code, self.severity, self.severityText, self.summary) = (code, severity, severityText, summary)
    (self.examples, self.reads, self.settings, self.parts) = (examples, reads, settings, parts)
    self.violation = violation
  }

  /// Where the rule's parts run.
  package var scopes: [RuleScope] { parts.map(\.scope) }

  /// The bits (``RuleBook/Reads``: one per attribute in ``Schema`` order) of what the rule reads
  /// of the entities of `kind`; `nil` when it reads none of them. A rule that runs shard by
  /// shard also reads which consortium a goal or measure belongs to (the shard it is in). A name
  /// that is not an attribute of the kind (RuleDeclarationTests fails on it) reads everything,
  /// the safe side.
  package func attributeBits(_ kind: Kind) -> UInt64? {
    var bits: UInt64?
    for read in reads where read.kind == kind {
      var b = bits ?? 0
      if let names = read.attributes {
        for name in names { b |= kind.spec.attributeIndex(name).map { 1 << UInt64($0) } ?? .max }
      } else {
        b = .max
      }
      if read.names { b |= RuleBook.nameBit }
      bits = b
    }
    if let b = bits, scopes.contains(where: { $0 == .shard || $0 == .summaries }) {
      switch kind {
      case .goal: bits = b | 1 << UInt64(Attr.Goal.consortium)
      case .measure: bits = b | 1 << UInt64(Attr.Measure.consortium)
      default: break
      }
    }
    return bits
  }

  /// The plan settings among ``settings`` that exist for this rule: its thresholds (``Schema``
  /// settings whose ``AttributeSpec/rule`` is this rule's code).
  package var thresholds: [AttributeSpec] {
    Schema.plan.filter { $0.rule == code }
  }
}

/// The validation rules, as declared one per file in `Rules/` (``RuleSpec``), and what is derived
/// from their declarations for ``Validator`` and ``ValidationCache``.
package enum RuleBook {
  /// Every rule in code order (`RuleBook.declared` is written by the RuleList build plugin from
  /// the files `Rules/RNN.swift`).
  package static let all: [RuleSpec] = declared

  /// The checks of every part that runs in `scope`, in code order.
  private static func checks(_ scope: RuleScope) -> [RuleSpec.Part] {
    all.flatMap { $0.parts.filter { $0.scope == scope } }
  }

  static let basisRules: [Rule] = checks(.rankingBasis).compactMap { if case .basis(let r) = $0 { r } else { nil } }
  static let planRules: [Rule] = checks(.plan).compactMap { if case .plan(let r) = $0 { r } else { nil } }
  static let shardRules: [ShardRule] = checks(.shard).compactMap { if case .shard(let r) = $0 { r } else { nil } }
  static let summaryRules: [@Sendable (AcrossShards) -> [Diagnostic]] = checks(.summaries).compactMap {
    if case .summaries(let r) = $0 { r } else { nil }
  }
  static let graphRules: [Rule] = checks(.goalGraph).compactMap { if case .graph(let r) = $0 { r } else { nil } }

  /// What each of ``planRules`` reads (its rule's declaration), in the same order: the shell
  /// re-runs a rule over the whole plan only when an edit touches what it reads.
  package static let planRuleReads: [Reads] = all.flatMap { rule in
    rule.parts.filter { $0.scope == .plan }.map { _ in
      var reads = Reads()
      reads.add(rule)
      return reads
    }
  }

  /// The bit of ``Reads/attributes`` for an entity's name (``RuleRead/names(_:)``); the bits
  /// below ``placeBit`` are the attributes', in ``Schema`` order.
  package static let nameBit: UInt64 = 1 << 63
  /// The bit the shell sets for a change of an entity's statement (its place).
  package static let placeBit: UInt64 = 1 << 62

  /// What the rules running in one scope read, in a form an edit is matched against: by kind
  /// (``Kind/index``), whether the kind is read at all, and a bit per attribute (``Schema``
  /// order) whose change can alter a verdict (all bits: every attribute and the place).
  package struct Reads: Sendable {
    package var kinds = [Bool](repeating: false, count: Kind.allCases.count)
    package var attributes = [UInt64](repeating: 0, count: Kind.allCases.count)
    /// The plan settings read, by ``Schema/plan`` index.
    package var settings = [Bool](repeating: false, count: Schema.plan.count)

    /// Whether a change of the entity of `kind` whose attributes `changed` (bits) changed can
    /// alter a verdict; `changed` all ones for an entity that came or went.
    package func affected(_ kind: Kind, changed: UInt64) -> Bool {
      kinds[kind.index] && attributes[kind.index] & changed != 0
    }

    /// Adds what `rule` declares it reads.
    mutating func add(_ rule: RuleSpec) {
      for kind in Kind.allCases {
        guard let bits = rule.attributeBits(kind) else { continue }
        kinds[kind.index] = true
        attributes[kind.index] |= bits
      }
      for name in rule.settings {
        if let i = Schema.planAttributeIndex(name) { settings[i] = true }
      }
    }
  }

  /// What the rules of each scope read, derived from their declarations.
  package static let reads: [RuleScope: Reads] = {
    var reads: [RuleScope: Reads] = [:]
    for scope in RuleScope.allCases { reads[scope] = Reads() }
    for rule in all {
      for scope in Set(rule.scopes) { reads[scope]!.add(rule) }
    }
    return reads
  }()
}

/// The validation rules of SPEC §7: code, default severity and a one-line reason in both
/// languages — the declarations of ``RuleBook``.
package typealias RuleInfo = RuleSpec

package enum RuleCatalog {
  /// Every rule in code order.
  package static var rules: [RuleSpec] { RuleBook.all }

  private static let byCode: [String: RuleSpec] = Dictionary(uniqueKeysWithValues: RuleBook.all.map { ($0.code, $0) })

  /// The rule with `code` (`R27`, case-insensitive).
  package static func rule(_ code: String) -> RuleSpec? {
    byCode[code.uppercased()]
  }

  /// The default severity of rule `code` (exact spelling, `R27`); error for an unknown code.
  package static func severity(_ code: String) -> Diagnostic.Severity {
    byCode[code]?.severity ?? .error
  }
}
