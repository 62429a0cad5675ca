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
  /// - Complexity: O(n) in the size of the file.
  package static func load(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    try checkHeader(bytes, file: file)
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
      if command.verb == .add, let w = command.arguments.first?.word, let kind = Kind(rawValue: w.lowercased()) {
        buckets[kind.index].append(command)
      } else if command.verb == .set, command.arguments.first?.isKeyword("plan") == true {
        first.append(command)
      } else {
        rest.append(command)
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
      for id in reference.ids where plan[reference.kind][EntityKey(id)] == nil {
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

  /// Orders one kind's `add` statements by key in natural order (`G2` before `G10`), so that the
  /// plan does not depend on the order of statements in the file. Skips the sort when the file
  /// is already in order (the usual case: O(n)).
  static func sortByKey(_ commands: inout [Command], kind: Kind) {
    let width = kind.spec.keys.count
    func key(_ c: Command) -> [String] {
      c.arguments.dropFirst().prefix(width).map { t in t.word ?? t.summary }
    }
    var sorted = true
    var previous: [String]?
    for c in commands {
      let k = key(c)
      if let p = previous, NaturalOrder.less(k, p) {
        sorted = false
        break
      }
      previous = k
    }
    if sorted { return }
    let keyed = commands.map { (key($0), $0) }
    commands = keyed.enumerated().sorted { x, y in
      if NaturalOrder.less(x.element.0, y.element.0) { return true }
      if NaturalOrder.less(y.element.0, x.element.0) { return false }
      return x.offset < y.offset
    }.map(\.element.1)
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
