import Foundation
import Testing

/// The database exports and `--consortium` through the built executable (SPEC §13): the bad
/// input of issue 15 — `export sqlite` without a file, `--append` to a database that is not
/// cplan's, an unknown consortium — each a located error that writes nothing.
@Suite struct DatabaseExportCommandTests {
  static let jilin = PlanFileTests.jilin.path

  @Test func sqliteWithoutAFileIsAUsageError() throws {
    let dir = try CLI.temporaryFolder()
    for arguments in [["--format", "sqlite"], ["--format", "sqlite", "-o", "-"]] {
      let r = try CLI.run(["export", Self.jilin] + arguments, directory: dir)
      #expect(r.status == 2)
      #expect(r.out.isEmpty)
      #expect(r.err == "error: 'sqlite' is written to a file only; add '-o FILE' [E130]\n", "\(r.err)")
    }
    let shell = try CLI.run(["run", "-"], stdin: "load \(Self.jilin)\nexport sqlite\n", directory: dir)
    #expect(shell.status == 1)
    #expect(
      shell.err.contains("<stdin>:2:8: error: 'sqlite' is written to a file only; add 'to PATH' [E130]"),
      "\(shell.err)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// A text file and another program's SQLite database are refused, and left as they were.
  @Test(arguments: ["notes.csv", "ledger.db"])
  func appendRefusesAFileThatIsNotCplans(name: String) throws {
    let dir = try CLI.temporaryFolder()
    let file = dir.appendingPathComponent(name)
    if name.hasSuffix(".db") {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      p.arguments = ["sqlite3", file.path, "CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL);"]
      try p.run()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0, "sqlite3 must be installed (make deps)")
    } else {
      try CLI.write("单位,金额\n吉林大学,100\n", to: file)
    }
    let before = try Data(contentsOf: file)
    let r = try CLI.run(["export", Self.jilin, "--format", "sqlite", "-o", name, "--append"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("error: '\(name)' is not a cplan database"), "\(r.err)")
    #expect(r.err.hasSuffix("; nothing was added [E129]\n"), "\(r.err)")
    #expect(try Data(contentsOf: file) == before)
    let shell = try CLI.run(
      ["run", "-"], stdin: "load \(Self.jilin)\nexport sqlite to \(name) append\n", directory: dir)
    #expect(shell.status == 1)
    #expect(shell.err.contains("<stdin>:2:18: error: '\(name)' is not a cplan database"), "\(shell.err)")
    #expect(shell.err.contains("[E129]") && !shell.err.contains("[E121]"), "\(shell.err)")
    #expect(try Data(contentsOf: file) == before)
  }

  /// An existing file is replaced only with `--force` (or added to with `--append`).
  @Test func anExistingDatabaseNeedsForceOrAppend() throws {
    let dir = try CLI.temporaryFolder()
    #expect(try CLI.run(["export", Self.jilin, "--format", "sqlite", "-o", "a.db"], directory: dir).status == 0)
    let again = try CLI.run(["export", Self.jilin, "--format", "sqlite", "-o", "a.db"], directory: dir)
    #expect(again.status == 1)
    #expect(again.err == "error: 'a.db' exists; add '--force' to overwrite it [E114]\n")
    for flag in ["--force", "--append"] {
      #expect(
        try CLI.run(["export", Self.jilin, "--format", "sqlite", "-o", "a.db", flag], directory: dir).status == 0)
    }
    let json = try CLI.run(["export", Self.jilin, "--format", "json", "--append"], directory: dir)
    #expect(json.status == 2)
    #expect(json.err.contains("--append is for --format sqlite"), "\(json.err)")
  }

  /// An unknown consortium: a located error with the nearest ID, and nothing written.
  @Test func unknownConsortiumSuggestsTheNearest() throws {
    let dir = try CLI.temporaryFolder()
    let r = try CLI.run(["export", Self.jilin, "--format", "text", "--consortium", "K3"], directory: dir)
    #expect(r.status == 1)
    #expect(r.out.isEmpty)
    #expect(r.err == "error: consortium 'K3' does not exist; did you mean 'K1'? [E105]\n", "\(r.err)")
    let shell = try CLI.run(
      ["run", "-"], stdin: "load \(Self.jilin)\nexport json consortium k2x to k.json\n", directory: dir)
    #expect(shell.status == 1)
    #expect(
      shell.err.contains("<stdin>:2:24: error: consortium 'k2x' does not exist; did you mean 'K2'? [E105]"),
      "\(shell.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.json").path))
  }

  /// `export FORMAT consortium K to PATH` in the shell writes that consortium's roadmap.
  @Test func shellExportsOneConsortium() throws {
    let dir = try CLI.temporaryFolder()
    let r = try CLI.run(
      ["run", "-"],
      stdin: "load \(Self.jilin)\nexport markdown consortium K2 to k2.md\nexport sqlite consortium K2 to k2.db\n",
      directory: dir)
    #expect(r.status == 0, "\(r.err)")
    let text = try CLI.read(dir.appendingPathComponent("k2.md"))
    #expect(text.contains("新能源与智能网联汽车创新联合体"))
    #expect(!text.contains("碳纤维及复合材料创新联合体"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("k2.db").path))
  }
}
