import PlanLanguage

/// A reference whose check waits until a whole plan file is applied: a goal's `after` list
/// may name goals defined later in the file (SPEC §6: statements may stand in any order).
package struct DeferredReference: Sendable {
  package var kind: Kind
  package var ids: [String]
  package var token: Token
}

/// Collects the references deferred while a plan file is applied.
package final class DeferredReferences {
  package var references: [DeferredReference] = []
  package init() {}
}

/// Reads the arguments of one command left to right.
struct ArgumentCursor {
  let command: Command
  var index = 0

  init(_ command: Command) { self.command = command }

  var atEnd: Bool { index >= command.arguments.count }
  func peek() -> Token? { atEnd ? nil : command.arguments[index] }
  mutating func next() -> Token? {
    defer { index += 1 }
    return peek()
  }
  /// Steps over the token `peek()` returned.
  mutating func skip() { index += 1 }
  /// Where a missing argument would have stood: just after the last token.
  var endLocation: SourceLocation {
    let last = command.arguments.last ?? command.verbToken
    var loc = last.location
    loc.column += last.length + 1
    return loc
  }

  /// The next token; when there is none, an error saying `what` was expected (built only then).
  mutating func require(_ what: @autoclosure () -> LocalizedText) throws(Diagnostic) -> Token {
    guard let t = next() else { throw .error(.missing(what()), at: endLocation) }
    return t
  }

  /// Like ``require(_:)``, but gives the token's index in `command.arguments` (no copy of it).
  mutating func requireIndex(_ what: @autoclosure () -> LocalizedText) throws(Diagnostic) -> Int {
    guard !atEnd else { throw .error(.missing(what()), at: endLocation) }
    defer { index += 1 }
    return index
  }

  func expectEnd() throws(Diagnostic) {
    if let t = peek() { throw .error(.unexpectedArgument(t.summary), at: t) }
  }
}

extension Plan {
  /// Applies one edit (`add`, `set`, `remove`, `rename`; SPEC §3) to the plan.
  ///
  /// Every argument is checked before anything changes, so a failed command changes nothing.
  /// - Parameters:
  ///   - command: a parsed command whose verb is an edit.
  ///   - deferring: when non-nil (loading a plan file), references from goals' `after` lists
  ///     are collected there instead of being checked now.
  /// - Throws: a ``Diagnostic`` (`E1xx`) at the offending token.
  /// - Complexity: O(1) expected for `add` and `set`; O(n) in the plan's size for `remove` and `rename`.
  /// - Returns: the change made, which ``revert(_:)`` undoes.
  @discardableResult
  package mutating func apply(_ command: Command, deferring: DeferredReferences? = nil)
    throws(Diagnostic) -> PlanChange
  {
    var args = ArgumentCursor(command)
    switch command.verb {
    case .add: return try add(&args, deferring: deferring)
    case .set: return try set(&args, deferring: deferring)
    case .remove: return try remove(&args)
    case .rename: return try rename(&args)
    default:
      throw .error(.actionInPlanFile(command.verb.rawValue), at: command.verbToken)
    }
  }

  // MARK: Kinds and keys

  private static let kindWhat = LocalizedText(en: "a kind (criterion, field, org, consortium, …)", zh: "类别（criterion、field、org、consortium 等）")

  static func kind(of token: Token, allowPlan: Bool) throws(Diagnostic) -> Kind? {
    guard let word = token.word else {
      throw .error(.expected(kindWhat, found: token.summary), at: token)
    }
    if allowPlan && word.lowercasedEquals("plan") { return nil }
    guard let kind = Kind(keyword: word) else {
      let names = (allowPlan ? ["plan"] : []) + Kind.allCases.map(\.rawValue)
      throw .error(.unknownKind(word, suggestion: Suggestion.nearest(word, in: names)), at: token)
    }
    return kind
  }

  /// Suggests an existing ID of `kind` close to `id`.
  package func suggestID(_ id: String, of kind: Kind) -> String? {
    Suggestion.nearest(id, in: self[kind].keys.lazy.map(\.a))
  }

