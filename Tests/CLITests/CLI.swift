import Foundation
import Testing

/// Runs the built `cplan` executable with pipes, for whole-output tests.
enum CLI {
  /// The repository root (from this file's path).
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary: `CPLAN_BIN`, else `cplan` beside the test bundle, else `.build/debug/cplan`.
  static let binary: String = {
    if let env = ProcessInfo.processInfo.environment["CPLAN_BIN"] { return env }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [
      runner.appendingPathComponent("cplan"), runner.deletingLastPathComponent().appendingPathComponent("cplan"),
    ]
    where FileManager.default.isExecutableFile(atPath: candidate.path) {
      return candidate.path
    }
    return root.appendingPathComponent(".build/debug/cplan").path
  }()

  struct Result {
    var status: Int32
    var out: String
    var err: String
    var outBytes: Data
  }

  /// Runs cplan with `arguments`, `stdin` piped in, in `directory`, with `environment` (a clean
  /// one by default: PATH and HOME only, plus what is given).
  @discardableResult
  static func run(
    _ arguments: [String], stdin: Data = Data(), directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
    for (k, v) in environment { env[k] = v }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inURL = scratch.appendingPathComponent("in")
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    try stdin.write(to: inURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return Result(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self), outBytes: outData)
  }

  static func run(
    _ arguments: [String], stdin: String, directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    try run(arguments, stdin: Data(stdin.utf8), directory: directory, environment: environment)
  }

  /// A fresh temporary folder.
  /// Runs cplan with `arguments` in `directory`, its output piped into `head -c 10`, which
  /// reads ten bytes and goes away; standard error goes to `err.txt` there.
  /// - Returns: cplan's exit status (`PIPESTATUS[0]`) and what it wrote on standard error.
  static func runIntoClosedPipe(_ arguments: [String], directory: URL) throws -> (status: String, err: String) {
    let script = "\"$0\" \"$@\" 2>err.txt | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script, binary] + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let err = (try? String(contentsOf: directory.appendingPathComponent("err.txt"), encoding: .utf8)) ?? ""
    return (status, err)
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  static func read(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }
}
