import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

/// The import readers and the import itself (SPEC §13), without a session: rows to the plan the
/// same statements typed would make.
@Suite struct ImportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("ImportFixtures")

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// `text` in GBK, converted by the system's iconv program (not cplan's converter).
  static func gbk(_ text: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GBK"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return [UInt8](data)
  }

  static func importing(_ paths: [String], into text: String = "", options: Importer.Options = Importer.Options())
    throws -> Importer.Outcome
  {
    let plan = try PlanLoader.load(bytes: Array(("# cplan plan 1\n" + text).utf8), file: "base.plan")
    return Importer.run(paths, into: plan, options: options)
  }

  /// The rows of the tour's orgs, headed by the Chinese labels, with Chinese terms for values.
  static let orgRows = """
    ID,名称,类型,企业规模,研发投入强度
    jcfc,吉林化纤集团,企业,large,3.5%
    jlu,"吉林大学",高校,,
    ciomp,"中科院长春光机所, 长春",科研院所,,

    """

  /// What typing the rows gives (written by hand: the canonical form, orgs in ID order).
  static let orgPlan = """
    # cplan plan 1
    add org ciomp "中科院长春光机所, 长春" type institute
    add org jcfc "吉林化纤集团" type enterprise size large rd-intensity 3.5%
    add org jlu "吉林大学" type university

    """

  /// UTF-8, UTF-8 with a byte-order mark, and GBK: the same rows import to equal plans.
  @Test func theSameRowsInEveryEncodingImportAlike() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let encodings: [(String, [UInt8])] = [
      ("utf8", Array(Self.orgRows.utf8)), ("bom", [0xEF, 0xBB, 0xBF] + Array(Self.orgRows.utf8)),
      ("gbk", try Self.gbk(Self.orgRows)),
    ]
    #expect(encodings[2].1 != encodings[0].1)  // the GBK bytes differ: the test can fail
    for (name, bytes) in encodings {
      let path = folder.appendingPathComponent("\(name)-单位.csv").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let outcome = try Self.importing([path], options: Importer.Options(kind: .org))
      #expect(outcome.diagnostics.isEmpty, "\(name): \(outcome.diagnostics)")
      #expect(PlanWriter.write(outcome.plan) == Self.orgPlan, "\(name)")
    }
  }

  /// A file read in chunks of 1 to 13 bytes gives the rows it gives whole: quoted fields with
  /// commas, doubled quotes and line breaks, CRLF, and GBK characters cut by a chunk's end.
  @Test(arguments: [false, true])
  func chunkBoundariesDoNotMatter(gbk: Bool) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "id,name\r\nx1,\"甲, \"\"乙\"\"\r\n丙\"\r\nx2,长春光机所\r\n"
    let path = folder.appendingPathComponent("org.csv").path
    try Data(gbk ? try Self.gbk(text) : Array(text.utf8)).write(to: URL(fileURLWithPath: path))
    let expected = [
      ["id", "name"], ["x1", "甲, \"乙\"\r\n丙"], ["x2", "长春光机所"],
    ]
    for size in 1...13 {
      let source = try TextSource(path: path, chunkSize: size)
      #expect(source.encoding == (gbk ? .gb18030 : .utf8))
      var rows: [[String]] = []
      var numbers: [Int] = []
      try CSVReader.read(source, file: path) { row in
        numbers.append(row.number)
        rows.append(
          row.cells.map {
            guard case .text(let t) = $0.value else { return "?" }
            return t
          })
      }
      #expect(rows == expected, "chunk \(size)")
      #expect(numbers == [1, 2, 3], "chunk \(size)")
    }
  }

  /// The workbook of `ImportFixtures/make_fixtures.py`: sheets named in English or Chinese and
  /// in any order (members before their consortium), the settings sheet, shared strings with
  /// rich text and a phonetic run, percent cells, a boolean, formulas with cached values, an
  /// empty row, and derived sheets (ranking, 校验结果) skipped.
  @Test func aWorkbookImportsAsTyped() throws {
    let outcome = try Self.importing([Self.fixtures.appendingPathComponent("jilin.xlsx").path])
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    let expected = """
      # cplan plan 2
      set plan title "吉林省创新联合体规划" horizon 2025..2030 rd-intensity-min 4%
      add criterion C1 "产业链基础" tag chain weight 0.4
      add field F1 "碳纤维" note "新材料"
      add org jcfc "吉林化纤集团" type enterprise size large rd-intensity 3.5%
      add org jlu "吉林大学" type university
      add consortium K1 "碳纤维创新联合体" field F1 period 2025..2029 ip-strategy yes
      add member K1 jcfc role lead chain midstream
      add member K1 jlu role core chain platform

      """
    #expect(PlanWriter.write(outcome.plan) == expected)
    #expect(outcome.added == ["criterion": 1, "field": 1, "org": 2, "consortium": 1, "member": 2])
  }

  /// A cell's column letters, as the locations of a workbook's errors show them.
  @Test(arguments: [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA")])
  func columnLetters(_ column: Int, _ letters: String) {
    #expect(SourceLocation.columnLetters(column) == letters)
  }

  /// A goal's `after` may name a goal of a later row; one that names none is an error at its cell.
  @Test func afterListsResolveOverTheWholeImport() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("goal.csv").path
    try Data("id,name,phase,after\nG1,甲,P1,\"G2, G3\"\nG2,乙,P1,\nG3,丙,P1,G9\n".utf8).write(
      to: URL(fileURLWithPath: path))
    let outcome = try Self.importing([path], into: "add phase P1 \"一期\" period 2025..2026\n")
    #expect(outcome.diagnostics.count == 1)
    #expect(outcome.diagnostics.first?.code == "E103")
    #expect(outcome.diagnostics.first?.location.map { "\($0.file):\($0.line):\($0.column)" } == "\(path):4:4")
  }

  /// Map rules: a bad line is located in the rules file.
  @Test func aBadMapRuleIsLocated() {
    #expect(throws: DiagnosticList.self) { try MapRules.parse("kind org\n单位名称 name\n", file: "r.rules") }
    do {
      _ = try MapRules.parse("kind orgg\n  单位名称 name\n", file: "r.rules")
    } catch {
      #expect(error.diagnostics.map(\.code) == ["E100", "E148"])
      #expect(error.diagnostics.map { $0.location?.line } == [1, 2])
      #expect(error.diagnostics.map { $0.location?.column } == [1, 3])
    }
  }
}

