import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The document export (SPEC §13, issue 15 item 3), read back with libzip and `XMLParser`
/// (``OfficePackage``); LibreOffice and python-docx read it in `OfficeIntegration`.
@Suite struct ExportDOCXTests {
  static func document(_ plan: Plan, _ language: MessageLanguage = .en, hidesIDs: Bool = false) throws -> [String:
    [UInt8]]
  {
    var options = ExportOptions(language: language)
    options.hidesIDs = hidesIDs
    return try OfficePackage.parts(Exporter.binary(plan, format: .docx, options: options))
  }

  @Test(arguments: ExportFixtures.planNames, MessageLanguage.allCases)
  func everyPartIsWellFormedXML(plan: String, language: MessageLanguage) throws {
    for hidesIDs in [false, true] {
      let parts = try Self.document(try ExportFixtures.plan(plan), language, hidesIDs: hidesIDs)
      for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footer1.xml"] {
        #expect(parts[name] != nil, "\(name)")
      }
      for (name, bytes) in parts { #expect(OfficePackage.isWellFormed(bytes), "\(name)") }
    }
  }

  /// The title, then the sections as Heading 1 (outline level 0: the navigation pane), each
  /// consortium a Heading 2 under "Consortia".
  @Test(arguments: MessageLanguage.allCases)
  func titleAndHeadings(language: MessageLanguage) throws {
    let plan = try ExportFixtures.jilin()
    let paragraphs = OfficePackage.paragraphs(try Self.document(plan, language)["word/document.xml"]!)
    #expect(paragraphs.first?.style == "Title" && paragraphs.first?.text == plan.title)
    let planWide = Roadmap(plan, validate: false).hasPlanWideItems ? [ExportLabels.planWide] : []
    let sections =
      ([ExportLabels.ranking, ExportLabels.timeline, ExportLabels.consortia] + planWide + [
        ExportLabels.funding, ExportLabels.validation,
      ]).map { $0.text(language) }
    #expect(paragraphs.filter { $0.style == "Heading1" }.map(\.text) == sections)
    // In the priority order of their fields (SPEC §15): K2 (field F1, rank 1), then K1 (F2).
    let consortia = ["K2", "K1"].map { plan.entity(.consortium, $0)! }.map { $0.id + " " + ($0.name ?? "") }
    // Heading 2s: the consortia, and the criteria under the ranking.
    #expect(
      paragraphs.filter { $0.style == "Heading2" }.map(\.text) == [ExportLabels.criteria.text(language)] + consortia)
    let styles = try Self.document(plan, language)["word/styles.xml"]!
    #expect(OfficePackage.attributes(styles, element: "outlineLvl", attribute: "val") == ["0", "1", "2"])
  }

  /// Real tables: the ranking's header row is a table row (repeated on each page), its cells the
  /// ranking table's header; every consortium has a members table.
  @Test func tables() throws {
    let plan = try ExportFixtures.jilin()
    let document = try Self.document(plan)["word/document.xml"]!
    let root = try #require(OfficePackage.parse(document))
    let tables = root.all.filter { $0.name == "tbl" }
    let header = try #require(tables.first?.children.first { $0.name == "tr" })
    #expect(header.all.contains { $0.name == "tblHeader" })
    let cells = header.children.filter { $0.name == "tc" }.map(\.content)
    guard case .success(let ranking) = ExportRanking.compute(plan) else {
      Issue.record("the Jilin plan ranks")
      return
    }
    #expect(cells == ["Rank", "Field", "Name", "Score"] + ranking.criteria + ["Consortium"])
    // ranking, criteria, timeline, per consortium members + per phase goals and measures, funding, diagnostics
    #expect(tables.count >= 3 + plan[.consortium].count + 2)
  }

  /// A4 (11,906 × 16,838 twips: 210 × 297 mm at 56.7 twips a mm), and a footer with the PAGE and
  /// NUMPAGES fields between the words of "Page N of M".
  @Test(arguments: [(MessageLanguage.en, "Page 1 of 1"), (.zh, "第 1 页，共 1 页")])
  func a4AndPageNumbers(language: MessageLanguage, footer: String) throws {
    let parts = try Self.document(try ExportFixtures.tricky(), language)
    #expect(OfficePackage.attributes(parts["word/document.xml"]!, element: "pgSz", attribute: "w") == ["11906"])
    #expect(OfficePackage.attributes(parts["word/document.xml"]!, element: "pgSz", attribute: "h") == ["16838"])
    let root = try #require(OfficePackage.parse(parts["word/footer1.xml"]!))
    #expect(root.all.filter { $0.name == "instrText" }.map(\.content) == [" PAGE ", " NUMPAGES "])
    // The fields' placeholder results are "1"; a reader fills in the real numbers.
    #expect(root.all.filter { $0.name == "t" }.map(\.content).joined() == footer)
  }

  /// Chinese: 黑体 headings, 仿宋 body text, 宋体 tables (the default), each in the font table
  /// with its English name, so a reader without it finds one of the same kind.
  @Test func chineseFonts() throws {
    let parts = try Self.document(try ExportFixtures.jilin(), .zh)
    let root = try #require(OfficePackage.parse(parts["word/styles.xml"]!))
    func eastAsia(_ style: String) -> String? {
      root.all.first { $0.name == "style" && $0.attributes["styleId"] == style }?.all.first { $0.name == "rFonts" }?
        .attributes["eastAsia"]
    }
    #expect(["Title", "Heading1", "Heading2", "Heading3"].map(eastAsia) == ["黑体", "黑体", "黑体", "黑体"])
    #expect(eastAsia("BodyText") == "仿宋")
    #expect(
      root.all.first { $0.name == "rPrDefault" }?.all.first { $0.name == "rFonts" }?.attributes["eastAsia"] == "宋体")
    let fonts = try #require(OfficePackage.parse(parts["word/fontTable.xml"]!))
    let alt = Dictionary(
      uniqueKeysWithValues: fonts.children.map { f in
        (f.attributes["name"] ?? "", f.children.first { $0.name == "altName" }?.attributes["val"] ?? "")
      })
    #expect(alt["黑体"] == "SimHei" && alt["仿宋"] == "FangSong" && alt["宋体"] == "SimSun")
  }

  /// `--no-ids`: consortium headings are names; no cell outside the diagnostics holds an org,
  /// goal, measure, consortium or phase ID.
  @Test func noIDs() throws {
    let plan = try ExportFixtures.jilin()
    let document = try Self.document(plan, hidesIDs: true)["word/document.xml"]!
    let paragraphs = OfficePackage.paragraphs(document)
    #expect(
      paragraphs.filter { $0.style == "Heading2" }.map(\.text)
        == [ExportLabels.criteria.en] + ["K2", "K1"].map { plan.entity(.consortium, $0)?.name ?? "" })
    let validation = try #require(
      paragraphs.firstIndex { $0.style == "Heading1" && $0.text == ExportLabels.validation.en })
    var ids: Set<String> = []
    for kind in [Kind.org, .goal, .measure, .consortium, .phase, .field, .criterion] {
      ids.formUnion(plan[kind].values.map(\.id))
    }
    for p in paragraphs[..<validation] {
      let words = p.text.split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }.map(String.init)
      #expect(!words.contains(where: ids.contains), "\(p.text)")
    }
  }

  /// Text is escaped and a control character (not allowed in XML 1.0) left out; a tab and a
  /// line break become `<w:tab/>` and `<w:br/>`.
  @Test func textIsEscaped() throws {
    let plan = try ExportXLSXTests.load("set plan title \"R&D <a> \\\"b\\\"\\tc\\nd\"\n")
    let document = try Self.document(plan)["word/document.xml"]!
    let root = try #require(OfficePackage.parse(document))
    let title = try #require(root.all.first { $0.name == "p" })
    #expect(title.content == "R&D <a> \"b\"cd")
    #expect(title.all.map(\.name).contains("tab") && title.all.map(\.name).contains("br"))
  }
}
