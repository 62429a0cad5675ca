import Foundation
import Testing

/// Issue 17 item 16: no line of any text output ends in spaces — `show` padded its rows with
/// ~150 trailing spaces (the table renderer padded the last cell).
@Suite struct TrailingSpaceTests {
  static let plan = CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan").path

  static let commands: [[String]] = [
    ["-c", "show consortium K1", plan], ["-c", "show org faw", plan], ["-c", "list org", plan],
    ["-c", "list goal", plan], ["-c", "validate", plan], ["--lang", "zh", "-c", "show consortium K2", plan],
    ["rank", "--sensitivity", plan], ["export", "--format", "text", plan], ["check", plan],
  ]

  @Test(arguments: commands)
  func noLineEndsInASpace(_ arguments: [String]) throws {
    let result = try CLI.run(arguments)
    #expect(!result.out.isEmpty)
    for line in result.out.split(separator: "\n") {
      #expect(line.last != " ", "\(arguments.joined(separator: " ")): '\(line)'")
    }
  }
}
