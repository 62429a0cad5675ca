import Foundation
import Testing

/// `cplan export --format json` of a plan whose export is several streaming chunks long (over
/// 1 MB): standard output (written piece by piece) and `-o FILE` (written atomically from one
/// buffer) hold the same bytes, a device is written piece by piece, and an existing file is
/// refused before anything is made.
@Suite struct ExportStreamTests {
  /// A plan of `consortia` consortia with three goals and two measures each, Chinese names and
  /// strings that need escapes, for an export of about 2 KB a consortium.
  static func plan(consortia: Int) -> String {
    var lines = [
      "# cplan plan 1", "set plan title \"流式 \\\"JSON\\\"\" horizon 2025..2030",
      "add criterion C1 \"产业链基础\" weight 1", "add field F1 \"新能源\"", "add score F1 C1 8",
      "add org faw \"中国一汽\" type enterprise", "add phase P1 \"攻关期\" period 2025..2027",
    ]
    for k in 1...consortia {
      lines.append("add consortium K\(k) \"联合体 \(k)\\t第二\" field F1 period 2025..2028")
      lines.append("add member K\(k) faw role lead chain midstream")
      for g in 1...3 {
        lines.append(
          "add goal G\(k)_\(g) \"目标 \\\"\(g)\\\"\\n续\" phase P1 consortium K\(k) indicator \"产值\" unit \"亿元\" baseline \(g) target \(g * 10)"
        )
      }
      for m in 1...2 {
        lines.append("add measure M\(k)_\(m) \"措施 \(m)\" phase P1 consortium K\(k) amount \(m * 100).5 agency \"科技厅\"")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func standardOutputAndFileHoldTheSameBytes() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write(Self.plan(consortia: 800), to: dir.appendingPathComponent("big.plan"))
    let streamed = try CLI.run(["export", "big.plan", "--format", "json"], directory: dir)
    #expect(streamed.status == 0 && streamed.err.isEmpty)
    #expect(streamed.outBytes.count > 2 << 20)
    #expect(streamed.out.hasPrefix("{\n  \"format\": \"cplan-plan\",") && streamed.out.hasSuffix("\n}\n"))
    #expect(try JSONSerialization.jsonObject(with: streamed.outBytes) is [String: Any])

    let written = try CLI.run(["export", "big.plan", "--format", "json", "-o", "big.json"], directory: dir)
    #expect(written.status == 0 && written.outBytes.isEmpty && written.err.isEmpty)
    #expect(try Data(contentsOf: dir.appendingPathComponent("big.json")) == streamed.outBytes)

    // A device is written directly, piece by piece.
    let device = try CLI.run(["export", "big.plan", "--format", "json", "-o", "/dev/null"], directory: dir)
    #expect(device.status == 0 && device.err.isEmpty)

    // An existing file is refused (and left alone) without --force; with it, replaced.
    try CLI.write("old", to: dir.appendingPathComponent("old.json"))
    let refused = try CLI.run(["export", "big.plan", "--format", "json", "-o", "old.json"], directory: dir)
    #expect(refused.status == 1 && refused.err.contains("old.json"))
    #expect(try CLI.read(dir.appendingPathComponent("old.json")) == "old")
    let forced = try CLI.run(["export", "big.plan", "--format", "json", "-o", "old.json", "--force"], directory: dir)
    #expect(forced.status == 0)
    #expect(try Data(contentsOf: dir.appendingPathComponent("old.json")) == streamed.outBytes)
  }

  /// A reader that goes away after the first bytes ends the export quietly: status 0, no crash.
  @Test func closedPipeEndsQuietly() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write(Self.plan(consortia: 800), to: dir.appendingPathComponent("big.plan"))
    let (text, err) = try CLI.runIntoClosedPipe(["export", "big.plan", "--format", "json"], directory: dir)
    #expect(!err.contains("Fatal error"), "\(err.prefix(300))")
    #expect(text == "0\n")
  }
}
