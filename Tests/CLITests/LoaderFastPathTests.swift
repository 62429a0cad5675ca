import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The plan loader's fast path (apply each statement as it is parsed) against its general path
/// (parse everything, order by kind and key, apply): for any file both must give the same plan,
/// or the same diagnostics.
@Suite struct LoaderFastPathTests {
  static let jilinText = (try? CLI.read(PlanFileTests.jilin)) ?? ""

  /// The body of the Jilin plan: its statements without header, comments and blank lines.
  static var jilinStatements: [Substring] {
    jilinText.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
  }

  static func file(_ statements: some Sequence<some StringProtocol>) -> String {
    "# cplan plan 1\n" + statements.map { String($0) }.joined(separator: "\n") + "\n"
  }

  /// What loading gives: the plan, or the diagnostics (code, line, column, English message).
  enum Outcome: Equatable {
    case plan(Plan)
    case failure([String])
  }

  static func outcome(_ load: () throws(PlanLoadError) -> Plan) -> Outcome {
    do {
      return .plan(try load())
    } catch {
      return .failure(
        error.diagnostics.map { d in
          "\(d.code) \(d.location?.line ?? 0):\(d.location?.column ?? 0) \(d.message.en)"
        })
    }
  }

  /// The plan file a loaded plan saves to (entities' source lines aside, what the plan is).
  static func canonical(_ outcome: Outcome) -> String? {
    guard case .plan(var plan) = outcome else { return nil }
    plan.preamble = []  // the shuffled copies are written without the sample's comment lines
    return PlanWriter.write(plan)
  }

