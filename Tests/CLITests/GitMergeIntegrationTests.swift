import Foundation
import Testing

/// git with cplan as its merge driver and textconv, set up as the README says (SPEC §14), in a
/// real repository: two branches edit one plan; `git merge` calls `cplan merge`; a clean merge
/// commits; a conflict leaves markers that `cplan check` locates. Drives git, an outside
/// program (`make test-integration`; git is installed by `make deps`).
@Suite(.serialized) struct GitMergeIntegration {
  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs git in `dir` with a configuration of its own (no user or system files).
  @discardableResult
  static func git(_ arguments: [String], in dir: URL) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = dir
    process.environment = [
      "PATH": "/usr/bin:/bin", "HOME": dir.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "规划处",
      "GIT_AUTHOR_EMAIL": "plan@example.org", "GIT_COMMITTER_NAME": "规划处",
      "GIT_COMMITTER_EMAIL": "plan@example.org", "LANG": "C.UTF-8",
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
  }

  static let base = """
    # cplan plan 1
    set plan title "吉林省规划"
    add field F1 "碳纤维"
    add org jcfc "吉林化纤集团" type enterprise
    add org jlu "吉林大学" type university
    add consortium K1 "碳纤维联合体" field F1
    add member K1 jcfc role lead
    add member K1 jlu role core
    add phase P1 "攻关期" period 2025..2027
    add goal G1 "T1000 工程化" phase P1 consortium K1 target 500

    """

  /// A repository on branch main with plan.plan committed, set up as the README says, with
  /// `cplan` spelled as the built binary's path.
  static func repository() throws -> URL {
    let dir = try CLI.temporaryFolder()
    let cplan = "'\(CLI.binary)'"
    try #require(try git(["init", "-q", "-b", "main"], in: dir).status == 0)
    try Self.git(["config", "merge.cplan.name", "cplan three-way merge of plan files"], in: dir)
    try Self.git(["config", "merge.cplan.driver", "\(cplan) merge %O %A %B -o %A"], in: dir)
    try Self.git(["config", "diff.cplan.textconv", "\(cplan) fmt --stdout"], in: dir)
    try CLI.write("*.plan merge=cplan diff=cplan\n", to: dir.appendingPathComponent(".gitattributes"))
    try CLI.write(base, to: dir.appendingPathComponent("plan.plan"))
    try Self.git(["add", "."], in: dir)
    try Self.git(["commit", "-q", "-m", "base"], in: dir)
    return dir
  }

  static func commit(_ text: String, on branch: String, in dir: URL, message: String) throws {
    try Self.git(["checkout", "-q", branch], in: dir)
    try CLI.write(text, to: dir.appendingPathComponent("plan.plan"))
    try #require(try git(["commit", "-q", "-am", message], in: dir).status == 0)
  }

  /// Edits git's line merge would call a conflict (the same line, and the lines next to it),
  /// which cplan merges: ours renames org jlu to JLU, theirs sets its size and the member's chain.
  @Test func aCleanMergeByTheDriverCommits() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.git(["branch", "theirs"], in: dir)
    let ours = Self.base.replacingOccurrences(of: "org jlu", with: "org JLU")
      .replacingOccurrences(of: "member K1 jlu", with: "member K1 JLU")
    try Self.commit(ours, on: "main", in: dir, message: "rename org jlu JLU")
    let theirs = Self.base.replacingOccurrences(of: "type university", with: "type university size large")
      .replacingOccurrences(of: "role core", with: "role core chain platform")
    try Self.commit(theirs, on: "theirs", in: dir, message: "jlu: size, chain")
    try Self.git(["checkout", "-q", "main"], in: dir)

    let merge = try Self.git(["merge", "--no-edit", "theirs"], in: dir)
    #expect(merge.status == 0, "\(merge.out)\(merge.err)")
    #expect(
      try CLI.read(dir.appendingPathComponent("plan.plan")) == """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org JLU "吉林大学" type university size large
        add org jcfc "吉林化纤集团" type enterprise
        add consortium K1 "碳纤维联合体" field F1
        add member K1 JLU role core chain platform
        add member K1 jcfc role lead
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500

        """)
    // Committed: a merge commit with two parents, nothing left to commit.
    let parents = try Self.git(["log", "-1", "--format=%P"], in: dir).out
    #expect(parents.split(separator: " ").count == 2)
    #expect(try Self.git(["status", "--porcelain"], in: dir).out == "")
    #expect(try CLI.run(["check", "plan.plan"], directory: dir).status == 0)
  }

  @Test func aConflictLeavesMarkersThatCheckLocates() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.git(["branch", "theirs"], in: dir)
    try Self.commit(
      Self.base.replacingOccurrences(of: "target 500", with: "target 800"), on: "main", in: dir, message: "800")
    try Self.commit(
      Self.base.replacingOccurrences(of: "target 500", with: "target 900"), on: "theirs", in: dir, message: "900")
    try Self.git(["checkout", "-q", "main"], in: dir)

    let merge = try Self.git(["merge", "--no-edit", "theirs"], in: dir)
    #expect(merge.status == 1)
    #expect(merge.out.contains("CONFLICT"))
    #expect(try Self.git(["diff", "--name-only", "--diff-filter=U"], in: dir).out == "plan.plan\n")
    #expect(
      try CLI.read(dir.appendingPathComponent("plan.plan")).hasSuffix(
        """
        add phase P1 "攻关期" period 2025..2027
        <<<<<<< ours
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 800
        =======
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 900
        >>>>>>> theirs

        """))
    let check = try CLI.run(["check", "plan.plan"], directory: dir)
    #expect(check.status == 1)
    #expect(
      check.out.split(separator: "\n").filter { $0.hasPrefix("plan.plan:") } == [
        "plan.plan:10:1: error: unresolved merge conflict ('<<<<<<<' marker) [E017]",
        "plan.plan:12:1: error: unresolved merge conflict ('=======' marker) [E017]",
        "plan.plan:14:1: error: unresolved merge conflict ('>>>>>>>' marker) [E017]",
      ])
  }

  /// `git diff` shows the canonical form through the textconv: a reordered file is no change,
  /// and a changed value shows as its statement.
  @Test func diffShowsTheCanonicalForm() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = Self.base.split(separator: "\n")
    let reordered = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
    try CLI.write(reordered, to: dir.appendingPathComponent("plan.plan"))
    let unchanged = try Self.git(["diff", "--exit-code", "--", "plan.plan"], in: dir)
    #expect(!unchanged.out.contains("\n+add"))
    #expect(!unchanged.out.contains("\n-add"))
    try CLI.write(
      reordered.replacingOccurrences(of: "target 500", with: "target 800"), to: dir.appendingPathComponent("plan.plan"))
    let changed = try Self.git(["diff", "--", "plan.plan"], in: dir).out
    #expect(changed.contains("\n-add goal G1 \"T1000 工程化\" phase P1 consortium K1 target 500\n"))
    #expect(changed.contains("\n+add goal G1 \"T1000 工程化\" phase P1 consortium K1 target 800\n"))
    #expect(changed.split(separator: "\n").filter { $0.hasPrefix("+add") || $0.hasPrefix("-add") }.count == 2)
  }
}
