import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The plan loader (each statement taken as it is parsed, the tables filled kind by kind) against
/// what loading means (parse everything, order by kind and key, apply one by one:
/// ``SortedApplication``): for any file both must give the same plan, or
/// the same diagnostics. Whether the statements came in the order of application shows in what
/// the loader tells its observer (the early validation).
@Suite struct LoaderTests {
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

  /// `outcome` with the plan's comments set aside. The sorted application is the reference for
  /// the order statements are applied in and what they make, not for where comments go (it
  /// attaches none): that is checked against hand-written files in `CommentTests`, and the
  /// loader's comments from a path against its comments from bytes in `ChunkedLoadTests`.
  static func withoutComments(_ outcome: Outcome) -> Outcome {
    guard case .plan(var plan) = outcome else { return outcome }
    plan.comments = PlanComments()
    return .plan(plan)
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

  /// What the loader tells its observer: the kinds whose tables it filled while the statements
  /// came in the order of application, and whether that order broke (or the file failed).
  final class Recorder: PlanLoadObserver {
    var kinds: [Kind] = []
    var wasAbandoned = false
    func filled(_ kind: Kind, in plan: Plan) { kinds.append(kind) }
    func abandoned() { wasAbandoned = true }
  }

  /// Checks that `load` and the sorted application agree on `text`.
  /// - Returns: the outcome, and whether the statements came in the order of application (the
  ///   loader's observer was told of tables and not told that the order broke).
  @discardableResult
  static func agree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (
    Outcome, inOrder: Bool
  ) {
    let bytes = Array(text.utf8)
    let recorder = Recorder()
    let viaLoad = outcome { () throws(PlanLoadError) in
      try PlanLoader.load(bytes: bytes, file: "t.plan", observer: recorder)
    }
    let viaSorted = outcome { () throws(PlanLoadError) in
      try PlanLoader.checkHeader(bytes, file: "t.plan")
      return try SortedApplication.load(bytes: bytes, file: "t.plan")
    }
    #expect(withoutComments(viaLoad) == viaSorted, sourceLocation: sourceLocation)
    return (viaLoad, !recorder.wasAbandoned && !recorder.kinds.isEmpty)
  }

  @Test func canonicalFileIsTakenInOrder() {
    let (outcome, inOrder) = Self.agree(Self.jilinText)
    guard case .plan(let plan) = outcome else {
      Issue.record("the Jilin plan did not load: \(outcome)")
      return
    }
    #expect(inOrder)
    #expect(plan.entityCount > 50)
  }

  @Test(arguments: [1, 2, 3, 42])
  func shuffledWithinEachKindIsTakenInOrderAndSortsTheTables(seed: UInt64) {
    // Keep `set plan` first and the kinds in order; shuffle the statements of each kind.
    var groups: [(String, [Substring])] = []
    for line in Self.jilinStatements {
      let kind = line.split(separator: " ").prefix(2).joined(separator: " ")
      if groups.last?.0 == kind { groups[groups.count - 1].1.append(line) } else { groups.append((kind, [line])) }
    }
    let shuffled = groups.flatMap { PlanFileTests.shuffled($0.1, seed: seed) }
    #expect(shuffled != Self.jilinStatements)
    let (outcome, inOrder) = Self.agree(Self.file(shuffled))
    #expect(inOrder)
    #expect(Self.canonical(outcome) == Self.canonical(Self.agree(Self.jilinText).0))
  }

  @Test(arguments: [1, 7])
  func shuffledAcrossKindsLoadsTheSamePlan(seed: UInt64) {
    let (outcome, inOrder) = Self.agree(Self.file(PlanFileTests.shuffled(Self.jilinStatements, seed: seed)))
    #expect(!inOrder)
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

  /// Files in and out of order, valid and failing, that the loader must get right.
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
  func loaderAndSortedApplicationAgree(body: String) {
    Self.agree("# cplan plan 1\n" + body + "\n")
  }

  @Test func outOfOrderKeysInLowerCaseAreSorted() {
    let text = "# cplan plan 1\n" + Self.cases[1] + "\n"
    let (outcome, inOrder) = Self.agree(text)
    #expect(inOrder)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan[.funding].keys.map(\.c) == ["central", "enterprise", "provincial"])
  }

  @Test func shuffledChineseIDsWithCommentsAreSorted() throws {
    let body = try #require(Self.cases.first { $0.contains("吉大") })
    let (outcome, inOrder) = Self.agree("# cplan plan 1\n" + body + "\n")
    #expect(inOrder)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan[.org].keys.map(\.a) == ["O1", "O2", "一汽", "吉大", "长光"])
    #expect(plan[.member].keys.map(\.b) == ["一汽", "吉大"])
    // The `# 注释` line stands above `add org 一汽` in the file: it stays with that org.
    #expect(plan.comments[CommentTarget(.org, EntityKey("一汽"))] == ["# 注释"])
    #expect(plan.comments.trailer.isEmpty)
  }

  /// A funding source written `Enterprise` sorts as written (before `central`), as the sorted
  /// application orders the statements: `Enterprise` < `central` < `provincial` (upper case first).
  @Test func upperCaseKeywordKeyOutOfOrderSortsAsWritten() {
    guard case .plan(let plan) = Self.agree("# cplan plan 1\n" + Self.cases[2] + "\n").0 else {
      Issue.record("did not load")
      return
    }
    #expect(plan[.funding].keys.map(\.c) == ["enterprise", "central", "provincial"])
  }

  /// An expert's `org` names an org, a kind that comes after `expert` (SPEC §6). In a panel plan
  /// that fails on another line, it is checked once the orgs are in, as when the file loads: only
  /// the failing line is reported (the failing file's own path checked it in kind order, before
  /// any org, and reported "unknown org" on the expert's line too). An org that is not there is
  /// still reported, on the expert's line, with a suggestion.
  @Test(arguments: [("cfsme", nil), ("cfsmf", "cfsme")] as [(String, String?)])
  func anExpertsOrgInAFailingFileIsCheckedOnceTheOrgsAreIn(org: String, missingSuggests: String?) throws {
    let panel = try CLI.read(CLI.root.appendingPathComponent("plans/jilin-panel.plan"))
    var lines = panel.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let expertLine = try #require(lines.firstIndex { $0.hasPrefix("add expert E1 ") })
    lines[expertLine] += " org \(org)"
    let text = lines.joined(separator: "\n")
    // Without a failing line: it loads, E1 works at the org; or fails on the expert's line alone.
    let (clean, _) = Self.agree(text)
    if missingSuggests == nil {
      guard case .plan(let plan) = clean else {
        Issue.record("the panel plan with E1's org did not load: \(clean)")
        return
      }
      #expect(plan.entity(.expert, "E1")?.values[Attr.Expert.org]?.ref == org)
    }
    // With a failing line at the end (an unknown attribute): that line, and E1's only when its
    // org is missing.
    let failing = text + (text.hasSuffix("\n") ? "" : "\n") + "add field FBAD \"坏\" colour red\n"
    let badLine = failing.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let (outcome, _) = Self.agree(failing)
    guard case .failure(let messages) = outcome else {
      Issue.record("loaded a plan with an unknown attribute: \(outcome)")
      return
    }
    let lineNumbers = messages.map { $0.split(separator: " ")[1].split(separator: ":")[0] }.map { Int($0) }
    #expect(lineNumbers == (missingSuggests == nil ? [badLine] : [expertLine + 1, badLine]), "\(messages)")
    if let suggestion = missingSuggests { #expect(messages[0].contains(suggestion), "\(messages)") }
    // The loader from a file on disk says the same.
    let path = try ChunkedLoadTests.write(failing)
    let viaPath = Self.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: path) }
    #expect(viaPath == outcome)
  }
}

/// The loader reading the file in chunks, on this thread or parsing on another: statements cut
/// at any chunk boundary (multi-line strings, `\` continuations, long lines, CRLF, comments)
/// give what loading the whole file gives; a failure anywhere is found.
@Suite struct ChunkedLoadTests {
  static let files: [String] = [
    LoaderTests.jilinText,
    "# cplan plan 1\n" + LoaderTests.base
      + "\nadd field F3 \"多行\n名称\" note \\\n  \"续行\"\n# 注释\n\nadd field F4 \"x\"\r\n",
    "# cplan plan 1\n" + LoaderTests.base + "\nadd field F3 \"" + String(repeating: "长", count: 3000) + "\"\n",
    "# cplan plan 1\n" + LoaderTests.base
      + "\nadd goal G1 \"a\" phase P1 after G2\nadd goal G2 \"b\" phase P2\n",
    // Failing files: the loader must find the failure wherever it falls.
    "# cplan plan 1\n" + LoaderTests.base + "\nadd field F3 \"unterminated\nadd field F4 \"y\"\n",
    "# cplan plan 1\n" + LoaderTests.base + "\nadd field F2 \"dup\"\n",
    "# cplan plan 1\n" + LoaderTests.base + "\nadd field F3 \"x\" \\",
    "# cplan plan 3\n" + LoaderTests.base,
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
    let whole = try? PlanLoader.load(bytes: Array(text.utf8), file: path)
    let valid = text.hasPrefix("# cplan plan 1\n") || text.hasPrefix("# cplan plan 2\n")
    for size in [1, 2, 7, 64, 1000, 1 << 20] {
      for parallelFrom in [0, Int.max] {
        let chunked = PlanLoader.load(path: path, chunkSize: size, parallelFrom: parallelFrom)
        #expect(chunked?.plan == (valid ? whole : nil), "chunk size \(size), parallel from \(parallelFrom)")
        if let chunked { #expect(chunked.size == text.utf8.count) }
      }
    }
    // And `load(path:)` as a whole agrees with the sorted application on bytes in memory
    // (comments aside: the loop above compares them with the loader's on bytes).
    let viaPath = LoaderTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: path) }
    let viaBytes = LoaderTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.checkHeader(Array(text.utf8), file: path)
      return try SortedApplication.load(bytes: Array(text.utf8), file: path)
    }
    #expect(LoaderTests.withoutComments(viaPath) == viaBytes)
  }

  /// A file of many batches (the parsing thread hands statements over in batches of
  /// `StatementBatches.batchSize`, at most `capacity` waiting): loaded whole, or given up at a
  /// failing statement early (while the parsing thread waits to send), midway or last, the
  /// outcome is the sorted application's.
  @Test(arguments: [nil, 3, 2_500, 4_999])
  func aFileOfManyBatchesLoadsAsTheSortedApplicationSays(failingAt: Int?) throws {
    let count = 5_000
    #expect(count > PlanLoader.StatementBatches.batchSize * (PlanLoader.StatementBatches.capacity + 2))
    var lines = (0..<count).map { "add goal G\($0 + 1) \"目标\($0 + 1)\" phase P\($0 % 2 + 1) consortium K1" }
    if let failingAt { lines[failingAt] = "add goal G\(failingAt + 1) \"坏\" phase P1 colour red" }
    let text = "# cplan plan 1\n" + LoaderTests.base + "\n" + lines.joined(separator: "\n") + "\n"
    let path = try Self.write(text)
    for parallelFrom in [0, Int.max] {  // parsed on a thread of its own, and on this one
      let loaded = PlanLoader.load(path: path, chunkSize: 4096, parallelFrom: parallelFrom)
      #expect((loaded == nil) == (failingAt != nil))
      #expect(loaded?.plan[.goal].count == (failingAt == nil ? count : nil))
      #expect(loaded?.size == (failingAt == nil ? text.utf8.count : nil))
    }
    let viaPath = LoaderTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: path) }
    let viaBytes = LoaderTests.outcome { () throws(PlanLoadError) in
      try SortedApplication.load(bytes: Array(text.utf8), file: path)
    }
    #expect(LoaderTests.withoutComments(viaPath) == viaBytes)
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
    let text = LoaderTests.jilinText + edit + "\n"
    let (outcome, _) = LoaderTests.agree(text)
    guard case .plan(let plan) = outcome else {
      Issue.record("did not load: \(outcome)")
      return
    }
    #expect(plan.entity(.goal, "G103")?.values[Attr.Goal.after]?.refs == after)
    let viaPath = try PlanLoader.load(path: try Self.write(text))
    #expect(viaPath.entity(.goal, "G103")?.values[Attr.Goal.after]?.refs == after)
    // An edit naming a goal that is not there is still refused, on its line.
    let bad = LoaderTests.jilinText + edit + "\nset goal G103 after G999\n"
    guard case .failure(let messages) = LoaderTests.agree(bad).0 else {
      Issue.record("loaded a plan with an unknown goal in an after")
      return
    }
    #expect(messages.count == 1 && messages[0].hasPrefix("E103 "), "\(messages)")
  }

  /// A file with CRLF line ends throughout, the header's too, loads as the LF file does (its
  /// header ending in CR was "not a cplan plan file").
  @Test func aCRLFFileLoadsAsItsLFCopy() throws {
    let lf = LoaderTests.jilinText
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let viaCRLF = LoaderTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(path: try! Self.write(crlf))
    }
    let viaLF = LoaderTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(bytes: Array(lf.utf8), file: "x")
    }
    guard case .plan(let a) = viaCRLF, case .plan(let b) = viaLF else {
      Issue.record("\(viaCRLF)")
      return
    }
    #expect(PlanWriter.write(a) == PlanWriter.write(b))
  }

  /// A FIFO (or a pipe: `cplan check /dev/stdin`) can be read only once: it is read whole from
  /// the one opening, then loaded (reading it twice found it empty, or waited forever).
  @Test func aFIFOIsReadOnce() throws {
    let text = LoaderTests.jilinText
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
    let viaFIFO = LoaderTests.outcome { () throws(PlanLoadError) in try PlanLoader.load(path: fifo) }
    let viaBytes = LoaderTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(bytes: Array(text.utf8), file: fifo)
    }
    #expect(viaFIFO == viaBytes)
    if case .failure(let m) = viaFIFO { Issue.record("\(m)") }
  }

  @Test func sourceLinesOfALoadedFileComeFromDiskWhileItIsUnchanged() throws {
    let body = LoaderTests.base.replacingOccurrences(of: "0.5\nadd field F1", with: "0.5\r\nadd field F1")
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
    let text = "# cplan plan 1\n" + LoaderTests.base + "\nadd field F2 \"dup\"\n"
    let path = try Self.write(text)
    let sources = SourceStore()
    #expect(throws: PlanLoadError.self) { try PlanLoader.load(path: path, sources: sources) }
    try CLI.write("# cplan plan 1\n", to: URL(fileURLWithPath: path))
    #expect(sources.line(11, of: path) == "add field F2 \"dup\"")
  }
}

