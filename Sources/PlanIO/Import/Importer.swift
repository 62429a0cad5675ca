import PlanEngine
import PlanLanguage
import PlanModel

/// `import` (SPEC §13): CSV files and XLSX workbooks into a plan, all or nothing.
///
/// Each row becomes the statement a planner would type (``RowConversion``) and is applied by
/// the edit path (``Plan/apply(_:deferring:)``), so its checks and messages are the typed
/// command's. Every bad row is reported; when there is any, the outcome carries the diagnostics
/// and the caller changes nothing. Files and sheets are applied in the kinds' order (SPEC §6:
/// the settings, criteria, …, outlays), so that a member's consortium is there before it, in
/// whatever order they were given; a goal's `after` list may name goals of later rows.
package enum Importer {
  /// What to import and how.
  package struct Options: Sendable {
    /// `--kind`: the kind of every CSV file (default: by the file's name).
    package var kind: Kind?
    /// `--update`: a row whose entity exists `set`s its attributes instead of failing.
    package var update = false
    /// `--map`: the rules file.
    package var rules: MapRules?
    /// Whether to write each edit as a statement (``Outcome/statements``: for a journal or
    /// `--dry-run`; a one-shot import needs none).
    package var statements = true
    package init(kind: Kind? = nil, update: Bool = false, rules: MapRules? = nil) {
      self.kind = kind
      self.update = update
      self.rules = rules
    }
  }

  /// What an import did to the plan, or why it did nothing.
  package struct Outcome: Sendable {
    /// The plan with every row applied (meaningful only without diagnostics).
    package var plan: Plan
    /// The changes made, in order (for undo as one step).
    package var changes: [PlanChange] = []
    /// The edits as statements in canonical form (the journal; what `--dry-run` lists).
    package var statements: [String] = []
    /// Every error found; when there is any, nothing must be changed.
    package var diagnostics: [Diagnostic] = []
    /// How many entities of each kind were added and updated (`plan` counts as a kind here).
    package var added: [String: Int] = [:]
    package var updated: [String: Int] = [:]

    /// The counts in kind order, for the summary.
    package func counts(_ counts: [String: Int]) -> [(String, Int)] {
      (["plan"] + Kind.allCases.map(\.rawValue)).compactMap { name in counts[name].map { (name, $0) } }
    }

    /// The summary line: `added 3 org; updated 2 goal`.
    package func summary(dryRun: Bool) -> LocalizedText {
      ImportText.summary(added: counts(added), updated: counts(updated), dryRun: dryRun)
    }
  }

  /// One table to import: a CSV file, or a sheet of a workbook.
  private struct Table {
    enum Content {
      case kind(Kind)
      case settings
    }
    var content: Content
    /// The name locations carry: the CSV's path, or `PATH[SHEET]`.
    var name: String
    var order: Int
    var read: ((ImportRow) throws -> Void) throws -> Void
    var isSheet: Bool
  }

  /// Imports `paths` into `plan`.
  /// - Complexity: O(rows) edits, each as a typed command costs; the files are streamed.
  package static func run(_ paths: [String], into plan: Plan, options: Options) -> Outcome {
    var outcome = Outcome(plan: plan)
    var tables: [Table] = []
    var workbooks: [XLSXReader] = []  // kept open while their sheets are read
    for path in paths {
      if isWorkbook(path) {
        do throws(Diagnostic) {
          let book = try XLSXReader(path: path)
          workbooks.append(book)
          for sheet in book.sheets {
            let name = "\(path)[\(sheet.name)]"
            let read: ((ImportRow) throws -> Void) throws -> Void = { body in try book.rows(of: sheet, body) }
            // The sheet's name first; the map rules' kind for a sheet whose name names nothing.
            switch WorkbookSheets.sheet(named: sheet.name) {
            case .kind(let kind):
              tables.append(Table(content: .kind(kind), name: name, order: kind.index + 1, read: read, isSheet: true))
            case .settings:
              tables.append(Table(content: .settings, name: name, order: 0, read: read, isSheet: true))
            case .derived:
              continue  // the export's reading aids, computed from the plan
            case nil:
              if let kind = options.rules?.kind?.value {
                tables.append(
                  Table(content: .kind(kind), name: name, order: kind.index + 1, read: read, isSheet: true))
                continue
              }
              SourceFiles.registerSheet(name)
              let at = SourceLocation(file: name, line: 1, column: 1)
              let suggestion = Suggestion.nearest(sheet.name, in: ImportKinds.allNames)
              outcome.diagnostics.append(.error(.unknownKind(sheet.name, suggestion: suggestion), at: at))
            }
          }
        } catch {
          outcome.diagnostics.append(error)
        }
        continue
      }
      guard let kind = options.kind ?? options.rules?.kind?.value ?? ImportKinds.kind(ofFile: path) else {
        let base = ImportKinds.baseName(path)
        let suggestion = Suggestion.nearest(base, in: ImportKinds.allNames)
        outcome.diagnostics.append(.error(ImportText.unknownFileKind(path, suggestion: suggestion), at: nil))
        continue
      }
      let read: ((ImportRow) throws -> Void) throws -> Void = { body in
        let source: TextSource
        do throws(FileError) {
          source = try TextSource(path: path)
        } catch {
          throw Diagnostic.error(.cannotRead(path, reason: error.reason), at: nil)
        }
        try CSVReader.read(source, file: path, body)
      }
      tables.append(Table(content: .kind(kind), name: path, order: kind.index + 1, read: read, isSheet: false))
    }
    // Stable: files of one kind in the order given.
    let ordered = tables.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
    let deferred = DeferredReferences()
    // The keys of every row applied, by kind, for duplicates inside the import.
    var touched = [Set<EntityKey>](repeating: [], count: Kind.allCases.count)
    for (_, table) in ordered.untilInterrupted {
      apply(table, to: &outcome, options: options, deferred: deferred, touched: &touched)
    }
    // A goal's `after` may name goals of later rows: checked once every row is in.
    for reference in deferred.references {
      for id in reference.ids where !outcome.plan.contains(reference.kind, EntityKey(id)) {
        let suggestion = outcome.plan.suggestID(id, of: reference.kind)
        outcome.diagnostics.append(
          .error(
            .unknownReference(kind: reference.kind.rawValue, id: id, suggestion: suggestion), at: reference.token))
      }
    }
    outcome.diagnostics.sort(by: Diagnostic.sortKey)
    _ = workbooks
    return outcome
  }

  /// Whether `path` is read as a workbook: by its extension `.xlsx` (any case).
  static func isWorkbook(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

  /// Applies every row of one table, collecting the errors of each bad row.
  private static func apply(
    _ table: Table, to outcome: inout Outcome, options: Options, deferred: DeferredReferences,
    touched: inout [Set<EntityKey>]
  ) {
    if table.isSheet { SourceFiles.registerSheet(table.name) }
    var header: ImportHeader?
    var settingColumns = (setting: 1, value: 2)
    var headerFailed = false
    var sawHeader = false
    // The file interned once; each cell's location a copy with its row and column.
    let base = SourceLocation(file: table.name, line: 1, column: 1)
    do {
      try table.read { row in
        // Ctrl-C in the shell (issue 18 item 12): the rest is not read, nothing is applied.
        if Interruption.isRequested { throw Diagnostic.error(.interrupted(), at: nil) }
        func location(_ column: Int) -> SourceLocation {
          var at = base
          at.line = row.number
          at.column = column
          return at
        }
        if !sawHeader {
          if row.isEmpty { return }
          sawHeader = true
          guard case .kind(let kind) = table.content else {
            settingColumns = RowConversion.settingColumns(row)
            return
          }
          do throws(DiagnosticList) {
            header = try ImportHeader(
              kind: kind, row: row, rules: options.rules, requireAttributes: !options.update, location: location)
          } catch {
            outcome.diagnostics += error.diagnostics
            headerFailed = true
          }
          return
        }
        if headerFailed || row.isEmpty { return }
        do {
          guard let header else {
            if let command = try RowConversion.settingCommand(row, columns: settingColumns, location: location) {
              outcome.changes.append(try outcome.plan.apply(command))
              if options.statements { outcome.statements.append(statement(plan: outcome.plan, command)) }
              outcome.updated["plan", default: 0] += 1
            }
            return
          }
          if !table.isSheet, let last = row.cells.last, last.column != header.width {
            throw Diagnostic.error(
              ImportText.cellCount(found: last.column, expected: header.width),
              at: location(min(last.column, header.width + 1)))
          }
          if table.isSheet, let stray = row.cells.first(where: { $0.column > header.width && !$0.isEmpty }) {
            throw Diagnostic.error(
              ImportText.cellCount(found: stray.column, expected: header.width), at: location(stray.column))
          }
          // `outcome.plan` read in place: a copy held across the `apply` below would make it copy
          // the whole table for every row.
          guard
            let (command, key, isSet, cellErrors) = try RowConversion.command(
              row, header: header, update: options.update, exists: { outcome.plan.contains(header.kind, $0) },
              location: location)
          else { return }
          guard touched[header.kind.index].insert(key).inserted else {
            throw Diagnostic.error(
              .duplicate(kind: header.kind.rawValue, key: key.description), at: command.arguments[1])
          }
          let change = try applyRow(
            command, cellErrors: cellErrors, keyCount: header.kind.spec.keys.count, to: &outcome.plan,
            update: options.update, deferred: deferred)
          outcome.changes.append(change)
          if options.statements {
            outcome.statements.append(statement(plan: outcome.plan, command, kind: header.kind, key: key, isSet: isSet))
          }
          if isSet {
            outcome.updated[header.kind.rawValue, default: 0] += 1
          } else {
            outcome.added[header.kind.rawValue, default: 0] += 1
          }
        } catch let list as DiagnosticList {
          outcome.diagnostics += list.diagnostics
        } catch let d as Diagnostic {
          outcome.diagnostics.append(d)
        }
      }
      if !sawHeader {
        outcome.diagnostics.append(.error(ImportText.emptyFile(table.name), at: nil))
      }
    } catch let d as Diagnostic {
      outcome.diagnostics.append(d)
    } catch {
      outcome.diagnostics.append(.error(.cannotRead(table.name, reason: "\(error)"), at: nil))
    }
  }

  /// Applies one row's command to `plan`; when the row has a bad cell, reports every bad cell
  /// of it and changes nothing.
  ///
  /// The typed command's checks stop at the first bad value, so after an error at an attribute's
  /// cell the command is tried again without that attribute (``RowConversion/dropping(attributeAt:from:keyCount:)``),
  /// until it applies — and is then reverted — or an error is not at an attribute. Only a row
  /// with an error is tried more than once; its references after the first try are collected
  /// apart, so they add no error of their own.
  /// - Parameter cellErrors: the errors of cells that made no token (``RowConversion/command(_:header:update:exists:location:)``).
  /// - Throws: every error of the row, in column order; an entity that exists without `update`
  ///   with a hint to add it.
  private static func applyRow(
    _ command: Command, cellErrors: [Diagnostic], keyCount: Int, to plan: inout Plan, update: Bool,
    deferred: DeferredReferences
  ) throws(DiagnosticList) -> PlanChange {
    var command = command
    var errors = cellErrors
    while true {
      do {
        let change = try plan.apply(command, deferring: errors.isEmpty ? deferred : DeferredReferences())
        if errors.isEmpty { return change }
        _ = plan.revert(change)  // the row's good cells: a row with a bad one changes nothing
        break
      } catch {
        var error = error
        if error.code == "E104", !update, command.verb == .add { error.notes.append(ImportText.updateHint) }
        errors.append(error)
        guard let rest = RowConversion.dropping(attributeAt: error.location, from: command, keyCount: keyCount) else {
          break
        }
        command = rest
      }
    }
    throw DiagnosticList(errors.sorted(by: Diagnostic.sortKey))
  }

  /// The edit as a canonical statement: an `add` as the plan file writes the entity; a `set` with
  /// the attributes the row gave, at their values now.
  private static func statement(
    plan: Plan, _ command: Command, kind: Kind? = nil, key: EntityKey? = nil, isSet: Bool = false
  ) -> String {
    guard let kind, let key, let entity = plan[kind][key] else {
      // `set plan NAME VALUE`
      guard let name = command.arguments.dropFirst().first?.word, let i = Schema.planAttributeIndex(name) else {
        return "set plan"
      }
      let value = plan.settings[i].map { $0.canonical(as: Schema.plan[i].type) } ?? "none"
      return "set plan \(Schema.plan[i].name) \(value)"
    }
    guard isSet else { return PlanWriter.statement(entity) }
    let spec = kind.spec
    var out = "set \(kind.rawValue) " + key.parts.filter { !$0.isEmpty }.joined(separator: " ")
    var words = command.arguments.dropFirst(1 + spec.keys.count).makeIterator()
    while let word = words.next()?.word {
      _ = words.next()
      if word == "name" {
        out += " name " + Format.quoted(entity.name ?? "")
      } else if let i = spec.attributeIndex(word) {
        out +=
          " \(spec.attributes[i].name) "
          + (entity.values[i].map { $0.canonical(as: spec.attributes[i].type) } ?? "none")
      }
    }
    return out
  }
}
