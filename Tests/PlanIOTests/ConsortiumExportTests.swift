import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// One consortium's roadmap (SPEC §13, `export FORMAT consortium K`): the part of the plan it is
/// made from, and every format's export of it, which holds that consortium and no other.
@Suite struct ConsortiumExportTests {
  /// The Jilin plan file's `add` lines.
  static func addLines() throws -> [String] {
    try String(contentsOfFile: ExportFixtures.jilinPath, encoding: .utf8).split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("add ") }
  }

  /// The part of K1, against the plan file read line by line: its goals and measures are the
  /// lines saying `consortium K1`, its members and funding lines those keyed by K1, its
  /// organisations its members' (read off the member lines), its field F2 (line 57); every
  /// criterion (the ranking row's columns are read against them), no judgement or score; every
  /// phase a K1 goal, measure or funding line names.
  @Test(arguments: ["K1", "K2"])
  func partHoldsWhatTheFileSaysBelongs(k: String) throws {
    let plan = try ExportFixtures.jilin()
    let part = plan.part(ofConsortium: k)
    let lines = try Self.addLines()
    func ids(_ kind: String, where keep: (String) -> Bool, part n: Int = 2) -> Set<String> {
      Set(
        lines.filter { $0.hasPrefix("add \(kind) ") && keep($0) }.map {
          String($0.split(separator: " ")[n])
        })
    }
    let goals = ids("goal", where: { $0.contains(" consortium \(k) ") })
    let measures = ids("measure", where: { $0.contains(" consortium \(k) ") })
    let orgs = ids("member", where: { $0.hasPrefix("add member \(k) ") }, part: 3)
    #expect(Set(part[.goal].values.map(\.id)) == goals)
    #expect(Set(part[.measure].values.map(\.id)) == measures)
    #expect(Set(part[.member].values.map(\.key.b)) == orgs)
    #expect(Set(part[.org].values.map(\.id)) == orgs)
    #expect(part[.funding].count == lines.count { $0.hasPrefix("add funding \(k) ") })
    #expect(part[.consortium].values.map(\.id) == [k])
    let field = plan.entity(.consortium, k)![Attr.Consortium.field]!.ref!
    #expect(part[.field].values.map(\.id) == [field])
    #expect(Set(part[.criterion].values.map(\.id)) == ids("criterion", where: { _ in true }))
    #expect(part[.compare].isEmpty && part[.score].isEmpty)
    let phases = Set(
      lines.filter {
        ($0.hasPrefix("add goal ") || $0.hasPrefix("add measure ")) && $0.contains(" consortium \(k) ")
          || $0.hasPrefix("add funding \(k) ")
      }.compactMap { line -> String? in
        let words = line.split(separator: " ").map(String.init)
        if words[1] == "funding" { return words[3] }
        return words.firstIndex(of: "phase").map { words[$0 + 1] }
      })
    #expect(Set(part[.phase].values.map(\.id)) == phases)
    // `after` keeps only goals of the part.
    for goal in part[.goal].values { #expect(goal[Attr.Goal.after]?.refs?.allSatisfy(goals.contains) ?? true) }
    #expect(part.settings == plan.settings)
  }

  /// The newcomer's case: the one-consortium roadmap printed the criteria table with empty name,
  /// basis and type cells. Each criterion line of the Markdown export of K1 carries its name as
  /// the plan file writes it.
  @Test func theCriteriaTableOfAConsortiumKeepsItsNames() throws {
    let plan = try ExportFixtures.jilin()
    let text = {
      var options = ExportOptions()
      options.consortium = "K1"
      return Exporter.export(plan, format: .markdown, options: options)
    }()
    for line in try Self.addLines() where line.hasPrefix("add criterion ") {
      let words = line.split(separator: " ", maxSplits: 3).map(String.init)
      let name = String(words[3].dropFirst().prefix { $0 != "\"" })
      #expect(text.contains("| \(words[2]) | \(name) |"), "\(words[2]) \(name)")
    }
  }

  /// Every format's export of one consortium names it and none of the other's IDs or names.
  @Test(arguments: ExportFormat.allCases, ["K1", "K2"])
  func exportHoldsThatConsortiumOnly(format: ExportFormat, k: String) throws {
    let plan = try ExportFixtures.jilin()
    let other = k == "K1" ? "K2" : "K1"
    let mine = plan.entity(.consortium, k)!
    let theirs = plan.entity(.consortium, other)!
    // The other consortium's own entities: its name, goals and measures (IDs G1nn/G2nn, M1nn/M2nn).
    let foreign =
      [theirs.name!]
      + plan[.goal].values.filter { $0[Attr.Goal.consortium]?.ref == other }.flatMap { [$0.id, $0.name!] }
      + plan[.measure].values.filter { $0[Attr.Measure.consortium]?.ref == other }.flatMap { [$0.id, $0.name!] }
    for language in MessageLanguage.allCases {
      var options = ExportOptions(language: language, file: ExportFixtures.jilinPath)
      options.consortium = k
      let text: String
      if format.isBinary {
        // The archive's parts as text: the workbook's inline strings, the document's paragraphs.
        let bytes = try Exporter.binary(plan, format: format, options: options)
        let dir = try DatabaseExportTests.folder()
        let file = dir.appendingPathComponent("k.zip")
        try Data(bytes).write(to: file)
        let script = """
          import re, sys, zipfile
          z = zipfile.ZipFile(sys.argv[1])
          for n in z.namelist():
              # The text between the tags (not cell references such as r="K1").
              if n.endswith(".xml"): print(re.sub(r"<[^>]*>", " ", z.read(n).decode("utf-8")))
          """
        text = try ExportPython.run(script, input: "", arguments: [file.path])
      } else if format.isFileOnly {
        let dir = try DatabaseExportTests.folder()
        let db = dir.appendingPathComponent("k.db").path
        try SQLiteExport.write(plan, to: db, append: false, options: options)
        text = try ["consortium", "goal", "measure", "member", "funding"].flatMap {
          try DatabaseExportTests.query(db, "SELECT * FROM \"\($0)\"")
        }.joined(separator: "\n")
      } else {
        text = Exporter.export(plan, format: format, options: options)
      }
      if format != .csv { #expect(text.contains(mine.name!), "\(format) \(language) lacks \(k)") }
      #expect(text.contains(k == "K1" ? "G101" : "G201"))
      for word in foreign { #expect(!text.contains(word), "\(format) \(language) of \(k) holds \(word)") }
      // No other consortium's ID as a word of its own (the CSV and SQL name consortia by ID).
      let words = Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
      #expect(!words.contains(other), "\(format) \(language) of \(k) names \(other)")
    }
  }

  /// The ranking of one consortium's export is its field's row of the whole plan's ranking;
  /// its findings are the whole plan's at its statements.
  @Test func rankingAndFindingsComeFromTheWholePlan() throws {
    let plan = try ExportFixtures.tricky()
    let whole = Roadmap(plan)
    let part = Roadmap(plan, consortium: "K1")
    guard case .success(let all) = whole.ranking, case .success(let mine) = part.ranking else {
      Issue.record("the tricky plan ranks")
      return
    }
    let field = plan.entity(.consortium, "K1")![Attr.Consortium.field]!.ref!
    #expect(mine.rows == all.rows.filter { $0.field == field })
    #expect(mine.sensitivity == nil)
    let lines = Set(part.plan.tables.flatMap { $0.values.map(\.location.line) })
    #expect(part.diagnostics == whole.diagnostics.filter { lines.contains($0.location?.line ?? -1) })
    #expect(!part.diagnostics.isEmpty)
  }
}
