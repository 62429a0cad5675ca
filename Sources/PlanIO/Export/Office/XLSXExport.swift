import PlanEngine
import PlanLanguage
import PlanModel

/// The workbook export (SPEC §13, `export xlsx`, file only): an Office Open XML workbook
/// (ECMA-376) zipped by libzip (``ZipContainer``), the XML written here (``Worksheet``,
/// ``XMLBuffer``).
///
/// Sheets, named as ``WorkbookSheets`` says (English or Chinese by the message language): the
/// plan's settings; one per kind the plan uses, in SPEC §6 order, one row per entity in plan
/// order, the key columns, `name` and the attributes (a cell left empty where the attribute is
/// not set, so that importing the workbook into an empty plan gives the same plan); then the
/// derived sheets import skips — the ranking (rank, field, name, score, each criterion's weighted
/// contribution, the field's consortia; or why there is none), the expert panel (SPEC §12, when
/// the ranking has experts: expert, name, weight, own CR, ρ with the group, own top field, then
/// after an empty row Kendall's W and the outlier, each a label and a cell), the scores as a field × criterion
/// grid (when the plan has scores), the status of each goal as of the year under review with the
/// actual it rests on (SPEC §11, when the plan has actuals; the year as `review` resolves it,
/// ``ReviewYear``), and the diagnostics.
struct XLSXExport {
  let roadmap: Roadmap
  let options: ExportOptions

  var plan: Plan { roadmap.plan }
  var language: MessageLanguage { options.language }
  func t(_ text: LocalizedText) -> String { text.text(language) }

  /// The workbook's bytes.
  /// - Throws: ``ZipContainer/Failure`` when libzip cannot make the archive (out of memory).
  func render() throws(ZipContainer.Failure) -> [UInt8] {
    // Each sheet goes into the archive as soon as it is made, and its XML is then let go.
    var zip = ZipContainer()
    var names: [String] = []
    func add(_ sheet: Worksheet) {
      names.append(sheet.name)
      zip.add("xl/worksheets/sheet\(names.count).xml", sheet.xml)
    }
    add(settingsSheet())
    for kind in Kind.allCases where !plan[kind].isEmpty { add(kindSheet(kind)) }
    add(rankingSheet())
    if let experts = expertsSheet() { add(experts) }
    if !plan[.score].isEmpty { add(scoreGridSheet()) }
    if let status = statusSheet() { add(status) }
    add(diagnosticsSheet())
    Self.package(sheets: names, language: language, into: &zip)
    return try zip.bytes()
  }

  // MARK: Entities

  func settingsSheet() -> Worksheet {
    var sheet = Worksheet(
      name: WorkbookSheets.name(.settings, language),
      header: [t(WorkbookSheets.settingColumn), t(WorkbookSheets.valueColumn), t(WorkbookSheets.descriptionColumn)])
    for (i, spec) in Schema.plan.enumerated() {
      guard let value = plan.settings[i] else { continue }
      sheet.append([.text(spec.name), cell(value, spec.type), .text(t(spec.help))])
    }
    return sheet
  }

  func kindSheet(_ kind: Kind) -> Worksheet {
    let spec = kind.spec
    var sheet = Worksheet(
      name: WorkbookSheets.name(.kind(kind), language),
      header: WorkbookSheets.columns(kind).map { WorkbookSheets.header($0, language) })
    var row: [Worksheet.Cell] = []
    row.reserveCapacity(spec.keys.count + 1 + spec.attributes.count)
    for entity in plan[kind].values.untilInterrupted {
      row.removeAll(keepingCapacity: true)
      for (i, part) in spec.keys.enumerated() {
        let text = entity.key.part(i)
        switch part {
        case .year: row.append(Double(text).map(Worksheet.Cell.number) ?? .text(text))
        case .choice: row.append(.text(ExportLabels.value(text, language)))
        case .id, .ref: row.append(.text(text))
        }
      }
      if spec.hasName { row.append(entity.name.map(Worksheet.Cell.text) ?? .empty) }
      for (i, attribute) in spec.attributes.enumerated() {
        row.append(entity.values[i].map { cell($0, attribute.type) } ?? .empty)
      }
      sheet.append(row)
    }
    return sheet
  }

