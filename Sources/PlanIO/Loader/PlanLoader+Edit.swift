import PlanLanguage
import PlanModel

extension PlanLoader {
  /// A plan file's lines, to load another file as an edit of it (``load(bytes:file:asEditOf:)``):
  /// each statement line's bytes, hashed.
  package struct StatementLines: Sendable {
    fileprivate let bytes: [UInt8]
    /// Each statement line: where it starts and ends in `bytes` (without its LF), its hash.
    fileprivate var lines: [(start: Int, end: Int, hash: UInt64)] = []

    /// The statement lines of `bytes`, or `nil` when a statement may not be one line: a `\`
    /// anywhere (a continuation, an escape), an odd number of `"` on a line (a string that goes
    /// on), or a line that is neither `add`, `set plan`, a comment nor blank.
    /// - Complexity: O(n) in the size of the file.
    package init?(_ bytes: [UInt8]) {
      self.bytes = bytes
      var found: [(start: Int, end: Int, hash: UInt64)] = []
      found.reserveCapacity(bytes.count / 64)
      let ok = bytes.withUnsafeBufferPointer { b -> Bool in
        var start = 0
        while start < b.count {
          var end = start
          var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
          var quotes = 0
          while end < b.count && b[end] != 0x0A {
            let c = b[end]
            if c == 0x5C { return false }
            if c == 0x22 { quotes += 1 }
            hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
            end += 1
          }
          defer { start = end + 1 }
          var first = start
          while first < end && (b[first] == 0x20 || b[first] == 0x09) { first += 1 }
          if first == end || b[first] == 0x23 || (first == end - 1 && b[first] == 0x0D) { continue }  // blank, comment
          guard quotes % 2 == 0 else { return false }
          let line = UnsafeBufferPointer(rebasing: b[first..<end])
          guard line.starts(with: "add ".utf8) || line.starts(with: "set plan ".utf8) else { return false }
          found.append((start, end, hash))
        }
        return true
      }
      guard ok else { return nil }
      lines = found
    }

    fileprivate func same(_ i: Int, as other: StatementLines, _ j: Int) -> Bool {
      let a = lines[i], b = other.lines[j]
      guard a.hash == b.hash, a.end - a.start == b.end - b.start else { return false }
      return bytes[a.start..<a.end] == other.bytes[b.start..<b.end]
    }

    fileprivate func text(_ i: Int) -> [UInt8] { Array(bytes[lines[i].start..<lines[i].end]) }

    fileprivate func isSettings(_ i: Int) -> Bool {
      bytes[lines[i].start..<lines[i].end].drop { $0 == 0x20 || $0 == 0x09 }.starts(with: "set plan ".utf8)
    }
  }

