import PlanEngine
import PlanLanguage
import PlanModel

/// A value of a database column.
package enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int)
  case real(Double)
  case text(String)
  case boolean(Bool)
}

/// The rows of one plan for the tables of ``DatabaseLayout``: what the `sqlite` and `sql`
/// exports write. The ranking and the findings are those of the exports' roadmap (``Roadmap``),
/// so `--consortium` gives one consortium's part here too; the findings are computed on another
/// thread while the plan's own tables are written.
struct DatabaseRows {
  let roadmap: Roadmap
  /// The plan's name, the first column of every row.
  let name: String
  let language: MessageLanguage

  init(_ plan: Plan, options: ExportOptions) {
    roadmap = Roadmap(plan, consortium: options.consortium)
    name = DatabaseLayout.planName(file: options.file)
    language = options.language
  }

  var plan: Plan { roadmap.plan }

  /// Whether the plan writes rows of `table`'s kind of content: `status` only for a plan with
  /// actuals (SPEC §13); every other table always (its rows may be none).
  func writes(_ table: DatabaseLayout.Table) -> Bool {
    table.content != .status || !plan[.actual].isEmpty
  }

  /// Calls `body` with each row of `table`, its values in the order of `table.columns`. The
  /// array is reused from row to row: copy it to keep it.
  func forEachRow(of table: DatabaseLayout.Table, _ body: ([SQLValue]) -> Void) {
    var row = [SQLValue](repeating: .null, count: table.columns.count)
    switch table.content {
    case .settings:
      for (c, column) in table.columns.enumerated() {
        guard case .attribute(let i, let part) = column.source else {
          row[c] = .text(name)
          continue
        }
        row[c] = Self.value(plan.setting(i), Schema.plan[i].type, column.type, part: part)
      }
      body(row)
    case .kind(let kind):
      let spec = kind.spec
      let defaults = Schema.defaults[kind.index]
      let sources = table.columns.map(\.source)
      let types = table.columns.map(\.type)
      for entity in plan[kind].values {
        for c in sources.indices {
          switch sources[c] {
          case .plan: row[c] = .text(name)
          case .key(let n):
            let part = entity.key.part(n)
            row[c] = types[c] == .integer ? Int(part).map(SQLValue.integer) ?? .text(part) : .text(part)
          case .name: row[c] = entity.name.map(SQLValue.text) ?? .null
          case .attribute(let i, let part):
            row[c] = Self.value(entity[i] ?? defaults[i], spec.attributes[i].type, types[c], part: part)
          case .derived: row[c] = .null
          }
        }
        body(row)
      }
    case .ranking:
      guard case .success(let ranking) = roadmap.ranking else { return }
      for r in ranking.rows {
        row = [.text(name), .text(r.field), .integer(r.rank), .real(r.score), .text(ranking.method)]
        body(row)
      }
    case .diagnostics:
      for (i, d) in roadmap.diagnostics.enumerated() {
        row = [
          .text(name), .integer(i + 1), .text(d.severity.rawValue), .text(d.code), .text(d.message.text(language)),
          d.location.map { .integer($0.line) } ?? .null, d.location.map { .integer($0.column) } ?? .null,
        ]
        body(row)
      }
    case .status:
      guard writes(table), let year = reviewYear else { return }
      for (goal, _, a) in plan.goalAssessments(asOf: year) {
        row = [
          .text(name), .text(goal.id), .integer(a.asOf), .text(a.status.rawValue), Self.real(a.actual),
          a.actualYear.map(SQLValue.integer) ?? .null, Self.real(a.expected), Self.real(a.ratio),
        ]
        body(row)
      }
    }
  }

  /// The year under review as the review decides it (SPEC §11; no year given by a command).
  private var reviewYear: Int? {
    let years = plan[.actual].values.compactMap { Int($0.key.b) } + plan[.outlay].values.compactMap { Int($0.key.b) }
    return ReviewYear.resolve(
      command: nil, asOf: plan.asOf, recordYears: years, horizonStartYear: plan.horizon?.start.year)?.year
  }

  private static func real(_ v: Double?) -> SQLValue { v.map(SQLValue.real) ?? .null }

  /// An attribute's value in a column of `column` type; `part` picks a period's start (0) or end
  /// (1), a range's minimum or maximum.
  static func value(_ v: Value?, _ type: AttributeType, _ column: DatabaseLayout.ColumnType, part: Int) -> SQLValue {
    guard let v else { return .null }
    switch v {
    case .text(let s), .ref(let s), .choice(let s): return .text(s)
    case .refs(let ids): return .text(ids.joined(separator: ","))
    case .number(let d):
      if column == .integer, d == d.rounded(), abs(d) < 1e15 { return .integer(Int(d)) }
      return .real(d)
    case .integer(let i): return column == .integer ? .integer(i) : .real(Double(i))
    case .period(let p):
      let end = part == 0 ? p.start : p.end
      return column == .integer ? .integer(end.year) : .text(end.description)
    case .range(let a, let b): return .real(part == 0 ? a : b)
    case .month(let m): return .text(m.description)
    case .flag(let b): return .boolean(b)
    }
  }
}
