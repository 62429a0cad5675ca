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
  /// Stopped by Ctrl-C in the shell (``Interruption``): nothing is loaded, nothing to report.
  case interrupted

  package var diagnostics: [Diagnostic] {
    switch self {
    case .unusable(let d): [d]
    case .invalid(let list): list
    case .interrupted: []
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
  /// The statements do not come in the order of application after all (the tables are filled
  /// again at the end), or the file fails: what was filled is not the plan.
  func abandoned()
}

extension EarlyValidation: PlanLoadObserver {}

/// Loads plan files (SPEC §6): reads the whole file, reports every failing line, then loads
/// nothing; accepts statements in any order; refuses actions and newer format versions.
///
/// Within a kind, statements are applied in natural key order, so a shuffled copy of a file
/// loads to the same plan (and saves to the same bytes); in the shell, entities keep their
/// creation order until the plan is saved and loaded again.
///
/// One path for every file: the file is read in windows and parsed as it is read (on a thread
/// of its own from ``parallelSize``), each statement taken by a ``PlanAssembly``, whose time
/// and memory do not depend on the order of the statements. Only a file that fails is taken
/// again, whole, by an assembly that names every failing statement (``diagnose(bytes:file:)``).
package enum PlanLoader {
  /// Reads and loads the plan file at `path`.
  /// - Parameters:
  ///   - sources: receives the file (its bytes when loading fails, else a reference to the
  ///     file on disk), so diagnostics can show source lines later.
  ///   - observer: told of each table as soon as it is filled, while the statements come in
  ///     the order of application (``PlanLoadObserver``, ``EarlyValidation``).
  /// - Throws: ``PlanLoadError``.
  package static func load(
    path: String, sources: SourceStore? = nil, observer: PlanLoadObserver? = nil
  ) throws(PlanLoadError) -> Plan {
    var stamp: FileStamp?
    return try load(path: path, sources: sources, observer: observer, stamp: &stamp)
  }

  /// ``load(path:sources:observer:)``, giving the stamp of the file that was read: taken from
  /// its descriptor (`fstat`) before reading, so that a file put in its place while it loads is
  /// not taken for the one read (issue 18 item 2) — and a change made to it in place while it
  /// loads shows as a change of the stamp.
  /// - Parameter stamp: set to the stamp once the file is open (`nil` when it cannot be opened).
  /// - Throws: ``PlanLoadError``.
  package static func load(
    path: String, sources: SourceStore? = nil, observer: PlanLoadObserver? = nil, stamp: inout FileStamp?
  ) throws(PlanLoadError) -> Plan {
    // Opened once: a pipe or a FIFO (`cplan check /dev/stdin`, `<(…)`) can be read only once,
    // so it is read whole first; a regular file is read in windows (twice: a first pass counts
    // the `add`s to size the tables).
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw .unusable(.error(.cannotRead(path, reason: FileError(errno: errno).reason), at: nil))
    }
    defer { close(fd) }
    var st = stat()
    let regular = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    stamp = regular ? FileStamp(st) : nil
    // Larger than FileIO.readLimit (a sparse file of 100 GB): refused unread below.
    if regular, Int(st.st_size) <= FileIO.readLimit,
      let (plan, size) = load(fd: fd, path: path, size: Int(st.st_size), observer: observer)
    {
      // The file's lines are read back from disk when a diagnostic shows one.
      if let sources, !sources.registerOnDisk(file: path, size: size), let bytes = try? FileIO.read(path) {
        sources.register(file: path, bytes: bytes)
      }
      return plan
    }
    // Failing (or not a regular file): the whole file, read once, says why.
    observer?.abandoned()
    if Interruption.isRequested { throw .interrupted }
    let bytes: [UInt8]
    do throws(FileError) {
      if regular, lseek(fd, 0, SEEK_SET) != 0 { throw FileError(errno: errno) }
      bytes = try FileIO.read(fd: fd)
    } catch {
      throw .unusable(.error(.cannotRead(path, reason: error.reason), at: nil))
    }
    do {
      let plan = try load(bytes: bytes, file: path)
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
  /// - Throws: ``PlanLoadError``.
  /// - Complexity: O(n) in the size of the file, whatever the order of its statements
  ///   (O(n log n) in the entities of a kind whose statements are out of key order).
  package static func load(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    try load(bytes: bytes, file: file, observer: nil)
  }

  /// ``load(bytes:file:)``, telling `observer` of each table as it is filled.
  static func load(bytes: [UInt8], file: String, observer: PlanLoadObserver?) throws(PlanLoadError) -> Plan {
    // A byte-order mark (an editor on Windows writes one) is passed over, and not written back
    // (SPEC §15).
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return try load(bytes: Array(bytes.dropFirst(3)), file: file, observer: observer)
    }
    // Chinese saved as GB18030 (GBK) instead of UTF-8 is refused, with the conversion to run
    // (issue 18 item 11), before its names are taken wrongly or it fails line by line.
    if let found = EncodingGuess.gb18030(bytes) {
      throw .unusable(
        .error(
          .likelyGB18030(file, meant: found.meant, conversion: EncodingGuess.conversion),
          at: SourceLocation(file: file, line: found.line, column: found.column)))
    }
    try checkHeader(bytes, file: file)
    let reader = ChunkReader(bytes: bytes)
    defer { reader.deallocate() }
    let counts = bytes.withUnsafeBufferPointer { countAdds($0) }
    if case (var plan, _)? = assemble(reader, size: bytes.count, file: file, counts: counts, observer: observer) {
      plan.preamble = PlanWriter.preamble(of: bytes)
      attachComments(bytes, file: file, to: &plan)
      return plan
    }
    observer?.abandoned()
    if Interruption.isRequested { throw .interrupted }
    var plan = try diagnose(bytes: bytes, file: file)
    assertionFailure("the plan assembly failed on a file that loads when diagnosed")
    plan.preamble = PlanWriter.preamble(of: bytes)
    attachComments(bytes, file: file, to: &plan)
    return plan
  }

  /// The failing file's diagnostics: the same assembly (``PlanAssembly``), diagnosing, names
  /// every failing statement. The header is not checked here.
  /// - Throws: ``PlanLoadError/invalid(_:)`` with every failing line's diagnostic, in file order.
  /// - Returns: the plan, when the file does not fail after all.
  /// - Complexity: O(n log n) in the number of statements; O(n) when they are in order. Memory:
  ///   every statement's syntax (about 14 times the file).
  static func diagnose(bytes: [UInt8], file: String) throws(PlanLoadError) -> Plan {
    let reader = ChunkReader(bytes: bytes)
    defer { reader.deallocate() }
    var assembly = PlanAssembly(diagnosing: true)
    _ = stream(reader, size: bytes.count, file: file, parallelFrom: .max) { assembly.take($0) }
    guard let plan = assembly.finish() else { throw .invalid(assembly.diagnostics ?? []) }
    return plan
  }

  /// Loads the regular file `path`, open as `fd` and `size` bytes long, from its start, in
  /// windows of `chunkSize` bytes, so that neither the syntax tree nor the file's bytes are held
  /// in memory, only the plan (and a window, or the longest statement if longer).
  /// - Parameters:
  ///   - parallelFrom: the size from which the file is parsed on a thread of its own.
  ///   - observer: told of each table as soon as it is filled (``PlanLoadObserver``).
  /// - Returns: the plan and the number of bytes read, or `nil` when the file cannot be read,
  ///   has no valid header, or fails.
  static func load(
    fd: Int32, path: String, size: Int, chunkSize: Int = 1 << 20, parallelFrom: Int = parallelSize,
    observer: PlanLoadObserver? = nil
  ) -> (plan: Plan, size: Int)? {
    let reader = ChunkReader(fd: fd, chunkSize: chunkSize)
    defer { reader.deallocate() }
    var twoByteLeads = false
    var hashes = false
    guard let counts = countAdds(reader, twoByteLeads: &twoByteLeads, hashes: &hashes), lseek(fd, 0, SEEK_SET) == 0
    else { return nil }
    guard
      case (var plan, let read)? = assemble(
        reader, size: size, file: path, counts: counts, parallelFrom: parallelFrom, observer: observer)
    else { return nil }
    // GBK text that happens to be valid UTF-8 (issue 18 item 11) has two-byte sequences; only
    // then is the file looked at again, and one that is refused is left to the whole-file path.
    // A file with a `#` in its body is read again for its comments (SPEC §15): a file without
    // any is not.
    if twoByteLeads || hashes {
      guard lseek(fd, 0, SEEK_SET) == 0, let bytes = try? FileIO.read(fd: fd) else { return nil }
      if twoByteLeads, EncodingGuess.gb18030(bytes) != nil { return nil }
      if hashes { bytes.withUnsafeBufferPointer { attachComments($0, file: path, to: &plan) } }
    }
    plan.preamble = PlanWriter.preamble(ofFile: path)
    return (plan, read)
  }

  /// ``load(fd:path:size:chunkSize:parallelFrom:observer:)`` of the regular file at `path`:
  /// for tests of the windows and the threads.
  static func load(path: String, chunkSize: Int, parallelFrom: Int) -> (plan: Plan, size: Int)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    return load(fd: fd, path: path, size: Int(st.st_size), chunkSize: chunkSize, parallelFrom: parallelFrom)
  }

  /// The plan of the statements `reader` reads (``PlanAssembly``), and the number of bytes
  /// read; `nil` when any fails, or the file cannot be read or has no valid header.
  private static func assemble(
    _ reader: ChunkReader, size: Int, file: String, counts: [Int], parallelFrom: Int = parallelSize,
    observer: PlanLoadObserver? = nil
  ) -> (plan: Plan, size: Int)? {
    var assembly = PlanAssembly()
    assembly.observer = observer
    assembly.reserve(counts)
    guard let read = stream(reader, size: size, file: file, parallelFrom: parallelFrom, each: { assembly.take($0) }),
      let plan = assembly.finish()
    else { return nil }
    return (plan, read)
  }

  /// The size from which a file is large: 16 MiB, about 4,000 consortia (``Plan/parallelEntities``).
  static let largeSize = 16 << 20

  /// Whether the file at `path` is large (``largeSize`` bytes or more): worth starting its
  /// validation on another thread while it loads, which costs about 1 MB more (that thread's
  /// malloc arena) and saves little for a smaller plan (3 ms of a 1,000-consortium check).
  package static func isLarge(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && Int(st.st_size) >= largeSize
  }
}
