import CLibXML2
import CZip
import PlanLanguage

/// Reads an XLSX workbook (Office Open XML, ECMA-376 Part 1 §18) through libzip (the zip
/// container) and libxml2's streaming `xmlTextReader` (the XML parts): the sheets' names in
/// order, and each sheet's rows with typed cells. A sheet's XML is parsed as it is inflated,
/// never held whole.
///
/// Cells: `t="s"` indexes the shared strings (`xl/sharedStrings.xml`; rich text runs joined,
/// phonetic runs left out), `t="inlineStr"` holds its text, `t="str"` a formula's text, `t="b"`
/// a boolean, otherwise a number — a percent when its style's number format is one (built-in
/// formats 9 and 10, or a format code with `%`, from `xl/styles.xml`), a date when it is a date
/// format (``ExcelDate/isDateFormat(id:code:)``; the serial read in the workbook's date system,
/// `date1904`). A formula cell (`<f>`)
/// reads its cached value `<v>`; one without is ``ImportCell/Value/formulaWithoutValue``.
package final class XLSXReader {
  /// A sheet of the workbook: its name and the part holding it.
  package struct Sheet: Sendable {
    package var name: String
    package var part: String
  }

  private let archive: OpaquePointer
  private let path: String
  package private(set) var sheets: [Sheet] = []
  private var sharedStrings: [String] = []
  /// How a number cell's style shows it.
  private enum NumberStyle {
    case plain, percent, date
  }
  /// By cell style index (`s`), how its number format shows a number.
  private var numberStyles: [NumberStyle] = []
  /// Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`), not 1900.
  private var date1904 = false

  /// Opens the workbook and reads its sheet list, shared strings and styles.
  /// - Throws: a ``Diagnostic``: E130 when the file is not a zip archive or not a workbook,
  ///   E112 when it cannot be read.
  package init(path: String) throws(Diagnostic) {
    self.path = path
    var error: Int32 = 0
    guard let archive = zip_open(path, ZIP_RDONLY, &error) else {
      if error == ZIP_ER_NOZIP || error == ZIP_ER_INCONS {
        throw .error(ImportText.notWorkbook(path, reason: ImportText.notZip), at: nil)
      }
      var zipError = zip_error_t()
      zip_error_init_with_code(&zipError, error)
      let reason = String(cString: zip_error_strerror(&zipError))
      zip_error_fini(&zipError)
      throw .error(.cannotRead(path, reason: reason), at: nil)
    }
    self.archive = archive
    // From here on `deinit` discards the archive, also when this throws.
    guard zip_name_locate(archive, "xl/workbook.xml", 0) >= 0 else {
      throw .error(ImportText.notWorkbook(path, reason: ImportText.noWorkbookPart), at: nil)
    }
    try readWorkbook()
    try readSharedStrings()
    try readStyles()
  }

  deinit { zip_discard(archive) }

  // MARK: Parts

  /// A streaming XML reader over one part of the archive, or `nil` when the part is absent.
  private final class PartReader {
    let file: OpaquePointer
    let reader: xmlTextReaderPtr

    init?(archive: OpaquePointer, part: String) {
      guard let file = zip_fopen(archive, part, 0) else { return nil }
      self.file = file
      let read: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer else { return -1 }
        return Int32(truncatingIfNeeded: zip_fread(OpaquePointer(context), buffer, zip_uint64_t(max(0, length))))
      }
      guard
        let reader = xmlReaderForIO(
          read, nil, UnsafeMutableRawPointer(file), part, nil,
          Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
      else {
        zip_fclose(file)
        return nil
      }
      self.reader = reader
    }

    deinit {
      xmlFreeTextReader(reader)
      zip_fclose(file)
    }

    /// Steps to the next node: `false` at the end; throws on malformed XML.
    func read() throws(XMLFailure) -> Bool {
      let r = xmlTextReaderRead(reader)
      if r < 0 { throw XMLFailure() }
      return r == 1
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var isStart: Bool { nodeType == 1 }
    var isEnd: Bool { nodeType == 15 }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var isText: Bool { [3, 4, 13, 14].contains(nodeType) }

    var localName: String {
      guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
      return String(cString: name)
    }

    var value: String {
      guard let v = xmlTextReaderConstValue(reader) else { return "" }
      return String(cString: v)
    }

    /// The value of attribute `name` (a qualified name such as `r:id`) of the current element.
    func attribute(_ name: String) -> String? {
      guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
      defer { xmlTextReaderMoveToElement(reader) }
      return value
    }
  }

  struct XMLFailure: Error {}

  private func open(_ part: String) -> PartReader? { PartReader(archive: archive, part: part) }

  private func malformed(_ part: String) -> Diagnostic {
    .error(ImportText.notWorkbook(path, reason: ImportText.badPart(part)), at: nil)
  }

  /// `xl/workbook.xml` (the sheets in order, each with its relationship ID) and its
  /// relationships (`xl/_rels/workbook.xml.rels`: the part of each ID).
  private func readWorkbook() throws(Diagnostic) {
    var named: [(name: String, id: String)] = []
    guard let workbook = open("xl/workbook.xml") else { throw malformed("xl/workbook.xml") }
    do {
      while try workbook.read() {
        if workbook.isStart, workbook.localName == "sheet", let name = workbook.attribute("name") {
          named.append((name, workbook.attribute("r:id") ?? ""))
        }
        if workbook.isStart, workbook.localName == "workbookPr", let flag = workbook.attribute("date1904") {
          date1904 = flag == "1" || flag.lowercased() == "true"
        }
      }
    } catch { throw malformed("xl/workbook.xml") }
    var targets: [String: String] = [:]
    if let rels = open("xl/_rels/workbook.xml.rels") {
      do {
        while try rels.read() {
          if rels.isStart, rels.localName == "Relationship", let id = rels.attribute("Id"),
            let target = rels.attribute("Target")
          {
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
          }
        }
      } catch { throw malformed("xl/_rels/workbook.xml.rels") }
    }
    sheets = named.enumerated().map { i, sheet in
      Sheet(name: sheet.name, part: targets[sheet.id] ?? "xl/worksheets/sheet\(i + 1).xml")
    }
  }

  /// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined (phonetic runs `<rPh>` left out).
  private func readSharedStrings() throws(Diagnostic) {
    guard let part = open("xl/sharedStrings.xml") else { return }
    var current = ""
    var inText = false
    var phonetic = 0
    do {
      while try part.read() {
        let name = part.localName
        if part.isStart {
          switch name {
          case "si": current = ""
          case "t": inText = !part.isEmptyElement && phonetic == 0
          case "rPh": if !part.isEmptyElement { phonetic += 1 }
          default: break
          }
        } else if part.isEnd {
          switch name {
          case "si": sharedStrings.append(current)
          case "t": inText = false
          case "rPh": phonetic -= 1
          default: break
          }
        } else if inText, part.isText {
          current += part.value
        }
      }
    } catch { throw malformed("xl/sharedStrings.xml") }
  }

  /// `xl/styles.xml`: which cell styles (`cellXfs`) show their number as a percent or a date.
  private func readStyles() throws(Diagnostic) {
    guard let part = open("xl/styles.xml") else { return }
    var codes: [Int: String] = [:]  // the workbook's own number formats
    var inCellXfs = false
    do {
      while try part.read() {
        guard part.isStart || part.isEnd else { continue }
        switch part.localName {
        case "numFmt" where part.isStart:
          if let id = part.attribute("numFmtId").flatMap(Int.init), let code = part.attribute("formatCode") {
            codes[id] = code
          }
        case "cellXfs": inCellXfs = part.isStart && !part.isEmptyElement
        case "xf" where part.isStart && inCellXfs:
          let id = part.attribute("numFmtId").flatMap(Int.init) ?? 0
          let code = codes[id]
          // Built-in 9 and 10: 0% and 0.00%.
          if code.map(Self.isPercentFormat) ?? (id == 9 || id == 10) {
            numberStyles.append(.percent)
          } else if ExcelDate.isDateFormat(id: id, code: code) {
            numberStyles.append(.date)
          } else {
            numberStyles.append(.plain)
          }
        default: break
        }
      }
    } catch { throw malformed("xl/styles.xml") }
  }

  /// Whether a number format code shows a percent: a `%` outside quotes and brackets.
  static func isPercentFormat(_ code: String) -> Bool {
    NumberFormatCode.tokens(code).contains(.character("%"))
  }

  // MARK: Rows

  /// Reads the rows of `sheet` in order (rows without cells are not handed out).
  /// - Throws: E130 when its part is missing or malformed; what `body` throws.
  package func rows(of sheet: Sheet, _ body: (ImportRow) throws -> Void) throws {
    guard let part = open(sheet.part) else { throw malformed(sheet.part) }
    var row = ImportRow(number: 0, cells: [])
    var nextRow = 1
    // The cell being read.
    var column = 0
    var type = ""
    var style = 0
    var value: String?
    var hasFormula = false
    var inlineText = ""
    var inValue = false
    var inInline = false
    var nextColumn = 1
    func endCell() {
      let cell: ImportCell.Value
      switch type {
      case "s":
        let i = value.flatMap { Int($0.trimmingWhitespace()) } ?? -1
        cell = .text(sharedStrings.indices.contains(i) ? sharedStrings[i] : "")
      case "inlineStr": cell = .text(inlineText)
      case "str": cell = value.map { .text($0) } ?? (hasFormula ? .formulaWithoutValue : .text(""))
      case "b": cell = value.map { .bool($0.trimmingWhitespace() == "1") } ?? .text("")
      case "e": cell = .text(value ?? "")
      default:
        if let v = value?.trimmingWhitespace(), !v.isEmpty {
          if let d = Double(v) {
            switch numberStyles.indices.contains(style) ? numberStyles[style] : .plain {
            case .plain: cell = .number(d)
            case .percent: cell = .percent(d)
            case .date:
              // A serial no calendar holds (negative, past 9999) stays the number it is.
              cell =
                ExcelDate.date(serial: d, date1904: date1904).map { .date(year: $0.year, month: $0.month, day: $0.day) }
                ?? .number(d)
            }
          } else {
            cell = .text(v)
          }
        } else {
          cell = hasFormula ? .formulaWithoutValue : .text("")
        }
      }
      row.cells.append(ImportCell(column: column, value: cell))
    }
    do {
      while try part.read() {
        if part.isStart {
          switch part.localName {
          case "row":
            row = ImportRow(number: part.attribute("r").flatMap(Int.init) ?? nextRow, cells: [])
            nextRow = row.number + 1
            nextColumn = 1
            if part.isEmptyElement { row.cells = [] }
          case "c":
            column = part.attribute("r").flatMap(Self.column(ofReference:)) ?? nextColumn
            nextColumn = column + 1
            type = part.attribute("t") ?? ""
            style = part.attribute("s").flatMap(Int.init) ?? 0
            value = nil
            hasFormula = false
            inlineText = ""
            if part.isEmptyElement { endCell() }
          case "v": inValue = !part.isEmptyElement
          case "f": hasFormula = true
          case "is": inInline = !part.isEmptyElement
          default: break
          }
        } else if part.isEnd {
          switch part.localName {
          case "row": if !row.cells.isEmpty { try body(row) }
          case "c": endCell()
          case "v": inValue = false
          case "is": inInline = false
          default: break
          }
        } else if part.isText {
          if inValue {
            value = (value ?? "") + part.value
          } else if inInline {
            inlineText += part.value
          }
        }
      }
    } catch is XMLFailure {
      throw malformed(sheet.part)
    }
  }

  /// The column number of a cell reference (`B7` → 2, `AA3` → 27).
  static func column(ofReference reference: String) -> Int? {
    var n = 0
    for u in reference.utf8 {
      guard u >= 65 && u <= 90 else { break }
      n = n * 26 + Int(u - 64)
    }
    return n > 0 ? n : nil
  }
}