  /// Reads the key of `kind`; for `.id` parts checks existence as `mustExist` says.
  func readKey(_ kind: Kind, _ args: inout ArgumentCursor, mustExist: Bool, spec: KindSpec? = nil)
    throws(Diagnostic) -> (EntityKey, Token)
  {
    let spec = spec ?? kind.spec
    var parts: [String] = []
    parts.reserveCapacity(spec.keys.count)
    var first: Token?
    for (i, part) in spec.keys.enumerated() {
      func what() -> LocalizedText {
        LocalizedText(en: "\(kind.rawValue) \(spec.keyNames[i])", zh: "\(kind.rawValue) 的 \(spec.keyNames[i])")
      }
      let token = try args.require(what())
      if first == nil { first = token }
      guard let word = token.word else { throw .error(.expected(what(), found: token.summary), at: token) }
      switch part {
      case .id:
        break
      case .ref(let target):
        guard contains(target, EntityKey(word)) else {
          throw .error(
            .unknownReference(kind: target.rawValue, id: word, suggestion: suggestID(word, of: target)), at: token)
        }
      case .choice(let allowed):
        let lower = word.lowercasedKeyword()
        guard allowed.contains(lower) else {
          throw .error(
            .badEnumValue(word, attribute: spec.keyNames[i].lowercased(), allowed: allowed,
                          suggestion: Suggestion.nearest(word, in: allowed)), at: token)
        }
        parts.append(lower)
        continue
      }
      parts.append(word)
    }
    let key = EntityKey(parts: parts)
    if mustExist, !contains(kind, key) {
      let suggestion = spec.hasOwnID ? suggestID(key.a, of: kind) : nil
      throw .error(.notFound(kind: kind.rawValue, key: key.description, suggestion: suggestion), at: first!)
    }
    return (key, first!)
  }

  // MARK: add

  private mutating func add(_ args: inout ArgumentCursor, deferring: DeferredReferences?)
    throws(Diagnostic) -> PlanChange
  {
    let kindToken = try args.require(Plan.kindWhat)
    guard let kind = try Plan.kind(of: kindToken, allowPlan: false) else { return .group([]) }
    let spec = kind.spec
    let (key, keyToken) = try readKey(kind, &args, mustExist: false, spec: spec)
    if contains(kind, key) {
      throw .error(.duplicate(kind: kind.rawValue, key: key.description), at: keyToken)
    }
    if kind == .compare {
      if key.a == key.b {
        throw .error(
          .outOfRange(attribute: "compare", value: key.description,
                      requirement: LocalizedText(en: "a criterion is not compared with itself", zh: "准则不与自身比较")),
          at: keyToken)
      }
      if contains(kind, EntityKey(key.b, key.a)) {
        throw .error(.duplicate(kind: kind.rawValue, key: "\(key.b) \(key.a)"), at: keyToken)
      }
    }
    var entity = Entity(
      kind: kind, key: key, values: Array(repeating: nil, count: spec.attributes.count), location: args.command.location)
    if spec.hasName, let t = args.peek(), case .string(let s) = t.kind {
      entity.name = s
      args.skip()
    }
    let positional = try readPositional(spec, &args, into: &entity, deferring: deferring)
    try readAttributes(kind, &args, into: &entity, deferring: deferring, spec: spec, alreadySet: positional)
    for (i, attribute) in spec.attributes.enumerated() where attribute.required && entity.values[i] == nil {
      throw .error(.missingAttribute(attribute.name, kind: kind.rawValue), at: args.command.location,
                   length: args.command.verbToken.length)
    }
    tables[kind.index].updateValue(entity, forKey: key)
    return .inserted(kind, key)
  }

  /// Reads the bare number after the keys of `score`, `compare` and `funding` (their `value` or
  /// `amount`, SPEC §3), for `add` and `set` alike; returns the attribute's index when one was there.
  private func readPositional(
    _ spec: KindSpec, _ args: inout ArgumentCursor, into entity: inout Entity, deferring: DeferredReferences?
  ) throws(Diagnostic) -> Int? {
    guard let p = spec.positional, let t = args.peek(), case .number = t.kind else { return nil }
    entity.values[p] = try value(for: spec.attributes[p], token: t, deferring: deferring)
    args.skip()
    return p
  }

