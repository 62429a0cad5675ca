import Foundation
import PlanLanguage
import PlanModel

/// Why a plan file could not be loaded; the case decides the exit status (SPEC §1).
package enum PlanLoadError: Error, Sendable {
  /// Missing or unreadable file, not a plan file, or a newer format version: exit status 2.
  case unusable(Diagnostic)
  /// Statements that failed: every one is reported, and nothing is loaded. Exit status 1.
  case invalid([Diagnostic])

  package var diagnostics: [Diagnostic] {
    switch self {
    case .unusable(let d): [d]
    case .invalid(let list): list
    }
  }
}

/// Loads plan files (SPEC §6): reads the whole file, reports every failing line, then loads
/// nothing; accepts statements in any order; refuses actions and newer format versions.
///
/// Within a kind, statements are applied in natural key order, so a shuffled copy of a file
/// loads to the same plan (and saves to the same bytes); in the shell, entities keep their
/// creation order until the plan is saved and loaded again.
package enum PlanLoader {
  /// Reads and loads the plan file at `path`.
  /// - Parameters:
  ///   - sources: receives the file's bytes, so diagnostics can show source lines later.
  /// - Throws: ``PlanLoadError``.
  package static func load(path: String, sources: SourceStore? = nil) throws(PlanLoadError) -> Plan {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw .unusable(.error(.cannotRead(path, reason: error.reason), at: nil))
    }
    sources?.register(file: path, bytes: bytes)
    return try load(bytes: bytes, file: path)
  }

  /// Loads a plan from the bytes of a plan file named `file`.
  ///
  /// A file in canonical order (every file cplan writes) is applied while it is parsed, one
  /// statement at a time, so memory holds the plan and not the file's syntax tree. On the first
  /// statement out of order, or the first failure of any kind, loading starts again from the
  /// beginning with ``loadSorted(bytes:file:)``, which orders the statements and reports every
  /// failing line: the plan and the diagnostics are the same either way.
  /// - Complexity: O(n) in the size of the file.
  package static func load(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    try checkHeader(bytes, file: file)
    if let plan = loadInOrder(bytes: bytes, file: file) { return plan }
    return try loadSorted(bytes: bytes, file: file)
  }

  /// Where a statement stands in the order of application: `set plan`, then `add` by kind
  /// (SPEC §6), then every other edit in file order.
  enum Slot: Equatable {
    case settings
    case add(Kind)
    case other

    /// The position of the slot in the order of application.
    var rank: Int {
      switch self {
      case .settings: 0
      case .add(let kind): 1 + kind.index
      case .other: 1 + Kind.allCases.count
      }
    }

    /// The slot of an edit.
    init(_ command: Command) {
      if command.verb == .add, let w = command.arguments.first?.word, let kind = Kind(keyword: w) {
        self = .add(kind)
      } else if command.verb == .set, command.arguments.first?.isKeyword("plan") == true {
        self = .settings
      } else {
        self = .other
      }
    }
  }

  /// The fast path: applies each statement as soon as it is parsed, while the statements come
  /// in the order of application (`set plan`, `add` by kind, other edits) and nothing fails.
  ///
  /// Within a kind the statements may stand in any order: the `add`s of one kind do not depend
  /// on one another (their references point to earlier kinds; a goal's `after` is checked at
  /// the end), so when all of them succeed, applying them in file order gives the entities that
  /// sorted order would give, and sorting the kind's table by key afterwards gives the same
  /// plan. (A key part written in another case than stored, such as a funding source
  /// `Central`, would sort differently from its stored form: then the general path decides.)
  /// - Returns: the plan, or `nil` when the file is out of kind order or anything failed.
  /// - Complexity: O(n) in the size of the file when each kind is in key order (every file
  ///   cplan writes); memory O(1) beyond the plan.
  static func loadInOrder(bytes: [UInt8], file: String) -> Plan? {
    var plan = Plan()
    let deferred = DeferredReferences()
    var rank = 0
    var kind: Kind?  // the kind of the current run of `add`s
    var previous: WrittenKey?  // the key of the last `add` of that kind
    var sorted = true  // whether that kind's `add`s have come in key order so far
    var keysAsWritten = true  // whether every key part of that kind is stored as written
    var keywordParts: [Int] = []  // the argument positions of that kind's keyword key parts
    var ok = true
    /// Puts the current kind's table in key order when its statements were not.
    func finishKind() -> Bool {
      guard let kind, !sorted else { return true }
      guard keysAsWritten else { return false }
      plan[kind].sort { NaturalOrder.less($0.key, $1.key) }
      return true
    }
    Parser.parse(bytes, file: file) { event in
      guard case .command(let command) = event, command.verb.isEdit else {
        ok = false
        return false
      }
      let slot = Slot(command)
      if slot.rank != rank {
        guard slot.rank > rank, finishKind() else {
          ok = false
          return false
        }
        rank = slot.rank
        kind = nil
      }
      if case .add(let k) = slot {
        if kind == nil {
          kind = k
          previous = nil
          sorted = true
          keysAsWritten = true
          keywordParts = k.spec.keys.indices.filter { k.spec.keys[$0].isKeyword }.map { $0 + 1 }
        }
        let key = WrittenKey(command, width: k.keyWidth)
        if sorted, let p = previous, key < p { sorted = false }
        previous = key
        for i in keywordParts where i < command.arguments.count {
          if let w = command.arguments[i].word, w.lowercasedKeyword() != w { keysAsWritten = false }
        }
      }
      do {
        try plan.apply(command, deferring: deferred)
      } catch {
        ok = false
        return false
      }
      return true
    }
    guard ok, finishKind() else { return nil }
    for reference in deferred.references {
      for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) { return nil }
    }
    return plan
  }

  /// The general path: parses the whole file, orders the statements (kind order, then natural
  /// key order within a kind, stable), applies them, and reports every failing line.
  /// - Complexity: O(n log n) in the number of statements; O(n) when they are in order.
  static func loadSorted(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    let parsed = Parser.parse(bytes, file: file)
    var diagnostics = parsed.diagnostics
    // Kind order: `set plan`, then `add` by kind (stable), then other edits in file order.
    var buckets = Array(repeating: [Command](), count: Kind.allCases.count)
    var first: [Command] = []
    var rest: [Command] = []
    for command in parsed.commands {
      guard command.verb.isEdit else {
        diagnostics.append(.error(.actionInPlanFile(command.verb.rawValue), at: command.verbToken))
        continue
      }
      switch Slot(command) {
      case .add(let kind): buckets[kind.index].append(command)
      case .settings: first.append(command)
      case .other: rest.append(command)
      }
    }
    for i in buckets.indices { sortByKey(&buckets[i], kind: Kind.allCases[i]) }
    var plan = Plan()
    let deferred = DeferredReferences()
    for command in first + buckets.joined() + rest {
      do {
        try plan.apply(command, deferring: deferred)
      } catch {
        diagnostics.append(error)
      }
    }
    for reference in deferred.references {
      for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) {
        diagnostics.append(.error(
          .unknownReference(kind: reference.kind.rawValue, id: id, suggestion: plan.suggestID(id, of: reference.kind)),
          at: reference.token))
        break
      }
    }
    if !diagnostics.isEmpty {
      diagnostics.sort(by: Diagnostic.sortKey)
      throw .invalid(diagnostics)
    }
    return plan
  }

  /// The key of an `add` statement as written: the first `width` (at most 3) arguments after
  /// the kind, each a word or, failing that, its summary. Ordered part by part in natural order.
  struct WrittenKey: Comparable {
    private var parts: (String, String, String) = ("", "", "")
    private var count = 0

    init(_ command: Command, width: Int) {
      let n = min(width, 3, command.arguments.count - 1)
      func part(_ i: Int) -> String {
        i < n ? (command.arguments[i + 1].word ?? command.arguments[i + 1].summary) : ""
      }
      parts = (part(0), part(1), part(2))
      count = n
    }

    private func part(_ i: Int) -> String { i == 0 ? parts.0 : (i == 1 ? parts.1 : parts.2) }

    static func < (a: WrittenKey, b: WrittenKey) -> Bool {
      for i in 0..<min(a.count, b.count) {
        let x = a.part(i)
        let y = b.part(i)
        if x != y { return NaturalOrder.less(x, y) }
      }
      return a.count < b.count
    }

    static func == (a: WrittenKey, b: WrittenKey) -> Bool { !(a < b) && !(b < a) }
  }

  /// Whether the key of `add` statement `a` sorts before that of `b` (``WrittenKey``).
  static func keyPrecedes(_ a: Command, _ b: Command, width: Int) -> Bool {
    WrittenKey(a, width: width) < WrittenKey(b, width: width)
  }

  /// Orders one kind's `add` statements by key in natural order (`G2` before `G10`), so that the
  /// plan does not depend on the order of statements in the file. Skips the sort when the file
  /// is already in order (the usual case: O(n)).
  static func sortByKey(_ commands: inout [Command], kind: Kind) {
    let width = kind.keyWidth
    var sorted = true
    for i in commands.indices.dropFirst() where keyPrecedes(commands[i], commands[i - 1], width: width) {
      sorted = false
      break
    }
    if sorted { return }
    commands = commands.enumerated().sorted { x, y in
      if keyPrecedes(x.element, y.element, width: width) { return true }
      if keyPrecedes(y.element, x.element, width: width) { return false }
      return x.offset < y.offset
    }.map(\.element)
  }

  /// Checks the first line, `# cplan plan N`, refusing a newer N.
  static func checkHeader(_ bytes: [UInt8], file: String) throws(PlanLoadError) {
    let prefix = Array("# cplan plan ".utf8)
    let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let first = bytes[0..<end]
    guard first.starts(with: prefix) else {
      throw .unusable(.error(.notAPlanFile(file), at: SourceLocation(file: file, line: 1, column: 1)))
    }
    let rest = String(decoding: first.dropFirst(prefix.count), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    guard let version = Int(rest), version >= 1 else {
      throw .unusable(.error(.notAPlanFile(file), at: SourceLocation(file: file, line: 1, column: 1)))
    }
    if version > PlanWriter.formatVersion {
      throw .unusable(.error(.newerVersion(file, found: version, supported: PlanWriter.formatVersion),
                             at: SourceLocation(file: file, line: 1, column: 1), length: first.count))
    }
  }
}
