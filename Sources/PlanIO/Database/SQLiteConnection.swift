import CSQLite3

/// What SQLite reported: its message (`sqlite3_errmsg`).
package struct SQLiteError: Error, Sendable, Equatable {
  package var message: String
}

/// A connection to a SQLite database file through libsqlite3's C API: statements run, prepared,
/// bound and stepped. The one place PlanIO calls SQLite.
final class SQLiteConnection {
  private var db: OpaquePointer?

  /// Opens (or, with `create`, creates) the database at `path`.
  /// - Throws: ``SQLiteError`` when SQLite cannot open it.
  init(path: String, create: Bool) throws(SQLiteError) {
    let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(path, &db, flags, nil)
    guard status == SQLITE_OK else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
      sqlite3_close_v2(db)
      db = nil
      throw SQLiteError(message: message)
    }
  }

  deinit { sqlite3_close_v2(db) }

  private var lastError: SQLiteError { SQLiteError(message: String(cString: sqlite3_errmsg(db))) }

  /// Runs `sql` (one or more statements, no results read).
  func execute(_ sql: String) throws(SQLiteError) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw lastError }
  }

  /// The first column of each row `sql` returns, as text (`NULL` as `nil`).
  func strings(_ sql: String) throws(SQLiteError) -> [String?] {
    let statement = try prepare(sql)
    var out: [String?] = []
    while try statement.step() { out.append(statement.text(0)) }
    return out
  }

  /// The first column of the first row of `sql`, as an integer (0 when there is none).
  func integer(_ sql: String) throws(SQLiteError) -> Int {
    let statement = try prepare(sql)
    return try statement.step() ? statement.integer(0) : 0
  }

  func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    var handle: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &handle, nil) == SQLITE_OK, let handle else { throw lastError }
    return Statement(handle: handle, connection: self)
  }

  /// A prepared statement: bind, step, reset; finalized when released.
  final class Statement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection

    fileprivate init(handle: OpaquePointer, connection: SQLiteConnection) {
      self.handle = handle
      self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to the parameters `?1`, `?2`, … in order.
    func bind(_ values: [SQLValue]) throws(SQLiteError) {
      for (i, value) in values.enumerated() {
        let n = Int32(i + 1)
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(handle, n)
        case .integer(let v): status = sqlite3_bind_int64(handle, n, sqlite3_int64(v))
        case .real(let v): status = sqlite3_bind_double(handle, n, v)
        case .boolean(let v): status = sqlite3_bind_int(handle, n, v ? 1 : 0)
        case .text(var s):
          status = s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, n, "", 0, nil) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
              sqlite3_bind_text(handle, n, $0, Int32(bytes.count), cplan_sqlite_transient())
            }
          }
        }
        guard status == SQLITE_OK else { throw connection.lastError }
      }
    }

    /// Runs the statement to its next row: `true` when there is one, `false` when done.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
      switch sqlite3_step(handle) {
      case SQLITE_ROW: return true
      case SQLITE_DONE: return false
      default: throw connection.lastError
      }
    }

    /// Makes the statement ready to run again with new values.
    func reset() { sqlite3_reset(handle) }

    /// Runs the statement once with `values`.
    func run(_ values: [SQLValue]) throws(SQLiteError) {
      try bind(values)
      defer { reset() }
      try step()
    }

    func text(_ column: Int32) -> String? {
      guard let p = sqlite3_column_text(handle, column) else { return nil }
      return String(cString: p)
    }

    func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
  }
}