  /// Reads `ATTR VALUE` pairs into `entity`; `alreadySet` is an attribute given positionally,
  /// which may not be given again by name.
  private func readAttributes(
    _ kind: Kind, _ args: inout ArgumentCursor, into entity: inout Entity,
    deferring: DeferredReferences?, spec: KindSpec? = nil, alreadySet: Int? = nil
  ) throws(Diagnostic) {
    let spec = spec ?? kind.spec
    // Attributes seen so far: bit i for attribute i, the top bit for `name` (a kind has < 63).
    var seen: UInt64 = alreadySet.map { 1 << UInt64($0) } ?? 0
    func firstTime(_ bit: Int) -> Bool {
      let mask: UInt64 = 1 << UInt64(bit)
      defer { seen |= mask }
      return seen & mask == 0
    }
    // Tokens are read in place by index: copying each out costs reference counting.
    let tokens = args.command.arguments
    while !args.atEnd {
      let at = args.index
      args.skip()
      guard let word = tokens[at].word else {
        throw .error(
          .expected(LocalizedText(en: "an attribute name", zh: "属性名"), found: tokens[at].summary), at: tokens[at])
      }
      let named = spec.attribute(named: word)
      if named == .name {
        guard firstTime(63) else { throw .error(.repeatedAttribute("name"), at: tokens[at]) }
        let v = try args.requireIndex(LocalizedText(en: "a value for 'name'", zh: "'name' 的值"))
        switch tokens[v].kind {
        case .string(let s), .word(let s): entity.name = s
        default:
          throw .error(
            .wrongType(attribute: "name", expected: AttributeType.text.describe, found: tokens[v].summary), at: tokens[v])
        }
        continue
      }
      guard case .attribute(let index) = named else {
        let names = (spec.hasName ? ["name"] : []) + spec.attributes.map(\.name)
        throw .error(
          .unknownAttribute(word, kind: kind.rawValue, suggestion: Suggestion.nearest(word, in: names)), at: tokens[at])
      }
      guard firstTime(index) else { throw .error(.repeatedAttribute(word), at: tokens[at]) }
      let attribute = spec.attributes[index]
      let v = try args.requireIndex(LocalizedText(en: "a value for '\(attribute.name)'", zh: "'\(attribute.name)' 的值"))
      entity.values[index] = try value(for: attribute, token: tokens[v], deferring: deferring)
    }
  }

  // MARK: set

  private mutating func set(_ args: inout ArgumentCursor, deferring: DeferredReferences?)
    throws(Diagnostic) -> PlanChange
  {
    let kindToken = try args.require(LocalizedText(en: "'plan' or a kind", zh: "'plan' 或类别"))
    guard let kind = try Plan.kind(of: kindToken, allowPlan: true) else {
      let before = PlanChange.settings(settings, settingLocations)
      try setPlan(&args)
      return before
    }
    let (key, _) = try readKey(kind, &args, mustExist: true)
    var entity = self[kind][key]!
    let before = entity
    if args.atEnd {
      throw .error(.missing(LocalizedText(en: "an attribute and its value", zh: "属性及其值")), at: args.endLocation)
    }
    let positional = try readPositional(kind.spec, &args, into: &entity, deferring: deferring)
    try readAttributes(kind, &args, into: &entity, deferring: deferring, alreadySet: positional)
    entity.location = args.command.location
    self[kind][key] = entity
    return .replaced(before)
  }