/// The cells read without a lexer are read as the lexer reads them.
@Suite struct ImportCellTests {
  static let cells = [
    "jlu", "K-1", "_x", "enterprise", "高校", "新能源车", "12", "-0.5", "007", "3.5%", "-2%", "0%", "12.", "1e5",
    "2025..2030", "G1,G2", "吉林大学（本部）", "x y", "1/3", "2025-03", "G1号", "１２", "1234567890123456",
  ]

  @Test(arguments: cells)
  func aSimpleCellIsWhatTheLexerReads(_ text: String) {
    let lexed: Token.Kind? = {
      var bytes = Array(text.utf8) + [0x0A]
      return bytes.withUnsafeMutableBufferPointer { buffer -> Token.Kind? in
        var lexer = Lexer(bytes: UnsafeBufferPointer(buffer), file: "cell", allowIncomplete: false)
        guard case .token(let t) = lexer.next(), case .endOfCommand = lexer.next() else { return nil }
        return t.kind
      }
    }()
    // Every cell the short cut takes is one token of the same kind and value; what it leaves
    // (`nil`) goes to the lexer.
    if let simple = RowConversion.simpleToken(text) {
      #expect(simple == lexed, "\(text)")
    }
  }

  @Test func theShortCutTakesTheCommonCells() {
    for text in ["jlu", "高校", "12", "3.5%", "-0.5"] {
      #expect(RowConversion.simpleToken(text) != nil, "\(text)")
    }
    for text in ["2025..2030", "G1,G2", "x y", "1/3", "12.", "1234567890123456", "G1号"] {
      #expect(RowConversion.simpleToken(text) == nil, "\(text)")
    }
  }
}
