import PlanLanguage

/// Reads a CSV file (RFC 4180: fields separated by commas, a field in double quotes may hold
/// commas, line breaks and doubled quotes `""`) a chunk at a time, handing out each record as a
/// row of text cells — never the whole file: a 100 MB CSV takes the memory of a few chunks.
///
/// Records end at LF or CRLF; a CR outside quotes is dropped. Rows are numbered from 1 (the
/// header) by record, so a quoted field with a line break does not shift the numbers after it.
package enum CSVReader {
  /// Reads every record of `source`.
  /// - Parameters:
  ///   - file: the name locations carry.
  ///   - body: called with each record in order.
  /// - Throws: a ``Diagnostic`` at the record and field where the text stops being valid in
  ///   the file's encoding (E131), or E112 when reading fails; what `body` throws.
  package static func read(_ source: TextSource, file: String, _ body: (ImportRow) throws -> Void) throws {
    var parser = Parser()
    while true {
      let chunk: [UInt8]?
      do {
        chunk = try source.next()
      } catch let error as TextSource.InvalidBytes {
        throw Diagnostic.error(
          ImportText.invalidEncoding(error.encoding.rawValue),
          at: SourceLocation(file: file, line: parser.row, column: parser.fields.count + 1))
      } catch let error as FileError {
        throw Diagnostic.error(.cannotRead(file, reason: error.reason), at: nil)
      }
      guard let chunk else { break }
      try chunk.withUnsafeBufferPointer { bytes in
        try parser.feed(bytes, body)
      }
    }
    try parser.finish(body)
  }

  /// The state of the record being read, carried from one chunk to the next.
  struct Parser {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    var state = State.fieldStart
    var field: [UInt8] = []
    var fields: [String] = []
    /// The number of the record being read.
    var row = 1

    mutating func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      state = .fieldStart
    }

    mutating func endRecord(_ body: (ImportRow) throws -> Void) rethrows {
      endField()
      let cells = fields.enumerated().map { ImportCell(column: $0.offset + 1, value: .text($0.element)) }
      fields.removeAll(keepingCapacity: true)
      let number = row
      row += 1
      try body(ImportRow(number: number, cells: cells))
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (ImportRow) throws -> Void) rethrows {
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        i += 1
        switch state {
        case .fieldStart, .unquoted:
          switch b {
          case 0x2C: endField()  // ,
          case 0x0A: try endRecord(body)
          case 0x0D: break
          case 0x22 where state == .fieldStart: state = .quoted
          default:
            state = .unquoted
            // A run of plain bytes is copied at once.
            var j = i
            while j < n {
              let c = bytes[j]
              if c == 0x2C || c == 0x0A || c == 0x0D { break }
              j += 1
            }
            field.append(b)
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
            i = j
          }
        case .quoted:
          if b == 0x22 {
            state = .quoteInQuoted
          } else {
            var j = i
            while j < n && bytes[j] != 0x22 { j += 1 }
            field.append(b)
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
            i = j
          }
        case .quoteInQuoted:
          switch b {
          case 0x22:
            field.append(0x22)
            state = .quoted
          case 0x2C: endField()
          case 0x0A: try endRecord(body)
          case 0x0D: break
          default:
            // Text after a closing quote (`"a"b`) is kept, as spreadsheets read it.
            field.append(b)
            state = .unquoted
          }
        }
      }
    }

    mutating func finish(_ body: (ImportRow) throws -> Void) rethrows {
      if state != .fieldStart || !field.isEmpty || !fields.isEmpty { try endRecord(body) }
    }
  }
}