/// A plan grouped per consortium (each consortium's orgs, the consortium, its members, goals,
/// measures and funding together, as a script writing a plan from a spreadsheet writes it) and
/// the same statements in canonical order load to equal plans, entity by entity, with equal
/// diagnostics; only the canonical file is taken in the order of application.
@Suite struct StatementOrderTests {
  /// The global statements, then one group of statements per consortium (`n` of them). Every
  /// goal and measure has a name of its own; a goal's `after` names the goal before it and, for
  /// the last phase, the next consortium's first goal (a reference forward, across groups).
  static func groups(_ n: Int) -> (global: [String], perConsortium: [[String]]) {
    let global = [
      "set plan title \"分组\" cutoff 2",
      "add criterion C1 \"链\" tag chain weight 0.6",
      "add criterion C2 \"领\" tag leader weight 0.4",
      "add compare C1 C2 3",
      "add field F1 \"一\"", "add field F2 \"二\"", "add field F3 \"三\"",
      "add score F1 C1 5", "add score F2 C1 6", "add score F3 C2 7",
      "add expert E1 \"专家\"", "add judgement E1 C1 C2 3", "add rating E1 F1 C2 4",
      "add phase P1 \"一期\" period 2025..2026", "add phase P2 \"二期\" period 2027..2028",
    ]
    var groups: [[String]] = []
    for k in 1...n {
      let g = (k - 1) * 2
      let m = (k - 1) * 3
      let nextFirstGoal = k < n ? ",G\(g + 3)" : ""
      groups.append([
        "add org O\(2 * k - 1) \"企业\(k)\" type enterprise size large",
        "add org O\(2 * k) \"大学\(k)\" type university",
        "add consortium K\(k) \"联合体\(k)\" field F\(k % 3 + 1) period 2025..2028 agreement yes",
        "add member K\(k) O\(2 * k - 1) role lead chain midstream",
        "add member K\(k) O\(2 * k) role core chain platform",
        "add goal G\(g + 1) \"目标 K\(k)-1\" phase P1 consortium K\(k) indicator \"产值\" unit \"亿元\" baseline 1 target 2",
        "add goal G\(g + 2) \"目标 K\(k)-2\" phase P2 consortium K\(k) baseline 2 target 3 after G\(g + 1)"
          + nextFirstGoal,
        "add measure M\(m + 1) \"措施 K\(k)-1\" phase P1 consortium K\(k) instrument grant funder provincial amount 10",
        "add measure M\(m + 2) \"措施 K\(k)-2\" phase P1 consortium K\(k) instrument talent funder enterprise",
        "add measure M\(m + 3) \"措施 K\(k)-3\" phase P2 consortium K\(k) instrument ip funder enterprise",
        "add funding K\(k) P1 enterprise 100", "add funding K\(k) P1 provincial 20",
        "add funding K\(k) P2 central 5",
        "add checkpoint G\(g + 2) 2027 2.5", "add actual G\(g + 1) 2025 1.2", "add outlay K\(k) 2025 provincial 10",
      ])
    }
    return (global, groups)
  }

