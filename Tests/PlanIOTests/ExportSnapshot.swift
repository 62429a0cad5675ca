import Foundation
import Testing

/// Golden files for rendered output, in `Tests/PlanIOTests/Golden/`.
///
/// With `RECORD_SNAPSHOTS=1` every golden file is (re)written; otherwise a missing golden file
/// is a failure (a test that writes its own expectation cannot fail). Otherwise the output must equal the file byte for byte; on a
/// difference the failure shows a line diff (`-` golden, `+` actual) with two lines of context.
enum ExportSnapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  static func path(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

/// Compares `actual` with the golden file `name` (see ``ExportSnapshot``).
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = ExportSnapshot.path(name)
  let existing = try? String(contentsOf: url, encoding: .utf8)
  if ExportSnapshot.recording {
    do {
      try FileManager.default.createDirectory(at: ExportSnapshot.directory, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      print("recorded golden file \(name)")
    } catch {
      Issue.record("cannot write golden file \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = existing else {
    Issue.record(
      "golden file \(name) is missing (RECORD_SNAPSHOTS=1 writes it; review it before committing)",
      sourceLocation: sourceLocation)
    return
  }
  guard expected != actual else { return }
  let message =
    "output differs from golden file \(name) (RECORD_SNAPSHOTS=1 rewrites it):\n" + lineDiff(expected, actual)
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A line diff of two texts (longest common subsequence), `-` for lines only in `old`, `+` for
/// lines only in `new`, with `context` unchanged lines around each change.
func lineDiff(_ old: String, _ new: String, context: Int = 2) -> String {
  let a = old.split(separator: "\n", omittingEmptySubsequences: false)
  let b = new.split(separator: "\n", omittingEmptySubsequences: false)
  // lcs[i][j]: length of the LCS of a[i...] and b[j...].
  var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in stride(from: a.count - 1, through: 0, by: -1) {
    for j in stride(from: b.count - 1, through: 0, by: -1) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  var ops: [(Character, Substring)] = []
  var i = 0, j = 0
  while i < a.count || j < b.count {
    if i < a.count, j < b.count, a[i] == b[j] {
      ops.append((" ", a[i])); i += 1; j += 1
    } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
      ops.append(("+", b[j])); j += 1
    } else {
      ops.append(("-", a[i])); i += 1
    }
  }
  let changed = ops.indices.filter { ops[$0].0 != " " }
  var out = ""
  var last = -1
  for k in ops.indices where changed.contains(where: { abs($0 - k) <= context }) {
    if last >= 0, k > last + 1 { out += "  ...\n" }
    out += "\(ops[k].0) \(ops[k].1)\n"
    last = k
  }
  return out
}
