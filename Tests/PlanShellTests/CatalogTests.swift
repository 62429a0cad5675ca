import Foundation
import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The catalogs of text (SPEC §10): every entry has both languages, the Chinese is Chinese,
/// and every text a catalog file declares is among its entries.
@Suite struct CatalogTests {
  /// Each catalog with the source file that declares its texts.
  static let catalogs: [(catalog: any TextCatalog.Type, file: String)] = [
    (Message.self, "Sources/PlanLanguage/Catalog/Message.swift"),
    (SyntaxText.self, "Sources/PlanLanguage/Catalog/SyntaxText.swift"),
    (DiagnosticText.self, "Sources/PlanLanguage/Catalog/DiagnosticText.swift"),
    (EditText.self, "Sources/PlanModel/Catalog/EditText.swift"),
    (SchemaText.self, "Sources/PlanModel/Catalog/SchemaText.swift"),
    (RankingText.self, "Sources/PlanEngine/Catalog/RankingText.swift"),
    (ExportLabels.self, "Sources/PlanIO/Catalog/ExportLabels.swift"),
    (DiffText.self, "Sources/PlanIO/Catalog/DiffText.swift"),
    (MergeText.self, "Sources/PlanIO/Catalog/MergeText.swift"),
    (ImportText.self, "Sources/PlanIO/Catalog/ImportText.swift"),
    (ReviewLabels.self, "Sources/PlanIO/Catalog/ReviewLabels.swift"),
    (ShellText.self, "Sources/PlanShell/Catalog/ShellText.swift"),
    (CommandText.self, "Sources/PlanShell/Catalog/CommandText.swift"),
  ]

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func name(_ catalog: any TextCatalog.Type) -> String { String(describing: catalog) }

  /// Whether `text` holds an ASCII letter (it is words, not only numbers, IDs' digits or marks).
  static func hasLetters(_ text: String) -> Bool {
    text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
  }

  /// Whether `text` holds a CJK ideograph (Unicode's Ideographic property: 中, not ，or （).
  static func hasChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isIdeographic }
  }

  /// Whether `zh` is only acronyms the English has too (`ID` for `an ID`): a term Chinese
  /// writes in Latin letters.
  static func isSharedAcronym(_ zh: String, of en: String) -> Bool {
    zh.split(separator: " ").allSatisfy { word in
      word.allSatisfy { $0.isUppercase && $0.isASCII } && en.contains(word)
    }
  }

  /// What a text's arguments and examples leave in it: numbers, and the words in quotes
  /// (`'G1'`, `'force'`; the quotes themselves may be dropped in Chinese).
  static func literals(_ text: String) -> Set<String> {
    var out = Set<String>()
    let regex = try! NSRegularExpression(pattern: #"\b[0-9]+\b|'([^'\s]+)'"#)
    for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      let range = m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range
      out.insert(String(text[Range(range, in: text)!]))
    }
    return out
  }

  @Test func theChecksCanFail() {
    #expect(Self.hasChinese("阶段目标"))
    #expect(!Self.hasChinese("（），。：Goals"))
    #expect(Self.hasLetters("R27") && !Self.hasLetters("1/9…9"))
    #expect(Self.literals("the plan's goal 'G1' is due 2030, not 2031") == ["G1", "2030", "2031"])
    #expect(Self.isSharedAcronym("ID", of: "an ID") && !Self.isSharedAcronym("ID", of: "a kind"))
  }

  @Test(arguments: catalogs.indices)
  func everyEntryHasBothLanguages(_ index: Int) {
    let catalog = Self.catalogs[index].catalog
    #expect(!catalog.entries.isEmpty)
    for entry in catalog.entries {
      for text in entry.texts {
        let label = "\(Self.name(catalog)).\(entry.name): \(text.en) | \(text.zh)"
        #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(label)")
        #expect(!text.zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(label)")
        if Self.hasLetters(text.en) {
          #expect(
            Self.hasChinese(text.zh) || Self.isSharedAcronym(text.zh, of: text.en), "not translated: \(label)")
        }
        // Arguments and examples (numbers, quoted IDs and keywords) are carried into Chinese.
        for literal in Self.literals(text.en) {
          #expect(text.zh.contains(literal), "'\(literal)' lost in Chinese: \(label)")
        }
      }
    }
  }

  /// A text declared in a catalog file but left out of `entries` would escape the check above.
  @Test(arguments: catalogs.map(\.file))
  func everyDeclaredTextIsAnEntry(_ file: String) throws {
    let catalog = try #require(Self.catalogs.first { $0.file == file }?.catalog)
    let source = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
    // `static let NAME = LocalizedText(…)`, `static func NAME(…) -> LocalizedText` (or Message).
    let regex = try NSRegularExpression(
      pattern: #"static (?:let|var|func) (\w+)[^\n{]*?(?:= |-> |: )(?:LocalizedText|Message)\b"#)
    let declared = regex.matches(in: source, range: NSRange(source.startIndex..., in: source)).map {
      String(source[Range($0.range(at: 1), in: source)!])
    }
    #expect(!declared.isEmpty, "no texts found in \(file)")
    let names = Set(catalog.entries.map(\.name))
    for name in declared {
      #expect(names.contains(name), "\(Self.name(catalog)).\(name) is not among its entries")
    }
  }

  /// One term, one translation: a label (a text of at most three words, such as a column
  /// heading) that two catalogs both hold in English says the same in Chinese in both, so the
  /// `rank` report and the exports do not head one column 名次 in one and 排名 in the other.
  @Test func oneLabelHasOneTranslation() {
    // Homonyms: one English word for two things. `member` is the kind (a consortium's member,
    // 成员) and the role keyword (an ordinary member beside the lead and the core, 一般成员).
    let homonyms: Set<String> = ["member"]
    var seen: [String: (zh: String, label: String)] = [:]
    for (catalog, _) in Self.catalogs {
      for entry in catalog.entries {
        for text in entry.texts where text.en.split(separator: " ").count <= 3 && Self.hasLetters(text.en) {
          let label = "\(Self.name(catalog)).\(entry.name)"
          if homonyms.contains(text.en) { continue }
          if let earlier = seen[text.en] {
            #expect(
              earlier.zh == text.zh, "'\(text.en)': \(earlier.label) says \(earlier.zh), \(label) says \(text.zh)")
          } else {
            seen[text.en] = (text.zh, label)
          }
        }
      }
    }
    #expect(seen["Rank"]?.zh == "排名")
  }
}