  /// Loads plan file `bytes` (named `file`) as an edit of `base`, the plan that the file of
  /// `baseLines` loaded to: only the statements that are not in the base file are read, the
  /// others taken from `base` (a side of a merge is its base with a few hundred lines changed:
  /// `cplan merge` of two 10,000-consortium plans parsed all three files whole, 3.3× a `check`).
  ///
  /// The plan is the one ``load(bytes:file:)`` gives, but for the source lines of the entities
  /// taken from `base` (the base file's) and the order of the tables (the entities added come
  /// last). Each statement is a line of its own in both files (``StatementLines``). Text in
  /// GB18030 is looked for in the lines read (``EncodingGuess``): the base file passed the
  /// loader's look, and the lines taken from it are its own.
  /// - Returns: the plan, or `nil` when the file must be loaded whole: it is not a plan file of
  ///   this version, a statement is not one line, a `set plan` or a `compare` line changed, or
  ///   a statement it adds fails, is a duplicate, or names what is not there, or an entity it
  ///   removes is still named — so that its diagnostics come from the loader.
  /// - Complexity: O(n) in the size of the file (hashing its lines), plus parsing the lines that
  ///   differ and checking the references that may have changed.
  package static func load(bytes: [UInt8], file: String, asEditOf base: Plan, baseLines: StatementLines) -> Plan? {
    guard (try? checkHeader(bytes, file: file)) != nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
      let lines = StatementLines(bytes)
    else { return nil }
    // Each line of the file matched with the base file's same line; the others differ.
    var index: [UInt64: Int] = [:]
    index.reserveCapacity(baseLines.lines.count)
    for (i, line) in baseLines.lines.enumerated() { index[line.hash] = i }
    var matched = [Bool](repeating: false, count: baseLines.lines.count)
    var added: [Int] = []
    for j in lines.lines.indices {
      if let i = index[lines.lines[j].hash], !matched[i], baseLines.same(i, as: lines, j) {
        matched[i] = true
      } else {
        added.append(j)
      }
    }
    let removed = matched.indices.filter { !matched[$0] }
    if removed.count + added.count > lines.lines.count / 4 { return nil }  // hardly an edit: read whole
    var differing: [UInt8] = []
    for j in added { differing += lines.text(j) + [0x0A] }
    if EncodingGuess.gb18030(differing) != nil { return nil }
    // The base's statements that are gone: their entities leave the tables.
    var plan = base
    var gone = Array(repeating: Set<EntityKey>(), count: Kind.allCases.count)
    let unchecked = DeferredReferences(checkedLater: true)
    for i in removed {
      guard !baseLines.isSettings(i), let entity = entity(baseLines.text(i), line: 1, file: file, in: base, unchecked),
        entity.kind != .compare
      else { return nil }
      gone[entity.kind.index].insert(entity.key)
    }
    for kind in Kind.allCases where !gone[kind.index].isEmpty {
      let keys = gone[kind.index]
      plan[kind].removeAll { keys.contains($0.key) }
    }
    // The statements that are new: their entities join the tables, their references checked
    // once all are in.
    var new: [(Entity, [UInt8])] = []
    for j in added {
      let text = lines.text(j)
      guard !lines.isSettings(j), let entity = entity(text, line: j + 1, file: file, in: plan, unchecked),
        entity.kind != .compare, plan[entity.kind].updateValue(entity, forKey: entity.key) == nil
      else { return nil }
      gone[entity.kind.index].remove(entity.key)
      new.append((entity, text))
    }
    for (_, text) in new {
      let deferred = DeferredReferences()
      guard let command = Parser.parse(text, file: file).commands.first,
        (try? plan.entity(adding: command, deferring: deferred)) != nil,
        deferred.references.allSatisfy({ r in r.ids.allSatisfy { plan.contains(r.kind, EntityKey($0)) } })
      else { return nil }
    }
    // What the base named and is gone: every kind that may name it is checked again.
    let goneKinds = Kind.allCases.filter { !gone[$0.index].isEmpty }
    for kind in Kind.allCases where kind.refers(toAnyOf: goneKinds) {
      guard plan.referencesResolve(of: kind) else { return nil }
    }
    plan.preamble = PlanWriter.preamble(of: bytes)
    return plan
  }

  /// The entity of the one `add` statement `text` (1-based line `line`), its references left unchecked.
  private static func entity(
    _ text: [UInt8], line: Int, file: String, in plan: Plan, _ unchecked: DeferredReferences
  ) -> Entity? {
    let parsed = Parser.parse(text, file: file)
    guard parsed.diagnostics.isEmpty, parsed.commands.count == 1, let command = parsed.commands.first,
      command.verb == .add, var entity = try? plan.entity(adding: command, deferring: unchecked)
    else { return nil }
    entity.location.line = line
    return entity
  }
}

extension Kind {
  /// Whether this kind's keys or attributes name an entity of one of `kinds`.
  fileprivate func refers(toAnyOf kinds: [Kind]) -> Bool {
    guard !kinds.isEmpty else { return false }
    for part in spec.keys {
      if case .ref(let target) = part, kinds.contains(target) { return true }
    }
    for attribute in spec.attributes {
      switch attribute.type {
      case .ref(let target), .refs(let target): if kinds.contains(target) { return true }
      default: break
      }
    }
    return false
  }
}