  /// A value as a cell: numbers as numbers, percents as percent cells, keywords as their term.
  func cell(_ value: Value, _ type: AttributeType) -> Worksheet.Cell {
    switch value {
    case .text(let s): .text(s)
    case .number(let d): type == .percent ? .percent(d) : .number(d)
    case .integer(let i): .number(Double(i))
    case .ref(let s): .text(s)
    case .refs(let r): .text(r.joined(separator: ","))
    case .flag(let b): .text(WorkbookSheets.flag(b, language))
    case .choice(let c): .text(ExportLabels.value(c, language))
    case .period, .range, .month: .text(value.canonical(as: type))
    }
  }

  // MARK: Derived

  func rankingSheet() -> Worksheet {
    let name = WorkbookSheets.name(.derived(.ranking), language)
    switch roadmap.ranking {
    case .failure(let d):
      var sheet = Worksheet(name: name, header: [t(ExportLabels.ranking)])
      sheet.append([.text(t(ExportLabels.rankingUnavailable(d.message.text(language))))])
      return sheet
    case .success(let r):
      var sheet = Worksheet(
        name: name,
        header: [t(ExportLabels.rank), t(ExportLabels.field), t(ExportLabels.name), t(ExportLabels.score)]
          + r.criteria + [t(ExportLabels.consortium)])
      let consortia = Dictionary(grouping: roadmap.consortia, by: { $0[Attr.Consortium.field]?.ref ?? "" })
      for row in r.rows {
        sheet.append(
          [.number(Double(row.rank)), .text(row.field), .text(row.name), .number(row.score)]
            + row.contributions.map(Worksheet.Cell.number)
            + [.text((consortia[row.field] ?? []).map(\.id).joined(separator: ","))])
      }
      return sheet
    }
  }

  /// The expert panel as the exports show it (``ExportTables/experts(_:)``), numbers as numbers;
  /// `nil` when the ranking has no experts (none in the plan, one consortium's export, or no ranking).
  func expertsSheet() -> Worksheet? {
    guard case .success(let r) = roadmap.ranking, let experts = r.experts else { return nil }
    guard let table = ExportTables(roadmap: roadmap, language: language, ascii: false).experts(r) else { return nil }
    var sheet = Worksheet(name: WorkbookSheets.name(.derived(.experts), language), header: table.header)
    let none = t(ExportLabels.none)
    for e in experts {
      sheet.append([
        .text(e.expert), .text(e.name), .number(e.weight), e.cr.map(Worksheet.Cell.number) ?? .text(none),
        e.rho.map(Worksheet.Cell.number) ?? .text(none), .text(e.topField ?? none),
      ])
    }
    if let consensus = r.consensus {
      sheet.append([])
      sheet.append([.text(t(ExportLabels.kendallW)), consensus.w.map(Worksheet.Cell.number) ?? .text(none)])
      sheet.append([.text(t(ExportLabels.outlier)), .text(consensus.outlier ?? none)])
    }
    return sheet
  }

  /// Fields down by rank (SPEC §15), criteria across in plan order, each score's value where it
  /// is given.
  func scoreGridSheet() -> Worksheet {
    let criteria = plan[.criterion].values.map(\.id)
    var sheet = Worksheet(
      name: WorkbookSheets.name(.derived(.scoreGrid), language),
      header: [t(ExportLabels.field), t(ExportLabels.name)] + criteria)
    for field in roadmap.order.fields(of: plan) {
      let scores = criteria.map { c -> Worksheet.Cell in
        plan[.score][EntityKey(field.id, c)]?[Attr.Score.value]?.number.map(Worksheet.Cell.number) ?? .empty
      }
      sheet.append([.text(field.id), field.name.map(Worksheet.Cell.text) ?? .empty] + scores)
    }
    return sheet
  }

