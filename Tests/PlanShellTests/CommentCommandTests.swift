import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// `comment KIND KEY... [TEXT|none]` and `comment plan [TEXT|none]` (SPEC §15, issue 17 item 2):
/// the comment kept above an entity's statement, set, replaced, shown and removed in the shell,
/// each change one undo step that marks the plan unsaved.
@Suite struct CommentCommandTests {
  static let setup = """
    add org hw "华为" type enterprise
    add field F1 "储能"
    add consortium K1 "储能联合体" field F1
    add phase P1 "攻关期" period 2025..2027
    add funding K1 P1 municipal 800
    """

  static func session() -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute(setup, file: "<setup>"))
    return (session, output)
  }

  @Test func aCommentIsSetShownReplacedAndRemovedEachOneUndoStep() throws {
    let (session, output) = Self.session()
    let hw = CommentTarget(.org, EntityKey("hw"))
    #expect(session.execute("comment org hw \"来源：企业年报 2024\\n第 12 页\"", file: "<t>"))
    #expect(session.plan.comments[hw] == ["# 来源：企业年报 2024", "# 第 12 页"])
    #expect(session.execute("comment org hw", file: "<t>"))
    #expect(output.out == "来源：企业年报 2024\n第 12 页\n")
    #expect(session.execute("comment org hw \"新来源\"", file: "<t>"))
    #expect(session.plan.comments[hw] == ["# 新来源"])
    #expect(session.execute("comment org hw none", file: "<t>"))
    #expect(session.plan.comments[hw].isEmpty)
    // Three changes, undone one by one.
    #expect(session.execute("undo", file: "<t>"))
    #expect(session.plan.comments[hw] == ["# 新来源"])
    #expect(session.execute("undo", file: "<t>"))
    #expect(session.execute("undo", file: "<t>"))
    #expect(session.plan.comments[hw].isEmpty)
    #expect(session.plan.entity(.org, "hw") != nil)  // the setup is one step further back
  }

  @Test func theSameCommentAgainChangesNothing() throws {
    let (session, _) = Self.session()
    #expect(session.execute("comment plan \"总体说明\"", file: "<t>"))
    #expect(session.execute("save \"\(try Self.temporaryPlan())\" force", file: "<t>"))
    #expect(!session.isDirty)
    #expect(session.execute("comment plan \"总体说明\"", file: "<t>"))
    #expect(!session.isDirty)
    #expect(session.plan.comments[.plan] == ["# 总体说明"])
  }

  /// A key part typed as its Chinese term names the entity as an edit reads it.
  @Test func aKeywordKeyPartIsReadAsItsKeyword() throws {
    let (session, _) = Self.session()
    #expect(session.execute("comment funding K1 P1 市级 \"市财政\"", file: "<t>"))
    #expect(session.plan.comments[CommentTarget(.funding, EntityKey("K1", "P1", "municipal"))] == ["# 市财政"])
  }

  @Test(arguments: [
    ("comment org nobody \"x\"", "<t>:1:13: error: org 'nobody' does not exist"),
    ("comment org hw 12", "<t>:1:16: error: unexpected"),
  ])
  func aCommentOnNothingOrOfNoTextIsRefused(command: String, error: String) throws {
    let (session, output) = Self.session()
    #expect(!session.execute(command, file: "<t>"))
    #expect(output.err.hasPrefix(error), "\(output.err)")
    #expect(session.plan.comments.isEmpty)
  }

  /// Saved, the comment stands above the entity's statement; the plan loaded again has it.
  @Test func aSavedCommentIsInTheFileAboveItsStatement() throws {
    let (session, _) = Self.session()
    let path = try Self.temporaryPlan()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(session.execute("comment org hw \"来源：企业年报 2024\"\nsave \"\(path)\" force", file: "<t>"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("# 来源：企业年报 2024\nadd org hw \"华为\" type enterprise\n"))
    let again = Session(output: CapturedOutput())
    #expect(again.execute("load \"\(path)\"", file: "<t>"))
    #expect(again.plan.comments[CommentTarget(.org, EntityKey("hw"))] == ["# 来源：企业年报 2024"])
  }

  static func temporaryPlan() throws -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cplan-\(UUID().uuidString).plan").path
  }
}

