import PlanLanguage
import PlanModel

/// The three plan files of a merge (`cplan merge BASE OURS THEIRS`), loaded side by side.
package enum MergeSides {
  /// Loads BASE, OURS and THEIRS, each as ``PlanLoader/load(path:sources:observer:)`` does; an
  /// empty BASE file (or `/dev/null`) is an empty plan (git passes one when both sides added the
  /// file).
  ///
  /// A side is mostly its base: when BASE loads and each statement of the files is a line of its
  /// own, a side is read as an edit of BASE (``PlanLoader/load(bytes:file:asEditOf:baseLines:)``:
  /// only its lines that are not BASE's are parsed), its file read and its lines hashed on a
  /// thread of its own while BASE loads. A side that cannot be read so is loaded whole; files of
  /// 1 MiB or more load whole at once on threads of their own.
  /// - Returns: each side's plan, or why it does not load, in the order base, ours, theirs.
  package static func load(base: String, ours: String, theirs: String) -> [Result<Plan, PlanLoadError>] {
    let paths = [base, ours, theirs]
    let large = paths.map { (FileIO.stamp($0)?.size ?? 0) >= Int64(PlanLoader.parallelSize) }
    @Sendable func load(_ i: Int) -> Result<Plan, PlanLoadError> {
      Result { () throws(PlanLoadError) in try loadSide(paths[i], index: i) }
    }
    @Sendable func read(_ i: Int) -> (bytes: [UInt8], lines: PlanLoader.StatementLines)? {
      guard large[i], !FileIO.isDevice(paths[i]), let bytes = try? FileIO.read(paths[i]),
        let lines = PlanLoader.StatementLines(bytes)
      else { return nil }
      return (bytes, lines)
    }
    let sideLines = [Concurrent(inline: !large[1]) { read(1) }, Concurrent(inline: !large[2]) { read(2) }]
    if let (plan, baseLines) = baseAndLines(paths[0], large: large[0]) {
      var edited: [Plan?] = [nil, nil]
      for s in 0..<2 {
        guard let side = sideLines[s].value else { continue }
        edited[s] = PlanLoader.load(bytes: side.bytes, file: paths[s + 1], asEditOf: plan, baseLines: baseLines)
      }
      let (ourEdit, theirEdit) = (edited[0], edited[1])
      let theirs = Concurrent(inline: theirEdit != nil || !large[2]) {
        theirEdit.map { Result<Plan, PlanLoadError>.success($0) } ?? load(2)
      }
      let ours = ourEdit.map { Result<Plan, PlanLoadError>.success($0) } ?? load(1)
      return [.success(plan), ours, theirs.value]
    }
    let base = Concurrent(inline: !large[0]) { load(0) }
    let theirs = Concurrent(inline: !large[2]) { load(2) }
    let ours = load(1)  // on this thread, while the others load
    return [base.value, ours, theirs.value]
  }

  /// BASE loaded from its bytes, and its statement lines, when it is a regular file of
  /// ``PlanLoader/parallelSize`` bytes or more that loads and whose statements are lines of
  /// their own (``PlanLoader/StatementLines``); `nil` otherwise.
  private static func baseAndLines(_ path: String, large: Bool) -> (Plan, PlanLoader.StatementLines)? {
    guard large, !FileIO.isDevice(path), let bytes = try? FileIO.read(path),
      let lines = PlanLoader.StatementLines(bytes), let plan = try? PlanLoader.load(bytes: bytes, file: path)
    else { return nil }
    return (plan, lines)
  }

  /// One side; `index` 0 (BASE) may be empty.
  static func loadSide(_ path: String, index: Int) throws(PlanLoadError) -> Plan {
    guard index == 0, FileIO.folderError(path) == nil else { return try PlanLoader.load(path: path) }
    if !FileIO.isDevice(path) {
      if FileIO.stamp(path)?.size == 0 { return Plan() }
      return try PlanLoader.load(path: path)
    }
    // A device or pipe can be read once: its bytes are loaded as they are.
    let bytes: [UInt8]
    do throws(FileError) {
      bytes = try FileIO.read(path)
    } catch {
      throw .unusable(.error(.cannotRead(path, reason: error.reason), at: nil))
    }
    if bytes.isEmpty { return Plan() }
    return try PlanLoader.load(bytes: bytes, file: path)
  }
}