  /// Each goal's status as of the year under review, with the actual it rests on; `nil` when
  /// the plan has no actuals.
  func statusSheet() -> Worksheet? {
    guard !plan[.actual].isEmpty else { return nil }
    let years = plan[.actual].values.compactMap { Int($0.key.b) } + plan[.outlay].values.compactMap { Int($0.key.b) }
    guard
      let year = ReviewYear.resolve(
        command: nil, asOf: plan.asOf, recordYears: years, horizonStartYear: plan.horizon?.start.year)
    else { return nil }
    var sheet = Worksheet(
      name: WorkbookSheets.name(.derived(.status), language),
      header: [
        t(ExportLabels.goal), t(ExportLabels.name), t(ExportLabels.consortium), t(ExportLabels.asOf),
        t(ExportLabels.goalStatus), t(ExportLabels.actualYear), t(ExportLabels.actualValue),
        t(ExportLabels.expected), t(ExportLabels.ratio),
      ])
    for (goal, _, a) in plan.goalAssessments(asOf: year.year) {
      sheet.append([
        .text(goal.id), goal.name.map(Worksheet.Cell.text) ?? .empty,
        goal[Attr.Goal.consortium]?.ref.map(Worksheet.Cell.text) ?? .empty, .number(Double(a.asOf)),
        .text(t(ExportLabels.statusTerm(a.status.rawValue))), a.actualYear.map { .number(Double($0)) } ?? .empty,
        a.actual.map(Worksheet.Cell.number) ?? .empty, a.expected.map(Worksheet.Cell.number) ?? .empty,
        a.ratio.map(Worksheet.Cell.percent) ?? .empty,
      ])
    }
    return sheet
  }

  func diagnosticsSheet() -> Worksheet {
    var sheet = Worksheet(
      name: WorkbookSheets.name(.derived(.diagnostics), language),
      header: [
        t(ExportLabels.severity), t(ExportLabels.code), t(ExportLabels.file), t(ExportLabels.line),
        t(ExportLabels.column), t(ExportLabels.message),
      ])
    for d in roadmap.diagnostics {
      sheet.append([
        .text(d.severity.label(language)), .text(d.code), d.location.map { .text($0.file) } ?? .empty,
        d.location.map { .number(Double($0.line)) } ?? .empty, d.location.map { .number(Double($0.column)) } ?? .empty,
        .text(d.message.text(language)),
      ])
    }
    return sheet
  }

  // MARK: Package

  /// The workbook's parts around its sheets (`xl/worksheets/sheetK.xml` for the K-th of
  /// `sheets`, their names): content types, relationships, workbook, styles.
  static func package(sheets: [String], language: MessageLanguage, into zip: inout ZipContainer) {
    var types = XMLBuffer()
    types.declaration()
    types.raw(
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    )
    for i in sheets.indices {
      types.raw(
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      )
    }
    types.raw("</Types>")
    zip.add("[Content_Types].xml", types, at: 0)

    var root = XMLBuffer()
    root.declaration()
    root.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>")
    zip.add("_rels/.rels", root, at: 1)

    var workbook = XMLBuffer()
    workbook.declaration()
    workbook.raw(
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>")
    var relations = XMLBuffer()
    relations.declaration()
    relations.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
    for (i, sheet) in sheets.enumerated() {
      workbook.raw("<sheet name=\"")
      workbook.text(sheet)
      workbook.raw("\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>")
      relations.raw(
        "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
      )
    }
    workbook.raw("</sheets></workbook>")
    relations.raw(
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>")
    zip.add("xl/workbook.xml", workbook)
    zip.add("xl/_rels/workbook.xml.rels", relations)
    zip.add("xl/styles.xml", styles(language))
  }

  /// Three cell formats (``Worksheet/Style``): plain, bold header, percent with two decimals
  /// (built-in number format 10, `0.00%`). The font is Calibri, for Chinese 等线 (DengXian,
  /// Excel's own default for Chinese).
  static func styles(_ language: MessageLanguage) -> XMLBuffer {
    let font = language == .zh ? "等线" : "Calibri"
    var out = XMLBuffer()
    out.declaration()
    out.raw(
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"\(font)\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"\(font)\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>")
    return out
  }
}
