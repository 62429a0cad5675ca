import FoundationEssentials
import PlanIO
import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#endif

/// The crash journal (SPEC §10): every change made in the shell is appended to a file in
/// `$XDG_STATE_HOME/cplan/journal/` and flushed before the prompt returns, so that a session
/// that is killed (SIGKILL, power loss) loses nothing typed since the last save. A save or a
/// confirmed quit removes it; `recover` in a later session replays it.
///
/// The journal holds the state the changes start from (its *base*: the plan file as saved, an
/// empty plan, or, when that cannot be said, a snapshot of the whole plan), then one record per
/// undo step: the source text of the changes of one shell entry (a `run` is one step, as in
/// undo), `undo`, `redo`. Replaying it rebuilds the plan and its undo steps.
///
/// A live journal is locked (`flock`) by its session; a journal nobody holds belongs to a
/// session that ended without saving, and can be recovered.
package final class Journal {
  /// What the recorded changes start from.
  package enum Base: Equatable, Sendable {
    /// A new plan without a file.
    case empty
    /// The plan file at this absolute path, as last saved or loaded.
    case file(String)
    /// The plan in canonical form (§6), and the file it belongs to.
    case snapshot(plan: String, file: String?)
  }

  /// One undo step of the journal.
  package enum Record: Equatable, Sendable {
    /// The source text of the changes of one shell entry.
    case step([String])
    case undo
    case redo
  }

  /// What a base file held when the journal began (issue 18 item 3): its size, modification
  /// time and content hash (``ContentHash``), so that `recover` notices a base changed since.
  package struct BaseIdentity: Equatable, Sendable {
    package var size: Int64
    package var modified: Int64
    package var modifiedNanoseconds: Int64
    package var hash: UInt64

    package init(size: Int64, modified: Int64, modifiedNanoseconds: Int64, hash: UInt64) {
      self.size = size
      self.modified = modified
      self.modifiedNanoseconds = modifiedNanoseconds
      self.hash = hash
    }

    init(_ stamp: FileStamp, hash: UInt64) {
      self.init(
        size: stamp.size, modified: stamp.modified, modifiedNanoseconds: stamp.modifiedNanoseconds, hash: hash)
    }

    /// `identity SIZE SECONDS.NANOSECONDS HASH` (hash in hex).
    var line: String {
      let ns = String(modifiedNanoseconds)
      return "identity \(size) \(modified).\(String(repeating: "0", count: max(0, 9 - ns.count)) + ns) "
        + String(hash, radix: 16)
    }

    init?(line: Substring) {
      let parts = line.split(separator: " ")
      let time = parts.count == 3 ? parts[1].split(separator: ".") : []
      guard parts.count == 3, time.count == 2, let size = Int64(parts[0]), let s = Int64(time[0]),
        let ns = Int64(time[1]), let hash = UInt64(parts[2], radix: 16)
      else { return nil }
      self.init(size: size, modified: s, modifiedNanoseconds: ns, hash: hash)
    }
  }

  /// A journal as read back.
  package struct Contents: Equatable, Sendable {
    package var base: Base
    package var records: [Record]
    /// When the session that wrote it started (seconds since 1970).
    package var started: Int = 0
    /// For a ``Base/file(_:)`` base: what the file held when the journal began.
    package var baseIdentity: BaseIdentity?

    package init(base: Base, records: [Record] = [], started: Int = 0, baseIdentity: BaseIdentity? = nil) {
      self.base = base
      self.records = records
      self.started = started
      self.baseIdentity = baseIdentity
    }

    /// How many changes the records hold (undo and redo count one each).
    package var changeCount: Int {
      records.reduce(0) { n, r in
        if case .step(let changes) = r { return n + changes.count }
        return n + 1
      }
    }

    /// The file the plan belongs to, if any.
    package var file: String? {
      switch base {
      case .empty: nil
      case .file(let path): path
      case .snapshot(_, let file): file
      }
    }
  }

  /// Why a journal could not be read.
  package struct FormatError: Error, Equatable, Sendable {
    package var line: Int
    package var reason: String
  }

  // MARK: Format

  /// The first line of every journal.
  package static let header = "# cplan journal 1"

  /// The text that starts a journal: header, start time, base.
  package static func render(_ contents: Contents) -> String {
    var out = header + "\n" + "started \(contents.started)\n"
    switch contents.base {
    case .empty:
      out += "base empty\n"
    case .file(let path):
      out += "base file \(path)\n"
      if let identity = contents.baseIdentity { out += identity.line + "\n" }
    case .snapshot(let plan, let file):
      out += "base snapshot \(file ?? "")\n"
      for line in plan.split(separator: "\n", omittingEmptySubsequences: false).dropLast(plan.hasSuffix("\n") ? 1 : 0) {
        out += "= \(line)\n"
      }
      out += "end snapshot\n"
    }
    for record in contents.records { out += render(record) }
    return out
  }

  /// One record as journal lines: `step`, then each change's first line after `+ ` and its
  /// further lines (a continued command) after `| `.
  package static func render(_ record: Record) -> String {
    switch record {
    case .undo: return "undo\n"
    case .redo: return "redo\n"
    case .step(let changes):
      var out = "step\n"
      for change in changes { out += renderChange(change) }
      return out
    }
  }

  static func renderChange(_ change: String) -> String {
    var out = ""
    for (i, line) in change.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      out += (i == 0 ? "+ " : "| ") + line + "\n"
    }
    return out
  }

  /// Reads a journal. A last line cut short by a crash is ignored.
  /// - Throws: ``FormatError`` when it is not a journal, or of a newer version.
  package static func parse(_ text: String) throws(FormatError) -> Contents {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if !text.hasSuffix("\n") { lines.removeLast() }  // an unfinished last line
    guard let first = lines.first, first.hasPrefix("# cplan journal ") else {
      throw FormatError(line: 1, reason: "not a cplan journal")
    }
    guard first == header else { throw FormatError(line: 1, reason: "a newer journal version") }
    var contents = Contents(base: .empty)
    var i = 1
    var sawBase = false
    while i < lines.count {
      let line = lines[i]
      i += 1
      if line.hasPrefix("started ") {
        contents.started = Int(line.dropFirst(8)) ?? 0
      } else if line == "base empty" {
        contents.base = .empty
        sawBase = true
      } else if line.hasPrefix("base file ") {
        contents.base = .file(String(line.dropFirst(10)))
        sawBase = true
      } else if line.hasPrefix("identity ") {
        guard let identity = BaseIdentity(line: line.dropFirst(9)) else {
          throw FormatError(line: i, reason: "bad base identity")
        }
        contents.baseIdentity = identity
      } else if line.hasPrefix("base snapshot") {
        let file = String(line.dropFirst(14))
        var plan = ""
        var closed = false
        while i < lines.count {
          let l = lines[i]
          i += 1
          if l == "end snapshot" {
            closed = true
            break
          }
          guard l.hasPrefix("= ") || l == "=" else { throw FormatError(line: i, reason: "bad snapshot line") }
          plan += l.dropFirst(2) + "\n"
        }
        guard closed else { throw FormatError(line: i, reason: "unfinished snapshot") }
        contents.base = .snapshot(plan: plan, file: file.isEmpty ? nil : file)
        sawBase = true
      } else if line == "step" {
        contents.records.append(.step([]))
      } else if line == "undo" {
        contents.records.append(.undo)
      } else if line == "redo" {
        contents.records.append(.redo)
      } else if line.hasPrefix("+ ") || line == "+" {
        guard case .step(var changes) = contents.records.last else {
          throw FormatError(line: i, reason: "change outside a step")
        }
        changes.append(String(line.dropFirst(2)))
        contents.records[contents.records.count - 1] = .step(changes)
      } else if line.hasPrefix("| ") || line == "|" {
        guard case .step(var changes) = contents.records.last, !changes.isEmpty else {
          throw FormatError(line: i, reason: "continuation outside a change")
        }
        changes[changes.count - 1] += "\n" + line.dropFirst(2)
        contents.records[contents.records.count - 1] = .step(changes)
      } else if !line.isEmpty {
        throw FormatError(line: i, reason: "unknown record")
      }
    }
    guard sawBase else { throw FormatError(line: lines.count, reason: "no base") }
    contents.records.removeAll { $0 == .step([]) }
    return contents
  }

  // MARK: The live journal

  /// The folder of journals.
  package let directory: String
  private weak var session: Session?
  private var descriptor: Int32 = -1
  /// The journal file of this session, while it has one.
  package private(set) var path: String?
  private var base: Base = .empty
  private let started = Int(time(nil))
  /// Undo steps of the journal that the session can undo, and redo.
  private var depth = 0
  private var redoDepth = 0
  /// This shell entry: whether a step has begun, a save or load reset the base, undo/redo
  /// mixed with changes, the journal must be replaced by a snapshot.
  private var entryHasStep = false
  private var entryReset = false
  private var entrySkippedLoad = false
  private var entryUndoRedo = false
  private var entryChanges = 0
  private var entryText: String?
  private var needsSnapshot = false
  private var unsynced = false
  /// Set when the journal cannot be written; the shell says so once.
  package private(set) var failure: String?

  package init(directory: String) {
    self.directory = directory
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    if let adopted { close(adopted.lock) }
  }

  /// Connects the journal to the session's change hooks and `recover`.
  package func attach(to session: Session) {
    self.session = session
    base = currentBase(of: session)
    session.onChange = { [weak self] text in self?.changed(text) }
    session.onSaved = { [weak self] in self?.saved() }
    session.journalRecoverer = { [weak self] command in self?.recover(command) ?? false }
    session.unsavedRecovery = { [weak self] in self?.unsavedRecovery }
    session.onDiscardConfirmed = { [weak self] in self?.dropAdopted(deleting: true) }
  }

  /// The base that describes the session's state now.
  private func currentBase(of session: Session) -> Base {
    if !session.isDirty {
      if let file = session.file { return .file(Journal.absolute(file)) }
      if session.plan.isEmpty { return .empty }
    }
    return .snapshot(plan: PlanWriter.write(session.plan), file: session.file.map(Journal.absolute))
  }

  static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }

  /// Called before each shell entry is executed.
  /// - Parameter text: the entry as typed (a continued command whole).
  package func beginEntry(_ text: String? = nil) {
    entryText = text
    entryHasStep = false
    entryReset = false
    entrySkippedLoad = false
    entryUndoRedo = false
    entryChanges = 0
    needsSnapshot = false
  }

  /// Called after each shell entry, before the prompt returns: the journal is on disk (and
  /// synced) when this returns.
  package func endEntry() {
    guard let session else { return }
    if !session.isDirty {
      // The plan is as saved: nothing to recover.
      discard()
      base = currentBase(of: session)
    } else if needsSnapshot {
      writeSnapshot()
    }
    if unsynced, descriptor >= 0 {
      _ = fdatasync(descriptor)
      unsynced = false
    }
  }

  /// A confirmed quit (or any end that leaves nothing to recover): the journal goes.
  package func finish() {
    discard()
    dropAdopted(deleting: false)
  }

  /// Lets go of the journal file without removing it, as a killed session does (tests).
  package func abandon() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    path = nil
  }

  private func saved() {
    savedRecovery()
    discard()
    if let session { base = currentBase(of: session) }
    depth = 0
    redoDepth = 0
    entryReset = true
    entryHasStep = false
  }

  /// What the session reports for a change the journal cannot record as a step (an `undo`
  /// inside a script): the state the entry ends in is written whole.
  package static let snapshotMarker = "\u{0}snapshot"

  private func changed(_ text: String) {
    switch text {
    case Journal.snapshotMarker:
      needsSnapshot = true
      return
    case "undo", "redo":
      entryUndoRedo = true
      if entryChanges > 0 { needsSnapshot = true }
      if text == "undo", depth > 0 {
        depth -= 1
        redoDepth += 1
        append(.undo)
      } else if text == "redo", redoDepth > 0 {
        depth += 1
        redoDepth -= 1
        append(.redo)
      } else {
        needsSnapshot = true
      }
      return
    default:
      break
    }
    // `load` has already replaced the base with the file it loaded.
    if entryReset, !entrySkippedLoad, Journal.isLoad(text) {
      entrySkippedLoad = true
      return
    }
    if entryUndoRedo { needsSnapshot = true }
    entryChanges += 1
    var text = text
    if let entry = entryText, entry.hasPrefix(text), entry != text,
      Parser.parse(text, file: "<journal>", allowIncomplete: true).incomplete
    {
      text = entry  // a continued command typed at the prompt: the whole of it
    }
    var lines = ""
    if !entryHasStep {
      entryHasStep = true
      // A step that began after a save or load in the same entry cannot be undone within the
      // journal: the session's undo goes back beyond its base.
      if !entryReset { depth += 1 }
      redoDepth = 0
      lines = "step\n"
    }
    write(lines + Journal.renderChange(text))
  }

  private static func isLoad(_ text: String) -> Bool {
    Parser.parse(text, file: "<journal>").commands.first?.verb == .load
  }

  private func append(_ record: Record) {
    write(Journal.render(record))
  }

  private func write(_ text: String) {
    guard open() else { return }
    if !StatePaths.writeAll(descriptor, Array(text.utf8)) { fail(errno) }
    unsynced = true
  }

  /// Opens (creating) this session's journal file, locked, with its header and base.
  private func open() -> Bool {
    if descriptor >= 0 { return true }
    guard failure == nil else { return false }
    do {
      try Journal.prepare(directory)
    } catch {
      // In the words Foundation's `localizedDescription` gave a `POSIXError`.
      failure = "\(directory): The operation could not be completed. \(String(cString: strerror(error.code.rawValue)))"
      return false
    }
    let identity = baseIdentity()
    let name = Journal.fileName(started: started)
    let file = directory + "/" + name
    let fd = StatePaths.openPrivate(file, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND)
    guard fd >= 0 else {
      fail(errno)
      return false
    }
    _ = flock(fd, LOCK_EX)
    descriptor = fd
    path = file
    let contents = Contents(base: base, started: started, baseIdentity: identity)
    if !StatePaths.writeAll(fd, Array(Journal.render(contents).utf8)) { fail(errno) }
    // The new file's name is in the folder only once the folder is on disk too (a crash right
    // after creating the journal must not lose it): fsync the folder once, at creation.
    let folder = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
    return true
  }

  /// For a file base, what the file holds now (``BaseIdentity``), when that is what the session
  /// loaded or saved (the same stamp). When the file changed since, or cannot be read, the base
  /// becomes a snapshot of the plan as the session loaded or saved it: a replay onto the changed
  /// file would not give the session's plan.
  private func baseIdentity() -> BaseIdentity? {
    guard case .file(let path) = base, let session else { return nil }
    if let (hash, stamp) = ContentHash.of(file: path), stamp == session.fileStamp {
      return BaseIdentity(stamp, hash: hash)
    }
    if let saved = session.savedPlan {
      base = .snapshot(plan: PlanWriter.write(saved), file: path)
    }
    return nil
  }

  private func fail(_ code: Int32) {
    failure = "\(path ?? directory): \(String(cString: strerror(code)))"
  }

  nonisolated(unsafe) private static var sequence = 0

  static func fileName(started: Int) -> String {
    sequence += 1
    return "\(started)-\(getpid())-\(sequence).journal"
  }

  /// Creates the journal folder (and `cplan` above it) with mode 0700.
  static func prepare(_ directory: String) throws(POSIXError) {
    try StatePaths.makePrivateDirectory(directory, tightenLast: 2)
  }

  /// Removes this session's journal file.
  private func discard() {
    if descriptor >= 0 {
      if let path { unlink(path) }
      close(descriptor)
    }
    descriptor = -1
    path = nil
    unsynced = false
    depth = 0
    redoDepth = 0
    entryHasStep = false
  }

  /// Replaces the journal by one whose base is the whole plan as it is now.
  private func writeSnapshot() {
    guard let session else { return }
    let old = (descriptor, path)
    descriptor = -1
    path = nil
    base = .snapshot(plan: PlanWriter.write(session.plan), file: session.file.map(Journal.absolute))
    depth = 0
    redoDepth = 0
    if open() {
      _ = fdatasync(descriptor)
      unsynced = false
    }
    if old.0 >= 0 {
      if let p = old.1 { unlink(p) }
      close(old.0)
    }
  }

  // MARK: Recovery

  /// A journal left by a session that ended without saving.
  package struct Orphan: Sendable {
    package var path: String
    package var contents: Contents
  }

  /// The journals in `directory` that no running session holds, newest first. Files that are
  /// not journals, or are empty, are passed over.
  package static func orphans(in directory: String, excluding own: String? = nil) -> [Orphan] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var found: [Orphan] = []
    for name in names where name.hasSuffix(".journal") {
      let file = directory + "/" + name
      if file == own { continue }
      let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // a live session holds it
      guard let data = FileManager.default.contents(atPath: file),
        let contents = try? parse(String(decoding: data, as: UTF8.self)),
        !contents.records.isEmpty || contents.base != .empty
      else { continue }
      found.append(Orphan(path: file, contents: contents))
    }
    return found.sorted { ($0.contents.started, $0.path) > ($1.contents.started, $1.path) }
  }

  /// What the shell says at start when earlier sessions left unsaved work.
  package func startupNotice(language: MessageLanguage) -> String? {
    let found = Journal.orphans(in: directory, excluding: path)
    guard let newest = found.first else { return nil }
    let name = Journal.planName(newest.contents.file)
    let text = ShellText.recoverable(
      when: Journal.describe(time: newest.contents.started), plan: name, changes: newest.contents.changeCount,
      moreSessions: found.count - 1)
    return text.text(language) + "\n"
  }

  static func describe(time: Int) -> String {
    var t = time_t(time)
    var parts = tm()
    localtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return
      "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
  }

  /// `recover [PATH]`: rebuilds the plan of the newest (or the named) orphaned journal: its
  /// base, then each step, as undo steps of this session. Refused once when this session has
  /// unsaved changes; asked once when it would replace a plan of another file (issue 17 item 14).
  ///
  /// Before replaying onto a base file, the file is compared with what the journal recorded of
  /// it (``BaseIdentity``): a changed base is warned about (issue 18 item 3). When every step
  /// replays, the journal is kept (locked) until this session saves the recovered work or a
  /// discarding is confirmed (``Session/confirmed(_:at:)``); when any fails, it stays where it is
  /// for a later `recover`, and the shell says where.
  func recover(_ command: Command) -> Bool {
    guard let session else { return false }
    var chosen: Orphan?
    let orphans = Journal.orphans(in: directory, excluding: path)
    if case .path(let p)? = command.arguments.first?.kind {
      let file = Journal.absolute(p)
      chosen = orphans.first { $0.path == file || PathName.lastComponent($0.path) == p }
    } else {
      chosen = orphans.first
    }
    guard let orphan = chosen else {
      return session.fail(.error(.nothingToRecover(), at: command.verbToken))
    }
    let from = orphan.contents
    let planName = Journal.planName(from.file)
    let when = Journal.describe(time: from.started)
    let current = session.file.map(Journal.absolute)
    if current != from.file, current != nil || !session.plan.isEmpty {
      let question = ShellText.recoverReplaces(
        current: Journal.planName(current), plan: planName, when: when, changes: from.changeCount)
      guard session.confirmedAlways("recover", question: session.text(question)) else { return false }
    } else {
      guard session.confirmed("recover", at: command.verbToken) else { return false }
    }
    // Hold the orphan while replaying, so that no other session recovers it at the same time.
    let lock = Glibc.open(orphan.path, O_RDONLY | O_CLOEXEC)
    guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
      if lock >= 0 { close(lock) }
      return session.fail(.error(.nothingToRecover(), at: command.verbToken))
    }
    var keepLock = false
    defer { if !keepLock { close(lock) } }

    beginEntry()
    switch from.base {
    case .file(let file):
      if let recorded = from.baseIdentity, let changed = Journal.changedSince(recorded, file: file) {
        session.output.writeError(session.text(ShellText.baseChanged(file, when: changed)) + "\n")
      }
      do {
        var stamp: FileStamp?
        let plan = try PlanLoader.load(path: file, sources: session.sources, stamp: &stamp)
        session.replacePlan(plan, file: file, stamp: stamp)
      } catch {
        for d in error.diagnostics { session.report(d) }
        session.output.writeError(session.text(ShellText.journalKept(orphan.path)) + "\n")
        session.noteFailure(.command)
        return false
      }
    case .empty:
      session.commit(Plan(), file: .some(nil))
      discard()
      base = .empty
    case .snapshot(let text, let file):
      do {
        let plan = try PlanLoader.load(bytes: Array(text.utf8), file: "<journal>")
        session.commit(plan, file: .some(file))
      } catch {
        for d in error.diagnostics { session.report(d) }
        session.output.writeError(session.text(ShellText.journalKept(orphan.path)) + "\n")
        session.noteFailure(.command)
        return false
      }
      discard()
      base = .snapshot(plan: text, file: file)
    }
    endEntry()

    let interactive = session.settings.interactive
    session.settings.interactive = false
    var ok = true
    var line = 1
    for record in from.records {
      beginEntry()
      switch record {
      case .step(let changes):
        ok = session.replayStep(changes, source: "<recovered>", line: &line) && ok
      case .undo:
        ok = session.execute("undo", file: "<journal>") && ok
      case .redo:
        ok = session.execute("redo", file: "<journal>") && ok
      }
      endEntry()
    }
    session.settings.interactive = interactive
    let n = from.changeCount
    session.notice(ShellText.recovered(n, allReplayed: ok, plan: planName, when: when))
    if ok {
      // Kept until the recovered work is saved or its discarding confirmed.
      if let earlier = adopted { close(earlier.lock) }
      adopted = (orphan.path, lock, session.currentVersion)
      keepLock = true
    } else {
      session.output.writeError(session.text(ShellText.journalKept(orphan.path)) + "\n")
    }
    // Start a fresh entry: the shell's own end of entry must not take recovery steps for a mix.
    beginEntry()
    return ok
  }

  /// The journal this session recovered, kept (and locked) until its work is saved (a save of a
  /// plan that still holds the recovery: the version right after it is the plan's or one it
  /// came from by edits, ``Session/holdsVersion(_:)``) or discarding it is confirmed.
  private var adopted: (path: String, lock: Int32, version: Int)?

  /// The recovered journal not yet saved, for the session's confirmation of quit, load and new.
  package var unsavedRecovery: String? { adopted?.path }

  /// A save: the recovered journal goes when the plan saved holds the recovery.
  private func savedRecovery() {
    guard let adopted, let session, session.holdsVersion(adopted.version) else { return }
    dropAdopted(deleting: true)
  }

  /// Lets go of the recovered journal, removing it (its work saved or discarded) or not.
  private func dropAdopted(deleting: Bool) {
    guard let adopted else { return }
    if deleting { unlink(adopted.path) }
    close(adopted.lock)
    self.adopted = nil
  }

  /// The base file's modification time when it no longer holds what the journal recorded (size,
  /// time, then content), else `nil`.
  static func changedSince(_ recorded: BaseIdentity, file: String) -> String? {
    guard let now = FileIO.stamp(file) else { return nil }  // gone: the load says so
    if now.size == recorded.size, now.modified == recorded.modified,
      now.modifiedNanoseconds == recorded.modifiedNanoseconds
    {
      return nil
    }
    guard let (hash, stamp) = ContentHash.of(file: file), hash != recorded.hash else { return nil }
    return stamp.modifiedText
  }

  /// A plan file's base name without extension (`jilin`), as the startup notice names it.
  static func planName(_ file: String?) -> String? {
    file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
  }
}
