import Foundation
import Testing

/// Issue 17 item 7: in a Chinese session, keyword values print as their Chinese terms wherever a
/// person reads them. Every printing command runs in Chinese on the sample plans and on one
/// with findings, and no keyword value of the schema (every key of the terms table, as `help
/// terms` lists it) may stand as a table cell or a word of a message.
///
/// CSV, JSON and SQL exports are data read back by programs (and by `import`): their cells keep
/// the keywords in either language. Not a leak: what is quoted ('K3', "…", `…`), the source lines a diagnostic shows (`  12 | add
/// …`), a command given to type (`set plan weighting ahp`, `remove field F5 cascade`), a label
/// before a colon (an attribute's name), and a keyword in brackets right after its own term
/// (高校（university）, a cross-reference to what to type).
@Suite struct ChineseOutputLeakTests {
  /// The keyword values: the first column of `help terms`' first table.
  static func keywords() throws -> Set<String> {
    let terms = try CLI.run(["--lang", "en", "-c", "help terms"]).out
    var words = Set<String>()
    // The first table ends at the first blank line (the verbs', kinds' and attributes' follow).
    for line in terms.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
      guard let first = line.split(separator: " ").first, line.hasPrefix(first) else { break }
      guard first.allSatisfy({ $0.isASCII }) else { continue }
      words.insert(String(first))
    }
    return words
  }

  static let verbs = [
    "add", "set", "remove", "rename", "validate", "rank", "show", "list", "export", "review", "import", "help", "save",
    "load", "run",
  ]

  /// The keyword values standing in `text` as a person reads them (see the suite's note).
  static func leaks(_ text: String, keywords: Set<String>, ids: Set<String>) -> [String] {
    var found: [String] = []
    for raw in text.split(separator: "\n") {
      var line = String(raw)
      if line.range(of: #"^\s*\d*\s+\|"#, options: .regularExpression) != nil { continue }
      for pattern in [#"'[^']*'"#, #""[^"]*""#, #"`[^`]*`"#, "“[^”]*”"] {
        line = line.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
      }
      // A command to type: a verb and the ASCII words after it.
      let verbs = verbs.joined(separator: "|")
      line = line.replacingOccurrences(
        of: #"\b(\#(verbs)) [A-Za-z0-9_.%|: -]+"#, with: " ", options: .regularExpression)
      // A keyword in brackets after its term; a label before a colon.
      line = line.replacingOccurrences(of: #"（[a-z-]+）"#, with: " ", options: .regularExpression)
      line = line.replacingOccurrences(of: #"[a-z-]+[:：]"#, with: " ", options: .regularExpression)
      for word in line.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) {
        let w = String(word)
        if keywords.contains(w), !ids.contains(w) { found.append("\(w) in: \(raw)") }
      }
    }
    return found
  }

  /// A plan with findings whose messages name keyword values: a lead that is a university
  /// (R11), a government-funded management measure (R29), criteria without the bases (R06).
  static let findings = """
    add measure M999 "管理服务" phase P1 consortium K1 instrument management funder provincial amount 10 start 2025-01
    set criterion C3 tag market

    """

  @Test func noKeywordValueStandsInChineseOutput() throws {
    let keywords = try Self.keywords()
    #expect(
      keywords.isSuperset(of: ["chain", "benefit", "enterprise", "grant", "central", "provincial", "lead", "large"]))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-leak-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan").path
    let approved = CLI.root.appendingPathComponent("plans/jilin-approved.plan").path
    let review = CLI.root.appendingPathComponent("plans/jilin-2025-review.plan").path
    let panel = CLI.root.appendingPathComponent("plans/jilin-panel.plan").path
    let broken = folder.appendingPathComponent("findings.plan").path
    try (String(contentsOfFile: sample, encoding: .utf8) + Self.findings).write(
      toFile: broken, atomically: true, encoding: .utf8)
    // The plans' IDs are words of the output, not keywords (an org may be called `bank`).
    var ids = Set<String>()
    for path in [sample, review, panel] {
      for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where line.hasPrefix("add ")
      {
        for word in line.split(separator: " ").dropFirst(2).prefix(3) { ids.insert(String(word)) }
      }
    }
    let runs: [[String]] = [
      ["check", sample], ["check", broken], ["check", review], ["check", panel], ["rank", sample],
      ["rank", "--sensitivity", sample], ["rank", panel], ["review", review],
      ["review", "--against", approved, review],
      ["diff", approved, review], ["diff", sample, broken], ["export", "--format", "text", sample],
      // CSV, JSON and SQL are data: their cells are the plan file's keywords in either language.
      ["export", "--format", "markdown", sample],
      ["export", "--format", "text", "--consortium", "K3", sample],
      ["-c", "load \(sample)", "-c", "remove phase P1 cascade", "-c", "show consortium K9"],
    ]
    for arguments in runs {
      let result = try CLI.run(["--lang", "zh"] + arguments)
      let leaks = Self.leaks(result.out + "\n" + result.err, keywords: keywords, ids: ids)
      #expect(leaks.isEmpty, "\(arguments.joined(separator: " ")):\n\(leaks.joined(separator: "\n"))")
    }
  }

  /// The scan finds what it looks for (so that the test above can fail).
  @Test func theScanFindsAKeywordCell() {
    let keywords: Set<String> = ["chain", "benefit", "management"]
    #expect(Self.leaks("C1    产业链基础      chain    benefit  0.2312", keywords: keywords, ids: []).count == 2)
    #expect(Self.leaks("越位：政府出资的措施使用 management 工具", keywords: keywords, ids: []).count == 1)
    #expect(Self.leaks("提示：set plan weighting chain；'chain'；高校（chain）", keywords: keywords, ids: []).isEmpty)
    #expect(Self.leaks("   12 | add criterion C1 tag chain", keywords: keywords, ids: []).isEmpty)
  }
}
