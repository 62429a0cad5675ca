import Dispatch
import PlanEngine
import PlanLanguage
import PlanModel
import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

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

/// Told of a plan file's tables as the loader fills them, while it is read
/// (``PlanLoader/load(path:sources:observer:)``): validation starts meanwhile (``EarlyValidation``).
package protocol PlanLoadObserver: AnyObject {
  /// The table of `kind` is filled; `plan` is the plan as it is then, whose tables of `kind` and
  /// of the kinds before it (SPEC §6) are complete. A table changed later (a `set` after the
  /// `add`s) is a new table in the plan loaded.
  func filled(_ kind: Kind, in plan: Plan)
  /// The file is loaded another way after all (out of order, or failing): what was filled is
  /// not the plan.
  func abandoned()
}

extension EarlyValidation: PlanLoadObserver {}

/// Loads plan files (SPEC §6): reads the whole file, reports every failing line, then loads
/// nothing; accepts statements in any order; refuses actions and newer format versions.
///
/// Within a kind, statements are applied in natural key order, so a shuffled copy of a file
/// loads to the same plan (and saves to the same bytes); in the shell, entities keep their
/// creation order until the plan is saved and loaded again.
package enum PlanLoader {
  /// Reads and loads the plan file at `path`.
  /// - Parameters:
  ///   - sources: receives the file (its bytes when loading fails, else a reference to the
  ///     file on disk), so diagnostics can show source lines later.
  ///   - observer: told of each table as soon as it is filled, when the file is loaded as it is
  ///     read (``PlanLoadObserver``, ``EarlyValidation``).
  /// - Throws: ``PlanLoadError``.
  package static func load(
    path: String, sources: SourceStore? = nil, observer: PlanLoadObserver? = nil
  ) throws(PlanLoadError) -> Plan {
    // Opened once: a pipe or a FIFO (`cplan check /dev/stdin`, `<(…)`) can be read only once,
    // so only a regular file takes the fast path, which reads it twice.
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw .unusable(.error(.cannotRead(path, reason: FileError(errno: errno).reason), at: nil))
    }
    defer { close(fd) }
    var st = stat()
    let regular = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    if regular, let (plan, size) = loadInOrder(fd: fd, path: path, size: Int(st.st_size), observer: observer) {
      // The file's lines are read back from disk when a diagnostic shows one.
      if let sources, !sources.registerOnDisk(file: path, size: size), let bytes = try? FileIO.read(path) {
        sources.register(file: path, bytes: bytes)
      }
      return plan
    }
    // Out of order, failing, or not a regular file: the general path reads the whole file and
    // says why.
    observer?.abandoned()
    let bytes: [UInt8]
    do throws(FileError) {
      if regular, lseek(fd, 0, SEEK_SET) != 0 { throw FileError(errno: errno) }
      bytes = try FileIO.read(fd: fd)
    } catch {
      throw .unusable(.error(.cannotRead(path, reason: error.reason), at: nil))
    }
    do {
      try checkHeader(bytes, file: path)
      let plan = try loadSorted(bytes: bytes, file: path)
      // Loaded: the file's lines are read back from disk when a diagnostic shows one, so the
      // bytes need not stay in memory beside the plan.
      if let sources, !sources.registerOnDisk(file: path, size: bytes.count) {
        sources.register(file: path, bytes: bytes)
      }
      return plan
    } catch {
      sources?.register(file: path, bytes: bytes)
      throw error
    }
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

  /// The fast path over bytes in memory: ``InOrderLoader`` fed by a streaming parse.
  /// - Returns: the plan, or `nil` when the general path must decide.
  static func loadInOrder(bytes: [UInt8], file: String) -> Plan? {
    var loader = InOrderLoader()
    bytes.withUnsafeBufferPointer { loader.reserve(countAdds($0)) }
    Parser.parse(bytes, file: file) { loader.take($0) }
    guard var plan = loader.finish() else { return nil }
    plan.preamble = PlanWriter.preamble(of: bytes)
    return plan
  }

  /// The fast path straight from the file: reads it in chunks of whole lines, so that neither
  /// the syntax tree nor the file's bytes are held in memory, only the plan (a 40 MB plan file
  /// would otherwise stay in memory while the plan is built). A first pass counts the `add`
  /// statements to size the tables.
  ///
  /// From ``parallelSize`` bytes on, two stages run at once: a second thread reads and parses,
  /// handing the statements over in batches (``StatementBatches``), while this thread applies
  /// them; each stage takes about half of the work, so loading takes about half as long on two
  /// cores (0.21 s less for the 41 MB plan of 10,000 consortia, 0.02 s less for the 4 MB plan
  /// of 1,000).
  /// - Returns: the plan and the number of bytes read, or `nil` when the file cannot be read,
  ///   has no valid header, or the general path must decide.
  /// - Complexity: O(n) in the size of the file; memory O(1) beyond the plan (a chunk, or the
  ///   longest statement if longer, and at most ``StatementBatches/capacity`` batches of
  ///   ``StatementBatches/batchSize`` statements).
  /// - Parameters:
  ///   - parallelFrom: the size from which the file is parsed on a thread of its own.
  ///   - observer: told of each table as soon as it is filled (``PlanLoadObserver``).
  static func loadInOrder(
    path: String, chunkSize: Int = 1 << 20, parallelFrom: Int = parallelSize, observer: PlanLoadObserver? = nil
  ) -> (plan: Plan, size: Int)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    return loadInOrder(
      fd: fd, path: path, size: Int(st.st_size), chunkSize: chunkSize, parallelFrom: parallelFrom, observer: observer)
  }

  /// ``loadInOrder(path:chunkSize:parallelFrom:observer:)`` of the regular file open as `fd`,
  /// `size` bytes long, read from its start (it is read twice: a first pass counts the `add`s).
  static func loadInOrder(
    fd: Int32, path: String, size fileSize: Int, chunkSize: Int = 1 << 20, parallelFrom: Int = parallelSize,
    observer: PlanLoadObserver? = nil
  ) -> (plan: Plan, size: Int)? {
    // Larger than FileIO.readLimit (a sparse file of 100 GB): the general path refuses it unread.
    guard fileSize <= FileIO.readLimit else { return nil }
    let reader = ChunkReader(fd: fd, chunkSize: chunkSize)
    defer { reader.deallocate() }
    var loader = InOrderLoader()
    loader.observer = observer
    var counts = Array(repeating: 0, count: Kind.allCases.count)
    guard
      reader.forEachWindow({ window, _ in
        for (i, n) in countAdds(window).enumerated() { counts[i] += n }
        return window.count
      }) != nil, lseek(fd, 0, SEEK_SET) == 0
    else { return nil }
    loader.reserve(counts)
    let size: Int?
    if fileSize < parallelFrom {
      size = parse(reader, file: path) { loader.take($0) }
    } else {
      size = parseAside(reader, file: path) { loader.take($0) }
    }
    guard let size, var plan = loader.finish() else { return nil }
    plan.preamble = PlanWriter.preamble(ofFile: path)
    return (plan, size)
  }

  /// The size from which a file is parsed on a thread of its own: 1 MiB, about 250 consortia.
  /// Below it loading takes under 20 ms, and the second thread would cost more (starting it;
  /// its malloc arena and the batches in flight, about 0.5 MB) than it saves.
  static let parallelSize = 1 << 20

  /// The size from which a file is large: 16 MiB, about 4,000 consortia (``Plan/parallelEntities``).
  static let largeSize = 16 << 20

  /// Whether the file at `path` is large (``largeSize`` bytes or more): worth starting its
  /// validation on another thread while it loads, which costs about 1 MB more (that thread's
  /// malloc arena) and saves little for a smaller plan (3 ms of a 1,000-consortium check).
  package static func isLarge(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && Int(st.st_size) >= largeSize
  }

  /// Reads and parses the file's windows, handing each event to `take` (which returns `false`
  /// to stop).
  /// - Returns: the number of bytes read, or `nil` on a read error, an invalid header or when
  ///   `take` stopped.
  private static func parse(_ reader: ChunkReader, file: String, each take: (ParseEvent) -> Bool) -> Int? {
    var line = 1
    var first = true
    return reader.forEachWindow { window, last in
      if first {
        first = false
        let end = window.firstIndex(of: 0x0A) ?? window.count
        guard hasValidHeader(window[0..<end]) else { return nil }
      }
      var open = true
      let rest = Parser.parseChunk(window, file: file, firstLine: line, last: last) { event in
        open = take(event)
        return open
      }
      guard open else { return nil }
      line = rest.line
      return rest.offset
    }
  }

  /// ``parse(_:file:each:)`` on a thread of its own, the events handed to `take` on this one
  /// in batches (``StatementBatches``).
  /// - Returns: as ``parse(_:file:each:)``.
  private static func parseAside(_ reader: ChunkReader, file: String, each take: (ParseEvent) -> Bool) -> Int? {
    let batches = StatementBatches()
    let parsed = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var size: Int?  // written by the parsing thread before `parsed` is signalled
    // A queue of its own runs at once on a thread of its own ("overcommit"), even while the
    // shared workers are busy (the shell's background validation).
    DispatchQueue(label: "cplan.parse").async {
      var batch: [ParseEvent] = []
      batch.reserveCapacity(StatementBatches.batchSize)
      size = parse(reader, file: file) { event in
        batch.append(event)
        guard batch.count == StatementBatches.batchSize else { return true }
        defer { batch.removeAll(keepingCapacity: true) }
        return batches.send(batch)
      }
      if size != nil, !batch.isEmpty, !batches.send(batch) { size = nil }
      batches.close()
      parsed.signal()
    }
    var stopped = false
    while !stopped, let batch = batches.next() {
      for event in batch where !take(event) {
        stopped = true
        batches.cancel()
        break
      }
    }
    parsed.wait()
    return stopped ? nil : size
  }

  /// Batches of parse events handed from the parsing thread to the applying one: at most
  /// ``capacity`` batches wait, so memory stays bounded when applying is the slower stage.
  final class StatementBatches: Sendable {
    /// Statements per batch: a batch of 64 commands is about 40 KB (larger batches were no
    /// faster at 10,000 consortia, and held more memory in flight).
    static let batchSize = 64
    /// Batches that may wait.
    static let capacity = 2
    private struct State {
      var queue: [[ParseEvent]] = []
      var closed = false
      var cancelled = false
    }
    private let state = Mutex(State())
    /// Counts the free places in the queue, and the batches (or the close) waiting in it.
    /// Both start at 0 (`places` is raised to ``capacity`` in `init`): libdispatch traps when a
    /// semaphore is freed below its starting value, which a cancelled load may leave behind.
    private let places = DispatchSemaphore(value: 0)
    private let waiting = DispatchSemaphore(value: 0)

    init() {
      for _ in 0..<Self.capacity { places.signal() }
    }

    /// Queues `batch`, waiting while ``capacity`` batches wait. `false` once cancelled.
    func send(_ batch: [ParseEvent]) -> Bool {
      places.wait()
      let sent = state.withLock { s in
        if s.cancelled { return false }
        s.queue.append(batch)
        return true
      }
      if sent { waiting.signal() } else { places.signal() }
      return sent
    }

    /// No more batches will be sent.
    func close() {
      state.withLock { $0.closed = true }
      waiting.signal()
    }

    /// The applying side gives up: the sender stops at its next batch.
    func cancel() {
      state.withLock { s in
        s.cancelled = true
        s.queue.removeAll()
      }
      places.signal()
    }

    /// The next batch, waiting for it; `nil` once closed and empty.
    func next() -> [ParseEvent]? {
      waiting.wait()
      let batch: [ParseEvent]? = state.withLock { s in s.queue.isEmpty ? nil : s.queue.removeFirst() }
      if batch != nil { places.signal() }
      return batch
    }
  }

  /// Reads a file in windows of whole lines into one buffer that grows only for a statement
  /// longer than it.
  final class ChunkReader: @unchecked Sendable {  // used by one thread at a time
    let fd: Int32
    private var buffer: UnsafeMutableBufferPointer<UInt8>

    init(fd: Int32, chunkSize: Int) {
      self.fd = fd
      buffer = .allocate(capacity: max(1, chunkSize))
    }

    func deallocate() { buffer.deallocate() }

    /// Calls `body` with successive windows of the file, each ending after a newline (the last
    /// at the end of the file, with `last` true). `body` returns how many bytes of the window
    /// it used (the rest comes again at the start of the next window, with more after it), or
    /// `nil` to stop.
    /// - Returns: the number of bytes read, or `nil` on a read error or when `body` stopped.
    func forEachWindow(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Int?) -> Int? {
      var filled = 0
      var total = 0
      var atEnd = false
      while true {
        while filled < buffer.count && !atEnd {
          let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
          if n < 0 {
            if errno == EINTR { continue }
            return nil
          }
          if n == 0 { atEnd = true }
          filled += n
          total += n
        }
        // A device that never ends (`/dev/zero`) or a line of a gigabyte would grow the buffer
        // until memory runs out: stop, and the general path refuses the file (EFBIG).
        if total >= FileIO.readLimit { return nil }
        var end = filled
        if !atEnd {
          while end > 0 && buffer[end - 1] != 0x0A { end -= 1 }
        }
        if end == 0 && !atEnd {
          grow()
          continue
        }
        guard let used = body(UnsafeBufferPointer(rebasing: buffer[0..<end]), atEnd) else { return nil }
        if atEnd { return total }
        if used == 0 {
          grow()  // one statement fills the buffer
          continue
        }
        buffer.baseAddress!.update(from: buffer.baseAddress! + used, count: filled - used)
        filled -= used
      }
    }

    private func grow() {
      let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
      bigger.baseAddress!.initialize(from: buffer.baseAddress!, count: buffer.count)
      buffer.deallocate()
      buffer = bigger
    }
  }

  /// Applies a plan file's statements as they are parsed, while they come in the order of
  /// application (`set plan`, `add` by kind, other edits) and nothing fails.
  ///
  /// Within a kind the statements may stand in any order: the `add`s of one kind do not depend
  /// on one another (their references point to earlier kinds; a goal's `after` is checked at
  /// the end), so when all of them succeed, applying them in file order gives the entities that
  /// sorted order would give, and putting them in key order afterwards gives the same plan.
  ///
  /// The entities of a run of `add`s are collected and put in their table when the run ends
  /// (``Plan/fill(_:with:ascending:)``): in key order, their keys checked unique by that order,
  /// and hashed once. (`compare`, whose `add` looks for the reversed pair among the judgements
  /// before it, is applied statement by statement, its table sorted after the run when needed.)
  /// The keys compared are the stored ones, which are the keys as written while every keyword
  /// key part is written as stored (in lower case); a funding source written `Central` leaves
  /// the file to the general path.
  struct InOrderLoader {
    private var plan = Plan()
    private let deferred = DeferredReferences()
    private var rank = 0
    private var kind: Kind?  // the kind of the current run of `add`s
    private var entities: [Entity] = []  // that run's entities, until it ends
    private var previous: EntityKey?  // the key of the run's last `add`
    private var ascending = true  // whether the run's keys have come in strictly ascending order
    private var keywordParts: [Int] = []  // the argument positions of that kind's keyword key parts
    private var counts = Array(repeating: 0, count: Kind.allCases.count)  // expected `add`s by kind
    /// Set when a statement was out of kind order or failed: the general path decides.
    private(set) var abandoned = false
    /// Told of each table once it is filled, with the plan as it is then.
    var observer: PlanLoadObserver?

    /// Takes the expected number of `add`s of each kind (by kind index), to size each run's
    /// collection: no regrowth while loading.
    mutating func reserve(_ counts: [Int]) { self.counts = counts }

    mutating func abandon() { abandoned = true }

    /// Applies one parse event. Returns `false` (and abandons) on anything the general path must see.
    mutating func take(_ event: consuming ParseEvent) -> Bool {
      guard case .command(let command) = consume event, command.verb.isEdit else { return fail() }
      let slot = self.slot(of: command)
      guard enter(slot) else { return fail() }
      guard case .add(let k) = slot else {
        // Edits after the `add`s see every entity, as in a session: nothing to defer.
        do { try plan.apply(command, deferring: slot == .other ? nil : deferred) } catch { return fail() }
        return true
      }
      for i in keywordParts {
        guard case .word(let w)? = command.arguments.dropFirst(i).first?.kind, w.lowercasedKeyword() == w else {
          return fail()
        }
      }
      let key: EntityKey
      if k == .compare {
        guard case .inserted(_, let inserted)? = try? plan.apply(command, deferring: deferred) else { return fail() }
        key = inserted
      } else {
        guard let entity = try? plan.entity(adding: command, deferring: deferred) else { return fail() }
        key = entity.key
        entities.append(consume entity)
      }
      if ascending, let p = previous, !NaturalOrder.less(p, key) { ascending = false }
      previous = consume key
      return true
    }

    /// Where `command` stands in the order of application; for an `add` of the current run's
    /// kind written as its name, without looking the kind up.
    private func slot(of command: Command) -> Slot {
      if let kind, command.verb == .add, case .word(let w)? = command.arguments.first?.kind, w == kind.rawValue {
        return .add(kind)
      }
      return Slot(command)
    }

    /// Moves on to the statements of `slot`, which may not come before the current one.
    private mutating func enter(_ slot: Slot) -> Bool {
      if slot.rank == rank { return true }
      guard slot.rank > rank, finishKind() else { return false }
      // The `add`s are done: the references they deferred (a goal's `after` naming a later goal)
      // are checked now, against the plan as the `add`s made it, before an edit can rename or
      // remove what they name (`rename goal G1 G1x` renames it in every `after` too).
      if slot == .other, !referencesResolved() { return false }
      rank = slot.rank
      if case .add(let k) = slot {
        kind = k
        entities.reserveCapacity(counts[k.index])
        previous = nil
        ascending = true
        keywordParts = k.spec.keys.indices.filter { k.spec.keys[$0].isKeyword }.map { $0 + 1 }
      } else {
        kind = nil
      }
      return true
    }

    private mutating func fail() -> Bool {
      abandoned = true
      return false
    }

    /// Puts the current run's entities in their table, in key order; `false` on a duplicate key.
    private mutating func finishKind() -> Bool {
      guard let kind else { return true }
      self.kind = nil
      if kind == .compare {
        if !ascending { plan[kind].sort { NaturalOrder.less($0.key, $1.key) } }
        observer?.filled(kind, in: plan)
        return true
      }
      let run = entities
      entities = []
      guard plan.fill(kind, with: run, ascending: ascending) else { return false }
      observer?.filled(kind, in: plan)
      return true
    }

    /// The plan, once the deferred references are checked; `nil` when abandoned.
    mutating func finish() -> Plan? {
      guard !abandoned, finishKind(), referencesResolved() else { return nil }
      return plan
    }

    /// Whether every reference deferred so far names an entity of the plan; they are let go of.
    private func referencesResolved() -> Bool {
      defer { deferred.references.removeAll() }
      for reference in deferred.references {
        for id in reference.ids where !plan.contains(reference.kind, EntityKey(id)) { return false }
      }
      return true
    }
  }

  /// How many lines of `bytes` start with `add KIND` (lower case), by kind index: the sizes of
  /// the tables a plan file fills, to reserve them. An estimate (a line inside a multi-line
  /// string counts too), found at the speed of `memchr`.
  /// - Complexity: O(n) in the size of the file.
  static func countAdds(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
    var counts = Array(repeating: 0, count: Kind.allCases.count)
    let names = Kind.allCases.map { Array($0.rawValue.utf8) }
    guard let base = buffer.baseAddress else { return counts }
    let end = buffer.count
    var line = 0
    while line < end {
      let found = memchr(base + line, 0x0A, end - line)
      let next = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
      // `add ` then the kind's name then a blank.
      if next - line > 5, base[line] == 0x61, base[line + 1] == 0x64, base[line + 2] == 0x64, base[line + 3] == 0x20 {
        var k = line + 4
        while k < next, base[k] == 0x20 { k += 1 }
        var w = k
        while w < next, base[w] != 0x20 { w += 1 }
        let word = UnsafeBufferPointer(start: base + k, count: w - k)
        if let i = names.firstIndex(where: { $0.elementsEqual(word) }) { counts[i] += 1 }
      }
      line = next + 1
    }
    return counts
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
    for command in first + buckets.joined() {
      do {
        try plan.apply(command, deferring: deferred)
      } catch {
        diagnostics.append(error)
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
        diagnostics.append(error)
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

  /// Whether `first` (the first line) is a header this program reads, `# cplan plan N` with
  /// 1 ≤ N ≤ ``PlanWriter/formatVersion``; ``checkHeader(_:file:)`` says what is wrong otherwise.
  static func hasValidHeader(_ line: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    let prefix = Array("# cplan plan ".utf8)
    let first = line.last == 0x0D ? line.dropLast() : line  // a CRLF file's header
    guard first.starts(with: prefix) else { return false }
    let rest = String(decoding: first.dropFirst(prefix.count), as: UTF8.self).trimmingWhitespace()
    guard let version = Int(rest) else { return false }
    return version >= 1 && version <= PlanWriter.formatVersion
  }

  /// Checks the first line, `# cplan plan N`, refusing a newer N.
  static func checkHeader(_ bytes: [UInt8], file: String) throws(PlanLoadError) {
    let prefix = Array("# cplan plan ".utf8)
    var end = bytes.firstIndex(of: 0x0A) ?? bytes.count
    if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }  // a CRLF file's header
    let first = bytes[0..<end]
    guard first.starts(with: prefix) else {
      throw .unusable(.error(.notAPlanFile(file), at: SourceLocation(file: file, line: 1, column: 1)))
    }
    let rest = String(decoding: first.dropFirst(prefix.count), as: UTF8.self).trimmingWhitespace()
    guard let version = Int(rest), version >= 1 else {
      throw .unusable(.error(.notAPlanFile(file), at: SourceLocation(file: file, line: 1, column: 1)))
    }
    if version > PlanWriter.formatVersion {
      throw .unusable(
        .error(
          .newerVersion(file, found: version, supported: PlanWriter.formatVersion),
          at: SourceLocation(file: file, line: 1, column: 1), length: first.count))
    }
  }
}
