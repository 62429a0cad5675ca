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
