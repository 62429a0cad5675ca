import PlanEngine
import PlanModel

/// The `sql` export (SPEC §13): the tables of ``DatabaseLayout`` and the plan's rows as one SQL
/// script that SQLite (`sqlite3 db < plan.sql`) and PostgreSQL (`psql -f plan.sql`) both load, in
/// one transaction.
///
/// The tables are created when missing (`CREATE TABLE IF NOT EXISTS`) and the plan's earlier
/// rows removed before its rows go in, so loading the exports of several plans into one
/// database gathers them, and loading a plan again replaces it — what `--append` does for the
/// `sqlite` export. Rows go in 500 to an `INSERT`.
struct SQLExport {
  let rows: DatabaseRows

  /// Rows per `INSERT` statement.
  static let batch = 500

  init(_ plan: Plan, options: ExportOptions) {
    rows = DatabaseRows(plan, options: options)
  }

  /// The script, handed to `sink` in pieces of about `chunkSize` bytes.
  func write(chunkSize: Int, to sink: (String) -> Void) {
    var out = ""
    out.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
    func flush(_ force: Bool = false) {
      if force || out.utf8.count >= chunkSize {
        sink(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    let tables = DatabaseLayout.tables.filter(rows.writes)
    out += "-- cplan database export of plan " + DatabaseSQL.literal(.text(rows.name))
    out += " (SQLite and PostgreSQL)\nBEGIN;\n"
    for table in tables { out += DatabaseSQL.createTable(table) + ";\n" }
    for table in tables.reversed() { out += DatabaseSQL.deletePlan(rows.name, from: table) + ";\n" }
    for table in tables.untilInterrupted {
      let head = DatabaseSQL.insertInto(table) + " VALUES\n"
      var n = 0
      rows.forEachRow(of: table) { row in
        out += n % Self.batch == 0 ? (n == 0 ? head : ";\n" + head) : ",\n"
        out += "("
        for (i, value) in row.enumerated() {
          if i > 0 { out += ", " }
          DatabaseSQL.literal(value, into: &out)
        }
        out += ")"
        n += 1
        if n % Self.batch == 0 { flush() }
      }
      if n > 0 { out += ";\n" }
    }
    out += "COMMIT;\n"
    flush(true)
  }

  func render() -> String {
    var all = ""
    write(chunkSize: .max) { all += $0 }
    return all
  }
}
