import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// The rules' declarations (Rules/RNN.swift) are complete and tell the truth about what each rule
/// reads: the shell's incremental validation trusts them.
@Suite("Rule declarations")
struct RuleDeclarationTests {
  @Test func codesAreUniqueAndInOrder() {
    let codes = RuleCatalog.rules.map(\.code)
    #expect(Set(codes).count == codes.count)
    #expect(codes.allSatisfy { $0.wholeMatch(of: #/R[0-9]{2}/#) != nil }, "\(codes)")
    #expect(codes == codes.sorted())
  }

  @Test(arguments: RuleCatalog.rules.map(\.code))
  func everyRuleHasBothLanguagesAnExampleAndItsReads(_ code: String) throws {
    let rule = try #require(RuleCatalog.rule(code))
    #expect(!rule.summary.en.isEmpty && !rule.summary.zh.isEmpty)
    #expect(rule.summary.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(rule.summary.zh)")
    #expect(rule.summary.en != rule.summary.zh)
    if let text = rule.severityText { #expect(text.en != text.zh) }
    #expect(!rule.examples.isEmpty)
    #expect(!rule.reads.isEmpty)
    #expect(!rule.parts.isEmpty)
    for read in rule.reads {
      for name in read.attributes ?? [] {
        #expect(read.kind.spec.attributeIndex(name) != nil, "\(code): \(read.kind.rawValue) has no attribute \(name)")
      }
    }
    for name in rule.settings { #expect(Schema.planAttributeIndex(name) != nil, "\(code): no setting \(name)") }
  }

  /// Every threshold setting belongs to a rule that reads it, and has its version-1 value as
  /// default (SPEC §7 and §15); the settings new in version 2 say so.
  @Test(arguments: [
    ("members-min", "R15", Value.integer(5), 1), ("members-max", "R15", .integer(30), 1),
    ("period-min", "R18", .integer(3), 2), ("period-max", "R18", .integer(5), 2),
    ("rd-intensity-min", "R19", .number(0.03), 2), ("gov-share-warn", "R27", .number(0.30), 1),
    ("gov-share-max", "R27", .number(0.50), 1), ("start-grace", "R30", .integer(0), 2),
    ("on-track-min", "R34", .number(0.90), 2), ("at-risk-min", "R34", .number(0.70), 2),
    ("cr-max", "R04", .number(0.10), 2), ("weight-move", "R08", .number(0.10), 2),
    ("consensus-min", "R42", .number(0.5), 2),
  ])
  func thresholdSettings(name: String, rule code: String, default value: Value, since: Int) throws {
    let i = try #require(Schema.planAttributeIndex(name))
    let setting = Schema.plan[i]
    #expect(setting.rule == code)
    #expect(setting.defaultValue == value)
    #expect(setting.since == since)
    let rule = try #require(RuleCatalog.rule(code))
    #expect(rule.settings.contains(name))
    #expect(rule.thresholds.map(\.name).contains(name))
  }

  @Test func everyThresholdSettingIsListedAbove() {
    let listed: Set = [
      "members-min", "members-max", "period-min", "period-max", "rd-intensity-min", "gov-share-warn", "gov-share-max",
      "start-grace", "on-track-min", "at-risk-min", "cr-max", "weight-move", "consensus-min",
    ]
    #expect(Set(Schema.plan.filter { $0.rule != nil }.map(\.name)) == listed)
    for setting in Schema.plan where setting.rule != nil {
      #expect(RuleCatalog.rule(setting.rule!)?.settings.contains(setting.name) == true, "\(setting.name)")
    }
  }

  // MARK: The reads are honest

  /// The edits that make the plans the honesty check starts from: none (the clean fixture), and
  /// the first case of each rule (so that every rule has findings in some plan).
  static let baseEdits: [[String]] =
    [[]]
    + RuleCatalog.rules.compactMap { rule in
      RuleCase.all.first { $0.rule == rule.code }?.edits
    }

  /// Of each kind's entities, the first, the middle and the last: the check changes these.
  static func sample(_ table: Table) -> [Entity] {
    let values = table.values.elements
    guard values.count > 3 else { return values }
    return [values[0], values[values.count / 2], values[values.count - 1]]
  }

  /// Findings by rule code, as text (message and place).
  static func findingsByRule(_ plan: Plan) -> [String: [String]] {
    var byRule: [String: [String]] = [:]
    for d in Engine.validate(plan) {
      byRule[d.code, default: []].append("\(d.severity) \(d.location.map { "\($0)" } ?? "-") \(d.message.en)")
    }
    return byRule
  }

  /// Another value of an attribute or setting of `type` than `current`, valid for its type
  /// (another entity for a reference); `nil` when there is none to give.
  static func another(_ type: AttributeType, than current: Value?, in plan: Plan) -> Value? {
    let value: Value?
    switch type {
    case .text: value = .text(current?.text == "改" ? "改二" : "改")
    case .number, .amount: value = .number((current?.number ?? 0) + 7)
    case .count: value = .integer((current?.integer ?? 0) + 3)
    case .year: value = .integer(2031)
    case .percent: value = .number(current?.number == 0.77 ? 0.11 : 0.77)
    case .yesNo: value = .flag(!(current?.flag ?? false))
    case .choice(let words): value = words.first { $0 != current?.choice }.map(Value.choice)
    case .ref(let kind): value = plan[kind].keys.map(\.a).first { $0 != current?.ref }.map(Value.ref)
    case .refs(let kind):
      value = current?.refs?.isEmpty == false ? .refs([]) : plan[kind].keys.first.map { .refs([$0.a]) }
    case .yearPeriod, .period:
      value = .period(
        Period(start: YearMonth(year: 2026, month: 1), end: YearMonth(year: 2032, month: 12), monthly: false))
    case .range: value = .range(0, 100)
    case .month: value = .month(YearMonth(year: 2027, month: 5))
    case .saaty: value = .number(current?.number == 5 ? 3 : 5)
    }
    return value == current ? nil : value
  }

  /// Changes every attribute of some entities of every kind (``sample(_:)``), and every plan
  /// setting, one at a time — keeping
  /// names and statements — in each base plan: the findings of every rule that does not declare
  /// what changed stay the same. (A rule that reads an attribute it does not declare, and whose
  /// verdict depends on it, changes here; the shell would then keep its stale findings.)
  @Test(arguments: 0..<baseEdits.count)
  func aRuleFindsTheSameWhateverChangesOfWhatItDoesNotRead(_ b: Int) throws {
    do {
      let base = try ValidationFixture.plan(Self.baseEdits[b])
      let before = Self.findingsByRule(base)
      for kind in Kind.allCases {
        let attributes = kind.spec.attributes
        let undeclared = attributes.indices.map { i in
          RuleCatalog.rules.filter { rule in rule.attributeBits(kind).map { $0 & (1 << UInt64(i)) == 0 } ?? true }
        }
        for entity in Self.sample(base[kind]) {
          for i in attributes.indices where !undeclared[i].isEmpty {
            guard let value = Self.another(attributes[i].type, than: entity[i], in: base) else { continue }
            var values = attributes.indices.map { entity.values[$0] }
            values[i] = value
            var plan = base
            plan[kind][entity.key] = Entity(
              kind: kind, key: entity.key, name: entity.name, values: values, location: entity.location)
            let after = Self.findingsByRule(plan)
            for rule in undeclared[i] {
              #expect(
                before[rule.code] == after[rule.code],
                "\(rule.code) changed when \(kind.rawValue) \(entity.key) \(attributes[i].name) became \(value)")
            }
          }
        }
      }
      for (i, setting) in Schema.plan.enumerated() {
        let readers = Set(RuleCatalog.rules.filter { $0.settings.contains(setting.name) }.map(\.code))
        guard let value = Self.another(setting.type, than: base.setting(i), in: base) else { continue }
        var plan = base
        plan.settings[i] = value
        if plan.settingLocations[i] == nil {
          plan.settingLocations[i] = plan.settingLocations.compactMap { $0 }.min()
        }
        let after = Self.findingsByRule(plan)
        for rule in RuleCatalog.rules where !readers.contains(rule.code) {
          #expect(before[rule.code] == after[rule.code], "\(rule.code) changed when \(setting.name) became \(value)")
        }
      }
    }
  }
}
