import PlanLanguage
import PlanModel

/// The three plan files of a merge (`cplan merge BASE OURS THEIRS`), loaded side by side.
package enum MergeSides {
  /// Loads BASE, OURS and THEIRS, each as ``PlanLoader/load(path:sources:observer:)`` does; an
  /// empty BASE file (or `/dev/null`) is an empty plan (git passes one when both sides added the
  /// file). Files of 1 MiB or more load at once on threads of their own: a load keeps about one
  /// core and a half busy, so three side by side take about two thirds of their sum on two cores.
  /// - Returns: each side's plan, or why it does not load, in the order base, ours, theirs.
  package static func load(base: String, ours: String, theirs: String) -> [Result<Plan, PlanLoadError>] {
    let paths = [base, ours, theirs]
    let large = paths.map { (FileIO.stamp($0)?.size ?? 0) >= Int64(PlanLoader.parallelSize) }
    @Sendable func load(_ i: Int) -> Result<Plan, PlanLoadError> {
      Result { () throws(PlanLoadError) in try loadSide(paths[i], index: i) }
    }
    let base = Concurrent(inline: !large[0]) { load(0) }
    let theirs = Concurrent(inline: !large[2]) { load(2) }
    let ours = load(1)  // on this thread, while the others load
    return [base.value, ours, theirs.value]
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
