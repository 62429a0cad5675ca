import Foundation
import Testing

/// `ValidationBench` (bench/ValidationBench, README "Performance") times validation alone:
/// what it prints, and that it refuses what it cannot run.
@Suite struct ValidationBenchTests {
  /// The built `ValidationBench` beside `cplan`.
  static var binary: String {
    URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("ValidationBench").path
  }

  static func run(_ arguments: [String]) throws -> CLI.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(
      status: process.terminationStatus, out: String(decoding: data, as: UTF8.self), err: "", outBytes: data)
  }

  /// The lines of `out`, each with its numbers (`12.3`, `5`) replaced by `#`.
  static func shapes(_ out: String) -> [String] {
    out.split(separator: "\n").map { line in
      String(line).replacing(/[0-9]+(\.[0-9]+)?/, with: "#")
    }
  }

  @Test func itTimesBothModesOnAPlan() throws {
    let r = try Self.run([PlanFileTests.jilin.path, "--runs", "3"])
    #expect(r.status == 0)
    #expect(
      Self.shapes(r.out) == [
        "load # ms, # entities",
        "engine median # ms, min # ms, max # ms, # runs, # findings",
        "cache median # ms, min # ms, max # ms, # runs, # findings",
      ])
  }

  @Test func anEarlyStartAndEditsAreTimedToo() throws {
    let r = try Self.run([PlanFileTests.jilin.path, "--runs", "0", "--early", "--edit", "set goal G101 target 0"])
    #expect(r.status == 0)
    #expect(
      Self.shapes(r.out) == [
        "load # ms, # entities",
        "validate after an early start # ms, # findings",
        "full (kept) # ms, # findings",
        "edits # ms",
        "validate after the edits # ms, # findings, re-checked what changed",
      ])
  }

  @Test(arguments: [["--runs", "x"], ["--mode", "fast"], []])
  func badArgumentsAreRefused(arguments: [String]) throws {
    let r = try Self.run(arguments + (arguments.isEmpty ? [] : [PlanFileTests.jilin.path]))
    #expect(r.status == 2)
    #expect(r.out.contains("usage: ValidationBench PLAN"))
  }
}
