import CSQLite3
import FoundationEssentials
import PlanModel

#if canImport(Glibc)
  import Glibc
#endif

/// Why the `sqlite` export wrote nothing.
package enum DatabaseExportError: Error, Sendable, Equatable {
  /// `--append` to a file that is not a cplan database (another program's database, or no
  /// database at all); SQLite's reason when it could not read it as one.
  case notCplanDatabase(path: String, reason: String?)
  /// `--append` to a database of a newer layout than this cplan writes.
  case newerDatabase(path: String, version: Int)
  /// SQLite or the file system failed; the reason as it gives it.
  case cannotWrite(path: String, reason: String)
}

/// The `sqlite` export (SPEC §13): the plan written into a SQLite database file through
/// libsqlite3, in the tables of ``DatabaseLayout``.
///
/// A new database is built in a temporary file beside the target (without a journal: nothing
/// else can see it) and renamed over it once complete, so a failure or a kill leaves the old file
/// or none. `append` adds the plan to an existing cplan database (marked by `PRAGMA
/// application_id`, ``DatabaseLayout/applicationID``), replacing a plan of the same name, in one
/// transaction with SQLite's rollback journal; tables and columns the database lacks (a kind
/// added to cplan since it was written) are added first. A path that does not exist yet is
/// created either way.
///
/// All rows go in through one prepared statement per table, in one transaction.
package enum SQLiteExport {
  /// Writes `plan` (or, with ``ExportOptions/consortium``, one consortium's part) to `path`.
  /// Replaces an existing file unless `append`; the caller refuses to overwrite without `force`.
  /// - Throws: ``DatabaseExportError``.
  package static func write(
    _ plan: Plan, to path: String, append: Bool, options: ExportOptions
  ) throws(DatabaseExportError) {
    let rows = DatabaseRows(plan, options: options)
    let target = FileIO.writeTarget(path)
    if append, FileIO.exists(target) {
      try appendTo(target, path: path, rows: rows)
    } else {
      try create(target, path: path, rows: rows)
    }
  }

  // MARK: A new database

  private static func create(_ target: String, path: String, rows: DatabaseRows) throws(DatabaseExportError) {
    var st = stat()
    if stat(target, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
      throw .cannotWrite(path: path, reason: (st.st_mode & S_IFMT) == S_IFDIR ? "is a folder" : "not a regular file")
    }
    let folder = PathName.deletingLastComponent(target)
    let tag = TemporaryFile.tag(for: PathName.lastComponent(target))
    TemporaryFile.removeStale(tag: tag, in: folder)
    var temp = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
      temp = TemporaryFile.path(
        tag: tag, attempt: attempt, random: String(UInt32.random(in: 0...UInt32.max), radix: 36), in: folder)
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    close(fd)
    do throws(SQLiteError) {
      do {
        let db = try SQLiteConnection(path: temp, create: false)
        try db.execute(
          "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384; "
            + "PRAGMA application_id = \(DatabaseLayout.applicationID); PRAGMA user_version = \(DatabaseLayout.version)"
        )
        try db.execute("BEGIN")
        for table in DatabaseLayout.tables where rows.writes(table) { try db.execute(DatabaseSQL.createTable(table)) }
        try insert(rows, into: db)
        try db.execute("COMMIT")
      }
      // The connection is closed: the file is complete.
      let fd = open(temp, O_RDONLY | O_CLOEXEC)
      if fd >= 0 {
        fsync(fd)
        close(fd)
      }
      guard rename(temp, target) == 0 else { throw SQLiteError(message: String(cString: strerror(errno))) }
    } catch {
      unlink(temp)
      throw .cannotWrite(path: path, reason: error.message)
    }
  }

  // MARK: Appending

  private static func appendTo(_ target: String, path: String, rows: DatabaseRows) throws(DatabaseExportError) {
    let db: SQLiteConnection
    do {
      db = try SQLiteConnection(path: target, create: false)
    } catch {
      throw .cannotWrite(path: path, reason: error.message)
    }
    let id: Int
    let version: Int
    do {
      id = try db.integer("PRAGMA application_id")
      version = try db.integer("PRAGMA user_version")
    } catch {
      throw .notCplanDatabase(path: path, reason: error.message)
    }
    guard id == Int(DatabaseLayout.applicationID) else { throw .notCplanDatabase(path: path, reason: nil) }
    guard version <= Int(DatabaseLayout.version) else { throw .newerDatabase(path: path, version: version) }
    do throws(SQLiteError) {
      try db.execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384")
      try db.execute("BEGIN IMMEDIATE")
      do throws(SQLiteError) {
        try addMissing(rows, to: db)
        let existing = Set(try db.strings("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0 })
        for table in DatabaseLayout.tables.reversed() where existing.contains(table.name) {
          try db.execute(DatabaseSQL.deletePlan(rows.name, from: table))
        }
        try insert(rows, into: db)
        try db.execute("COMMIT")
      } catch {
        try? db.execute("ROLLBACK")
        throw error
      }
    } catch {
      throw .cannotWrite(path: path, reason: error.message)
    }
  }

  /// Creates the tables `db` lacks and adds the columns its tables lack (as `ALTER TABLE … ADD
  /// COLUMN`, without their constraints).
  private static func addMissing(_ rows: DatabaseRows, to db: SQLiteConnection) throws(SQLiteError) {
    let existing = Set(try db.strings("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0 })
    for table in DatabaseLayout.tables where rows.writes(table) {
      guard existing.contains(table.name) else {
        try db.execute(DatabaseSQL.createTable(table))
        continue
      }
      let columns = Set(
        try db.strings("SELECT name FROM pragma_table_info(" + DatabaseSQL.literal(.text(table.name)) + ")")
          .compactMap { $0 })
      for column in table.columns where !columns.contains(column.name) {
        try db.execute(
          "ALTER TABLE " + DatabaseSQL.identifier(table.name) + " ADD COLUMN " + DatabaseSQL.identifier(column.name)
            + " " + column.type.rawValue)
      }
    }
  }

  // MARK: Rows

  private static func insert(_ rows: DatabaseRows, into db: SQLiteConnection) throws(SQLiteError) {
    for table in DatabaseLayout.tables where rows.writes(table) {
      let statement = try db.prepare(DatabaseSQL.insertStatement(table))
      var failure: SQLiteError?
      rows.forEachRow(of: table) { row in
        guard failure == nil else { return }
        do throws(SQLiteError) { try statement.run(row) } catch { failure = error }
      }
      if let failure { throw failure }
    }
  }
}
