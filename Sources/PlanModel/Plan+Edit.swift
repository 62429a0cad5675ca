import PlanLanguage

/// A reference whose check waits until a whole plan file is applied: a goal's `after` list
/// may name goals defined later in the file (SPEC §6: statements may stand in any order).
package struct DeferredReference: Sendable {
  package var kind: Kind
  package var ids: [String]
  package var token: Token
}

/// Where attribute values are read into: an entity's ``ValueRow``, or the plan's settings.
protocol AttributeSlots {
  subscript(_ index: Int) -> Value? { get set }
}

extension ValueRow: AttributeSlots {}
extension Array: AttributeSlots where Element == Value? {}

/// Collects the references deferred while a plan file is applied.
package final class DeferredReferences {
  package var references: [DeferredReference] = []
  /// Whether no reference is checked nor collected while entities are read: the loader checks
  /// them all once every table is filled (``Plan/referencesResolve(of:)``), so that an entity
  /// can be read before the entities it names (a plan file in any statement order).
  package let checkedLater: Bool
  /// The kind whose statements are being applied while a loader fills the tables kind by kind
  /// (SPEC §6 order): a single reference (`ref`) to a kind after it, whose table is not filled
  /// yet, is collected here like a list's instead of being checked now (an expert's `org`:
  /// `expert` comes before `org`). `nil`: every single reference is checked at once.
  package var filling: Kind?
  package init(checkedLater: Bool = false) { self.checkedLater = checkedLater }

  /// Whether a single reference to `target` waits (``filling``).
  func defers(_ target: Kind) -> Bool {
    guard let filling else { return false }
    return target.index > filling.index
  }
}

/// Reads the arguments of one command left to right.
///
/// The arguments are read in place through `tokens`, a pointer into `command.arguments`: an
/// array's element is copied out when read (a token's copy costs reference counting), a pointer's
/// is not. A cursor lives only inside ``Plan/apply(_:deferring:)``, which holds the command.
struct ArgumentCursor {
  let command: Command
  let tokens: UnsafeBufferPointer<Token>
  var index = 0

  /// - Parameter tokens: `command.arguments`' storage, valid while the cursor is used.
  init(_ command: Command, _ tokens: UnsafeBufferPointer<Token>) {
    self.command = command
    self.tokens = tokens
  }

  var atEnd: Bool { index >= tokens.count }
  func peek() -> Token? { atEnd ? nil : tokens[index] }
  mutating func next() -> Token? {
    defer { index += 1 }
    return peek()
  }
  /// Steps over the token `peek()` returned.
  mutating func skip() { index += 1 }
  /// Where argument `i` is, for reading it in place.
  func pointer(_ i: Int) -> UnsafePointer<Token> { tokens.baseAddress! + i }
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

