import Foundation
import Testing

@Suite struct PlanFileTests {
  static let jilin = CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan")

  @Test func pipedScriptListsConsortiaWithoutPrompt() throws {
    let r = try CLI.run([], stdin: "load plans/jilin-2025-2030.plan\nlist consortium\n", directory: CLI.root)
    #expect(r.status == 0)
    #expect(r.err.isEmpty, "\(r.err)")
    let lines = r.out.split(separator: "\n")
    #expect(lines.count == 2)
    // In the priority order of their fields (SPEC §15): K2's field F1 ranks first (0.809 against
    // F2's 0.754, ShowListViewsTests), though the file has K1 first.
    #expect(lines[0].hasPrefix("K2  新能源与智能网联汽车创新联合体"))
    #expect(lines[1].hasPrefix("K1  碳纤维及复合材料创新联合体"))
    #expect(!r.out.contains("cplan>") && !r.out.contains("\u{1B}"))
  }

  /// A deterministic shuffle (linear congruential generator, fixed seed).
  static func shuffled(_ lines: [Substring], seed: UInt64) -> [Substring] {
    var state = seed
    var result = lines
    for i in stride(from: result.count - 1, to: 0, by: -1) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let j = Int((state >> 33) % UInt64(i + 1))
      result.swapAt(i, j)
    }
    return result
  }

  @Test func shuffledCopySavesToTheSameBytes() throws {
    let dir = try CLI.temporaryFolder()
    let text = try CLI.read(Self.jilin)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The comment lines after the header stay on top (they are the plan's preamble); the
    // statements are shuffled.
    let preamble = lines.dropFirst().prefix { $0.hasPrefix("#") }
    let body = lines.dropFirst().filter { !$0.hasPrefix("#") && !$0.isEmpty }
    let shuffledText =
      ([lines[0]] + preamble + Self.shuffled(Array(body), seed: 42)).joined(separator: "\n") + "\n"
    #expect(shuffledText != text)
    try CLI.write(shuffledText, to: dir.appendingPathComponent("shuffled.plan"))
    let script =
      "load \(Self.jilin.path)\nsave sorted.plan\nload shuffled.plan\nsave fromShuffled.plan\nload sorted.plan\nsave again.plan\n"
    let r = try CLI.run(["run", "-"], stdin: script, directory: dir)
    #expect(r.status == 0, "\(r.err)")
    let sorted = try Data(contentsOf: dir.appendingPathComponent("sorted.plan"))
    #expect(sorted == (try Data(contentsOf: dir.appendingPathComponent("fromShuffled.plan"))))
    #expect(sorted == (try Data(contentsOf: dir.appendingPathComponent("again.plan"))))
    #expect(String(decoding: sorted, as: UTF8.self).hasPrefix("# cplan plan 2\n# 吉林省创新联合体建设规划"))
    #expect(sorted == (try Data(contentsOf: Self.jilin)), "the sample plan is in canonical form")
  }

  @Test func fmtCheckAndRewrite() throws {
    let dir = try CLI.temporaryFolder()
    let canonical = "# cplan plan 1\nadd field F1 \"新能源汽车\"\nadd field F2 \"碳纤维\"\n"
    let messy = "# cplan plan 1\nadd field F2 「碳纤维x」   # comment\nadd   field F1 “新能源汽车”\n"
    try CLI.write(canonical, to: dir.appendingPathComponent("a.plan"))
    try CLI.write(messy, to: dir.appendingPathComponent("b.plan"))
    #expect(try CLI.run(["fmt", "--check", "a.plan"], directory: dir).status == 0)
    let check = try CLI.run(["fmt", "--check", "b.plan"], directory: dir)
    #expect(check.status == 1)
    #expect(check.out == "b.plan\n")
    #expect(try CLI.run(["fmt", "b.plan"], directory: dir).status == 0)
    // The loader applies a kind's statements in natural key order: F1 before F2. The comment
    // at the end of F2's line stays with F2 (SPEC §15 on §6), written on the line above it.
    #expect(
      try CLI.read(dir.appendingPathComponent("b.plan"))
        == "# cplan plan 1\nadd field F1 \"新能源汽车\"\n# comment\nadd field F2 \"碳纤维x\"\n")
    #expect(try CLI.run(["fmt", "--check", "b.plan"], directory: dir).status == 0)
  }

  @Test func theCommentsAtTheTopSurviveSaveAndFmt() throws {
    let dir = try CLI.temporaryFolder()
    let text =
      "# cplan plan 1\n# 来源：吉林省统计年鉴 2024\n# scores are illustrative\nadd field F2 \"b\"\n# a comment further down stays with F1\nadd field F1 \"a\"\n"
    try CLI.write(text, to: dir.appendingPathComponent("c.plan"))
    #expect(try CLI.run(["fmt", "c.plan"], directory: dir).status == 0)
    // The block under the header line is the plan's preamble and stays at the top; the comment
    // above F1 moves with F1 (SPEC §15 on §6), a blank line between them.
    let expected =
      "# cplan plan 1\n# 来源：吉林省统计年鉴 2024\n# scores are illustrative\n\n"
      + "# a comment further down stays with F1\nadd field F1 \"a\"\nadd field F2 \"b\"\n"
    #expect(try CLI.read(dir.appendingPathComponent("c.plan")) == expected)
    let r = try CLI.run([], stdin: "load c.plan\nadd field F3 \"c\"\nsave\n", directory: dir)
    #expect(r.status == 0, "\(r.err)")
    #expect(try CLI.read(dir.appendingPathComponent("c.plan")).hasPrefix("# cplan plan 1\n# 来源：吉林省统计年鉴 2024\n"))
    #expect(try CLI.run(["fmt", "--check", "c.plan"], directory: dir).status == 0)
  }

  @Test func aPlanSavedFromTheShellIsCanonical() throws {
    let dir = try CLI.temporaryFolder()
    // Created out of key order in the session; the file is written in natural key order.
    let r = try CLI.run(
      [], stdin: "add field F10 \"j\"\nadd field F2 \"b\"\nadd field F1 \"a\"\nsave s.plan\n", directory: dir)
    #expect(r.status == 0)
    #expect(
      try CLI.read(dir.appendingPathComponent("s.plan"))
        == "# cplan plan 1\nadd field F1 \"a\"\nadd field F2 \"b\"\nadd field F10 \"j\"\n")
    #expect(try CLI.run(["fmt", "--check", "s.plan"], directory: dir).status == 0)
  }

  @Test func savingThroughASymlinkKeepsTheLink() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write("# cplan plan 1\nadd field F1 \"a\"\n", to: dir.appendingPathComponent("real.plan"))
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("link.plan").path, withDestinationPath: "real.plan")
    let r = try CLI.run(["link.plan", "-c", "add field F2 \"b\"", "-c", "save"], directory: dir)
    #expect(r.status == 0, "\(r.err)")
    let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("link.plan").path)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(try CLI.read(dir.appendingPathComponent("real.plan")).contains("add field F2"))
    #expect(try CLI.run(["fmt", "link.plan"], directory: dir).status == 0)
    #expect(
      (try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("link.plan").path))[.type]
        as? FileAttributeType == .typeSymbolicLink)
  }

  /// A link whose name is one character: its folder is the current one (Foundation's
  /// `deletingLastPathComponent` trapped on such a name, and `save p` crashed).
  @Test func savingThroughASymlinkWithAOneCharacterName() throws {
    let dir = try CLI.temporaryFolder()
    let link = dir.appendingPathComponent("p").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.plan")
    let r = try CLI.run(["-c", "add field F1 \"a\"", "-c", "save p force"], directory: dir)
    #expect(r.status == 0, "\(r.err)")
    #expect(try CLI.read(dir.appendingPathComponent("real.plan")) == "# cplan plan 1\nadd field F1 \"a\"\n")
    #expect((try FileManager.default.attributesOfItem(atPath: link))[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  @Test func saveRefusesToOverwriteAnEditMadeOnDisk() throws {
    let dir = try CLI.temporaryFolder()
    let file = dir.appendingPathComponent("p.plan")
    try CLI.write("# cplan plan 1\nadd field F1 \"a\"\n", to: file)
    // A script that loads, waits (reading a FIFO) while an editor appends a line, then saves.
    let fifo = dir.appendingPathComponent("go").path
    #expect(mkfifo(fifo, 0o600) == 0)
    try CLI.write("load p.plan\nadd field F2 \"b\"\nrun go\nsave\n", to: dir.appendingPathComponent("s.cplan"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = ["run", "s.cplan"]
    process.currentDirectoryURL = dir
    let errors = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Opening the FIFO for writing waits until the script opens it at `run go`, after its load:
    // no sleep to guess how long loading takes on a busy machine.
    let go = try FileHandle(forWritingTo: URL(fileURLWithPath: fifo))
    let handle = try FileHandle(forWritingTo: file)
    handle.seekToEndOfFile()
    handle.write(Data("add field F9 \"编辑器里加的\"\n".utf8))
    try handle.close()
    // Release the script: `run go` reads an empty script from the FIFO.
    try go.close()
    process.waitUntilExit()
    let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(err.contains("changed on disk"), "\(err)")
    #expect(try CLI.read(file).contains("编辑器里加的"))
  }

  @Test func csvForExcelStartsWithAByteOrderMarkOnlyWhenAsked() throws {
    let bom = Data([0xEF, 0xBB, 0xBF])
    let plain = try CLI.run(["export", "plans/jilin-2025-2030.plan", "--format", "csv"], directory: CLI.root)
    #expect(plain.status == 0)
    #expect(plain.outBytes.starts(with: Data("kind,id,".utf8)))
    let marked = try CLI.run(["export", "plans/jilin-2025-2030.plan", "--format", "csv", "--bom"], directory: CLI.root)
    #expect(marked.outBytes.starts(with: bom + Data("kind,id,".utf8)))
    #expect(marked.outBytes.dropFirst(3) == plain.outBytes)
    let shell = try CLI.run([], stdin: "load plans/jilin-2025-2030.plan\nexport csv bom\n", directory: CLI.root)
    #expect(shell.outBytes == marked.outBytes)
  }

  @Test func outputBytesDoNotDependOnTheLocale() throws {
    let script = """
      load plans/jilin-2025-2030.plan
      list member K1
      show org jcfc
      add field F1 "重复"
      help measure

      """
    var outputs: [Data] = []
    for env in [["LANG": "C"], ["LC_ALL": "POSIX"], ["LANG": "C.UTF-8"], [:]] {
      let r = try CLI.run(["run", "--keep-going", "-"], stdin: script, directory: CLI.root, environment: env)
      #expect(r.status == 1)
      outputs.append(r.outBytes + Data(r.err.utf8))
    }
    #expect(Set(outputs).count == 1)
    #expect(String(decoding: outputs[0], as: UTF8.self).contains("吉林化学纤维集团有限责任公司"))
  }

  @Test func everyPlanInPlansLoadsAndChecksCleanly() throws {
    let folder = CLI.root.appendingPathComponent("plans")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plan") }
    #expect(!files.isEmpty)
    for file in files {
      let r = try CLI.run(["check", "plans/\(file)"], directory: CLI.root)
      #expect(r.status == 0, "\(file): \(r.out)\(r.err)")
      // The summary line: no errors; warnings only where a sample shows them on purpose (the
      // review sample's R34–R36: a goal behind, a lowered target, funding cut since approval; the panel sample's R40 and R42).
      let summary = r.out.split(separator: "\n").last.map(String.init) ?? ""
      #expect(summary.hasPrefix("0 errors"), "\(file): \(r.out)")
      if file != "jilin-2025-review.plan", file != "jilin-panel.plan" {
        #expect(summary == "0 errors, 0 warnings", "\(file): \(r.out)")
      }
    }
  }

  @Test func saveRefusesAForeignFileWithoutForce() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write("precious", to: dir.appendingPathComponent("other.plan"))
    let r = try CLI.run([], stdin: "add field F1 \"x\"\nsave other.plan\n", directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("[E114]"))
    #expect(try CLI.read(dir.appendingPathComponent("other.plan")) == "precious")
    let own = try CLI.run(
      [], stdin: "add field F1 \"x\"\nsave mine.plan\nadd field F2 \"y\"\nsave\nsave mine.plan\n", directory: dir)
    #expect(own.status == 0, "\(own.err)")
    #expect(try CLI.read(dir.appendingPathComponent("mine.plan")).contains("F2"))
    let export = try CLI.run([], stdin: "add field F1 \"x\"\nexport csv to other.plan\n", directory: dir)
    #expect(export.status == 1)
    #expect(try CLI.read(dir.appendingPathComponent("other.plan")) == "precious")
  }

  /// Kills `cplan` with SIGKILL at random moments while it saves a large plan over an old one:
  /// every time, the file is either the old plan or the new one, never a mix.
  @Test func killedWhileSavingLeavesOldOrNew() throws {
    let dir = try CLI.temporaryFolder()
    var big = "# cplan plan 1\n"
    for i in 0..<40_000 { big += "add field F\(i) \"候选领域第\(i)号：新材料与高端装备\" note \"说明文字\(i)\"\n" }
    try CLI.write(big, to: dir.appendingPathComponent("big.plan"))
    let old = "# cplan plan 1\nadd field OLD \"旧计划\"\n"
    try CLI.write(old, to: dir.appendingPathComponent("target.plan"))
    try CLI.write("load big.plan\nsave target.plan force\n", to: dir.appendingPathComponent("save.cplan"))
    var sawOld = 0
    var sawNew = 0
    for attempt in 0..<12 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CLI.binary)
      process.arguments = ["run", "save.cplan"]
      process.currentDirectoryURL = dir
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(20_000 + attempt * 25_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let now = try CLI.read(dir.appendingPathComponent("target.plan"))
      if now == old {
        sawOld += 1
      } else {
        #expect(now == big, "attempt \(attempt): a mix of old and new")
        sawNew += 1
        try CLI.write(old, to: dir.appendingPathComponent("target.plan"))
      }
      let check = try CLI.run(["check", "target.plan"], directory: dir)
      #expect(check.status == 0)
    }
    #expect(sawOld + sawNew == 12)
  }
}