  /// The kind an `add` line adds (its index), or -1 for `set plan` (first).
  static func kindIndex(_ line: String) -> Int {
    let words = line.split(separator: " ")
    guard words.first == "add", words.count > 1, let kind = Kind(rawValue: String(words[1])) else { return -1 }
    return kind.index
  }

  /// The grouped file (the phases first: goals name them) and the canonical one: the same lines
  /// in kind order (stable), which within each kind is natural key order already (`K2` < `K10`,
  /// `O3` < `O10`, `G3` < `G10`, sources `central` < `enterprise` < `provincial` per consortium
  /// and phase).
  static func files(_ n: Int, extra: [Int: [String]] = [:]) -> (grouped: String, canonical: String) {
    let (global, perConsortium) = groups(n)
    let phases = global.filter { $0.hasPrefix("add phase") }
    var grouped = global.filter { !$0.hasPrefix("add phase") } + phases
    for (k, group) in perConsortium.enumerated() { grouped += group + (extra[k + 1] ?? []) }
    let canonical = grouped.enumerated().sorted { a, b in
      let (x, y) = (kindIndex(a.element), kindIndex(b.element))
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
    return (LoaderTests.file(grouped), LoaderTests.file(canonical))
  }

  /// Loads `text` as a file, through the loader as the program uses it.
  static func load(_ text: String, name: String) throws -> (LoaderTests.Outcome, recorder: LoaderTests.Recorder) {
    let path = try CLI.temporaryFolder().appendingPathComponent(name).path
    try CLI.write(text, to: URL(fileURLWithPath: path))
    let recorder = LoaderTests.Recorder()
    let outcome = LoaderTests.outcome { () throws(PlanLoadError) in
      try PlanLoader.load(path: path, observer: recorder)
    }
    return (outcome, recorder)
  }

  @Test func aPlanGroupedPerConsortiumLoadsToTheCanonicalPlan() throws {
    let n = 30
    let (grouped, canonical) = Self.files(n)
    #expect(grouped != canonical)
    let (a, groupedRecorder) = try Self.load(grouped, name: "grouped.plan")
    let (b, canonicalRecorder) = try Self.load(canonical, name: "canonical.plan")
    guard case .plan(let x) = a, case .plan(let y) = b else {
      Issue.record("did not load: \(a), \(b)")
      return
    }
    #expect(x.settings == y.settings)
    for kind in Kind.allCases {
      // Keys in natural order, whichever order the file had.
      #expect(Array(x[kind].keys) == Array(y[kind].keys), "\(kind)")
      for (e, f) in zip(x[kind].values, y[kind].values) {
        #expect(e.key == f.key && e.name == f.name && e.values == f.values, "\(kind) \(e.key)")
      }
    }
    // 2 orgs, 1 consortium, 2 members, 2 goals, 3 measures, 3 funding lines, a checkpoint, an actual
    // and an outlay per consortium.
    #expect(x[.org].count == 2 * n && x[.member].count == 2 * n && x[.goal].count == 2 * n)
    #expect(x[.measure].count == 3 * n && x[.funding].count == 3 * n && x[.consortium].count == n)
    #expect(x[.checkpoint].count == n && x[.actual].count == n && x[.outlay].count == n)
    #expect(x[.goal].keys.prefix(3).map(\.a) == ["G1", "G2", "G3"])
    #expect(x.entity(.goal, "G2")?.values[Attr.Goal.after]?.refs == ["G1", "G3"])
    #expect(PlanWriter.write(x) == PlanWriter.write(y))
    // The canonical file was taken in the order of application, its tables told as filled;
    // the grouped one broke it at its second consortium.
    #expect(!canonicalRecorder.wasAbandoned && canonicalRecorder.kinds == Kind.allCases)
    #expect(groupedRecorder.wasAbandoned)
  }

  /// Failing statements in the groups: each is reported in both files, with the same code and
  /// message, on the line that holds it; nothing loads.
  @Test func aPlanGroupedPerConsortiumFailsWithTheCanonicalPlansDiagnostics() throws {
    let extra: [Int: [String]] = [
      3: ["add member K3 O99 role core"],  // an unknown org
      7: ["add goal G900 \"坏\" phase P9 consortium K7"],  // an unknown phase
      12: ["add funding K12 P1 enterprise 7"],  // a duplicate key
      20: ["add goal G901 \"x\" phase P1 after G999"],  // an unknown goal in `after`
      25: ["add org O1 \"重复\""],  // a duplicate of the first consortium's org
    ]
    let (grouped, canonical) = Self.files(30, extra: extra)
    func described(_ outcome: LoaderTests.Outcome, _ text: String) -> [String] {
      guard case .failure(let messages) = outcome else { return ["loaded"] }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      // "E103 12:17 message": the code, the statement on that line, the column and the message.
      return messages.map { m in
        let parts = m.split(separator: " ", maxSplits: 2)
        let position = parts[1].split(separator: ":")
        let line = Int(position[0]).map { lines[$0 - 1] } ?? "?"
        return "\(parts[0]) [\(line)] \(position[1]) \(parts[2])"
      }.sorted()
    }
    let (a, groupedRecorder) = try Self.load(grouped, name: "grouped.plan")
    let (b, _) = try Self.load(canonical, name: "canonical.plan")
    let x = described(a, grouped)
    #expect(x == described(b, canonical))
    #expect(x.count == extra.count, "\(x)")
    #expect(groupedRecorder.wasAbandoned)
  }
}