  /// Like ``require(_:)``, but gives the token's index in `tokens` (no copy of it).
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
  /// The keyword of `allowed` that `token`'s word stands for: the keyword in any case, or its
  /// Chinese term (`instrument 项目资助` reads as `instrument grant`, ``Schema/chineseLabels``).
  /// One reading for every place a keyword value is typed: attribute values, key parts
  /// (`funding K1 P1 市级`), `show`.
  /// - Parameters:
  ///   - matcher: `allowed`'s byte matcher, where the schema has one (the loader's fast path).
  ///   - attribute: its name, for the message.
  /// - Throws: E102 naming the allowed keywords and the nearest one.
  package static func keyword(
    _ word: String, in allowed: [String], matcher: KeywordMatcher? = nil, attribute: String, at token: Token
  ) throws(Diagnostic) -> String {
    let k = matcher.map { $0.index(of: word) } ?? allowed.firstIndex(of: word.lowercased())
    if let k { return allowed[k] }
    // Chinese terms: only non-ASCII words are looked up, so keywords stay on their fast path.
    if !word.utf8.allSatisfy({ $0 < 0x80 }), let keyword = Schema.choice(forLabel: word), allowed.contains(keyword) {
      return keyword
    }
    // The nearest over both languages: a Chinese word to the term that contains it or that it
    // contains (`税收` → 税收优惠), else to the nearest keyword by spelling.
    let ascii = word.utf8.allSatisfy { $0 < 0x80 }
    let suggestion = (ascii ? nil : Schema.nearestTerm(word, in: allowed)) ?? Suggestion.nearest(word, in: allowed)
    let terms = allowed.map { k in Schema.chineseLabels[k].map { "\(k)（\($0)）" } ?? k }
    throw .error(
      .badEnumValue(word, attribute: attribute, allowed: allowed, terms: terms, suggestion: suggestion), at: token)
  }

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
    try command.arguments.withUnsafeBufferPointer { tokens throws(Diagnostic) in
      var args = ArgumentCursor(command, tokens)
      switch command.verb {
      case .add: return try add(&args, deferring: deferring)
      case .set: return try set(&args, deferring: deferring)
      case .remove: return try remove(&args)
      case .rename: return try rename(&args)
      default:
        throw .error(.actionInPlanFile(command.verb.rawValue), at: command.verbToken)
      }
    }
  }

  // MARK: Kinds and keys

  static func kind(of token: Token, allowPlan: Bool) throws(Diagnostic) -> Kind? {
    guard let word = token.word else { throw kindError(token, allowPlan: allowPlan) }
    if allowPlan && (word.lowercasedEquals("plan") || word == Schema.chinesePlanName) { return nil }
    guard let kind = Kind(keyword: word) else { throw kindError(token, allowPlan: allowPlan) }
    return kind
  }

  /// Why `token` names no kind (nor `plan`, when `allowPlan`).
  private static func kindError(_ token: Token, allowPlan: Bool) -> Diagnostic {
    guard let word = token.word else { return .error(.expected(EditText.kindExample, found: token.summary), at: token) }
    let names = (allowPlan ? ["plan", Schema.chinesePlanName] : []) + Kind.allNames
    return .error(.unknownKind(word, suggestion: Suggestion.nearestName(word, in: names)), at: token)
  }

  /// Suggests an existing ID of `kind` close to `id`.
  package func suggestID(_ id: String, of kind: Kind) -> String? {
    Suggestion.nearest(id, in: self[kind].keys.lazy.map(\.a))
  }

  /// Reads the key of `kind`; for `.id` parts checks existence as `mustExist` says.
  /// - Returns: the key, and the index in `args.tokens` of its first token (for messages).
  /// - Complexity: O(1) expected (one hash lookup per referenced part); allocates nothing for
  ///   keys of short IDs.
  func readKey(
    _ kind: Kind, _ args: inout ArgumentCursor, mustExist: Bool, spec: KindSpec? = nil,
    deferring: DeferredReferences? = nil
  ) throws(Diagnostic) -> (key: EntityKey, at: Int) {
    let spec = spec ?? kind.spec
    var key = EntityKey("")
    let first = args.index
    for (i, part) in spec.keys.enumerated() {
      func what() -> LocalizedText {
        EditText.keyPart(kind: kind.rawValue, part: spec.keyNames[i])
      }
      let at = try args.requireIndex(what())
      if case .year = part {
        key.setPart(i, try Self.yearKey(args.tokens[at], what: what()))
        continue
      }
      guard case .word(let word) = args.pointer(at).pointee.kind else {
        let token = args.tokens[at]
        throw .error(.expected(what(), found: token.summary), at: token)
      }
      switch part {
      case .id:
        // `none` clears a reference (`consortium none`): an entity so named could not be named.
        if !mustExist, word.utf8.count == 4, word.lowercasedEquals("none") {
          throw .error(.noneIsNoID(kind: kind.rawValue), at: args.tokens[at])
        }
        key.setPart(i, word)
      case .ref(let target):
        guard deferring?.checkedLater == true || contains(target, EntityKey(word)) else {
          throw .error(
            .unknownReference(kind: target.rawValue, id: word, suggestion: suggestID(word, of: target)),
            at: args.tokens[at])
        }
        key.setPart(i, word)
      case .year:
        break  // read above
      case .choice(let allowed):
        key.setPart(
          i,
          try Self.keyword(
            word, in: allowed, matcher: spec.keyChoices[i],
            attribute: spec.keyNames[i].lowercased(), at: args.tokens[at]))
      }
    }
    if mustExist, !contains(kind, key) {
      let suggestion = spec.hasOwnID ? suggestID(key.a, of: kind) : nil
      throw .error(
        .notFound(kind: kind.rawValue, key: key.description, suggestion: suggestion),
        at: args.tokens[first])
    }
    return (key, first)
  }

  /// The digits of a year key part (`actual G1 2025`): a whole number of four digits.
  /// - Throws: E-wrong-type when the token is no whole number; out-of-range when it has not four digits.
  package static func yearKey(_ token: Token, what: LocalizedText) throws(Diagnostic) -> String {
    guard case .number(let n) = token.kind, n.isInteger else {
      throw .error(.expected(what, found: token.summary), at: token)
    }
    guard n.value >= 1000, n.value <= 9999 else {
      throw .error(.outOfRange(attribute: "year", value: n.text, requirement: EditText.fourDigitYear), at: token)
    }
    return String(Int(n.value))
  }

  // MARK: add

  /// `add KIND KEY... [NAME] [VALUE] [ATTR VALUE]...` (SPEC §3).
  ///
  /// The entity is built in a local and moved into its table with one hash lookup, which both
  /// finds a duplicate and inserts (a separate `contains` would hash the key twice). Errors are
  /// reported in the order of the arguments all the same: when an argument after the key fails,
  /// a duplicate key is reported instead, as it comes first.
  private mutating func add(_ args: inout ArgumentCursor, deferring: DeferredReferences?)
    throws(Diagnostic) -> PlanChange
  {
    let (kind, key, keyAt) = try readNewKey(&args)
    func duplicate() -> Diagnostic {
      .error(.duplicate(kind: kind.rawValue, key: key.description), at: args.tokens[keyAt])
    }
    if kind == .compare, contains(kind, key) { throw duplicate() }
    // References this statement defers are withdrawn if its key turns out to be a duplicate
    // (checked first, the duplicate would have stopped it before they were read).
    let deferredBefore = deferring?.references.count ?? 0
    var pending: Entity?
    do throws(Diagnostic) {
      pending = try readNewEntity(kind, key, keyAt: keyAt, &args, deferring: deferring)
    } catch {
      if contains(kind, key) {
        deferring?.references.removeSubrange(deferredBefore...)
        throw duplicate()
      }
      throw error
    }
    // One lookup: appended when the key is new, else `pending` is left as it was.
    tables[kind.index].updateValue(forKey: key, default: pending.take()!) { _ in }
    if pending != nil {
      deferring?.references.removeSubrange(deferredBefore...)
      throw duplicate()
    }
    return .inserted(kind, key)
  }

  /// The entity that `add` statement `command` describes, every argument checked as
  /// ``apply(_:deferring:)`` checks it, but neither inserted nor looked for among the entities of
  /// its kind: for a loader that puts many new entities in a table at once
  /// (``fill(_:with:ascending:)``), and knows their keys to be new. For `compare`, a judgement of
  /// the reversed pair is looked for in the table as usual. With `deferring` set to check
  /// references later (``DeferredReferences/checkedLater``), the entity does not depend on the
  /// plan at all: its references are checked by ``referencesResolve(of:)``.
  /// - Complexity: O(1) expected, like `add`.
  package func entity(adding command: Command, deferring: DeferredReferences?) throws(Diagnostic) -> Entity {
    precondition(command.verb == .add, "an add statement")
    return try command.arguments.withUnsafeBufferPointer { tokens throws(Diagnostic) in
      var args = ArgumentCursor(command, tokens)
      let (kind, key, keyAt) = try readNewKey(&args, deferring: deferring)
      return try readNewEntity(kind, key, keyAt: keyAt, &args, deferring: deferring)
    }
  }

  /// The kind and key of an `add` (the key's index in `args.tokens` too).
  private func readNewKey(_ args: inout ArgumentCursor, deferring: DeferredReferences? = nil)
    throws(Diagnostic) -> (Kind, EntityKey, Int)
  {
    let kindAt = try args.requireIndex(EditText.kindExample)
    guard case .word(let w) = args.pointer(kindAt).pointee.kind, let kind = Kind(keyword: w) else {
      throw Plan.kindError(args.tokens[kindAt], allowPlan: false)
    }
    let (key, keyAt) = try readKey(kind, &args, mustExist: false, deferring: deferring)
    return (kind, key, keyAt)
  }

  /// The rest of an `add` after its key: a `compare`'s pair, then the name, the positional value
  /// and the attributes, into a new entity.
  private func readNewEntity(
    _ kind: Kind, _ key: EntityKey, keyAt: Int, _ args: inout ArgumentCursor, deferring: DeferredReferences?
  ) throws(Diagnostic) -> Entity {
    let spec = kind.spec
    if kind == .compare {
      if key.a == key.b {
        throw .error(
          .outOfRange(
            attribute: "compare", value: key.description,
            requirement: EditText.notComparedWithItself),
          at: args.tokens[keyAt])
      }
      if contains(kind, EntityKey(key.b, key.a)) {
        throw .error(.duplicate(kind: kind.rawValue, key: "\(key.b) \(key.a)"), at: args.tokens[keyAt])
      }
    }
    if kind == .judgement {
      // An expert's judgement of a criterion with itself, or of a pair already judged the other
      // way round (SPEC §12; as `compare`). The loader's bulk path sees no table here: a file with
      // both orders is reported by R43 instead.
      if key.b == key.c {
        throw .error(
          .outOfRange(
            attribute: "judgement", value: key.description,
            requirement: EditText.notComparedWithItself),
          at: args.tokens[keyAt])
      }
      if contains(kind, EntityKey(key.a, key.c, key.b)) {
        throw .error(
          .duplicate(kind: kind.rawValue, key: "\(key.a) \(key.c) \(key.b)"), at: args.tokens[keyAt])
      }
    }
    // The parts are read into locals and the entity made of them at the end: no copy of it.
    var name: String?
    if spec.hasName, !args.atEnd, case .string(let s) = args.pointer(args.index).pointee.kind {
      name = s
      args.skip()
    }
    // Room for every value the rest can set: `ATTR VALUE` pairs, and perhaps a positional value.
    var values = ValueRow(reserving: min(spec.attributes.count, (args.tokens.count - args.index + 1) / 2))
    let positional = try readPositional(spec, &args, into: &values, deferring: deferring)
    try readAttributes(
      kind, &args, name: &name, values: &values, deferring: deferring, spec: spec, alreadySet: positional)
    for i in spec.requiredAttributes {
      guard case .none = values[i] else { continue }
      throw .error(
        .missingAttribute(spec.attributes[i].name, kind: kind.rawValue), at: args.command.location,
        length: args.command.verbToken.length)
    }
    return Entity(kind: kind, key: key, name: name, values: values, location: args.command.location)
  }

  /// Reads the bare number after the keys of `score`, `compare` and `funding` (their `value` or
  /// `amount`, SPEC §3), for `add` and `set` alike; returns the attribute's index when one was there.
  private func readPositional(
    _ spec: KindSpec, _ args: inout ArgumentCursor, into values: inout some AttributeSlots,
    deferring: DeferredReferences?
  ) throws(Diagnostic) -> Int? {
    guard let p = spec.positional, !args.atEnd, case .number = args.pointer(args.index).pointee.kind else { return nil }
    values[p] = try value(for: spec.attributes[p], token: args.pointer(args.index), deferring: deferring)
    args.skip()
    return p
  }

  /// Reads `ATTR VALUE` pairs into an entity's `name` and `values`; `alreadySet` is an attribute
  /// given positionally, which may not be given again by name.
  private func readAttributes(
    _ kind: Kind, _ args: inout ArgumentCursor, name: inout String?, values: inout some AttributeSlots,
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
    // Tokens are read in place: copying each out costs reference counting.
    let tokens = args.tokens
    // Every bad pair is reported, not only the first (issue 17 item 11): a failing pair is
    // noted and the reading goes on at the next pair; nothing is applied.
    var errors: [Diagnostic] = []
    while !args.atEnd {
      do throws(Diagnostic) {
        let at = args.index
        args.skip()
        guard case .word(let word) = args.pointer(at).pointee.kind else {
          throw .error(
            .expected(EditText.attributeName, found: tokens[at].summary), at: tokens[at])
        }
        let named = spec.attribute(named: word)
        if named == .name {
          guard firstTime(63) else {
            if !args.atEnd { args.skip() }
            throw .error(.repeatedAttribute("name"), at: tokens[at])
          }
          let v = try args.requireIndex(EditText.value(for: "name"))
          switch tokens[v].kind {
          case .string(let s), .word(let s): name = s
          default:
            throw .error(
              .wrongType(attribute: "name", expected: AttributeType.text.describe, found: tokens[v].summary),
              at: tokens[v])
          }
          continue
        }
        guard case .attribute(let index) = named else {
          if !args.atEnd { args.skip() }  // its value
          let names = Schema.namesWithChinese((spec.hasName ? ["name"] : []) + spec.attributes.map(\.name)).words
          throw .error(
            .unknownAttribute(word, kind: kind.rawValue, suggestion: Suggestion.nearestName(word, in: names)),
            at: tokens[at])
        }
        guard firstTime(index) else {
          if !args.atEnd { args.skip() }
          throw .error(.repeatedAttribute(word), at: tokens[at])
        }
        let attribute = spec.attributes[index]
        let v = try args.requireIndex(EditText.value(for: attribute.name))
        values[index] = try value(for: attribute, token: args.pointer(v), deferring: deferring)
      } catch {
        errors.append(error)
      }
    }
    if let joined = Diagnostic.joined(errors) { throw joined }
  }

  // MARK: set

  private mutating func set(_ args: inout ArgumentCursor, deferring: DeferredReferences?)
    throws(Diagnostic) -> PlanChange
  {
    let kindToken = try args.require(EditText.planOrKind)
    guard let kind = try Plan.kind(of: kindToken, allowPlan: true) else {
      let before = PlanChange.settings(settings, settingLocations)
      try setPlan(&args)
      return before
    }
    let (key, _) = try readKey(kind, &args, mustExist: true)
    var entity = self[kind][key]!
    let before = entity
    if args.atEnd {
      throw .error(.missing(EditText.attributeAndValue), at: args.endLocation)
    }
    let positional = try readPositional(kind.spec, &args, into: &entity.values, deferring: deferring)
    try readAttributes(
      kind, &args, name: &entity.name, values: &entity.values, deferring: deferring,
      alreadySet: positional)
    entity.location = args.command.location
    self[kind][key] = entity
    return .replaced(before)
  }

  private mutating func setPlan(_ args: inout ArgumentCursor) throws(Diagnostic) {
    if args.atEnd {
      throw .error(.missing(EditText.planAttributeAndValue), at: args.endLocation)
    }
    var settings = self.settings
    var seen = Set<Int>()
    var valueTokens: [Int: Token] = [:]
    // Every bad pair is reported (issue 17 item 11), as for an entity's attributes.
    var errors: [Diagnostic] = []
    while let t = args.next() {
      do throws(Diagnostic) {
        guard let word = t.word else {
          throw .error(.expected(EditText.attributeName, found: t.summary), at: t)
        }
        guard let index = Schema.planAttributeIndex(word) else {
          if !args.atEnd { args.skip() }  // its value
          throw .error(
            .unknownAttribute(
              word, kind: "plan",
              suggestion: Suggestion.nearestName(word, in: Schema.namesWithChinese(Schema.plan.map(\.name)).words)),
            at: t)
        }
        guard seen.insert(index).inserted else {
          if !args.atEnd { args.skip() }
          throw .error(.repeatedAttribute(word), at: t)
        }
        let attribute = Schema.plan[index]
        let v = try args.requireIndex(EditText.value(for: attribute.name))
        settings[index] = try value(for: attribute, token: args.pointer(v), deferring: nil)
        valueTokens[index] = args.tokens[v]
      } catch {
        errors.append(error)
      }
    }
    if let joined = Diagnostic.joined(errors) { throw joined }
    try Plan.checkSettings(settings, tokens: valueTokens)
    self.settings = settings
    for i in seen { settingLocations[i] = args.command.location }
  }

  /// Settings that cannot make sense together: a horizon that ends before it starts,
  /// `members-min` set above `members-max`.
  private static func checkSettings(_ settings: [Value?], tokens: [Int: Token]) throws(Diagnostic) {
    func setting(_ i: Int) -> Value? { settings[i] ?? Schema.plan[i].defaultValue }
    if let token = tokens[Attr.Plan.horizon], let p = setting(Attr.Plan.horizon)?.period, p.end < p.start {
      throw .error(
        .outOfRange(
          attribute: "horizon", value: p.description,
          requirement: EditText.startYearFirst), at: token)
    }
    // Both set explicitly: lowering only `members-max` below the default minimum is R15's business.
    if let min = settings[Attr.Plan.membersMin]?.integer, let max = settings[Attr.Plan.membersMax]?.integer, min > max,
      let token = tokens[Attr.Plan.membersMin] ?? tokens[Attr.Plan.membersMax]
    {
      throw .error(
        .outOfRange(
          attribute: "members-min..members-max", value: "\(min)..\(max)",
          requirement: EditText.membersMinAtMostMax),
        at: token)
    }
  }

  // MARK: Values

  /// The `weight` attribute of `expert`, checked to be > 0.
  private static let expertWeight = Schema.kinds[Kind.expert.index].attributes[Attr.Expert.weight]

  /// Converts the token to a value of the attribute's type, checking references.
  /// - Parameter pointer: the token, read in place (passed by value, it would be copied for the
  ///   call: a switch over its kind and reference counting, for every value of every statement).
  private func value(for attribute: AttributeSpec, token pointer: UnsafePointer<Token>, deferring: DeferredReferences?)
    throws(Diagnostic) -> Value?
  {
    let name = attribute.name
    func wrong() -> Diagnostic {
      .error(
        .wrongType(attribute: name, expected: attribute.describe, found: pointer.pointee.summary),
        at: pointer.pointee)
    }
    // `Token.isKeyword("none")`, read in place; no scalar outside ASCII lowers into `none`, so
    // a word of another length than four bytes is not it.
    if case .word(let w) = pointer.pointee.kind, w.utf8.count == 4, w.lowercasedEquals("none") {
      if attribute.required {
        throw .error(.missingAttribute(name, kind: EditText.thisEntity.en), at: pointer.pointee)
      }
      return nil
    }
    // A percent only where a PERCENT is expected (SPEC §15): `baseline 85%` is not 0.85.
    if case .number(let n) = pointer.pointee.kind, n.form == .percent {
      switch attribute.type {
      case .number, .saaty, .amount, .count, .year:
        throw .error(
          .percentNotExpected(
            attribute: name, expected: attribute.describe, typed: n.text, plain: String(n.text.dropLast())),
          at: pointer.pointee)
      default: break
      }
    }
    switch attribute.type {
    case .text:
      switch pointer.pointee.kind {
      case .string(let s), .word(let s): return .text(s)
      default: throw wrong()
      }
    case .number, .saaty:
      guard case .number(let n) = pointer.pointee.kind else { throw wrong() }
      // An expert's weight is > 0 (SPEC §12); the attribute is known by identity, not by name
      // (a criterion's `weight` may be 0).
      if attribute === Self.expertWeight, !(n.value > 0) {
        throw .error(
          .outOfRange(attribute: name, value: n.text, requirement: EditText.expertWeightPositive),
          at: pointer.pointee)
      }
      return .number(n.value)
    case .amount:
      guard case .number(let n) = pointer.pointee.kind else { throw wrong() }
      guard n.value >= 0 else {
        throw .error(
          .outOfRange(
            attribute: name, value: n.text,
            requirement: EditText.amountNotNegative), at: pointer.pointee)
      }
      // At most 10^15: every whole amount stays exact (below 2^53), and no total of a plan's
      // amounts comes near the largest Double, so sums and shares are true values, never inf.
      guard n.value <= 1e15 else {
        throw .error(
          .outOfRange(
            attribute: name, value: n.text,
            requirement: EditText.amountAtMost), at: pointer.pointee)
      }
      return .number(n.value == 0 ? 0 : n.value)
    case .count:
      guard case .number(let n) = pointer.pointee.kind, n.isInteger else { throw wrong() }
      guard n.value >= Double(attribute.minimum), n.value <= Double(AttributeSpec.countMaximum) else {
        throw .error(
          .outOfRange(
            attribute: name, value: n.text,
            requirement: attribute.describe), at: pointer.pointee)
      }
      return .integer(Int(n.value))
    case .year:
      guard case .number(let n) = pointer.pointee.kind, n.isInteger else { throw wrong() }
      guard n.value >= 1000, n.value <= 9999 else {
        throw .error(
          .outOfRange(
            attribute: name, value: n.text,
            requirement: EditText.fourDigitYear), at: pointer.pointee)
      }
      return .integer(Int(n.value))
    case .percent:
      guard case .number(let n) = pointer.pointee.kind, n.form == .percent else { throw wrong() }
      guard n.value >= 0, n.value <= 1 else {
        throw .error(
          .outOfRange(
            attribute: name, value: n.text,
            requirement: EditText.percentRange), at: pointer.pointee)
      }
      return .number(n.value == 0 ? 0 : n.value)
    case .yesNo:
      guard case .word(let w) = pointer.pointee.kind else { throw wrong() }
      switch attribute.choices?.index(of: w) {  // `yes`, `no`
      case 0: return .flag(true)
      case 1: return .flag(false)
      default:
        throw .error(
          .badEnumValue(
            w, attribute: name, allowed: ["yes", "no"],
            suggestion: Suggestion.nearest(w, in: ["yes", "no"])), at: pointer.pointee)
      }
    case .choice(let allowed):
      guard case .word(let w) = pointer.pointee.kind else { throw wrong() }
      return .choice(try Self.keyword(w, in: allowed, matcher: attribute.choices, attribute: name, at: pointer.pointee))
    case .ref(let kind):
      guard case .word(let id) = pointer.pointee.kind else { throw wrong() }
      if let deferring, !deferring.checkedLater, deferring.defers(kind) {
        deferring.references.append(DeferredReference(kind: kind, ids: [id], token: pointer.pointee))
        return .ref(id)
      }
      guard deferring?.checkedLater == true || contains(kind, EntityKey(id)) else {
        throw .error(
          .unknownReference(kind: kind.rawValue, id: id, suggestion: suggestID(id, of: kind)), at: pointer.pointee)
      }
      return .ref(id)
    case .refs(let kind):
      let ids: [String]
      switch pointer.pointee.kind {
      case .word(let w): ids = [w]
      case .list(let l): ids = l
      default: throw wrong()
      }
      if let deferring {
        if deferring.checkedLater { return .refs(ids) }
        deferring.references.append(DeferredReference(kind: kind, ids: ids, token: pointer.pointee))
      } else {
        for id in ids where !contains(kind, EntityKey(id)) {
          throw .error(
            .unknownReference(kind: kind.rawValue, id: id, suggestion: suggestID(id, of: kind)), at: pointer.pointee)
        }
      }
      return .refs(ids)
    case .yearPeriod, .period:
      guard case .range(let a, let b) = pointer.pointee.kind else { throw wrong() }
      switch (a, b) {
      case (.number(let x), .number(let y)):
        guard x.isInteger, y.isInteger, (1000...9999).contains(x.value), (1000...9999).contains(y.value) else {
          throw .error(
            .badPeriod(
              pointer.pointee.summary,
              reason: EditText.yearsAreWhole), at: pointer.pointee)
        }
        return .period(Period(years: Int(x.value), Int(y.value)))
      case (.month(let x), .month(let y)):
        guard attribute.type == .period else {
          throw .error(
            .badPeriod(
              pointer.pointee.summary,
              reason: EditText.wholeYears(name)), at: pointer.pointee)
        }
        return .period(Period(start: x, end: y, monthly: true))
      default:
        throw .error(
          .badPeriod(
            pointer.pointee.summary,
            reason: EditText.endsAlike), at: pointer.pointee)
      }
    case .range:
      guard case .range(.number(let a), .number(let b)) = pointer.pointee.kind, a.form == .plain, b.form == .plain
      else {
        throw wrong()
      }
      return .range(a.value, b.value)
    case .month:
      guard case .month(let m) = pointer.pointee.kind else { throw wrong() }
      return .month(m)
    }
  }
}