  /// Checks that `load` (fast path first) and `loadSorted` (general path) agree on `text`.
  /// - Returns: the outcome, and whether the fast path alone produced it.
  @discardableResult
  static func agree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (Outcome, fast: Bool)
  {
    let bytes = Array(text.utf8)
    let viaLoad = outcome { () throws(PlanLoadError) in try PlanLoader.load(bytes: bytes, file: "t.plan") }
    let viaSorted = outcome { () throws(PlanLoadError) in try PlanLoader.loadSorted(bytes: bytes, file: "t.plan") }
    #expect(viaLoad == viaSorted, sourceLocation: sourceLocation)
    let fast = PlanLoader.loadInOrder(bytes: bytes, file: "t.plan")
    if let fast { #expect(Outcome.plan(fast) == viaSorted, sourceLocation: sourceLocation) }
    return (viaLoad, fast != nil)
  }

  @Test func canonicalFileTakesTheFastPath() {
    let (outcome, fast) = Self.agree(Self.jilinText)
    guard case .plan(let plan) = outcome else {
      Issue.record("the Jilin plan did not load: \(outcome)")
      return
    }
    #expect(fast)
    #expect(plan.entityCount > 50)
  }

  @Test(arguments: [1, 2, 3, 42])
  func shuffledWithinEachKindTakesTheFastPathAndSortsTheTables(seed: UInt64) {
    // Keep `set plan` first and the kinds in order; shuffle the statements of each kind.
    var groups: [(String, [Substring])] = []
    for line in Self.jilinStatements {
      let kind = line.split(separator: " ").prefix(2).joined(separator: " ")
      if groups.last?.0 == kind { groups[groups.count - 1].1.append(line) } else { groups.append((kind, [line])) }
    }
    let shuffled = groups.flatMap { PlanFileTests.shuffled($0.1, seed: seed) }
    #expect(shuffled != Self.jilinStatements)
    let (outcome, fast) = Self.agree(Self.file(shuffled))
    #expect(fast)
    #expect(Self.canonical(outcome) == Self.canonical(Self.agree(Self.jilinText).0))
  }

  @Test(arguments: [1, 7])
  func shuffledAcrossKindsFallsBackToTheGeneralPath(seed: UInt64) {
    let (outcome, fast) = Self.agree(Self.file(PlanFileTests.shuffled(Self.jilinStatements, seed: seed)))
    #expect(!fast)
    #expect(Self.canonical(outcome) == Self.canonical(Self.agree(Self.jilinText).0))
  }

  static let base = """
    add criterion C1 "链" tag chain weight 0.5
    add criterion C2 "领" tag leader weight 0.5
    add field F1 "一"
    add field F2 "二"
    add org O1 "企业" type enterprise
    add org O2 "大学" type university
    add consortium K1 "联合体" field F1 period 2025..2027
    add phase P1 "期" period 2025..2026
    add phase P2 "期二" period 2027..2027
    """

  /// Files the fast path must hand over to the general path, or get right by itself.
  static let cases: [String] = [
    base,
    // Funding sources out of order, in lower case: the table is sorted afterwards.
    base + "\nadd funding K1 P1 provincial 10\nadd funding K1 P1 enterprise 20\nadd funding K1 P1 central 5",
    // A source written in upper case sorts differently from its stored form.
    base + "\nadd funding K1 P1 provincial 10\nadd funding K1 P1 Enterprise 20\nadd funding K1 P1 central 5",
    base + "\nadd funding K1 P1 Provincial 10\nadd funding K1 P1 central 20",
    // Goals whose `after` names a later goal (deferred), a missing one, and one out of order.
    base + "\nadd goal G1 \"a\" phase P1 after G2\nadd goal G2 \"b\" phase P1",
    base + "\nadd goal G1 \"a\" phase P1 after G9\nadd goal G2 \"b\" phase P1",
    base + "\nadd goal G10 \"a\" phase P1\nadd goal G2 \"b\" phase P1 after G10\nadd goal G1 \"c\" phase P2",
    // Duplicates, in order and out of order; a reversed comparison.
    base + "\nadd field F2 \"again\"",
    base + "\nadd goal G2 \"a\" phase P1\nadd goal G1 \"b\" phase P1\nadd goal G2 \"c\" phase P1",
    base + "\nadd compare C1 C2 3\nadd compare C2 C1 1/3",
    base + "\nadd compare C2 C1 1/3\nadd compare C1 C2 3",
    // Unknown references, wrong values, an action, a syntax error.
    base + "\nadd member K1 O9 role lead",
    base + "\nadd member K1 O1 role boss",
    base + "\nadd consortium K2 \"x\" field F1 agreement maybe",
    base + "\nsave x.plan",
    base + "\nadd field F3 \"unterminated",
    // Edits after the adds, and settings after the adds.
    base + "\nset field F1 note \"n\"\nremove org O2\nrename field F2 F9",
    base + "\nset plan title \"late\"",
    "set plan title \"t\"\nset plan region \"r\"\n" + base,
    // Kinds in another order; keys in a case-sensitive order; a kind split in two runs.
    "add field F1 \"一\"\nadd criterion C1 \"链\" weight 1",
    base + "\nadd org o3 \"x\"\nadd org O4 \"y\"",
    base + "\nadd goal G1 \"a\" phase P1\nadd measure M1 \"m\" phase P1\nadd goal G2 \"b\" phase P1",
    // Upper-case keywords and kinds.
    base + "\nADD Goal G1 \"a\" PHASE P1 Category TECH",
    // Chinese IDs out of order, with comments and a continued line inside the run.
    "add field F1 \"一\"\nadd org 吉大 \"吉林大学\" type university\n# 注释\nadd org 一汽 \"中国一汽\" \\\n  type enterprise\n"
      + "add org O2 \"大学\"\nadd org 长光 \"长光卫星\"\nadd org O1 \"企业\"\nadd consortium K1 \"联合体\" field F1\n"
      + "add member K1 一汽 role lead\nadd member K1 吉大",
    // Leading zeros: distinct IDs, `G1` before `G01`; a run of one; comparisons out of order.
    base + "\nadd goal G01 \"a\" phase P1\nadd goal G1 \"b\" phase P1\nadd measure M1 \"m\" phase P2",
    "add criterion C1 \"a\"\nadd criterion C2 \"b\"\nadd criterion C3 \"c\"\n"
      + "add compare C2 C3 3\nadd compare C1 C3 5\nadd compare C1 C2 1/3",
    // A duplicate after its run has been put in order, in a later run of the same kind.
    base
      + "\nadd goal G2 \"a\" phase P1\nadd goal G1 \"b\" phase P1\nadd measure M1 \"m\" phase P1\nadd goal G1 \"c\" phase P1",
  ]

  @Test(arguments: cases)
  func fastAndGeneralPathsAgree(body: String) {
    Self.agree("# cplan plan 1\n" + body + "\n")
  }

  @Test func outOfOrderKeysInLowerCaseStayOnTheFastPath() {
    let text = "# cplan plan 1\n" + Self.cases[1] + "\n"
    let (outcome, fast) = Self.agree(text)
    #expect(fast)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan[.funding].keys.map(\.c) == ["central", "enterprise", "provincial"])
  }

  @Test func shuffledChineseIDsWithCommentsStayOnTheFastPath() throws {
    let body = try #require(Self.cases.first { $0.contains("吉大") })
    let (outcome, fast) = Self.agree("# cplan plan 1\n" + body + "\n")
    #expect(fast)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan[.org].keys.map(\.a) == ["O1", "O2", "一汽", "吉大", "长光"])
    #expect(plan[.member].keys.map(\.b) == ["一汽", "吉大"])
  }

  @Test func upperCaseKeywordKeyOutOfOrderLeavesTheFastPath() {
    #expect(!Self.agree("# cplan plan 1\n" + Self.cases[2] + "\n").fast)
  }
}

/// The fast path reading the file in chunks: statements cut at any chunk boundary (multi-line
/// strings, `\` continuations, long lines, CRLF, comments) give what loading the whole file
/// gives; a failure anywhere leaves the decision to the general path.
@Suite struct ChunkedLoadTests {
  static let files: [String] = [
    LoaderFastPathTests.jilinText,
    "# cplan plan 1\n" + LoaderFastPathTests.base
      + "\nadd field F3 \"多行\n名称\" note \\\n  \"续行\"\n# 注释\n\nadd field F4 \"x\"\r\n",
    "# cplan plan 1\n" + LoaderFastPathTests.base + "\nadd field F3 \"" + String(repeating: "长", count: 3000) + "\"\n",
    "# cplan plan 1\n" + LoaderFastPathTests.base
      + "\nadd goal G1 \"a\" phase P1 after G2\nadd goal G2 \"b\" phase P2\n",
    // Failing files: the fast path must give up wherever the failure falls.
    "# cplan plan 1\n" + LoaderFastPathTests.base + "\nadd field F3 \"unterminated\nadd field F4 \"y\"\n",
    "# cplan plan 1\n" + LoaderFastPathTests.base + "\nadd field F2 \"dup\"\n",
    "# cplan plan 1\n" + LoaderFastPathTests.base + "\nadd field F3 \"x\" \\",
    "# cplan plan 3\n" + LoaderFastPathTests.base,
    "not a plan\n",
    "",
  ]

