import PlanLanguage

/// An open document: its text, its analysis, and the index of its IDs (made when first asked
/// for after a change).
final class OpenDocument {
  var document: Document
  let analysis: Analysis
  private var index: Occurrences?

  init(uri: String, version: Int, text: String) {
    document = Document(uri: uri, version: version, text: text)
    analysis = Analysis(file: OpenDocument.path(of: uri))
  }

  /// The file path of a `file:` URI (percent-decoded), else the URI itself.
  static func path(of uri: String) -> String {
    guard uri.hasPrefix("file://") else { return uri }
    var bytes: [UInt8] = []
    let raw = Array(uri.utf8.dropFirst(7))
    var i = 0
    while i < raw.count {
      if raw[i] == UInt8(ascii: "%"), i + 2 < raw.count,
        let v = UInt8(String(decoding: raw[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
      {
        bytes.append(v)
        i += 3
      } else {
        bytes.append(raw[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func textChanged() { index = nil }

  func analyse() { analysis.update(&document) }

  var occurrences: Occurrences {
    if let index { return index }
    let made = Occurrences(document, file: analysis.file)
    index = made
    return made
  }
}
