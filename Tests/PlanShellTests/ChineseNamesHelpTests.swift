import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Issue 17 item 6 (SPEC §15): commands and help topics in both languages; the shell's own
/// grammar reads a kind or a literal word by its Chinese name; `help terms` lists every name.
@Suite struct ChineseNamesHelpTests {
  static func session(_ language: MessageLanguage = .zh) -> (Session, CapturedOutput) {
    var settings = Session.Settings()
    settings.language = language
    let output = CapturedOutput()
    return (Session(settings: settings, output: output), output)
  }

  /// A Chinese topic gives its English topic's help (资金 is funding, 添加 add, 规则 rules …).
  @Test(arguments: [
    ("资金", "funding"), ("领域", "field"), ("联合体", "consortium"), ("添加", "add"), ("设置", "set"), ("规则", "rules"),
    ("术语", "terms"), ("计划", "plan"), ("评估", "review"),
  ])
  func aChineseTopicIsItsEnglishOnes(topic: String, english: String) throws {
    for language in MessageLanguage.allCases {
      let text = try #require(Help.text(topic, language: language), "\(topic)")
      #expect(text == Help.text(english, language: language))
    }
  }

  @Test func everyChineseTopicHasHelp() {
    for topic in Help.chineseTopics { #expect(Help.text(topic, language: .zh) != nil, "\(topic)") }
  }

  @Test func anUnknownChineseTopicIsAnsweredWithTheNearest() {
    let (session, output) = Self.session()
    #expect(!session.execute("help 领", file: "<test>"))
    #expect(output.err.contains("是不是 '领域'？"), "\(output.err)")
  }

  /// The shell's commands read a Chinese verb, kind or literal word; the help of a verb and of a
  /// kind names its Chinese names.
  @Test func theShellReadsChineseVerbsKindsAndWords() {
    let (session, output) = Self.session()
    #expect(session.execute("添加 领域 F1 \"新能源汽车\"", file: "<test>"))
    #expect(session.execute("设置 计划 标题 \"江苏\"", file: "<test>"))
    output.clear()
    #expect(session.execute("显示 领域 F1", file: "<test>"))
    #expect(output.out.contains("新能源汽车"))
    output.clear()
    #expect(session.execute("显示 计划", file: "<test>"))
    #expect(output.out.contains("江苏"))
    output.clear()
    #expect(session.execute("列出 候选领域", file: "<test>"))
    #expect(output.out.contains("F1"))
    #expect(!session.execute("显示 领 F1", file: "<test>"))
    #expect(output.err.contains("是不是 '领域'？"), "\(output.err)")
    #expect(Help.text("add", language: .zh)?.contains("中文名称：添加、新增、增加") == true)
    #expect(Help.text("field", language: .en)?.contains("Chinese: 候选领域, 领域") == true)
  }

  /// `help terms` lists each verb, kind and attribute with its Chinese names.
  @Test(arguments: MessageLanguage.allCases)
  func helpTermsListsEveryName(_ language: MessageLanguage) throws {
    let lines = try #require(Help.text("terms", language: language)).split(separator: "\n").map(String.init)
    let separator = language == .zh ? "、" : ", "
    for verb in Verb.allCases where !verb.chineseNames.isEmpty {
      #expect(lines.contains("\(verb.rawValue) ", verb.chineseNames.joined(separator: separator)), "\(verb)")
    }
    for kind in Kind.allCases {
      #expect(lines.contains("\(kind.rawValue) ", kind.chineseNames.joined(separator: separator)), "\(kind)")
    }
    for spec in Schema.kinds {
      for a in spec.attributes {
        let names = Schema.chineseNames(ofAttribute: a.name).joined(separator: separator)
        #expect(lines.contains("\(a.name) ", names), "\(a.name)")
      }
    }
  }
}

extension Array where Element == String {
  /// Whether a line starts with `prefix` and then, after spaces, has `cell`.
  fileprivate func contains(_ prefix: String, _ cell: String) -> Bool {
    contains { line in
      guard line.hasPrefix(prefix) else { return false }
      return line.dropFirst(prefix.count).drop(while: { $0 == " " }).hasPrefix(cell)
    }
  }
}
