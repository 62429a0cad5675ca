import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The database exports (SPEC §13): the layout derived from the schema, the `sqlite` file read
/// back by Python's own sqlite3 module (an independent reader), `--append`, the `sql` text loaded
/// into SQLite, and the refusals.
@Suite struct DatabaseExportTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Rows of `query` on the database at `path`, by Python's sqlite3: one line per row, values
  /// joined by `|`, `NULL` for null, floats as Python's `repr`.
  static func query(_ path: String, _ query: String) throws -> [String] {
    let script = """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      for row in db.execute(sys.argv[2]):
          print("|".join("NULL" if v is None else str(v) for v in row))
      """
    let out = try ExportPython.run(script, input: "", arguments: [path, query])
    return out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  static func export(_ plan: Plan, to path: String, file: String, append: Bool = false, consortium: String? = nil)
    throws(DatabaseExportError)
  {
    var options = ExportOptions(file: file)
    options.consortium = consortium
    try SQLiteExport.write(plan, to: path, append: append, options: options)
  }

  // MARK: Layout

  /// Every kind has its table, named after it, with the plan, its key parts, its name and each
  /// attribute (`-` as `_`, a period as two columns) — read from the schema, so a kind added
  /// later is covered too.
  @Test(arguments: Kind.allCases)
  func everyKindHasItsTable(kind: Kind) {
    let table = DatabaseLayout.table(for: kind)
    let spec = kind.spec
    #expect(table.name == kind.rawValue)
    let names = table.columns.map(\.name)
    #expect(Set(names).count == names.count, "column names repeat: \(names)")
    #expect(names.first == "plan")
    #expect(table.primaryKey.first == "plan")
    #expect(table.primaryKey.count == 1 + spec.keys.count)
    #expect(names.contains("name") == spec.hasName)
    for attribute in spec.attributes {
      let column = attribute.name.replacingOccurrences(of: "-", with: "_")
      switch attribute.type {
      case .period, .yearPeriod: #expect(names.contains(column + "_start") && names.contains(column + "_end"))
      case .range: #expect(names.contains(column + "_min") && names.contains(column + "_max"))
      default: #expect(names.contains(column), "\(kind) lacks \(column)")
      }
    }
    // Each foreign key refers to a table created before this one.
    let position = DatabaseLayout.tables.firstIndex { $0.name == table.name }!
    for key in table.foreignKeys {
      let target = DatabaseLayout.tables.firstIndex { $0.name == key.table }
      #expect(target != nil && target! < position, "\(table.name) → \(key.table)")
    }
  }

  /// Keys and foreign keys as SPEC §13 and the import headers name them.
  @Test func keysOfCompositeKinds() {
    #expect(DatabaseLayout.table(for: .member).primaryKey == ["plan", "consortium", "org"])
    #expect(DatabaseLayout.table(for: .compare).primaryKey == ["plan", "criterion1", "criterion2"])
    #expect(DatabaseLayout.table(for: .funding).primaryKey == ["plan", "consortium", "phase", "source"])
    #expect(DatabaseLayout.table(for: .checkpoint).primaryKey == ["plan", "goal", "year"])
    let goal = DatabaseLayout.table(for: .goal)
    #expect(goal.foreignKeys.map(\.table) == ["plan", "phase", "consortium"])
    #expect(goal.columns.first { $0.name == "baseline_year" }?.type == .integer)
    #expect(goal.columns.first { $0.name == "after" }?.type == .text)
    let names = DatabaseLayout.tables.map(\.name)
    #expect(Array(names.suffix(3)) == ["ranking", "diagnostics", "status"])
    #expect(names.first == "plan")
  }

  @Test(arguments: [
    ("plans/jilin-2025-2030.plan", "jilin-2025-2030"), ("a.plan", "a"), ("/x/y/吉林.plan", "吉林"),
    ("notes.txt", "notes.txt"), (".plan", ".plan"),
  ])
  func planNameIsTheFileBaseName(file: String, name: String) {
    #expect(DatabaseLayout.planName(file: file) == name)
  }

  @Test func literalsQuoteForBothDatabases() {
    #expect(DatabaseSQL.literal(.text("O'Brien 吉林")) == "'O''Brien 吉林'")
    #expect(DatabaseSQL.literal(.text("")) == "''")
    #expect(DatabaseSQL.literal(.boolean(true)) == "TRUE")
    #expect(DatabaseSQL.literal(.null) == "NULL")
    #expect(DatabaseSQL.literal(.real(0.25)) == "0.25")
    #expect(DatabaseSQL.identifier("a\"b") == "\"a\"\"b\"")
  }

  // MARK: sqlite

  /// The Jilin plan: as many rows per kind as the plan file has `add` lines of it, values as
  /// the plan file gives them, clean foreign keys and cplan's application ID.
  @Test func jilinReadsBack() throws {
    let dir = try Self.folder()
    let db = dir.appendingPathComponent("plans.db").path
    let plan = try ExportFixtures.jilin()
    try Self.export(plan, to: db, file: ExportFixtures.jilinPath)
    let text = try String(contentsOfFile: ExportFixtures.jilinPath, encoding: .utf8)
    for kind in Kind.allCases {
      let lines = text.split(separator: "\n").count { $0.hasPrefix("add \(kind.rawValue) ") }
      #expect(try Self.query(db, "SELECT count(*) FROM \"\(kind.rawValue)\"") == ["\(lines)"], "\(kind)")
    }
    // Line 76: add goal G101 … baseline 0 baseline-year 2024 target 500 (category tech by default).
    #expect(
      try Self.query(
        db, "SELECT plan, phase, consortium, category, baseline, baseline_year, target FROM goal WHERE id = 'G101'")
        == ["jilin-2025-2030|P1|K1|tech|0.0|2024|500.0"])
    // Line 57: K1 period 2025..2029, agreement yes; line 10: horizon 2025..2030, weighting ahp.
    #expect(
      try Self.query(db, "SELECT period_start, period_end, agreement, field FROM consortium WHERE id = 'K1'")
        == ["2025-01|2029-12|1|F2"])
    #expect(
      try Self.query(db, "SELECT horizon_start, horizon_end, weighting, currency, gov_share_warn FROM plan")
        == ["2025|2030|ahp|万元|0.3"])
    // Line 52: rd-intensity 3.5% is the fraction 0.035.
    #expect(try Self.query(db, "SELECT rd_intensity FROM org WHERE id = 'jcfc'") == ["0.035"])
    #expect(try Self.query(db, "SELECT role FROM member WHERE consortium = 'K1' AND org = 'jcfc'") == ["lead"])
    #expect(try Self.query(db, "PRAGMA foreign_key_check") == [])
    #expect(try Self.query(db, "PRAGMA application_id") == ["\(0x6370_6C6E)"])
    // The ranking: one row per field, ranks 1…5; no actuals, so no status table.
    #expect(try Self.query(db, "SELECT count(*), min(rank), max(rank) FROM ranking") == ["5|1|5"])
    #expect(try Self.query(db, "SELECT count(*) FROM sqlite_master WHERE name = 'status'") == ["0"])
  }

  /// `--append` gathers plans and replaces a plan of the same name.
  @Test func appendGathersAndReplaces() throws {
    let dir = try Self.folder()
    let db = dir.appendingPathComponent("all.db").path
    let jilin = try ExportFixtures.jilin()
    let tricky = try ExportFixtures.tricky()
    try Self.export(jilin, to: db, file: "jilin.plan")
    try Self.export(tricky, to: db, file: "tricky.plan", append: true)
    try Self.export(jilin, to: db, file: "jilin.plan", append: true)
    // 14 goals in the Jilin plan, 6 in the tricky one (its goals G1…G6).
    #expect(
      try Self.query(db, "SELECT plan, count(*) FROM goal GROUP BY plan ORDER BY plan")
        == ["jilin|14", "tricky|\(tricky[.goal].count)"])
    #expect(tricky[.goal].count == 6)
    #expect(try Self.query(db, "PRAGMA foreign_key_check") == [])
    // Without append, the file is replaced.
    try Self.export(tricky, to: db, file: "tricky.plan")
    #expect(try Self.query(db, "SELECT DISTINCT plan FROM goal") == ["tricky"])
  }

  /// `--append` to a file that is not a cplan database changes nothing.
  @Test(arguments: ["text", "otherDatabase", "emptyFile"])
  func appendRefusesForeignFiles(kind: String) throws {
    let dir = try Self.folder()
    let path = dir.appendingPathComponent("other.db").path
    switch kind {
    case "text": try Data("name,amount\n吉林,1\n".utf8).write(to: URL(fileURLWithPath: path))
    case "emptyFile": try Data().write(to: URL(fileURLWithPath: path))
    default: _ = try Self.query(path, "CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let tricky = try ExportFixtures.tricky()
    do throws(DatabaseExportError) {
      try Self.export(tricky, to: path, file: "t.plan", append: true)
      Issue.record("appended to \(kind)")
    } catch {
      guard case .notCplanDatabase(let p, let reason) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(p == path)
      // SQLite gives a reason only where it cannot read the file as a database at all.
      #expect((reason != nil) == (kind == "text"), "\(String(describing: reason))")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  /// A database of a newer layout is refused.
  @Test func appendRefusesNewerLayout() throws {
    let dir = try Self.folder()
    let db = dir.appendingPathComponent("new.db").path
    try Self.export(try ExportFixtures.tricky(), to: db, file: "t.plan")
    _ = try Self.query(db, "PRAGMA user_version = 99")
    #expect(throws: DatabaseExportError.newerDatabase(path: db, version: 99)) {
      try Self.export(try ExportFixtures.tricky(), to: db, file: "t.plan", append: true)
    }
  }

  /// A plan with actuals gets the `status` table: G1 (baseline 0 in 2024, target 500 by the
  /// end of P1, 2026) with an actual of 200 in 2025, the latest record: expected(2025) =
  /// 0 + 500·(2025−2024)/(2026−2024) = 250, r = 200/250 = 0.8, at risk (0.7 ≤ r < 0.9).
  @Test func statusTableWithActuals() throws {
    let text = """
      # cplan plan 2
      set plan horizon 2025..2030
      add field F1 "碳纤维"
      add consortium K1 "碳纤维联合体" field F1
      add phase P1 "攻关期" period 2025..2026
      add goal G1 "产能" phase P1 consortium K1 baseline 0 baseline-year 2024 target 500
      add actual G1 2025 200 source "统计年报"

      """
    let plan = try PlanLoader.load(bytes: Array(text.utf8), file: "review.plan")
    let dir = try Self.folder()
    let db = dir.appendingPathComponent("r.db").path
    try Self.export(plan, to: db, file: "review.plan")
    #expect(
      try Self.query(db, "SELECT goal, as_of, status, actual, actual_year, expected, ratio FROM status")
        == ["G1|2025|at-risk|200.0|2025|250.0|0.8"])
    #expect(try Self.query(db, "SELECT goal, year, value, source FROM actual") == ["G1|2025|200.0|统计年报"])
  }

  // MARK: sql

  /// The `sql` text loaded into SQLite holds the same rows as the `sqlite` export, in every table.
  @Test(arguments: ExportFixtures.planNames)
  func sqlTextLoadsToTheSameRows(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let dir = try Self.folder()
    let direct = dir.appendingPathComponent("direct.db").path
    let loaded = dir.appendingPathComponent("loaded.db").path
    try Self.export(plan, to: direct, file: "\(name).plan")
    let sql = Exporter.export(plan, format: .sql, options: ExportOptions(file: "\(name).plan"))
    try SQLiteConnection(path: loaded, create: true).execute(sql)
    for table in DatabaseLayout.tables where table.content != .status {
      let q = "SELECT * FROM \"\(table.name)\" ORDER BY " + table.primaryKey.map { "\"\($0)\"" }.joined(separator: ", ")
      #expect(try Self.query(direct, q) == Self.query(loaded, q), "\(table.name)")
    }
    // Loading it again replaces the plan's rows (the script deletes them first).
    try SQLiteConnection(path: loaded, create: false).execute(sql)
    #expect(try Self.query(loaded, "SELECT count(*) FROM goal") == ["\(plan[.goal].count)"])
  }

  /// Texts with quotes, commas, newlines and tabs survive the `sql` text.
  @Test func sqlTextKeepsAwkwardTexts() throws {
    let plan = try ExportFixtures.tricky()
    let dir = try Self.folder()
    let loaded = dir.appendingPathComponent("t.db").path
    let sql = Exporter.export(plan, format: .sql, options: ExportOptions(file: "tricky.plan"))
    try SQLiteConnection(path: loaded, create: true).execute(sql)
    let names = try Self.query(loaded, "SELECT name FROM measure WHERE id = 'M2'")
    #expect(names == ["人才\t激励"])
    #expect(try Self.query(loaded, "SELECT title FROM plan") == [plan.title!])
  }
}
