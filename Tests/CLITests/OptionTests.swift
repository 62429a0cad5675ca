import Foundation
import Testing

/// Command-line options out of range are refused before any work, with status 2.
@Suite struct OptionTests {
  @Test(arguments: [0, 1, 39, 1001])
  func anExportWidthOutsideFortyToAThousandIsRefused(width: Int) throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path, "--format", "text", "--width", String(width)])
    #expect(r.status == 2)
    #expect(r.err.contains("--width must be 40 to 1000 columns (got \(width))"), "\(r.err)")
    #expect(r.out.isEmpty)
  }

  @Test func widthFortyIsAccepted() throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path, "--format", "text", "--width", "40"])
    #expect(r.status == 0)
    #expect(r.out.hasPrefix("吉林省"))
  }
}
