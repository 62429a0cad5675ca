import PlanModel

/// The tables of the database exports (`sqlite`, `sql`; SPEC §13), derived from the schema
/// (``Schema/plan``, ``Schema/kinds``): a `plan` table of the settings, one table per kind named
/// after it, then `ranking`, `diagnostics` and `status`. A kind added to the schema gets its
/// table without a change here.
///
/// Every table starts with a `plan` column, the plan's name (``planName(file:)``), which is part
/// of its primary key and refers to `plan(plan)`, so that many plans (every province's) share one
/// database. A kind's key parts are columns named as SPEC §13's import headers name them (`id`
/// for a kind keyed by its own ID, else the part's name: `consortium`, `org`, `year`, `source`; a
/// repeated part numbered: `criterion1`, `criterion2`), then `name` when the kind has one, then one
/// column per attribute (`-` written `_`); a period is two columns `X_start`, `X_end`, a range
/// `X_min`, `X_max`. A key part or attribute that names an entity is a foreign key to that
/// kind's table (`after`, a list of goals, stays text: `G1,G2`).
///
/// Values: texts, keywords and IDs as `TEXT`; numbers, amounts (in the plan's currency) and
/// percents (as fractions: 30% is 0.3) as `DOUBLE PRECISION`; counts and years as `INTEGER`;
/// `yes`/`no` as `BOOLEAN`; a month or a month period's ends as `TEXT` `YYYY-MM`, a year
/// period's ends as `INTEGER` years. Attributes left at their default hold the default.
package enum DatabaseLayout {
  /// `PRAGMA application_id` of a cplan database: "cpln" in ASCII, so that `--append` refuses
  /// another program's database (SQLite's file format, "Application ID").
  package static let applicationID: Int32 = 0x6370_6C6E
  /// `PRAGMA user_version`: the version of this layout. A database of a newer layout is refused.
  package static let version: Int32 = 1

  /// The SQL type of a column: a name SQLite and PostgreSQL both know (SQLite gives
  /// `DOUBLE PRECISION` REAL affinity and `BOOLEAN` NUMERIC affinity, storing 1 and 0).
  package enum ColumnType: String, Sendable {
    case text = "TEXT"
    case integer = "INTEGER"
    case real = "DOUBLE PRECISION"
    case boolean = "BOOLEAN"
  }

  /// Where a column's value comes from.
  package enum Source: Sendable, Equatable {
    /// The plan's name.
    case plan
    /// Key part `n` of the entity.
    case key(Int)
    /// The entity's name.
    case name
    /// The attribute (or plan setting) `n`; for a period or range, `part` 0 is its start or
    /// minimum, 1 its end or maximum.
    case attribute(Int, part: Int)
    /// A column of a derived table (ranking, diagnostics, status), filled by its rows.
    case derived
  }

  package struct Column: Sendable, Equatable {
    package var name: String
    package var type: ColumnType
    package var notNull: Bool
    package var source: Source
  }

  package struct ForeignKey: Sendable, Equatable {
    package var columns: [String]
    package var table: String
    package var references: [String]
  }

  /// What fills a table.
  package enum Content: Sendable, Equatable {
    case settings
    case kind(Kind)
    case ranking
    case diagnostics
    case status
  }

  package struct Table: Sendable, Equatable {
    package var name: String
    package var content: Content
    package var columns: [Column]
    package var primaryKey: [String]
    package var foreignKeys: [ForeignKey]
  }

  /// Every table, each after the tables its foreign keys refer to (PostgreSQL needs the table a
  /// key refers to when the key is created, and rows are inserted in this order).
  package static let tables: [Table] = ordered([settingsTable] + Kind.allCases.map(table(of:)) + derivedTables)

  /// The table of a kind.
  package static func table(for kind: Kind) -> Table { tables.first { $0.content == .kind(kind) }! }

  /// The plan's name in the `plan` columns: the plan file's base name without `.plan`
  /// (`plans/jilin-2025-2030.plan` → `jilin-2025-2030`); `plan` for a plan never saved.
  package static func planName(file: String?) -> String {
    guard let file, !file.isEmpty else { return "plan" }
    var base = String(file.split(separator: "/", omittingEmptySubsequences: true).last ?? "")
    if base.hasSuffix(".plan"), base.count > 5 { base.removeLast(5) }
    return base.isEmpty ? "plan" : base
  }

  /// `rd-intensity` → `rd_intensity`.
  package static func columnName(_ name: String) -> String {
    String(name.map { $0 == "-" ? "_" : $0 })
  }

  // MARK: Derivation

  private static let planColumn = Column(name: "plan", type: .text, notNull: true, source: .plan)

  /// The columns of an attribute (or setting) `index` of `spec`.
  private static func columns(_ spec: AttributeSpec, index: Int, notNull: Bool) -> [Column] {
    let name = columnName(spec.name)
    func pair(_ a: String, _ b: String, _ type: ColumnType) -> [Column] {
      [
        Column(name: name + "_" + a, type: type, notNull: notNull, source: .attribute(index, part: 0)),
        Column(name: name + "_" + b, type: type, notNull: notNull, source: .attribute(index, part: 1)),
      ]
    }
    switch spec.type {
    case .yearPeriod: return pair("start", "end", .integer)
    case .period: return pair("start", "end", .text)
    case .range: return pair("min", "max", .real)
    default:
      return [Column(name: name, type: type(of: spec.type), notNull: notNull, source: .attribute(index, part: 0))]
    }
  }

  private static func type(of type: AttributeType) -> ColumnType {
    switch type {
    case .text, .choice, .ref, .refs, .month, .period: .text
    case .number, .amount, .percent, .saaty, .range: .real
    case .count, .year, .yearPeriod: .integer
    case .yesNo: .boolean
    }
  }

  /// The name of the column of each key part of `spec`: `id`, or the part's name in lower case,
  /// numbered when it repeats.
  package static func keyColumnNames(_ spec: KindSpec) -> [String] {
    if spec.hasOwnID { return ["id"] }
    let names = spec.keyNames.map { columnName($0.lowercased()) }
    return names.enumerated().map { i, name in
      names.count(where: { $0 == name }) > 1 ? name + String(names[..<i].count(where: { $0 == name }) + 1) : name
    }
  }

  private static var settingsTable: Table {
    var columns = [planColumn]
    for (i, spec) in Schema.plan.enumerated() { columns += Self.columns(spec, index: i, notNull: false) }
    return Table(name: "plan", content: .settings, columns: columns, primaryKey: ["plan"], foreignKeys: [])
  }

  private static func table(of kind: Kind) -> Table {
    let spec = kind.spec
    var columns = [planColumn]
    var foreignKeys = [ForeignKey(columns: ["plan"], table: "plan", references: ["plan"])]
    let keyNames = keyColumnNames(spec)
    for (i, part) in spec.keys.enumerated() {
      let type: ColumnType = part == .year ? .integer : .text
      columns.append(Column(name: keyNames[i], type: type, notNull: true, source: .key(i)))
      if case .ref(let target) = part, target.spec.hasOwnID {
        foreignKeys.append(
          ForeignKey(columns: ["plan", keyNames[i]], table: target.rawValue, references: ["plan", "id"]))
      }
    }
    if spec.hasName { columns.append(Column(name: "name", type: .text, notNull: false, source: .name)) }
    for (i, attribute) in spec.attributes.enumerated() {
      let made = Self.columns(attribute, index: i, notNull: attribute.required)
      columns += made
      if case .ref(let target) = attribute.type, target.spec.hasOwnID {
        foreignKeys.append(
          ForeignKey(columns: ["plan", made[0].name], table: target.rawValue, references: ["plan", "id"]))
      }
    }
    return Table(
      name: kind.rawValue, content: .kind(kind), columns: columns, primaryKey: ["plan"] + keyNames,
      foreignKeys: foreignKeys)
  }

  private static func derived(_ name: String, _ type: ColumnType, notNull: Bool = false) -> Column {
    Column(name: name, type: type, notNull: notNull, source: .derived)
  }

  /// `ranking` (the plan's method, one row per ranked field), `diagnostics` (the engine's
  /// findings in report order, `seq` from 1; the message in the export's language; `line` and `col`
  /// where it points in the plan file, `col` since `column` is a reserved word of SQL) and `status`
  /// (each goal's status as of the year under review, SPEC §11; written for plans with actuals).
  private static var derivedTables: [Table] {
    let ofPlan = ForeignKey(columns: ["plan"], table: "plan", references: ["plan"])
    return [
      Table(
        name: "ranking", content: .ranking,
        columns: [
          planColumn, derived("field", .text, notNull: true), derived("rank", .integer, notNull: true),
          derived("score", .real, notNull: true), derived("method", .text, notNull: true),
        ], primaryKey: ["plan", "field"],
        foreignKeys: [ofPlan, ForeignKey(columns: ["plan", "field"], table: "field", references: ["plan", "id"])]),
      Table(
        name: "diagnostics", content: .diagnostics,
        columns: [
          planColumn, derived("seq", .integer, notNull: true), derived("severity", .text, notNull: true),
          derived("code", .text, notNull: true), derived("message", .text, notNull: true),
          derived("line", .integer), derived("col", .integer),
        ], primaryKey: ["plan", "seq"], foreignKeys: [ofPlan]),
      Table(
        name: "status", content: .status,
        columns: [
          planColumn, derived("goal", .text, notNull: true), derived("as_of", .integer, notNull: true),
          derived("status", .text, notNull: true), derived("actual", .real), derived("actual_year", .integer),
          derived("expected", .real), derived("ratio", .real),
        ], primaryKey: ["plan", "goal"],
        foreignKeys: [ofPlan, ForeignKey(columns: ["plan", "goal"], table: "goal", references: ["plan", "id"])]),
    ]
  }

  /// `tables` with each after the tables it refers to, otherwise in the given order.
  private static func ordered(_ tables: [Table]) -> [Table] {
    var out: [Table] = []
    var placed: Set<String> = []
    var left = tables
    while !left.isEmpty {
      let i =
        left.firstIndex { t in t.foreignKeys.allSatisfy { $0.table == t.name || placed.contains($0.table) } } ?? 0
      placed.insert(left[i].name)
      out.append(left.remove(at: i))
    }
    return out
  }
}
