import PlanModel

/// The SQL the database exports speak: the dialect SQLite and PostgreSQL share (identifiers in
/// double quotes, texts in single quotes with `''` inside, `TRUE`/`FALSE`, `CREATE TABLE IF NOT
/// EXISTS`, multi-row `VALUES`). SQLite reads `TRUE`/`FALSE` since 3.23 (2018).
enum DatabaseSQL {
  /// `"name"`: every identifier is quoted, so that a kind or attribute named like an SQL keyword
  /// (`order`, `check`) still works. The names are lower case, so unquoted queries find them in
  /// PostgreSQL (which folds unquoted names to lower case) too.
  static func identifier(_ name: String) -> String {
    "\"" + name.replacing("\"", with: "\"\"") + "\""
  }

  /// A value as an SQL literal.
  static func literal(_ value: SQLValue, into out: inout String) {
    switch value {
    case .null: out += "NULL"
    case .integer(let i): out += String(i)
    case .real(let d): out += d.isFinite ? "\(d)" : "NULL"
    case .boolean(let b): out += b ? "TRUE" : "FALSE"
    case .text(let s):
      out += "'"
      if s.utf8.contains(0x27) { out += s.replacing("'", with: "''") } else { out += s }
      out += "'"
    }
  }

  static func literal(_ value: SQLValue) -> String {
    var out = ""
    literal(value, into: &out)
    return out
  }

  /// `CREATE TABLE IF NOT EXISTS "t" (…, PRIMARY KEY (…), FOREIGN KEY (…) REFERENCES "u" (…))`.
  static func createTable(_ table: DatabaseLayout.Table) -> String {
    var parts = table.columns.map { c in
      identifier(c.name) + " " + c.type.rawValue + (c.notNull ? " NOT NULL" : "")
    }
    parts.append("PRIMARY KEY (" + table.primaryKey.map(identifier).joined(separator: ", ") + ")")
    for key in table.foreignKeys {
      parts.append(
        "FOREIGN KEY (" + key.columns.map(identifier).joined(separator: ", ") + ") REFERENCES "
          + identifier(key.table) + " (" + key.references.map(identifier).joined(separator: ", ") + ")")
    }
    return "CREATE TABLE IF NOT EXISTS " + identifier(table.name) + " (\n  " + parts.joined(separator: ",\n  ")
      + "\n)"
  }

  /// `INSERT INTO "t" ("a", "b")` (the values follow).
  static func insertInto(_ table: DatabaseLayout.Table) -> String {
    "INSERT INTO " + identifier(table.name) + " (" + table.columns.map { identifier($0.name) }.joined(separator: ", ")
      + ")"
  }

  /// The insert with a parameter per column, `VALUES (?1, ?2, …)`, for a prepared statement.
  static func insertStatement(_ table: DatabaseLayout.Table) -> String {
    insertInto(table) + " VALUES (" + table.columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ") + ")"
  }

  /// Removes the rows of plan `name` from `table`.
  static func deletePlan(_ name: String, from table: DatabaseLayout.Table) -> String {
    "DELETE FROM " + identifier(table.name) + " WHERE " + identifier("plan") + " = " + literal(.text(name))
  }
}
