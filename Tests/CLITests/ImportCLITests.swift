import Foundation
import Testing

/// `cplan import` (SPEC §13): PLAN rewritten atomically or OUT written; a bad row leaves PLAN as
/// it was, byte for byte; exit status 0, 1 or 2.
@Suite struct ImportCLITests {
  static let plan = "# cplan plan 1\nadd org jlu \"吉林大学\" type university\n"

  @Test func importRewritesThePlanAndDryRunDoesNot() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("p.plan")
    try CLI.write(Self.plan, to: plan)
    try CLI.write("ID,名称,类型\nciomp,长春光机所,科研院所\n", to: dir.appendingPathComponent("单位.csv"))
    let dry = try CLI.run(["import", "p.plan", "单位.csv", "--dry-run"], directory: dir)
    #expect(dry.status == 0)
    #expect(dry.out == "add org ciomp \"长春光机所\" type institute\nwould add 1 org\n")
    #expect(try CLI.read(plan) == Self.plan)
    let out = try CLI.run(["import", "p.plan", "单位.csv", "-o", "q.plan"], directory: dir)
    #expect(out.status == 0, "\(out.err)")
    // One line says what was imported, into which file (it printed nothing).
    #expect(out.out == "q.plan: added 1 org\n")
    #expect(try CLI.read(plan) == Self.plan)
    let expected = Self.plan.replacingOccurrences(
      of: "add org jlu", with: "add org ciomp \"长春光机所\" type institute\nadd org jlu")
    #expect(try CLI.read(dir.appendingPathComponent("q.plan")) == expected)
    let done = try CLI.run(["import", "p.plan", "单位.csv", "--lang", "zh"], directory: dir)
    #expect(done.status == 0, "\(done.err)")
    #expect(done.out == "p.plan：新增 1 个单位\n")
    #expect(try CLI.read(plan) == expected)
    let quiet = try CLI.run(["import", "p.plan", "单位.csv", "--update", "--quiet"], directory: dir)
    #expect(quiet.status == 0 && quiet.out.isEmpty, "\(quiet.out)\(quiet.err)")
  }

  @Test func aBadRowLeavesThePlanByteForByte() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("p.plan")
    try CLI.write(Self.plan, to: plan)
    try CLI.write(
      "id,name,type\nx1,甲,enterprise\njlu,吉大,university\nx3,丙,enterprize\n", to: dir.appendingPathComponent("org.csv"))
    let r = try CLI.run(["import", "p.plan", "org.csv"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("org.csv:3:1: error: org 'jlu' already exists [E104]"), "\(r.err)")
    #expect(r.err.contains("org.csv:4:3: error: invalid value 'enterprize' for type"), "\(r.err)")
    #expect(try CLI.read(plan) == Self.plan)
  }

  @Test(arguments: [
    (["import", "missing.plan", "org.csv"], "missing.plan"),
    (["import", "p.plan", "org.csv", "--kind", "orgg"], "did you mean 'org'?"),
  ])
  func usageErrorsAreStatus2(_ arguments: [String], _ says: String) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try CLI.write(Self.plan, to: dir.appendingPathComponent("p.plan"))
    try CLI.write("id,name\nx1,甲\n", to: dir.appendingPathComponent("org.csv"))
    let r = try CLI.run(arguments, directory: dir)
    #expect(r.status == 2)
    #expect(r.err.contains(says), "\(r.err)")
  }

  /// SPEC §13: the workbook export of the sample plan, imported into an empty plan, gives the same
  /// plan (`cplan diff` finds nothing), with English and with Chinese sheets and headers; and so
  /// does the panel sample's (SPEC §12), whose derived `experts` sheet import skips.
  @Test(arguments: ["en", "zh"], [("jilin-2025-2030.plan", 1), ("jilin-panel.plan", 2)])
  func theWorkbookExportImportsToTheSamePlan(_ lang: String, _ plan: (file: String, version: Int)) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = CLI.root.appendingPathComponent("plans/" + plan.file).path
    let export = try CLI.run(["export", sample, "--format", "xlsx", "-o", "j.xlsx", "--lang", lang], directory: dir)
    #expect(export.status == 0, "\(export.err)")
    try CLI.write("# cplan plan \(plan.version)\n", to: dir.appendingPathComponent("e.plan"))
    let imported = try CLI.run(["import", "e.plan", "j.xlsx"], directory: dir)
    #expect(imported.status == 0, "\(imported.err)")
    let diff = try CLI.run(["diff", sample, "e.plan"], directory: dir)
    #expect(diff.status == 0, "\(diff.out)")
    #expect(diff.out.isEmpty)
  }
}
