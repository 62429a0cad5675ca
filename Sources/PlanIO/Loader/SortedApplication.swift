import PlanLanguage
import PlanModel

extension PlanLoader {
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

  /// What loading a plan file means (SPEC §6, README "Statement order in plan files"): parse
  /// the whole file, order the statements (`set plan`, then `add` by kind, in natural key order
  /// within a kind, stable; then every other edit in file order), apply them one by one, and
  /// report every failing line.
  ///
  /// The loader (``PlanAssembly``) gives the same plan without holding the file's syntax tree;
  /// this is what it runs only once a file has failed, for the diagnostics, which name every
  /// failing statement as applying them in this order finds it. The header is not checked here.
  /// - Throws: ``PlanLoadError/invalid(_:)`` with every failing line's diagnostic, in file order.
  /// - Complexity: O(n log n) in the number of statements; O(n) when they are in order. Memory:
  ///   the whole syntax tree (about 14 times the file).
  static func sortedApplication(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
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
    for command in first + buckets.joined() {
      do {
        try plan.apply(command, deferring: deferred)
      } catch {
        diagnostics.append(contentsOf: error.all)
      }
    }
    // The references the `add`s deferred, against the plan they made, before the other edits
    // (which may rename or remove what they name, and update the references as they do).
    for reference in deferred.references {
      for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) {
        diagnostics.append(
          .error(
            .unknownReference(
              kind: reference.kind.rawValue, id: id, suggestion: plan.suggestID(id, of: reference.kind)),
            at: reference.token))
        break
      }
    }
    for command in rest {
      do {
        try plan.apply(command)
      } catch {
        diagnostics.append(contentsOf: error.all)
      }
    }
    if !diagnostics.isEmpty {
      diagnostics.sort(by: Diagnostic.sortKey)
      throw .invalid(diagnostics)
    }
    plan.preamble = PlanWriter.preamble(of: bytes)
    return plan
  }

  /// The key of an `add` statement as written: the first `width` (at most 3) arguments after
  /// the kind, each a word or, failing that, its summary. Ordered part by part in natural order.
  struct WrittenKey: Comparable {
    private var parts: (String, String, String) = ("", "", "")
    private var count = 0

    /// The key `key` of a kind `width` parts wide, as written when written as stored.
    init(_ key: EntityKey, width: Int) {
      count = min(width, 3)
      parts = (key.part(0), count > 1 ? key.part(1) : "", count > 2 ? key.part(2) : "")
    }

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
}
