import Foundation
import PlanLanguage
import Testing

/// Plans never act (SPEC §6, issue 7): a plan file that holds any action — every verb that is not
/// `add`, `set`, `remove` or `rename` — is refused, line by line, before anything is executed,
/// by every command that reads plan files; no file is written, nothing is printed on standard
/// output, the other plan is not loaded, the script is not run.
@Suite struct ReliabilityActionTests {
  /// One line per action verb; each would leave a trace if it ran: a file, output, another plan.
  static let actions: [(verb: String, line: String)] = [
    ("validate", "validate strict"),
    ("rank", "rank method topsis sensitivity"),
    ("show", "show plan"),
    ("list", "list field"),
    ("export", "export json to pwned.json force"),
    ("save", "save pwned.plan force"),
    ("load", "load other.plan"),
    ("new", "new"),
    ("run", "run pwn.cplan"),
    ("undo", "undo"),
    ("redo", "redo"),
    ("help", "help add"),
    ("quit", "quit"),
    ("exit", "exit"),
    ("recover", "recover"),
    ("review", "review against other.plan"),
    ("import", "import pwn.csv update"),
    ("comment", "comment field F1"),
  ]

  @Test func everyActionVerbIsInTheTable() {
    let verbs = Verb.allCases.filter { !$0.isEdit }.map(\.rawValue)
    #expect(Set(Self.actions.map(\.verb)) == Set(verbs))
    #expect(Self.actions.count == verbs.count)
  }

  /// A folder with the bait: another plan to load, a script that would write files.
  static func folder(evil: String) throws -> URL {
    let dir = try CLI.temporaryFolder()
    try CLI.write(evil, to: dir.appendingPathComponent("evil.plan"))
    try CLI.write("# cplan plan 1\nset plan title \"OTHER-PLAN\"\n", to: dir.appendingPathComponent("other.plan"))
    try CLI.write(
      "save pwned-run.plan force\nexport json to pwned-run.json force\n",
      to: dir.appendingPathComponent("pwn.cplan"))
    return dir
  }

  static let bait: Set<String> = ["evil.plan", "other.plan", "pwn.cplan", "state"]

  /// Nothing but the bait is in the folder, and the evil plan is unchanged.
  static func expectNothingWritten(_ dir: URL, evil: String, _ context: String) throws {
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
    #expect(files.subtracting(bait).isEmpty, "\(context): \(files.subtracting(bait).sorted())")
    #expect(try CLI.read(dir.appendingPathComponent("evil.plan")) == evil, "\(context): evil.plan was rewritten")
  }

  /// The action stands first, right after the header: refused before any statement is applied.
  @Test(arguments: actions.map(\.verb))
  func aPlanFileWithAnActionIsRefused(_ verb: String) throws {
    let line = try #require(Self.actions.first { $0.verb == verb }).line
    let evil = "# cplan plan 1\n\(line)\n" + basePlan.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    let dir = try Self.folder(evil: evil)
    let env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path]
    let refusal =
      "evil.plan:2:1: error: a plan file holds only add/set/remove/rename statements; '\(verb)' is an action"
    let runs: [(String, [String], String)] = [
      ("check", ["check", "evil.plan"], ""),
      ("shell", ["evil.plan"], "list field\n"),
      ("load", [], "load evil.plan\nlist field\n"),
    ]
    for (name, arguments, stdin) in runs {
      let r = try CLI.run(arguments, stdin: stdin, directory: dir, environment: env)
      #expect(r.status == 1, "\(name): \(r.status) \(r.err)")
      // `check` reports on standard output, the others on standard error.
      let report = r.out + r.err
      #expect(report.contains(refusal), "\(name): \(report)")
      #expect(report.contains("[E110]"))
      #expect(!report.contains("OTHER-PLAN") && !report.contains("新能源汽车"), "\(name): printed \(report)")
      try Self.expectNothingWritten(dir, evil: evil, "\(verb) via \(name)")
    }
  }

  /// Every action at once, in other spellings (upper case, an ideographic space before it, a
  /// quoted path), between ordinary statements: each line is reported, and every command that
  /// reads plan files refuses the file and writes nothing.
  @Test func everyActionInOneFileIsReportedByEveryCommand() throws {
    // The header and `set plan`, then an action before each statement of the base plan.
    var base = basePlan.split(separator: "\n").map(String.init)
    var lines = Array(base.prefix(2))
    base.removeFirst(2)
    var expected: [Int] = []
    for (i, action) in Self.actions.enumerated() {
      let rest = action.line.dropFirst(action.verb.count)
      switch i % 3 {
      case 0: lines.append(action.verb.uppercased() + rest)
      case 1: lines.append("\u{3000}" + action.line)
      default: lines.append(action.line)
      }
      expected.append(lines.count)
      if !base.isEmpty { lines.append(base.removeFirst()) }
    }
    lines += base
    lines.append("save \"pwned quoted.plan\" force")
    expected.append(lines.count)
    let evil = lines.joined(separator: "\n") + "\n"
    let dir = try Self.folder(evil: evil)
    let env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path]
    let runs: [(String, [String], String, Int32)] = [
      ("check", ["check", "evil.plan"], "", 1),
      ("check --format json", ["check", "evil.plan", "--format", "json"], "", 1),
      ("shell", ["evil.plan"], "save copy.plan\n", 1),
      ("shell subcommand", ["shell", "evil.plan"], "export json to copy.json\n", 1),
      ("run", ["run", "-"], "load evil.plan\nsave copy.plan\n", 1),
      ("rank", ["rank", "evil.plan"], "", 1),
      ("export", ["export", "evil.plan", "--format", "json", "-o", "copy.json"], "", 1),
      ("fmt", ["fmt", "evil.plan"], "", 1),
      ("fmt --check", ["fmt", "--check", "evil.plan"], "", 1),
      ("diff", ["diff", "evil.plan", "other.plan"], "", 2),
      ("merge", ["merge", "evil.plan", "other.plan", "other.plan", "-o", "copy.plan"], "", 2),
      ("fmt --stdout", ["fmt", "--stdout", "evil.plan"], "", 0),
    ]
    for (name, arguments, stdin, status) in runs {
      let r = try CLI.run(arguments, stdin: stdin, directory: dir, environment: env)
      #expect(r.status == status, "\(name): \(r.status) \(r.err)")
      let report = r.out + r.err
      var reported = Set<Int>()
      if name == "check --format json" {
        let object = try JSONSerialization.jsonObject(with: r.outBytes) as? [String: Any]
        for d in object?["diagnostics"] as? [[String: Any]] ?? [] where d["code"] as? String == "E110" {
          if let line = d["line"] as? Int { reported.insert(line) }
        }
      } else {
        // Column 1, or 2 after the ideographic space.
        for line in expected
        where (1...2).contains(where: { report.contains("evil.plan:\(line):\($0): error: a plan file holds only") }) {
          reported.insert(line)
        }
      }
      #expect(reported == Set(expected), "\(name): \(report.prefix(3000))")
      #expect(!r.out.contains("OTHER-PLAN"), "\(name)")
      try Self.expectNothingWritten(dir, evil: evil, name)
    }
  }
}
