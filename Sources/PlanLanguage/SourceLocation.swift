import Synchronization

/// A position in a source: a plan file, a script, `<shell>` or `<stdin>`.
///
/// Lines and columns are 1-based; columns count Unicode scalars (a tab is one column),
/// as SPEC §2 requires for every error.
///
/// Every token and every entity carries one, so it is kept small and free of reference
/// counting: 12 bytes, the file as an index into ``SourceFiles`` (a file name is interned once
/// per source, not retained per token), line and column as 32-bit numbers (saturating).
package struct SourceLocation: Sendable, Hashable, Comparable, CustomDebugStringConvertible {
  private var fileID: UInt32
  private var storedLine: UInt32
  private var storedColumn: UInt32

  package init(file: String, line: Int, column: Int) {
    self.init(fileID: SourceFiles.id(of: file), line: line, column: column)
  }

  /// A location in an interned file (the lexer interns its file once).
  init(fileID: UInt32, line: Int, column: Int) {
    self.fileID = fileID
    self.storedLine = UInt32(clamping: line)
    self.storedColumn = UInt32(clamping: column)
  }

  /// The file name as shown in diagnostics (`plans/jilin.plan`, `<shell>`, `<stdin>`).
  package var file: String {
    get { SourceFiles.name(of: fileID) }
    set { fileID = SourceFiles.id(of: newValue) }
  }

  /// 1-based line number.
  package var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  /// 1-based column, in Unicode scalars.
  package var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.fileID != b.fileID { return a.file < b.file }
    if a.storedLine != b.storedLine { return a.storedLine < b.storedLine }
    return a.storedColumn < b.storedColumn
  }

  package var debugDescription: String { "\(file):\(line):\(column)" }

  /// Whether the location is a spreadsheet cell (its file was registered with
  /// ``SourceFiles/registerSheet(_:)``): it is then written `FILE[SHEET]!B7` (SPEC §13), the
  /// column as letters and the line as the row.
  package var isCell: Bool { SourceFiles.isSheet(fileID) }

  /// How the location reads in a diagnostic: `FILE:LINE:COLUMN`, or `FILE[SHEET]!B7` for a cell.
  package var text: String {
    isCell ? "\(file)!\(SourceLocation.columnLetters(column))\(line)" : "\(file):\(line):\(column)"
  }

  /// A spreadsheet's column letters: 1 → `A`, 26 → `Z`, 27 → `AA`.
  package static func columnLetters(_ column: Int) -> String {
    var n = max(1, column)
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }
}

/// The names of every source read in this process, interned: a ``SourceLocation`` holds the
/// index of its file's name. Equal names get the same index, so locations compare by index.
/// Names are never forgotten (a session reads a handful of files).
package enum SourceFiles {
  private struct Registry {
    var names: [String] = []
    var ids: [String: UInt32] = [:]
    /// The files that are a workbook's sheets (`plan.xlsx[org]`): their locations are cells.
    var sheets: Set<UInt32> = []
  }
  private static let registry = Mutex(Registry())

  /// The index of `name`, interning it on first use.
  /// - Complexity: O(1) expected, under a lock.
  static func id(of name: String) -> UInt32 {
    registry.withLock { r in
      if let id = r.ids[name] { return id }
      let id = UInt32(r.names.count)
      r.names.append(name)
      r.ids[name] = id
      return id
    }
  }

  /// Registers `name` (`plan.xlsx[org]`) as a workbook's sheet: locations in it are cells (``SourceLocation/isCell``).
  package static func registerSheet(_ name: String) {
    let id = id(of: name)
    registry.withLock { _ = $0.sheets.insert(id) }
  }

  static func isSheet(_ id: UInt32) -> Bool {
    registry.withLock { $0.sheets.contains(id) }
  }

  /// The name of interned file `id`.
  static func name(of id: UInt32) -> String {
    registry.withLock { $0.names[Int(id)] }
  }
}