  private mutating func setPlan(_ args: inout ArgumentCursor) throws(Diagnostic) {
    if args.atEnd {
      throw .error(.missing(LocalizedText(en: "a plan attribute and its value", zh: "计划属性及其值")), at: args.endLocation)
    }
    var settings = self.settings
    var seen = Set<Int>()
    var valueTokens: [Int: Token] = [:]
    while let t = args.next() {
      guard let word = t.word else {
        throw .error(.expected(LocalizedText(en: "an attribute name", zh: "属性名"), found: t.summary), at: t)
      }
      guard let index = Schema.planAttributeIndex(word) else {
        throw .error(
          .unknownAttribute(word, kind: "plan", suggestion: Suggestion.nearest(word, in: Schema.plan.map(\.name))), at: t)
      }
      guard seen.insert(index).inserted else { throw .error(.repeatedAttribute(word), at: t) }
      let attribute = Schema.plan[index]
      let v = try args.require(LocalizedText(en: "a value for '\(attribute.name)'", zh: "'\(attribute.name)' 的值"))
      settings[index] = try value(for: attribute, token: v, deferring: nil)
      valueTokens[index] = v
    }
    try Plan.checkSettings(settings, tokens: valueTokens)
    self.settings = settings
    for i in seen { settingLocations[i] = args.command.location }
  }

  /// Settings that cannot make sense together: a horizon that ends before it starts,
  /// `members-min` set above `members-max`, a `cutoff` of 0.
  private static func checkSettings(_ settings: [Value?], tokens: [Int: Token]) throws(Diagnostic) {
    func setting(_ i: Int) -> Value? { settings[i] ?? Schema.plan[i].defaultValue }
    if let token = tokens[Attr.Plan.horizon], let p = setting(Attr.Plan.horizon)?.period, p.end < p.start {
      throw .error(.outOfRange(attribute: "horizon", value: p.description,
                               requirement: LocalizedText(en: "the start year comes first", zh: "起始年份应在前")), at: token)
    }
    // Both set explicitly: lowering only `members-max` below the default minimum is R15's business.
    if let min = settings[Attr.Plan.membersMin]?.integer, let max = settings[Attr.Plan.membersMax]?.integer, min > max,
      let token = tokens[Attr.Plan.membersMin] ?? tokens[Attr.Plan.membersMax]
    {
      throw .error(.outOfRange(attribute: "members-min..members-max", value: "\(min)..\(max)",
                               requirement: LocalizedText(en: "members-min ≤ members-max", zh: "members-min 不大于 members-max")),
                   at: token)
    }
    if let token = tokens[Attr.Plan.cutoff], setting(Attr.Plan.cutoff)?.integer == 0 {
      throw .error(.outOfRange(attribute: "cutoff", value: "0",
                               requirement: LocalizedText(en: "at least 1", zh: "至少为 1")), at: token)
    }
  }

  // MARK: Values

