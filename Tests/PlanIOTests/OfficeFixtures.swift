import CZip
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads back what the workbook and document exports write, with the libraries a reader would
/// use: libzip for the container, Foundation's `XMLParser` for the XML (an independent parser:
/// the export writes its XML by hand).
enum OfficePackage {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The parts of a zip archive by name.
  static func parts(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    let copy = malloc(bytes.count)!
    bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
      free(copy)
      throw Failure(description: "zip_source_buffer_create failed")
    }
    guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
      zip_source_free(source)
      throw Failure(description: "not a zip archive: \(String(cString: zip_error_strerror(&error)))")
    }
    defer { zip_discard(archive) }
    var out: [String: [UInt8]] = [:]
    for i in 0..<zip_get_num_entries(archive, 0) {
      var stat = zip_stat_t()
      guard zip_stat_index(archive, zip_uint64_t(i), 0, &stat) == 0,
        let file = zip_fopen_index(archive, zip_uint64_t(i), 0)
      else { throw Failure(description: "cannot read entry \(i)") }
      var data = [UInt8](repeating: 0, count: Int(stat.size))
      let n = data.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
      zip_fclose(file)
      guard n == Int64(data.count) else { throw Failure(description: "short read of entry \(i)") }
      out[String(cString: stat.name)] = data
    }
    return out
  }

  /// An element as read back: its local name (prefix dropped), attributes by local name, children.
  final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""
    init(name: String, attributes: [String: String]) {
      self.name = name
      self.attributes = attributes
    }

    /// The text of the element and all its descendants, in order.
    var content: String { text }

    /// This element and every descendant, in document order.
    var all: [Element] { [self] + children.flatMap(\.all) }
  }

  /// The document's root element, or `nil` when the XML is not well-formed.
  static func parse(_ bytes: [UInt8]) -> Element? {
    let delegate = TreeBuilder()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else { return nil }
    return root
  }

  /// Whether `XMLParser` reads `bytes` as a well-formed XML document.
  static func isWellFormed(_ bytes: [UInt8]) -> Bool { parse(bytes) != nil }

  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: Element?
    var stack: [Element] = []

    static func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let element = Element(
        name: Self.local(elementName),
        attributes: Dictionary(attributes.map { (Self.local($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }))
      if let parent = stack.last { parent.children.append(element) } else { root = element }
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      let done = stack.removeLast()
      stack.last?.text += done.text
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
  }

  /// A cell of a worksheet as read back: its reference, `t` and `s` attributes, its text (the
  /// `<v>` or the inline string), and whether it holds a formula.
  struct Cell {
    var ref: String
    var type: String?
    var style: String?
    var text: String
    var hasFormula: Bool
  }

  /// The rows of a worksheet part, each its cells in order.
  static func rows(_ sheet: [UInt8]) -> [[Cell]] {
    guard let root = parse(sheet) else { return [] }
    return root.all.filter { $0.name == "row" }.map { row in
      row.children.filter { $0.name == "c" }.map { c in
        Cell(
          ref: c.attributes["r"] ?? "", type: c.attributes["t"], style: c.attributes["s"], text: c.content,
          hasFormula: c.all.contains { $0.name == "f" })
      }
    }
  }

  /// The paragraphs of a document part: each one's style ID and text.
  static func paragraphs(_ document: [UInt8]) -> [(style: String?, text: String)] {
    guard let root = parse(document) else { return [] }
    return root.all.filter { $0.name == "p" }.map { p in
      (p.all.first { $0.name == "pStyle" }?.attributes["val"], p.content)
    }
  }

  /// The value of `attribute` (any prefix) on every element named `element`.
  static func attributes(_ bytes: [UInt8], element: String, attribute key: String) -> [String] {
    guard let root = parse(bytes) else { return [] }
    return root.all.filter { $0.name == element }.compactMap { $0.attributes[key] }
  }
}
