import Foundation
import Testing

/// A small valid plan the bad-input rows start from.
let basePlan = """
  # cplan plan 1
  set plan title "测试" horizon 2025..2030
  add criterion C1 "产业链基础" tag chain weight 1
  add field F1 "新能源汽车"
  add field F2 "碳纤维"
  add score F1 C1 8
  add score F2 C1 7
  add org jlu "吉林大学" type university
  add org faw "中国一汽" type enterprise size large
  add consortium K1 "汽车联合体" field F1 period 2025..2029
  add member K1 faw role lead chain downstream
  add member K1 jlu role core chain platform
  add phase P1 "攻关期" period 2025..2027

  """

@Suite struct BadInputTests {
  /// (bad line, code, column, message fragment). The bad line is line 2 of the script.
  static let rows: [(String, String, Int, String)] = [
    ("add feild F9 \"x\"", "E100", 5, "unknown kind 'feild'; did you mean 'field'?"),
    ("add org x \"X\" tpye enterprise", "E101", 15, "unknown attribute 'tpye' for org; did you mean 'type'?"),
    ("set member K1 jlu chain midstrem", "E102", 25, "did you mean 'midstream'?"),
    ("add consortium K4 \"氢能轨道\" field F9", "E103", 32, "unknown field 'F9'; did you mean 'F1'?"),
    ("add field F1 \"重复\"", "E104", 11, "field 'F1' already exists"),
    ("remove field F1", "E106", 14, "cannot remove field 'F1': referenced by score F1 C1"),
    ("add funding K1 P1 enterprise -5", "E108", 30, "amounts are never negative"),
    ("add score F1 C1 ８", "E004", 17, "full-width digits are not numbers"),
    ("add field F3 \"名\u{FFFD}\"", "E001", 16, "invalid UTF-8"),
  ]

  @Test(arguments: rows)
  func badLineIsReportedAndChangesNothing(_ row: (String, String, Int, String)) throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write(basePlan, to: dir.appendingPathComponent("base.plan"))
    var script = Data("load base.plan\n".utf8)
    if row.1 == "E001" {
      // A real invalid byte (0xFF) where the row shows U+FFFD.
      var bytes = Array(row.0.utf8)
      let marker = Array("\u{FFFD}".utf8)
      if let i = (0...(bytes.count - marker.count)).first(where: { Array(bytes[$0..<$0 + marker.count]) == marker }) {
        bytes.replaceSubrange(i..<i + marker.count, with: [0xFF])
      }
      script.append(contentsOf: bytes)
    } else {
      script.append(contentsOf: Array(row.0.utf8))
    }
    script.append(contentsOf: Array("\nsave out.plan force\n".utf8))
    try script.write(to: dir.appendingPathComponent("bad.cplan"))
    let r = try CLI.run(["run", "--keep-going", "bad.cplan"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("bad.cplan:2:\(row.2): error: "), "\(r.err)")
    #expect(r.err.contains("[\(row.1)]"), "\(r.err)")
    #expect(r.err.contains(row.3), "\(r.err)")
    // The plan is unchanged: what was saved after the failure is the canonical base plan.
    let saved = try CLI.read(dir.appendingPathComponent("out.plan"))
    let reference = try CLI.run(["run", "-"], stdin: "load base.plan\nsave ref.plan force\n", directory: dir)
    #expect(reference.status == 0)
    #expect(saved == (try CLI.read(dir.appendingPathComponent("ref.plan"))))
  }

  @Test func unterminatedStringAtEndOfInput() throws {
    let r = try CLI.run([], stdin: "add field F1 \"好\"\nadd field F2 \"未结束")
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("<stdin>:2:14: error: unterminated string [E002]"), "\(r.err)")
  }

  @Test func newerFormatVersionExitsTwo() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write("# cplan plan 3\nadd field F1 \"x\"\n", to: dir.appendingPathComponent("new.plan"))
    let check = try CLI.run(["check", "new.plan"], directory: dir)
    #expect(check.status == 2)
    #expect(check.out.contains("[E113]") || check.err.contains("[E113]"))
    let load = try CLI.run([], stdin: "load new.plan\n", directory: dir)
    #expect(load.status == 2)
    #expect(load.err.contains("plan format 3"), "\(load.err)")
    let direct = try CLI.run(["new.plan"], stdin: "", directory: dir)
    #expect(direct.status == 2)
  }

  @Test func missingFileExitsTwo() throws {
    #expect(try CLI.run(["check", "/nonexistent/x.plan"]).status == 2)
    #expect(try CLI.run(["run", "/nonexistent/x.cplan"]).status == 2)
    #expect(try CLI.run(["--no-such-option"]).status == 2)
  }

  /// Standard input that cannot be read (a folder) is E112 with exit status 2, as an
  /// unreadable script is; it used to crash.
  @Test(arguments: [[], ["run", "-"]]) func unreadableStandardInputExitsTwo(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = arguments
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/"))
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2)
    let name = arguments.isEmpty ? "<stdin>" : "-"
    #expect(message == "error: cannot read '\(name)': Is a directory [E112]\n", "\(message)")
  }

  @Test func actionInsidePlanFileIsRefusedAndWritesNothing() throws {
    let dir = try CLI.temporaryFolder()
    let evil = basePlan + "export json to pwned.json force\nsave pwned.plan\nrun other.cplan\n"
    try CLI.write(evil, to: dir.appendingPathComponent("evil.plan"))
    let r = try CLI.run([], stdin: "load evil.plan\n", directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("evil.plan:14:1: error: a plan file holds only add/set/remove/rename statements; 'export'"))
    #expect(r.err.contains("evil.plan:15:1:"))
    #expect(r.err.contains("evil.plan:16:1:"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned.json").path))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned.plan").path))
    let check = try CLI.run(["check", "evil.plan"], directory: dir)
    #expect(check.status == 1)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned.json").path))
  }

  @Test func runCycleNamesTheChain() throws {
    let dir = try CLI.temporaryFolder()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try CLI.write("add field F1 \"x\"\nrun sub/b.cplan\n", to: dir.appendingPathComponent("a.cplan"))
    // Relative to b's own folder: ../a.cplan.
    try CLI.write("run ../a.cplan\n", to: dir.appendingPathComponent("sub/b.cplan"))
    let r = try CLI.run(["run", "a.cplan"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("b.cplan:1:5: error: run cycle: "), "\(r.err)")
    #expect(r.err.contains("a.cplan → ") && r.err.contains("sub/b.cplan → ") && r.err.contains("[E111]"), "\(r.err)")
  }

  @Test func planFileWithThreeBadLinesReportsAllThree() throws {
    let dir = try CLI.temporaryFolder()
    let text = basePlan + "add field F3 \"x\" colour red\nadd member K1 nobody\nadd field F4 １\n"
    try CLI.write(text, to: dir.appendingPathComponent("bad3.plan"))
    let r = try CLI.run(["check", "bad3.plan"], directory: dir)
    #expect(r.status == 1)
    let all = r.out + r.err
    #expect(all.contains("bad3.plan:14:18: error: unknown attribute 'colour'"), "\(all)")
    #expect(all.contains("bad3.plan:15:15: error: unknown org 'nobody'"), "\(all)")
    #expect(all.contains("bad3.plan:16:14: error: full-width digits"), "\(all)")
  }
}