/// Issue 17 item 11: a command with several bad attributes reports every one, each with its
/// caret, and changes nothing.
@Suite struct EveryBadAttributeTests {
  @Test func threeBadAttributesAreThreeErrors() {
    let output = CapturedOutput()
    let session = Session(output: output)
    let line = "add org x name \"y\" size 大型错 ownership 混合错 rd-intensity abc"
    #expect(!session.execute(line, file: "<t>"))
    #expect(session.plan[.org].isEmpty)
    // Columns counted by hand: 大型错 is the 25th character, 混合错 the 39th, abc the 56th.
    let places = output.err.split(separator: "\n").filter { $0.hasPrefix("<t>:1:") }.map { $0.prefix(8) }
    #expect(places == ["<t>:1:25", "<t>:1:39", "<t>:1:56"])
    // Each with its caret under its value.
    let carets = output.err.split(separator: "\n").filter { $0.contains("^") }
    #expect(carets.count == 3)
    // "    1 | " is 8 columns, then the width of the characters before the value: 24 ASCII
    // ones; 38 characters, 3 of them Chinese (2 columns each); 55, 6 of them Chinese.
    let columns = carets.map { line in line.prefix { $0 == " " || $0 == "|" }.count }
    #expect(columns == [8 + 24, 8 + 38 + 3, 8 + 55 + 6])
  }

  @Test func setPlanReportsEveryBadSetting() {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(!session.execute("set plan cutoff x method best horizon 2025", file: "<t>"))
    #expect(output.err.split(separator: "\n").filter { $0.hasPrefix("<t>:1:") }.count == 3)
    #expect(session.plan.isEmpty)
  }
}

/// Issue 17 item 12: an edit typed at the prompt that makes a new finding says so in one line;
/// an edit that makes none says nothing, and a script says nothing (`validate` reports).
@Suite struct NewFindingNoticeTests {
  static var jilin: String { IncrementalValidationTests.jilin }

  @Test func anEditThatMakesAFindingSaysSoInOneLine() throws {
    let f = try ShellFixture(lines: [
      "load \"\(Self.jilin)\"",
      "set member K1 crrc role lead",  // a second lead of K1 (jcfc leads it)
      "set member K1 crrc role member",  // mended: nothing new
      "set score F1 C1 12",  // outside C1's scale 1..10
      "set score F1 C1 9",
      "add member K1 thu role core chain platform",
    ])
    f.run()
    let notices = f.output.err.split(separator: "\n").filter { $0.hasPrefix("new ") }
    #expect(notices.count == 2, "\(f.output.err)")
    #expect(
      notices.first?.hasPrefix("new error [R11]: consortium K1 (碳纤维及复合材料创新联合体) has 2 lead members (crrc, jcfc)") == true
    )
    #expect(notices.last?.hasPrefix("new error [R02]: the score of F1 on C1 is 12, outside C1's scale") == true)
  }

  @Test func aScriptSaysNothing() {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute("load \"\(Self.jilin)\"\nset score F1 C1 12", file: "<t>"))
    #expect(!output.err.contains("new error"))
  }
}

/// The newcomer's findings: a unit with `/` is answered with the quoting hint, as `%` is; a
/// script's `save` says what it saved.
@Suite struct NewcomerSyntaxTests {
  @Test(arguments: [("unit Wh/kg", "Wh/kg"), ("unit 元/kWh", "元/kWh"), ("unit kg/m³", "kg/m³")])
  func aUnitWithASlashIsToldToQuote(typed: String, run: String) {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(!session.execute("add phase P1 \"p\" period 2025..2026\nadd goal G1 \"g\" phase P1 \(typed)", file: "<t>"))
    #expect(output.err.contains("[E003]"))
    #expect(output.err.contains("= hint: text with such a character is quoted: \"\(run)\""), "\(output.err)")
  }

  @Test func aScriptsSaveSaysSoOnStandardErrorUnlessQuiet() throws {
    let path = try CommentCommandTests.temporaryPlan()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute("add field F1 \"x\"\nsave \"\(path)\"", file: "<t>"))
    #expect(output.err == "saved \(path)\n" && output.out.isEmpty)
    var settings = Session.Settings()
    settings.quiet = true
    let quiet = CapturedOutput()
    #expect(
      Session(settings: settings, output: quiet).execute("add field F1 \"x\"\nsave \"\(path)\" force", file: "<t>"))
    #expect(quiet.err.isEmpty)
  }
}
