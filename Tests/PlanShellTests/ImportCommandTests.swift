import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// `import` in a session (SPEC §13): each bad input is a located error with the typed command's
/// code, and nothing changes; a good import is one undo step, journaled as the edits it made.
@Suite struct ImportCommandTests {
  /// The workbooks of `Tests/PlanIOTests/ImportFixtures` (made by its `make_fixtures.py`).
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("PlanIOTests/ImportFixtures")

  /// The plan every bad input is imported into: an org `jlu` exists.
  static let base = """
    add org jlu "吉林大学" type university
    """

  static func session() -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute(base, file: "base"))
    return (session, output)
  }

  /// One bad input: the file's name and bytes (or a fixture), and each error it must give, as
  /// the start of the rendered line (location, severity, message) and its code.
  struct Bad: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var fixture: String?
    var errors: [(at: String, code: String)]
    var contains: String = ""
    var testDescription: String { name + (fixture.map { " " + $0 } ?? "") }
  }

  static func gbk(_ text: String) throws -> [UInt8] {
    // Converted by the system's iconv program, independently of cplan's converter.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GBK"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
  }

  static let bad: [Bad] = [
    Bad(
      name: "org.csv", bytes: Array("id,nmae,type\nx1,甲,enterprise\n".utf8), errors: [("org.csv:1:2", "E101")],
      contains: "did you mean 'name'?"),
    Bad(
      name: "org.csv", bytes: Array("ID,名车\nx1,甲\n".utf8), errors: [("org.csv:1:2", "E101")],
      contains: "did you mean '名称'?"),
    // A Chinese header that is part of a label (or holds one): the label (规模 → 企业规模,
    // 单位名称 → 名称), where edit distance finds nothing (2 of 4 characters differ).
    Bad(
      name: "org.csv", bytes: Array("id,名称,规模\nx1,甲,large\n".utf8), errors: [("org.csv:1:3", "E101")],
      contains: "did you mean '企业规模'?"),
    Bad(
      name: "org.csv", bytes: Array("id,单位名称\nx1,甲\n".utf8), errors: [("org.csv:1:2", "E101")],
      contains: "did you mean '名称'?"),
    // Every bad cell of a row, in column order: a bad value of each choice and a word in a
    // percent column — the typed command's checks stop at the first.
    Bad(
      name: "org.csv",
      bytes: Array("id,name,type,size,ownership,rd-intensity\nx1,甲,公司,巨型,私人,abc\nx2,乙,企业,大型,民营,\n".utf8),
      errors: [("org.csv:2:3", "E102"), ("org.csv:2:4", "E102"), ("org.csv:2:5", "E102"), ("org.csv:2:6", "E107")],
      contains: "invalid value '私人' for ownership"),
    // A cell the lexer refuses (`3 %`) and a bad choice, in one row.
    Bad(
      name: "org.csv", bytes: Array("id,name,size,rd-intensity\nx1,甲,huge,3 %\n".utf8),
      errors: [("org.csv:2:3", "E102"), ("org.csv:2:4", "E003")], contains: "invalid value 'huge' for size"),
    Bad(
      name: "org.csv", bytes: Array("id,name,type\nx1,甲,enterprise,large\nx2,乙\n".utf8),
      errors: [("org.csv:2:4", "E142"), ("org.csv:3:2", "E142")], contains: "the row has 4 cells, the header 3"),
    Bad(
      name: "org.csv", bytes: Array("id,name,type\nx1,甲,enterprize\n".utf8), errors: [("org.csv:2:3", "E102")],
      contains: "did you mean 'enterprise'?"),
    Bad(
      name: "org.csv", bytes: Array("id,name\nx1,甲\nx2,乙\nx1,丙\n".utf8), errors: [("org.csv:4:1", "E104")],
      contains: "org 'x1' already exists"),
    // An ID the plan has, without update: the hint to add it (an ID twice in the file gets none).
    Bad(
      name: "org.csv", bytes: Array("id,name\nx1,甲\njlu,吉大\n".utf8), errors: [("org.csv:3:1", "E104")],
      contains:
        "org 'jlu' already exists [E104]\n      = hint: to change existing entities, add --update (in the shell: import PATH update)"
    ),
    Bad(name: "org.csv", bytes: [], errors: [], contains: "error: 'org.csv' has no header row [E143]"),
    Bad(name: "org.csv", bytes: Array("\n\n".utf8), errors: [], contains: "error: 'org.csv' has no header row [E143]"),
    Bad(
      name: "member.csv", bytes: Array("consortium,org,role\nK9,jlu,core\n".utf8),
      errors: [("member.csv:2:1", "E103")], contains: "unknown consortium 'K9'"),
    Bad(
      name: "orgs.csv", bytes: Array("id,name\nx1,甲\n".utf8), errors: [],
      contains:
        "cannot tell the kind of 'orgs.csv' from its name; give it: --kind KIND (import … kind KIND); did you mean 'org'? [E144]"
    ),
    Bad(
      name: "member.csv", bytes: Array("org,role\njlu,core\n".utf8), errors: [("member.csv:1:1", "E145")],
      contains: "no column 'consortium'"),
    Bad(name: "x.xlsx", bytes: [], fixture: "not-a-zip.xlsx", errors: [], contains: "not a zip archive [E140]"),
    Bad(
      name: "x.xlsx", bytes: [], fixture: "not-a-workbook.xlsx", errors: [],
      contains: "no xl/workbook.xml in the archive [E140]"),
    Bad(
      name: "x.xlsx", bytes: [], fixture: "unknown-sheet.xlsx",
      errors: [("unknown-sheet.xlsx[organisations]!A1", "E100")],
      contains: "unknown kind 'organisations'"),
    Bad(
      name: "x.xlsx", bytes: [], fixture: "formula.xlsx", errors: [("formula.xlsx[criterion]!C2", "E147")],
      contains: "formula cell without a cached value"),
  ]

  @Test(arguments: bad)
  func aBadInputIsLocatedAndChangesNothing(_ input: Bad) throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path: String
    if let fixture = input.fixture {
      path = folder.appendingPathComponent(fixture).path
      try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(fixture).path, toPath: path)
    } else {
      path = folder.appendingPathComponent(input.name).path
      try Data(input.bytes).write(to: URL(fileURLWithPath: path))
    }
    let (session, output) = Self.session()
    let before = session.plan
    var journaled: [String] = []
    session.onChange = { journaled.append($0) }
    #expect(!session.importFiles([path], options: Importer.Options(), dryRun: false))
    #expect(session.plan == before)
    #expect(journaled.isEmpty)
    let err = output.err.replacingOccurrences(of: folder.path + "/", with: "")
    for (at, code) in input.errors {
      #expect(err.contains("\(at): error:"), "\(err)")
      #expect(
        err.split(separator: "\n").contains { $0.hasPrefix("\(at): error:") && $0.hasSuffix("[\(code)]") }, "\(err)")
    }
    #expect(err.contains(input.contains), "\(err)")
  }

  /// A GBK file whose third record holds a byte that is no GB18030 (0xFF): the error names that
  /// record and field, and the rows before it change nothing either.
  @Test func aGBKFileWithAnInvalidByteIsLocated() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = try Self.gbk("id,name\nx1,吉林化纤\nx2,")
    bytes += [0xFF] + (try Self.gbk("长春\n"))
    let path = folder.appendingPathComponent("单位.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let (session, output) = Self.session()
    let before = session.plan
    #expect(!session.importFiles([path], options: Importer.Options(), dryRun: false))
    #expect(session.plan == before)
    #expect(output.err.contains("单位.csv:3:2: error: invalid byte sequence for GB18030 [E141]"), "\(output.err)")
  }

  /// One undo step; the journal gets each edit as its canonical statement.
  @Test func anImportIsOneUndoStepJournaledAsItsEdits() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("org.csv").path
    try Data("id,name,type\nx1,甲,企业\n\nx2,\"乙, 丙\",institute\n".utf8).write(to: URL(fileURLWithPath: path))
    let (session, output) = Self.session()
    let before = session.plan
    var journaled: [String] = []
    session.onChange = { journaled.append($0) }
    #expect(session.importFiles([path], options: Importer.Options(), dryRun: false), "\(output.err)")
    #expect(journaled == ["add org x1 \"甲\" type enterprise", "add org x2 \"乙, 丙\" type institute"])
    #expect(session.plan[.org].count == 3)
    #expect(session.execute("undo", file: "t"))
    #expect(session.plan == before)
    #expect(session.execute("redo", file: "t"))
    #expect(session.plan[.org].count == 3)
  }

  /// `update`: an existing entity's row is a `set` of the attributes the row gives; a new one an `add`.
  @Test func updateSetsWhatExists() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("org.csv").path
    try Data("id,name,size\njlu,吉林大学（本部）,\nx1,甲,small\n".utf8).write(to: URL(fileURLWithPath: path))
    let (session, output) = Self.session()
    var journaled: [String] = []
    session.onChange = { journaled.append($0) }
    #expect(session.importFiles([path], options: Importer.Options(update: true), dryRun: false), "\(output.err)")
    #expect(journaled == ["set org jlu name \"吉林大学（本部）\"", "add org x1 \"甲\" size small"])
    #expect(PlanWriter.write(session.plan).contains("add org jlu \"吉林大学（本部）\" type university\n"))
  }

  /// `--dry-run` lists the edits and the summary and changes nothing.
  @Test func dryRunReportsAndChangesNothing() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("org.csv").path
    try Data("id,name\nx1,甲\nx2,乙\n".utf8).write(to: URL(fileURLWithPath: path))
    let (session, output) = Self.session()
    let before = session.plan
    #expect(session.importFiles([path], options: Importer.Options(), dryRun: true))
    #expect(session.plan == before)
    #expect(output.out == "add org x1 \"甲\"\nadd org x2 \"乙\"\nwould add 2 orgs\n")
  }

  /// In a Chinese session the summary names the kinds in Chinese (it read "将新增 2 org"); the
  /// Chinese terms of every choice are values (大型 large, 民营 private, 企业 enterprise); a bad
  /// value's error lists the terms; an existing ID's error hints at `--update`.
  @Test func aChineseSessionReadsTermsAndSummarisesInChinese() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("单位.csv").path
    try Data("ID,名称,类型,企业规模,所有制\nx1,甲,企业,大型,民营\nx2,乙,高校,,\n".utf8).write(to: URL(fileURLWithPath: path))
    let output = CapturedOutput()
    var settings = Session.Settings()
    settings.language = .zh
    let session = Session(settings: settings, output: output)
    #expect(session.execute("add field F1 \"x\"", file: "base"))
    #expect(session.importFiles([path], options: Importer.Options(), dryRun: true), "\(output.err)")
    #expect(
      output.out
        == "add org x1 \"甲\" type enterprise size large ownership private\nadd org x2 \"乙\" type university\n将新增 2 个单位\n"
    )
    output.clear()
    var summary: LocalizedText?
    #expect(session.importFiles([path], options: Importer.Options(), dryRun: false, done: { summary = $0 }))
    #expect(summary?.zh == "新增 2 个单位" && summary?.en == "added 2 orgs")
    #expect(!session.importFiles([path], options: Importer.Options(), dryRun: false))
    #expect(output.err.contains("提示：要修改已有的条目，请加上 --update"), "\(output.err)")
    output.clear()
    try Data("ID,名称,企业规模\nx3,丙,巨型\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(!session.importFiles([path], options: Importer.Options(), dryRun: false))
    #expect(output.err.contains("size 的值 '巨型' 无效（可选 large（大型）|medium（中型）|small（小型））"), "\(output.err)")
    // Updating sets and the summary counts what was updated, by the kinds' Chinese names.
    try Data("ID,企业规模\nx2,中型\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(session.importFiles([path], options: Importer.Options(update: true), dryRun: false, done: { summary = $0 }))
    #expect(summary?.zh == "修改 1 个单位")
  }

  /// The shell command: `import PATH kind KIND map RULES`.
  @Test func theShellCommandTakesKindAndMap() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sheet = folder.appendingPathComponent("名单.csv").path
    try Data("序号,单位名称,代码\n1,长春光机所,ciomp\n".utf8).write(to: URL(fileURLWithPath: sheet))
    let rules = folder.appendingPathComponent("名单.rules").path
    try Data("skip 序号\n单位名称 -> name\n代码 -> id\ntype = 科研院所\n".utf8).write(to: URL(fileURLWithPath: rules))
    let (session, output) = Self.session()
    #expect(session.execute("import \(sheet) kind org map \(rules)", file: "t"), "\(output.err)")
    #expect(PlanWriter.write(session.plan).contains("add org ciomp \"长春光机所\" type institute\n"))
  }

  /// A session killed after an import: `recover` replays the import's edits, and the plan is the
  /// one the import made, one undo step again.
  @Test(arguments: [false, true])
  func anImportIsRecoveredFromTheJournal(thenUndo: Bool) throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("org.csv").path
    try Data("id,name,type\nx1,甲,企业\nx2,乙,高校\n".utf8).write(to: URL(fileURLWithPath: path))
    let first = try ShellFixture(lines: ["add field F1 \"新材料\"", "import \(path)"])
    defer { withExtendedLifetime(first) {} }
    first.runAndKill()
    #expect(first.session.plan[.org].count == 2)
    let second = try ShellFixture(lines: ["recover"] + (thenUndo ? ["undo"] : []), state: first.state)
    second.run()
    #expect(second.output.err.contains("recovered 3 changes"), "\(second.output.err)")
    if thenUndo {
      // The import is one step again: one undo leaves the field.
      #expect(second.session.plan[.org].isEmpty && second.session.plan[.field].count == 1, "\(second.output.err)")
    } else {
      #expect(PlanWriter.write(second.session.plan) == PlanWriter.write(first.session.plan))
    }
  }
}