  /// Converts the token to a value of the attribute's type, checking references.
  private func value(for attribute: AttributeSpec, token: Token, deferring: DeferredReferences?)
    throws(Diagnostic) -> Value?
  {
    let name = attribute.name
    func wrong() -> Diagnostic {
      .error(.wrongType(attribute: name, expected: attribute.type.describe, found: token.summary), at: token)
    }
    if token.isKeyword("none") {
      if attribute.required {
        throw .error(.missingAttribute(name, kind: LocalizedText(en: "this entity", zh: "此条目").en), at: token)
      }
      return nil
    }
    switch attribute.type {
    case .text:
      switch token.kind {
      case .string(let s), .word(let s): return .text(s)
      default: throw wrong()
      }
    case .number, .saaty:
      guard case .number(let n) = token.kind else { throw wrong() }
      return .number(n.value)
    case .amount:
      guard case .number(let n) = token.kind else { throw wrong() }
      guard n.value >= 0 else {
        throw .error(.outOfRange(attribute: name, value: n.text,
                                 requirement: LocalizedText(en: "amounts are never negative", zh: "金额不能为负")), at: token)
      }
      // At most 10^15: every whole amount stays exact (below 2^53), and no total of a plan's
      // amounts comes near the largest Double, so sums and shares are true values, never inf.
      guard n.value <= 1e15 else {
        throw .error(.outOfRange(attribute: name, value: n.text,
                                 requirement: LocalizedText(en: "amounts are at most 10^15 (1000000000000000)",
                                                            zh: "金额不超过 10^15（1000000000000000）")), at: token)
      }
      return .number(n.value == 0 ? 0 : n.value)
    case .count:
      guard case .number(let n) = token.kind, n.isInteger else { throw wrong() }
      guard n.value >= 0, n.value <= 1_000_000_000 else {
        throw .error(.outOfRange(attribute: name, value: n.text,
                                 requirement: LocalizedText(en: "0 to 1000000000", zh: "0 到 1000000000")), at: token)
      }
      return .integer(Int(n.value))
    case .year:
      guard case .number(let n) = token.kind, n.isInteger else { throw wrong() }
      guard n.value >= 1000, n.value <= 9999 else {
        throw .error(.outOfRange(attribute: name, value: n.text,
                                 requirement: LocalizedText(en: "a four-digit year", zh: "四位数年份")), at: token)
      }
      return .integer(Int(n.value))
    case .percent:
      guard case .number(let n) = token.kind, n.form == .percent else { throw wrong() }
      guard n.value >= 0, n.value <= 1 else {
        throw .error(.outOfRange(attribute: name, value: n.text,
                                 requirement: LocalizedText(en: "0% to 100%", zh: "0% 到 100%")), at: token)
      }
      return .number(n.value == 0 ? 0 : n.value)
    case .yesNo:
      guard let w = token.word else { throw wrong() }
      switch w.lowercasedKeyword() {
      case "yes": return .flag(true)
      case "no": return .flag(false)
      default:
        throw .error(.badEnumValue(w, attribute: name, allowed: ["yes", "no"],
                                   suggestion: Suggestion.nearest(w, in: ["yes", "no"])), at: token)
      }
    case .choice(let allowed):
      guard let w = token.word else { throw wrong() }
      let lower = w.lowercasedKeyword()
      guard allowed.contains(lower) else {
        throw .error(.badEnumValue(w, attribute: name, allowed: allowed, suggestion: Suggestion.nearest(w, in: allowed)),
                     at: token)
      }
      return .choice(lower)
    case .ref(let kind):
      guard let id = token.word else { throw wrong() }
      guard contains(kind, EntityKey(id)) else {
        throw .error(.unknownReference(kind: kind.rawValue, id: id, suggestion: suggestID(id, of: kind)), at: token)
      }
      return .ref(id)
    case .refs(let kind):
      let ids: [String]
      switch token.kind {
      case .word(let w): ids = [w]
      case .list(let l): ids = l
      default: throw wrong()
      }
      if let deferring {
        deferring.references.append(DeferredReference(kind: kind, ids: ids, token: token))
      } else {
        for id in ids where !contains(kind, EntityKey(id)) {
          throw .error(.unknownReference(kind: kind.rawValue, id: id, suggestion: suggestID(id, of: kind)), at: token)
        }
      }
      return .refs(ids)
    case .yearPeriod, .period:
      guard case .range(let a, let b) = token.kind else { throw wrong() }
      switch (a, b) {
      case (.number(let x), .number(let y)):
        guard x.isInteger, y.isInteger, (1000...9999).contains(x.value), (1000...9999).contains(y.value) else {
          throw .error(.badPeriod(token.summary, reason: LocalizedText(en: "years are four-digit whole numbers",
                                                                       zh: "年份应为四位整数")), at: token)
        }
        return .period(Period(years: Int(x.value), Int(y.value)))
      case (.month(let x), .month(let y)):
        guard attribute.type == .period else {
          throw .error(.badPeriod(token.summary, reason: LocalizedText(en: "\(name) is in whole years",
                                                                       zh: "\(name) 以整年计")), at: token)
        }
        return .period(Period(start: x, end: y, monthly: true))
      default:
        throw .error(.badPeriod(token.summary, reason: LocalizedText(en: "both ends must be years or both months",
                                                                     zh: "两端须同为年份或同为月份")), at: token)
      }
    case .range:
      guard case .range(.number(let a), .number(let b)) = token.kind, a.form == .plain, b.form == .plain else {
        throw wrong()
      }
      return .range(a.value, b.value)
    case .month:
      guard case .month(let m) = token.kind else { throw wrong() }
      return .month(m)
    }
  }
}
