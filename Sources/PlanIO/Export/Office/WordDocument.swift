import PlanLanguage
import PlanModel

/// The body of a Word document as WordprocessingML (ECMA-376 Part 1, §17) and the parts around
/// it: styles (Title, Heading 1–3 with outline levels, so the headings show in the navigation
/// pane; a grid table style), a footer with "Page N of M" from PAGE and NUMPAGES fields, A4
/// pages (11,906 × 16,838 twips, margins of 2.54 cm), and fonts: Calibri in English; for Chinese,
/// 黑体 (SimHei) headings, 仿宋 (FangSong) body text and 宋体 (SimSun) tables, each declared in
/// the font table with its English name and family, so a reader without it substitutes a font
/// of the same kind (a sans-serif for 黑体, a serif for 宋体 and 仿宋).
struct WordDocument {
  let language: MessageLanguage
  private var body = XMLBuffer(capacity: 1 << 16)

  /// Text width between the margins, in twips (A4 less two 1,440-twip margins).
  static let textWidth = 11906 - 2 * 1440

  init(language: MessageLanguage) { self.language = language }

  // MARK: Blocks

  /// A paragraph in style `style` (a style ID of ``styles``), with `bold` runs.
  mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false, keepNext: Bool = false) {
    body.raw("<w:p>")
    if style != nil || keepNext {
      body.raw("<w:pPr>")
      if let style { body.raw("<w:pStyle w:val=\"\(style)\"/>") }
      if keepNext { body.raw("<w:keepNext/>") }
      body.raw("</w:pPr>")
    }
    run(text, bold: bold)
    body.raw("</w:p>")
  }

  mutating func heading(_ text: String, level: Int) { paragraph(text, style: "Heading\(level)") }

  /// A run of text; a line feed becomes a line break, a tab a tab.
  private static func run(_ text: String, bold: Bool = false, into out: inout XMLBuffer) {
    out.raw("<w:r>")
    if bold { out.raw("<w:rPr><w:b/></w:rPr>") }
    var first = true
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if !first { out.raw("<w:br/>") }
      first = false
      var firstPiece = true
      for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
        if !firstPiece { out.raw("<w:tab/>") }
        firstPiece = false
        guard !piece.isEmpty else { continue }
        out.raw("<w:t xml:space=\"preserve\">")
        out.text(String(piece), controls: .drop)
        out.raw("</w:t>")
      }
    }
    out.raw("</w:r>")
  }

  private mutating func run(_ text: String, bold: Bool = false) { Self.run(text, bold: bold, into: &body) }

  /// A table: a header row repeated on each page, numeric columns aligned right, total rows in
  /// bold, columns as wide as their content's display width allows within the text width.
  /// - Parameter shaded: cells to fill with the accent colour (the timeline's bars), by row and column.
  mutating func table(_ table: ExportTable, shaded: Set<[Int]> = []) {
    let columns = table.header.count
    guard columns > 0 else { return }
    let widths = Self.columnWidths(table)
    body.raw(
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\""
        + " w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
    for w in widths { body.raw("<w:gridCol w:w=\"\(w)\"/>") }
    body.raw("</w:tblGrid>")
    row(table.header, widths: widths, header: true, numeric: table.numeric, bold: true, shaded: [])
    for (i, cells) in table.rows.enumerated() {
      row(
        cells, widths: widths, header: false, numeric: table.numeric, bold: table.totalRows.contains(i),
        shaded: Set(shaded.filter { $0[0] == i }.map { $0[1] }))
    }
    body.raw("</w:tbl>")
    // A table is followed by a paragraph (Word merges two tables that touch).
    body.raw("<w:p><w:pPr><w:pStyle w:val=\"TableGap\"/></w:pPr></w:p>")
  }

  /// Column widths in twips that fill the text width: each column first gets room for its
  /// widest unbreakable piece (``unbreakable(_:)``: an ID, a number, a date; a header of up to
  /// four CJK characters), then what is left goes to the columns by how much wider their widest
  /// cell (up to 40 display columns) is. At 9 pt a display column is 90 twips (half an em) in
  /// a CJK font and up to 117 in bold DejaVu Sans, LibreOffice's stand-in for Calibri; 125 are
  /// counted, plus 200 for the cell's margins.
  static func columnWidths(_ table: ExportTable) -> [Int] {
    func twips(_ columns: Int) -> Int { columns * 125 + 200 }
    // A header is bold: one column more.
    var least = table.header.map { max(unbreakable($0) + 1, min(8, DisplayWidth.width($0))) }
    var natural = table.header.map { min(40, max(4, DisplayWidth.width($0))) }
    for row in table.rows {
      for (j, cell) in row.enumerated() where j < least.count {
        least[j] = max(least[j], unbreakable(cell))
        natural[j] = min(40, max(natural[j], Worksheet.width(of: cell)))
      }
    }
    var base = least.map(twips)
    let baseTotal = base.reduce(0, +)
    guard baseTotal < textWidth else {
      // Too many columns for the page: shrink all alike.
      return base.map { max(300, $0 * textWidth / baseTotal) }
    }
    let extra = zip(natural, least).map { max(0, $0 - $1) }
    let extraTotal = extra.reduce(0, +)
    let spare = textWidth - baseTotal
    for j in base.indices {
      base[j] += extraTotal > 0 ? spare * extra[j] / extraTotal : spare / base.count
    }
    return base
  }

  /// The widest piece of `text` a line must not break, in display columns: a run of ASCII
  /// characters without a space (an ID, a number, `2025-03`); a CJK character may end a line
  /// anywhere, so counts alone.
  static func unbreakable(_ text: String) -> Int {
    var widest = 0
    var run = 0
    for scalar in text.unicodeScalars {
      if scalar.isASCII && scalar != " " && scalar != "\n" {
        run += 1
        widest = max(widest, run)
      } else {
        run = 0
        if !scalar.isASCII { widest = max(widest, DisplayWidth.width(of: scalar)) }
      }
    }
    return widest
  }

  private mutating func row(
    _ cells: [String], widths: [Int], header: Bool, numeric: Set<Int>, bold: Bool, shaded: Set<Int>
  ) {
    body.raw(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    for (j, w) in widths.enumerated() {
      let cell = j < cells.count ? cells[j] : ""
      body.raw("<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/>")
      if header {
        body.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/>")
      } else if shaded.contains(j) {
        body.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"4472C4\"/>")
      }
      body.raw("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>")
      if numeric.contains(j) && !header { body.raw("<w:jc w:val=\"right\"/>") }
      body.raw("</w:pPr>")
      if !cell.isEmpty { run(cell, bold: bold) }
      body.raw("</w:p></w:tc>")
    }
    body.raw("</w:tr>")
  }

  // MARK: Package

  /// The document's bytes: the body so far, its section (A4, the footer) and the other parts.
  /// - Parameter title: the document's title in its properties.
  func package(title: String) throws(ZipContainer.Failure) -> [UInt8] {
    var zip = ZipContainer()
    let wml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    var types = XMLBuffer()
    types.declaration()
    types.raw(
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"\(ct).document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(ct).styles+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"\(ct).fontTable+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(ct).footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "</Types>")
    zip.add("[Content_Types].xml", types)

    var root = XMLBuffer()
    root.declaration()
    root.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>")
    zip.add("_rels/.rels", root)

    var core = XMLBuffer()
    core.declaration()
    core.raw(
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>")
    core.text(title, controls: .drop)
    core.raw(
      "</dc:title><dc:creator>cplan</dc:creator><dc:language>\(language.languageTag)</dc:language></cp:coreProperties>")
    zip.add("docProps/core.xml", core)

    var relations = XMLBuffer()
    relations.declaration()
    relations.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(rel)/footer\" Target=\"footer1.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(rel)/fontTable\" Target=\"fontTable.xml\"/>"
        + "</Relationships>")
    zip.add("word/_rels/document.xml.rels", relations)

    var document = XMLBuffer(capacity: body.bytes.count + 1024)
    document.declaration()
    document.raw("<w:document xmlns:w=\"\(wml)\" xmlns:r=\"\(rel)\"><w:body>")
    document.append(body)
    document.raw(
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>"
        + "</w:sectPr></w:body></w:document>")
    zip.add("word/document.xml", document)
    zip.add("word/styles.xml", styles(wml))
    zip.add("word/fontTable.xml", fontTable(wml))
    zip.add("word/footer1.xml", footer(wml))
    return try zip.bytes()
  }

  /// "Page N of M" (第 N 页，共 M 页), centred, N and M as fields Word and LibreOffice fill in.
  func footer(_ wml: String) -> XMLBuffer {
    let page = "\u{1}PAGE\u{1}", pages = "\u{1}NUMPAGES\u{1}"
    var out = XMLBuffer()
    out.declaration()
    out.raw("<w:ftr xmlns:w=\"\(wml)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>")
    for piece in ExportLabels.pageFooter(page, pages).text(language).split(separator: "\u{1}") {
      if piece == "PAGE" || piece == "NUMPAGES" {
        out.raw(
          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(piece) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
      } else {
        Self.run(String(piece), into: &out)
      }
    }
    out.raw("</w:p></w:ftr>")
    return out
  }

  /// The fonts of ``styles``: (name, English name, family, pitch).
  var fonts: (latin: String, heading: String, body: String, table: String) {
    language == .zh
      ? (latin: "Calibri", heading: "黑体", body: "仿宋", table: "宋体")
      : (latin: "Calibri", heading: "Calibri", body: "Calibri", table: "Calibri")
  }

  func fontTable(_ wml: String) -> XMLBuffer {
    var out = XMLBuffer()
    out.declaration()
    out.raw("<w:fonts xmlns:w=\"\(wml)\">")
    let entries: [(String, String, String, String)] = [
      ("Calibri", "", "swiss", "020F0502020204030204"),
      ("黑体", "SimHei", "modern", "02010609060101010101"),
      ("仿宋", "FangSong", "modern", "02010609060101010101"),
      ("宋体", "SimSun", "auto", "02010600030101010101"),
    ]
    for (name, alt, family, panose) in entries {
      out.raw("<w:font w:name=\"\(name)\">")
      if !alt.isEmpty { out.raw("<w:altName w:val=\"\(alt)\"/>") }
      out.raw("<w:panose1 w:val=\"\(panose)\"/>")
      if !alt.isEmpty { out.raw("<w:charset w:val=\"86\"/>") }
      out.raw("<w:family w:val=\"\(family)\"/><w:pitch w:val=\"variable\"/></w:font>")
    }
    out.raw("</w:fonts>")
    return out
  }

  func styles(_ wml: String) -> XMLBuffer {
    let f = fonts
    func rFonts(_ eastAsia: String) -> String {
      "<w:rFonts w:ascii=\"\(f.latin)\" w:hAnsi=\"\(f.latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(f.latin)\"/>"
    }
    func heading(_ level: Int, size: Int, before: Int) -> String {
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"
        + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"120\"/>"
        + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
        + "<w:rPr>\(rFonts(f.heading))<w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
    var out = XMLBuffer()
    out.declaration()
    out.raw(
      "<w:styles xmlns:w=\"\(wml)\"><w:docDefaults><w:rPrDefault><w:rPr>\(rFonts(f.table))"
        + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
        + "<w:lang w:val=\"\(language == .zh ? "zh-CN" : "en-GB")\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:qFormat/><w:rPr>\(rFonts(f.body))<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr>"
        + "<w:rPr>\(rFonts(f.heading))<w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
        + heading(1, size: 32, before: 360) + heading(2, size: 28, before: 240) + heading(3, size: 24, before: 200)
        + "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
        + "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TableGap\"><w:name w:val=\"Table Gap\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:sz w:val=\"12\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
        + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        + "</w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
        + "<w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
          "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        }.joined()
        + "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
        + "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>")
    return out
  }
}
