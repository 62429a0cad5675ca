import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Tab completion without a terminal: what is offered at each position (SPEC §10).
@Suite struct CompletionTests {
  /// A small plan with ASCII and Chinese IDs.
  static let plan: Plan = {
    let session = Session(output: CapturedOutput())
    session.execute(
      """
      add criterion C1 "产业链基础" tag chain
      add criterion C2 "领军企业" tag leader
      add field F1 "新能源汽车"
      add field 新能源车 "新能源车"
      add field 新材料 "新材料"
      add org faw "中国一汽" type enterprise
      add org jlu "吉林大学" type university
      add consortium K1 "汽车联合体" field F1
      add consortium K2 "材料联合体" field 新材料
      add member K1 faw role lead
      add phase P1 "攻关期" period 2025..2026
      add goal G1 "量产" phase P1
      add goal G2 "推广" phase P1
      add score F1 C1 8
      add score F1 C2 7
      set plan horizon 2025..2027
      add actual G1 2025 120
      """, file: "<fixture>")
    return session.plan
  }()

  static func complete(_ input: String) -> Completion {
    Completer(plan: plan, currentDirectory: "/nonexistent").complete(input)
  }

  @Test(arguments: [
    // verbs
    ("", Verb.allCases.map(\.rawValue)),
    ("re", ["remove", "rename", "redo", "recover", "review"]),
    ("AD", ["add"]),
    // kinds
    ("add crit", ["criterion"]),
    ("add c", ["criterion", "compare", "consortium", "checkpoint"]),
    ("set p", ["phase", "plan"]),
    ("show r", ["roadmap", "rating"]),
    (
      "show ",
      [
        "plan", "roadmap", "funding", "criterion", "compare", "expert", "judgement", "field", "score", "rating", "org",
        "consortium", "member", "phase", "goal", "checkpoint", "actual", "measure", "outlay",
      ]
    ),
    ("rename ", ["criterion", "expert", "field", "org", "consortium", "phase", "goal", "measure"]),
    // attribute names for the kind, without those already given
    ("add criterion C3 \"x\" ta", ["tag"]),
    ("add criterion C3 \"x\" tag chain ", ["type", "scale", "weight"]),
    ("add member K1 jlu r", ["role"]),
    ("set org faw ", ["name", "type", "size", "ownership", "rd-intensity"]),
    ("set plan cu", ["currency", "cutoff"]),
    // enum values for the attribute
    ("add criterion C3 \"x\" tag s", ["science"]),
    ("add member K1 jlu role ", ["lead", "core", "member"]),
    ("add member K1 jlu chain m", ["midstream"]),
    ("set consortium K1 agreement ", ["yes", "no"]),
    ("set goal G1 consortium ", ["K1", "K2", "none"]),
    ("set plan weighting ", ["direct", "ahp", "entropy"]),
    ("add funding K1 P1 ", ["central", "provincial", "municipal", "enterprise", "social", "bank", "other"]),
    // their Chinese terms, once a Chinese character is typed
    ("add measure M1 \"x\" phase P1 instrument 项", ["项目资助"]),
    ("add member K1 jlu role 核", ["核心成员"]),
    ("add funding K1 P1 市", ["市级"]),
    ("add member K1 jlu chain 中", ["中游"]),
    // IDs of the right kind for the position (ASCII and Chinese)
    ("add consortium K3 \"x\" field 新", ["新能源车", "新材料"]),
    ("add consortium K3 \"x\" field 新能", ["新能源车"]),
    ("set field ", ["F1", "新能源车", "新材料"]),
    ("add member ", ["K1", "K2"]),
    ("add member K1 ", ["faw", "jlu"]),
    ("add score F1 ", ["C1", "C2"]),
    ("set score F1 ", ["C1", "C2"]),
    ("remove score ", ["F1"]),
    ("list member ", ["K1", "K2"]),
    ("set goal G2 after G", ["G1", "G2"]),
    ("set goal G2 after G1,", ["G2"]),
    ("remove field F1 ", ["cascade"]),
    // a year key: the horizon's years not yet taken (G1 has its 2025 actual)
    ("add actual ", ["G1", "G2"]),
    ("add actual G1 ", ["2026", "2027"]),
    ("add actual G2 20", ["2025", "2026", "2027"]),
    ("add actual G1 2026 status ", ["achieved", "on-track", "at-risk", "behind"]),
    ("add outlay K1 2025 p", ["provincial"]),
    ("set actual G1 ", ["2025"]),
    // actions
    ("rank ", ["method", "sensitivity", "robustness", "samples", "spread", "seed"]),
    ("rank robustness samples ", ["10000"]),
    ("rank method t", ["topsis"]),
    ("export ", ["text", "markdown", "json", "csv", "html", "xlsx", "docx", "sql", "sqlite"]),
    ("export html ", ["to", "force", "consortium", "robustness", "samples", "spread", "seed"]),
    ("export docx ", ["to", "force", "no-ids", "consortium", "robustness", "samples", "spread", "seed"]),
    ("export sqlite ", ["to", "force", "consortium", "append", "robustness", "samples", "spread", "seed"]),
    ("validate ", ["strict"]),
    ("help R2", ["R20", "R21", "R22", "R23", "R24", "R25", "R26", "R27", "R28", "R29"]),
    // nothing: a new ID, inside a string, in a comment, after an unknown verb
    ("add field ", []),
    ("add field F9 \"新", []),
    ("# add c", []),
    ("frobnicate ", []),
  ])
  func candidates(_ input: String, _ expected: [String]) {
    #expect(CompletionTests.complete(input).candidates == expected, "\(input)")
  }

