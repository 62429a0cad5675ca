import Foundation
import Testing

/// `cplan merge BASE OURS THEIRS [-o OUT]` (SPEC §14) and `cplan fmt --stdout`, run as a
/// process: exit statuses, what is written where, bad input.
@Suite struct MergeCommandTests {
  static let base = """
    # cplan plan 1
    set plan title "吉林省规划"
    add field F1 "碳纤维"
    add org jlu "吉林大学" type university
    add phase P1 "攻关期" period 2025..2027
    add goal G1 "T1000 工程化" phase P1 target 500

    """

  /// A folder with base.plan, ours.plan and theirs.plan.
  static func folder(ours: String, theirs: String, base: String = base) throws -> URL {
    let dir = try CLI.temporaryFolder()
    try CLI.write(base, to: dir.appendingPathComponent("base.plan"))
    try CLI.write(ours, to: dir.appendingPathComponent("ours.plan"))
    try CLI.write(theirs, to: dir.appendingPathComponent("theirs.plan"))
    return dir
  }

  @Test func aCleanMergeIsPrintedWithStatus0() throws {
    let dir = try Self.folder(
      ours: Self.base.replacingOccurrences(of: "target 500", with: "target 800"),
      theirs: Self.base.replacingOccurrences(of: "type university", with: "type university size large"))
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["merge", "base.plan", "ours.plan", "theirs.plan"], directory: dir)
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(
      r.out == """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jlu "吉林大学" type university size large
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 target 800

        """)
  }

  @Test func conflictsGoToOutWithStatus1AndAreNamedOnStandardError() throws {
    let dir = try Self.folder(
      ours: Self.base.replacingOccurrences(of: "target 500", with: "target 800"),
      theirs: Self.base.replacingOccurrences(of: "target 500", with: "target 900"))
    defer { try? FileManager.default.removeItem(at: dir) }
    let zh = try CLI.run(["merge", "base.plan", "ours.plan", "theirs.plan", "--lang", "zh"], directory: dir)
    #expect(zh.status == 1)
    #expect(zh.err.hasPrefix("冲突：goal G1：target 在 ours 中为 800，在 theirs 中为 900\n合并留下 1 处冲突"))
    // -o replaces an existing file (git passes ours' file), without --force.
    let r = try CLI.run(["merge", "base.plan", "ours.plan", "theirs.plan", "-o", "ours.plan"], directory: dir)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(
      r.err == """
        conflict: goal G1: target is 800 in ours, 900 in theirs
        1 conflict left between <<<<<<< and >>>>>>> markers

        """)
    let merged = try CLI.read(dir.appendingPathComponent("ours.plan"))
    #expect(
      merged.hasSuffix(
        """
        add phase P1 "攻关期" period 2025..2027
        <<<<<<< ours
        add goal G1 "T1000 工程化" phase P1 target 800
        =======
        add goal G1 "T1000 工程化" phase P1 target 900
        >>>>>>> theirs

        """))
    // check locates each marker (E017), and nothing else: the plan is not half-loaded.
    let check = try CLI.run(["check", "ours.plan"], directory: dir)
    #expect(check.status == 1)
    let located = check.out.split(separator: "\n").filter { $0.hasPrefix("ours.plan:") }
    #expect(
      located == [
        "ours.plan:6:1: error: unresolved merge conflict ('<<<<<<<' marker) [E017]",
        "ours.plan:8:1: error: unresolved merge conflict ('=======' marker) [E017]",
        "ours.plan:10:1: error: unresolved merge conflict ('>>>>>>>' marker) [E017]",
      ])
  }

  @Test func quietNamesNoConflict() throws {
    let dir = try Self.folder(
      ours: Self.base.replacingOccurrences(of: "target 500", with: "target 800"),
      theirs: Self.base.replacingOccurrences(of: "target 500", with: "target 900"))
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["merge", "-q", "base.plan", "ours.plan", "theirs.plan"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err == "")
    #expect(r.out.contains("<<<<<<< ours\n"))
  }

  @Test func allThreeIdenticalMergeToTheCanonicalForm() throws {
    let shuffled = "# cplan plan 1\n" + Self.base.split(separator: "\n").dropFirst().reversed().joined(separator: "\n")
    let dir = try Self.folder(ours: shuffled, theirs: shuffled, base: shuffled)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["merge", "base.plan", "ours.plan", "theirs.plan"], directory: dir)
    #expect(r.status == 0)
    #expect(r.out == Self.base)
  }

  /// git's add/add: an empty base file is an empty plan; /dev/null is one too.
  @Test(arguments: ["empty.plan", "/dev/null"])
  func anEmptyBaseIsAnEmptyPlan(_ base: String) throws {
    let dir = try Self.folder(
      ours: Self.base, theirs: Self.base.replacingOccurrences(of: "target 500", with: "target 900"))
    defer { try? FileManager.default.removeItem(at: dir) }
    try CLI.write("", to: dir.appendingPathComponent("empty.plan"))
    let r = try CLI.run(["merge", base, "ours.plan", "theirs.plan"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("conflict: goal G1: added differently in ours and theirs\n"))
    let same = try CLI.run(["merge", base, "ours.plan", "ours.plan"], directory: dir)
    #expect(same.status == 0)
    #expect(same.out == Self.base)
  }

  /// Bad input: status 2, the file named, nothing written (git then keeps ours' file as it was).
  @Test(arguments: [
    ("ours", "not a plan\n", "E121"),
    ("theirs", "# cplan plan 9\nadd field F1 \"x\"\n", "E113"),
    ("theirs", "# cplan plan 1\nadd field F1 \"x\" bogus 1\n", "E101"),
    ("base", "", "E112"),  // missing: BASE is not written below, and a missing file is no empty plan
    ("ours", "# cplan plan 1\n<<<<<<< ours\nadd field F1 \"x\"\n=======\n>>>>>>> theirs\n", "E017"),
  ])
  func aSideThatDoesNotLoadIsStatus2(_ input: (side: String, text: String, code: String)) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for side in ["base", "ours", "theirs"] where side != input.side {
      try CLI.write(Self.base, to: dir.appendingPathComponent("\(side).plan"))
    }
    if input.side != "base" { try CLI.write(input.text, to: dir.appendingPathComponent("\(input.side).plan")) }
    let r = try CLI.run(["merge", "base.plan", "ours.plan", "theirs.plan", "-o", "out.plan"], directory: dir)
    #expect(r.status == 2)
    #expect(r.err.contains("[\(input.code)]"))
    #expect(r.err.contains("\(input.side).plan"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.plan").path))
  }

  @Test func fmtStdoutPrintsTheCanonicalFormAndAnUnloadableFileAsItIs() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shuffled = "# cplan plan 1\n" + Self.base.split(separator: "\n").dropFirst().reversed().joined(separator: "\n")
    try CLI.write(shuffled, to: dir.appendingPathComponent("a.plan"))
    let r = try CLI.run(["fmt", "--stdout", "a.plan"], directory: dir)
    #expect(r.status == 0)
    #expect(r.out == Self.base)
    #expect(try CLI.read(dir.appendingPathComponent("a.plan")) == shuffled)  // not rewritten

    let broken = "# cplan plan 1\n<<<<<<< ours\nadd field F1 \"x\"\n=======\n>>>>>>> theirs\n"
    try CLI.write(broken, to: dir.appendingPathComponent("b.plan"))
    let b = try CLI.run(["fmt", "--stdout", "b.plan"], directory: dir)
    #expect(b.status == 0)
    #expect(b.out == broken)
    #expect(b.err.contains("b.plan:2:1: error: unresolved merge conflict"))

    let both = try CLI.run(["fmt", "--stdout", "--check", "a.plan"], directory: dir)
    #expect(both.status == 2)
  }
}
