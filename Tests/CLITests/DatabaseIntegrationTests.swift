import Foundation
import Testing

/// Real database clients read what cplan writes (SPEC §13, issue 15): the `sqlite3` shell opens
/// a `sqlite` export with two provinces' plans appended, finds its foreign keys clean and answers
/// a query across them; the `sql` exports of the same plans load into a real PostgreSQL server
/// started on loopback for the test, and the same query gives the same rows. Drives sqlite3 and
/// PostgreSQL, outside programs (`make test-integration`; both installed by `make deps`).
@Suite(.serialized) struct DatabaseIntegration {
  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs `arguments` (a program on PATH first) in `dir` and waits for it; with `detached`, its
  /// output goes to files rather than pipes (a server it starts keeps what it inherited open,
  /// and reading a pipe to its end would wait for the server).
  @discardableResult
  static func tool(_ arguments: [String], in dir: URL, stdin: String? = nil, detached: Bool = false) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = dir
    process.environment = ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8", "HOME": dir.path]
    if detached {
      let outURL = dir.appendingPathComponent("detached.out")
      let errURL = dir.appendingPathComponent("detached.err")
      FileManager.default.createFile(atPath: outURL.path, contents: nil)
      FileManager.default.createFile(atPath: errURL.path, contents: nil)
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: outURL)
      process.standardError = try FileHandle(forWritingTo: errURL)
      try process.run()
      process.waitUntilExit()
      return Run(status: process.terminationStatus, out: try CLI.read(outURL), err: try CLI.read(errURL))
    }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
  }

  /// Funding by province and consortium, across the plans in the database; the sums cast to
  /// whole numbers so that both databases print them alike.
  static let query = """
    SELECT p.region, c.id, c.name, CAST(SUM(f.amount) AS BIGINT) \
    FROM funding f \
    JOIN consortium c ON c.plan = f.plan AND c.id = f.consortium \
    JOIN plan p ON p.plan = f.plan \
    GROUP BY p.region, c.id, c.name ORDER BY p.region, c.id
    """

  /// The two plans: the Jilin plan, and a copy for another province with K1's first funding line
  /// raised by 1,000 (so the two provinces' sums differ).
  static func plans(in dir: URL) throws -> [String] {
    let script = """
      load \(PlanFileTests.jilin.path)
      set plan region "黑龙江省"
      set funding K1 P1 enterprise 35000
      save heilongjiang.plan
      """
    let r = try CLI.run(["run", "-"], stdin: script, directory: dir)
    #expect(r.status == 0, "\(r.err)")
    return [PlanFileTests.jilin.path, "heilongjiang.plan"]
  }

  /// The expected rows, read off the Jilin plan file without cplan: its funding lines summed per
  /// consortium (K1 147,000: 34,000 + 2,000 + 4,000 + 51,000 + 4,000 + 5,000 + 40,000 + 4,000 +
  /// 3,000), Heilongjiang's K1 1,000 more; regions sort 吉 (U+5409) before 黑 (U+9ED1).
  static func expectedRows() throws -> [String] {
    let text = try String(contentsOfFile: PlanFileTests.jilin.path, encoding: .utf8)
    var sums: [String: Int] = [:]
    var names: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ").map(String.init)
      if words.starts(with: ["add", "funding"]) { sums[words[2], default: 0] += Int(words[5])! }
      if words.starts(with: ["add", "consortium"]) { names[words[2]] = words[3].trimmingCharacters(in: ["\""]) }
    }
    #expect(sums["K1"] == 147_000)
    let ids = sums.keys.sorted()
    return ids.map { "吉林省|\($0)|\(names[$0]!)|\(sums[$0]!)" }
      + ids.map { "黑龙江省|\($0)|\(names[$0]!)|\(sums[$0]! + ($0 == "K1" ? 1000 : 0))" }
  }

  @Test func sqliteShellReadsTwoAppendedPlans() throws {
    let dir = try CLI.temporaryFolder()
    let plans = try Self.plans(in: dir)
    for (i, plan) in plans.enumerated() {
      let r = try CLI.run(
        ["export", plan, "--format", "sqlite", "-o", "provinces.db"] + (i > 0 ? ["--append"] : []), directory: dir)
      #expect(r.status == 0, "\(r.err)")
    }
    let checks = try Self.tool(
      ["sqlite3", "provinces.db", "PRAGMA foreign_keys = ON; PRAGMA foreign_key_check; PRAGMA integrity_check;"],
      in: dir)
    #expect(checks.status == 0, "sqlite3 must be installed (make deps): \(checks.err)")
    #expect(checks.out == "ok\n", "\(checks.out)")
    let rows = try Self.tool(["sqlite3", "-separator", "|", "provinces.db", Self.query + ";"], in: dir)
    #expect(rows.status == 0, "\(rows.err)")
    #expect(rows.out.split(separator: "\n").map(String.init) == (try Self.expectedRows()))
    // The plans are told apart by the plan file's base name.
    let names = try Self.tool(["sqlite3", "provinces.db", "SELECT plan FROM plan ORDER BY plan;"], in: dir)
    #expect(names.out == "heilongjiang\njilin-2025-2030\n")
  }

  /// PostgreSQL refuses to run as root: the cluster is made and run as `postgres` (runuser) in a
  /// folder of the test's, on a free loopback port, and stopped at the end.
  @Test func postgresLoadsTheSQLAndAnswersAlike() throws {
    let dir = try CLI.temporaryFolder()
    let plans = try Self.plans(in: dir)
    var files: [String] = []
    for (i, plan) in plans.enumerated() {
      let file = "plan\(i).sql"
      let r = try CLI.run(["export", plan, "--format", "sql", "-o", file], directory: dir)
      #expect(r.status == 0, "\(r.err)")
      files.append(dir.appendingPathComponent(file).path)
    }
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    guard let version = versions.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }).last else {
      Issue.record("PostgreSQL is not installed (/usr/lib/postgresql): make deps")
      return
    }
    let bin = "/usr/lib/postgresql/\(version)/bin/"
    let cluster = dir.appendingPathComponent("pg")
    try FileManager.default.createDirectory(at: cluster, withIntermediateDirectories: true)
    #expect(try Self.tool(["chown", "-R", "postgres:postgres", dir.path], in: dir).status == 0)
    #expect(try Self.tool(["chmod", "755", dir.path], in: dir).status == 0)
    let asPostgres = ["runuser", "-u", "postgres", "--"]
    let initdb = try Self.tool(
      asPostgres + [
        bin + "initdb", "-D", cluster.appendingPathComponent("data").path, "-A", "trust", "-U", "postgres",
        "-E", "UTF8", "--no-locale",
      ], in: dir)
    #expect(initdb.status == 0, "\(initdb.err)")
    let port = try Self.tool(
      ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
      in: dir
    ).out.trimmingCharacters(in: .whitespacesAndNewlines)
    // The server runs as a child of the test (through runuser), not as pg_ctl's daemon, so that
    // no process outlives the test holding its pipes; it is ready when pg_isready says so.
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.arguments =
      asPostgres + [
        bin + "postgres", "-D", cluster.appendingPathComponent("data").path, "-p", port, "-k", cluster.path, "-c",
        "listen_addresses=127.0.0.1",
      ]
    server.currentDirectoryURL = dir
    server.standardInput = FileHandle.nullDevice
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer {
      _ = try? Self.tool(
        asPostgres + [bin + "pg_ctl", "-D", cluster.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"],
        in: dir, detached: true)
      server.waitUntilExit()
    }
    var ready = false
    for _ in 0..<120 where !ready {
      ready = try Self.tool([bin + "pg_isready", "-h", "127.0.0.1", "-p", port], in: dir).status == 0
      if !ready { usleep(250_000) }
    }
    #expect(ready, "the PostgreSQL server did not start on port \(port)")
    let psql = ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"]
    for file in files {
      let load = try Self.tool(psql + ["-q", "-f", file], in: dir)
      #expect(load.status == 0, "\(load.err)")
    }
    // Loading a plan's SQL again replaces it rather than failing or doubling it.
    #expect(try Self.tool(psql + ["-q", "-f", files[0]], in: dir).status == 0)
    let rows = try Self.tool(psql + ["-A", "-t", "-F", "|", "-c", Self.query], in: dir)
    #expect(rows.status == 0, "\(rows.err)")
    #expect(rows.out.split(separator: "\n").map(String.init) == (try Self.expectedRows()))
    // The keys are real: a member of an unknown consortium is refused.
    let bad = try Self.tool(
      psql + ["-c", "INSERT INTO member (plan, consortium, org) VALUES ('heilongjiang', 'K9', 'jlu')"], in: dir)
    #expect(bad.status != 0)
    #expect(bad.err.contains("foreign key"), "\(bad.err)")
  }
}