  @Test func aContinuedCommandCompletesInContext() {
    #expect(CompletionTests.complete("add consortium K3 \"x\" \\\nfield 新材").candidates == ["新材料"])
    #expect(CompletionTests.complete("add consortium K3 \"a\n b\" fi").candidates == ["field"])
  }

  @Test func oneCandidateReplacesTheWordAndAddsASpace() {
    let c = CompletionTests.complete("add crit")
    #expect(c.word == "crit")
    #expect(c.action == .replace("criterion "))
  }

  @Test func aChineseIDIsCompletedByWholeCharacters() {
    let c = CompletionTests.complete("set field 新能")
    #expect(c.word == "新能")
    #expect(c.action == .replace("新能源车 "))
  }

  @Test func severalCandidatesWithALongerCommonStartExtendTheWord() {
    // "co" → compare, consortium: nothing longer in common, so they are listed.
    #expect(CompletionTests.complete("add co").action == .list(["compare", "consortium"]))
    // "cons" → consortium only.
    #expect(CompletionTests.complete("add cons").action == .replace("consortium "))
    #expect(CompletionTests.complete("re").action == .list(["remove", "rename", "redo", "recover", "review"]))
    #expect(Completion(word: "c", candidates: ["compare", "compute"]).action == .replace("comp"))
  }

  @Test func aListOfIDsCompletesTheLastOne() {
    let c = CompletionTests.complete("set goal G2 after G1,G")
    #expect(c.word == "G")
    #expect(c.candidates == ["G2"])
  }

  @Test func pathsAreCompletedFromTheFolder() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent("jilin.plan"))
    try Data().write(to: folder.appendingPathComponent("吉林.plan"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("plans"), withIntermediateDirectories: true)
    let completer = Completer(plan: Plan(), currentDirectory: folder.path)
    #expect(completer.complete("load ").candidates == ["jilin.plan", "plans/", "吉林.plan"])
    #expect(completer.complete("load pl").action == .replace("plans/"))
    #expect(completer.complete("save 吉").action == .replace("吉林.plan "))
    #expect(completer.complete("export json to j").candidates == ["jilin.plan"])
  }

  @Test func candidatesAreListedInColumnsAlignedByDisplayWidth() {
    let text = Completion.columns(["新能源车", "F1", "新材料", "F22", "K1"], width: 30)
    // Cells are 10 columns wide (the widest, 8, plus 2); 3 per row; filled column by column.
    #expect(text == "新能源车  新材料    K1\nF1        F22\n")
    for line in Completion.columns(["新能源车", "材料", "ab", "abcdefgh"], width: 10).split(separator: "\n") {
      #expect(DisplayWidth.width(line) <= 10)
    }
  }

  @Test func aLongListSaysHowManyMoreThereAre() {
    let items = (1...300).map { "G\($0)" }
    let text = Completion.columns(items, width: 80, limit: 100)
    #expect(text.hasSuffix("… and 200 more\n"))
    #expect(Completion.columns(items, width: 80, limit: 100, language: .zh).hasSuffix("……另有 200 项\n"))
  }

  @Test func theShellCompletesInTheContextOfTheContinuedCommand() throws {
    let f = try ShellFixture(lines: ["add field 新材料 \"x\"", "add consortium K1 \"y\" \\"])
    f.reader.onRead = { _ in
      if f.shell.pending.isEmpty { return }
      #expect(f.shell.complete("field 新").candidates == ["新材料"])
    }
    f.run()
  }
}

extension CompletionTests {
  /// File names with ESC ] 0 ; … BEL (retitles the terminal), CSI 2 J (clears it) and U+202E
  /// listed by path completion: escaped, as every output is (issue 18 item 6); the list was
  /// drawn raw. The candidates themselves (what Tab inserts) keep the real names.
  @Test func aCompletionListShowsControlCharactersEscaped() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-comp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = ["a\u{1B}]0;owned\u{07}.plan", "a\u{1B}[2J.plan", "a\u{202E}nalp.plan"]
    for name in names {
      FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
    }
    let completion = Completer(plan: Plan()).complete("load \(folder.path)/a")
    #expect(Set(completion.candidates) == Set(names))
    let text = Completion.columns(completion.candidates, width: 100)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(text)")
    #expect(text.contains("a\\u001b]0;owned\\u0007.plan"), "\(text)")
    #expect(text.contains("a\\u202enalp.plan") || text.contains("a\\u202Enalp.plan"), "\(text)")
  }
}
