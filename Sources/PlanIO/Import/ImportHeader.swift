import PlanLanguage
import PlanModel

/// What each column of a CSV file or sheet is, read from its header row (SPEC §13): a key part,
/// the name or an attribute of the kind, by its English name in any case or its Chinese label
/// (``WorkbookSheets``: the headers the workbook export writes), after the `--map` rules have
/// renamed or skipped it; and the constants the rules fill in.
package struct ImportHeader: Sendable {
  /// One column of a kind's table.
  package enum Column: Sendable, Hashable {
    /// Key part `i` (``KindSpec/keys``).
    case key(Int)
    /// The entity's name.
    case name
    /// Attribute `i` (``KindSpec/attributes``).
    case attribute(Int)
  }

  package let kind: Kind
  /// By the sheet's column number, the kind's column it holds (columns left out are absent).
  package var columns: [Int: Column] = [:]
  /// How many cells the header has (a CSV record must have as many).
  package var width = 0
  /// Constant cells from the rules, for columns the sheet does not have.
  package var constants: [(column: Column, text: String, location: SourceLocation)] = []

  /// The columns of `kind`'s table in the order of ``WorkbookSheets/columns(_:)``: key parts,
  /// name, attributes.
  static func columns(of kind: Kind) -> [Column] {
    let spec = kind.spec
    return spec.keys.indices.map { Column.key($0) } + (spec.hasName ? [.name] : [])
      + spec.attributes.indices.map { Column.attribute($0) }
  }

  /// The column named `name` in `kind`'s table: its English name (any case) or Chinese label.
  package static func column(named name: String, of kind: Kind) -> Column? {
    guard let english = WorkbookSheets.column(forHeader: name.trimmingWhitespace()),
      let i = WorkbookSheets.columns(kind).firstIndex(of: english)
    else { return nil }
    return columns(of: kind)[i]
  }

  /// The English name of a column (`id`, `criterion2`, `name`, `rd-intensity`).
  static func name(_ column: Column, of kind: Kind) -> String {
    WorkbookSheets.columns(kind)[columns(of: kind).firstIndex(of: column)!]
  }

  /// Every name a column of `kind` may be headed by, for "did you mean".
  static func names(of kind: Kind) -> [String] {
    WorkbookSheets.columns(kind).flatMap { [$0, WorkbookSheets.header($0, .zh)] }
  }

  /// The header nearest to `name` among `kind`'s column names and Chinese labels: by spelling
  /// (``Suggestion/nearest(_:in:)``), else, for a Chinese header, the shortest label that
  /// contains it or that it contains (`规模` → 企业规模, `单位名称` → 名称);
  /// `nil` when none.
  static func suggestion(for name: String, of kind: Kind) -> String? {
    let names = names(of: kind)
    if let nearest = Suggestion.nearest(name, in: names) { return nearest }
    guard !name.isEmpty, !name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return names.filter { label in
      !label.utf8.allSatisfy { $0 < 0x80 } && (label.contains(name) || name.contains(label))
    }.min { $0.count < $1.count }
  }

  /// Reads the header row.
  /// - Parameters:
  ///   - location: where cell `column` of the header is.
  ///   - requireAttributes: whether a required attribute must have a column (not with `update`,
  ///     whose rows may only `set`).
  /// - Throws: every problem found: a header that names no column (E101, with the nearest English
  ///   name or Chinese label), a column named twice (E136), a key part without a column (E135), a
  ///   required attribute without one (E109), a rule's bad target.
  package init(
    kind: Kind, row: ImportRow, rules: MapRules?, requireAttributes: Bool,
    location: (Int) -> SourceLocation
  ) throws(DiagnosticList) {
    self.kind = kind
    var errors: [Diagnostic] = []
    var seen: [Column: Int] = [:]
    width = row.cells.last?.column ?? 0
    for cell in row.cells {
      let text: String
      switch cell.value {
      case .text(let t): text = t.trimmingWhitespace()
      case .number(let n), .percent(let n): text = Format.number(n)
      case .bool(let b): text = b ? "TRUE" : "FALSE"
      case .date: text = RowConversion.text(cell.value)
      case .formulaWithoutValue:
        errors.append(.error(ImportText.formulaWithoutValue(), at: location(cell.column)))
        continue
      }
      if text.isEmpty || rules?.skipped.contains(text) == true { continue }
      let renamed = rules?.renames[text]
      let name = renamed?.value ?? text
      guard let column = ImportHeader.column(named: name, of: kind) else {
        let suggestion = ImportHeader.suggestion(for: name, of: kind)
        let at = renamed?.location ?? location(cell.column)
        errors.append(.error(.unknownAttribute(name, kind: kind.rawValue, suggestion: suggestion), at: at))
        continue
      }
      if seen[column] != nil {
        errors.append(.error(ImportText.repeatedColumn(text), at: location(cell.column)))
        continue
      }
      seen[column] = cell.column
      columns[cell.column] = column
    }
    for (column, value) in rules?.constants ?? [] {
      guard let target = ImportHeader.column(named: column.value, of: kind) else {
        let suggestion = ImportHeader.suggestion(for: column.value, of: kind)
        errors.append(
          .error(.unknownAttribute(column.value, kind: kind.rawValue, suggestion: suggestion), at: column.location))
        continue
      }
      guard seen[target] == nil else { continue }  // the sheet's own column wins
      constants.append((target, value, column.location))
    }
    let given = Set(columns.values).union(constants.map(\.column))
    let spec = kind.spec
    for i in spec.keys.indices where !given.contains(.key(i)) {
      errors.append(
        .error(
          ImportText.missingKeyColumn(ImportHeader.name(.key(i), of: kind), kind: kind.rawValue), at: location(1)))
    }
    if requireAttributes {
      for i in spec.requiredAttributes where !given.contains(.attribute(i)) {
        // A value after the keys (`add score F1 C1 8`) is required too, and named here.
        errors.append(.error(.missingAttribute(spec.attributes[i].name, kind: kind.rawValue), at: location(1)))
      }
    }
    if !errors.isEmpty { throw DiagnosticList(errors) }
  }
}