  static func write(_ text: String) throws -> String {
    let dir = try CLI.temporaryFolder()
    let url = dir.appendingPathComponent("chunked.plan")
    try CLI.write(text, to: url)
    return url.path
  }

  @Test(arguments: 0..<files.count)
  func chunksOfAnySizeGiveTheWholeFilesPlan(index: Int) throws {
    let text = Self.files[index]
    let path = try Self.write(text)
    let whole = PlanLoader.loadInOrder(bytes: Array(text.utf8), file: path)
    let valid = text.hasPrefix("# cplan plan 1\n")
    for size in [1, 2, 7, 64, 1000, 1 << 20] {
      for parallelFrom in [0, Int.max] {
        let chunked = PlanLoader.loadInOrder(path: path, chunkSize: size, parallelFrom: parallelFrom)
        #expect(chunked?.plan == (valid ? whole : nil), "chunk size \(size), parallel from \(parallelFrom)")
        if let chunked { #expect(chunked.size == text.utf8.count) }
      }
    }
    // And `load(path:)` as a whole agrees with the general path on bytes in memory.
    let viaPath = LoaderFastPathTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: path) }
    let viaBytes = LoaderFastPathTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.checkHeader(Array(text.utf8), file: path)
      return try PlanLoader.loadSorted(bytes: Array(text.utf8), file: path)
    }
    #expect(viaPath == viaBytes)
  }

  /// A file of many batches (the parsing thread hands statements over in batches of
  /// `StatementBatches.batchSize`, at most `capacity` waiting): loaded whole, or given up at a
  /// failing statement early (while the parsing thread waits to send), midway or last, the
  /// outcome is the general path's.
  @Test(arguments: [nil, 3, 2_500, 4_999])
  func aFileOfManyBatchesLoadsAsTheGeneralPathSays(failingAt: Int?) throws {
    let count = 5_000
    #expect(count > PlanLoader.StatementBatches.batchSize * (PlanLoader.StatementBatches.capacity + 2))
    var lines = (0..<count).map { "add goal G\($0 + 1) \"目标\($0 + 1)\" phase P\($0 % 2 + 1) consortium K1" }
    if let failingAt { lines[failingAt] = "add goal G\(failingAt + 1) \"坏\" phase P1 colour red" }
    let text = "# cplan plan 1\n" + LoaderFastPathTests.base + "\n" + lines.joined(separator: "\n") + "\n"
    let path = try Self.write(text)
    for parallelFrom in [0, Int.max] {  // parsed on a thread of its own, and on this one
      let fast = PlanLoader.loadInOrder(path: path, chunkSize: 4096, parallelFrom: parallelFrom)
      #expect((fast == nil) == (failingAt != nil))
      #expect(fast?.plan[.goal].count == (failingAt == nil ? count : nil))
      #expect(fast?.size == (failingAt == nil ? text.utf8.count : nil))
    }
    let viaPath = LoaderFastPathTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: path) }
    let viaBytes = LoaderFastPathTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.loadSorted(bytes: Array(text.utf8), file: path)
    }
    #expect(viaPath == viaBytes)
    if let failingAt, case .failure(let messages) = viaPath {
      // The one failure, on its line (after the header and the 9 lines of the base).
      #expect(messages.count == 1)
      #expect(messages.first?.contains(" \(failingAt + 11):") == true, "\(messages)")
    }
  }

  /// Edits after the `add`s may rename or remove a goal that another goal's `after` names: the
  /// references the `add`s deferred are checked before those edits, as a session would apply
  /// them (they used to be checked after, by the names the `add`s wrote: "unknown goal 'G101'").
  @Test(
    arguments: [
      ("rename goal G101 G101x", ["G101x"]), ("remove goal G101 cascade", nil),
      ("set goal G103 after none\nremove goal G101", nil),
    ] as [(String, [String]?)])
  func editsAfterTheAddsMayRenameOrRemoveAGoalAnAfterNames(edit: String, after: [String]?) throws {
    let text = LoaderFastPathTests.jilinText + edit + "\n"
    let (outcome, _) = LoaderFastPathTests.agree(text)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan.entity(.goal, "G103")?.values[Attr.Goal.after]?.refs == after)
    let viaPath = try PlanLoader.load(path: try Self.write(text))
    #expect(viaPath.entity(.goal, "G103")?.values[Attr.Goal.after]?.refs == after)
    // An edit naming a goal that is not there is still refused, on its line.
    let bad = LoaderFastPathTests.jilinText + edit + "\nset goal G103 after G999\n"
    guard case .failure(let messages) = LoaderFastPathTests.agree(bad).0 else {
      Issue.record("loaded a plan with an unknown goal in an after")
      return
    }
    #expect(messages.count == 1 && messages[0].hasPrefix("E103 "), "\(messages)")
  }

  /// A file with CRLF line ends throughout, the header's too, loads as the LF file does (its
  /// header ending in CR was "not a cplan plan file").
  @Test func aCRLFFileLoadsAsItsLFCopy() throws {
    let lf = LoaderFastPathTests.jilinText
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let viaCRLF = LoaderFastPathTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(path: try! Self.write(crlf))
    }
    let viaLF = LoaderFastPathTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(bytes: Array(lf.utf8), file: "x")
    }
    guard case .plan(let a) = viaCRLF, case .plan(let b) = viaLF else {
      Issue.record("\(viaCRLF)")
      return
    }
    #expect(PlanWriter.write(a) == PlanWriter.write(b))
  }

  /// A FIFO (or a pipe: `cplan check /dev/stdin`) can be read only once: it is read on the
  /// general path, from the one opening (reading it twice found it empty, or waited forever).
  @Test func aFIFOIsReadOnce() throws {
    let text = LoaderFastPathTests.jilinText
    let folder = try CLI.temporaryFolder()
    let fifo = folder.appendingPathComponent("plan.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
      let fd = open(fifo, O_WRONLY)
      guard fd >= 0 else { return }
      var bytes = Array(text.utf8)
      _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let viaFIFO = LoaderFastPathTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: fifo) }
    let viaBytes = LoaderFastPathTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(bytes: Array(text.utf8), file: fifo)
    }
    #expect(viaFIFO == viaBytes)
    if case .failure(let m) = viaFIFO { Issue.record("\(m)") }
  }

  @Test func sourceLinesOfALoadedFileComeFromDiskWhileItIsUnchanged() throws {
    let body = LoaderFastPathTests.base.replacingOccurrences(of: "0.5\nadd field F1", with: "0.5\r\nadd field F1")
    let text = "# cplan plan 1\n" + body + "\n"
    let path = try Self.write(text)
    let sources = SourceStore()
    _ = try PlanLoader.load(path: path, sources: sources)
    #expect(sources.line(1, of: path) == "# cplan plan 1")
    #expect(sources.line(3, of: path) == "add criterion C2 \"领\" tag leader weight 0.5")
    #expect(sources.line(11, of: path) == "")
    #expect(sources.line(12, of: path) == nil)
    // Changed on disk since loading: no line rather than a line from another version.
    try CLI.write(text.replacingOccurrences(of: "领", with: "X"), to: URL(fileURLWithPath: path))
    #expect(sources.line(3, of: path) == nil)
  }

  @Test func sourceLinesOfAFileThatFailedAreKept() throws {
    let text = "# cplan plan 1\n" + LoaderFastPathTests.base + "\nadd field F2 \"dup\"\n"
    let path = try Self.write(text)
    let sources = SourceStore()
    #expect(throws: PlanLoadError.self) { try PlanLoader.load(path: path, sources: sources) }
    try CLI.write("# cplan plan 1\n", to: URL(fileURLWithPath: path))
    #expect(sources.line(11, of: path) == "add field F2 \"dup\"")
  }
}
