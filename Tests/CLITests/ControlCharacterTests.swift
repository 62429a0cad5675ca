import Foundation
import Testing

/// Issue 18 item 6, SPEC §15 (§10 item): names holding ESC, BEL, CSI, OSC, a C1 control and the
/// right-to-left override U+202E reach no output raw — not `check`'s messages and source lines,
/// not `show`, `list`, `rank`, `diff`, nor any export written to standard output. The bytes are
/// checked, not the decoded text.
@Suite struct ControlCharacterTests {
  /// A plan file whose names carry every kind of sequence (written as raw bytes in the file).
  static let hostile: [UInt8] = Array(
    """
    # cplan plan 1
    set plan title "t\u{1B}]0;pwned\u{07}x" horizon 2025..2030 cutoff 1
    add criterion C1 "c\u{1B}[31m" tag chain weight 1
    add field F1 "evil\u{1B}[2J\u{202E}name\u{9B}31m"
    add score F1 C1 5
    add org o1 "org\u{07}bell" type enterprise size large
    add consortium K1 "k\u{1B}]8;;http://x\u{07}link" field F1 period 2025..2029
    add member K1 o1 role lead chain midstream
    add phase P1 "p\u{202E}" period 2025..2030
    add goal G1 "g\u{1B}[2J" phase P1 consortium K1 indicator "i" unit "u" baseline 0 target 10
    add measure M1 "m\u{9B}0m" phase P1 consortium K1 instrument grant funder provincial amount 10

    """.utf8)

  /// The raw sequences that must not appear: ESC, BEL, C1 CSI (C2 9B), U+202E (E2 80 AE).
  static func raw(_ bytes: Data) -> [String] {
    let b = [UInt8](bytes)
    var found: [String] = []
    if b.contains(0x1B) { found.append("ESC") }
    if b.contains(0x07) { found.append("BEL") }
    for i in b.indices.dropLast() where b[i] == 0xC2 && b[i + 1] == 0x9B { found.append("CSI") }
    for i in b.indices.dropLast(2) where b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xAE {
      found.append("U+202E")
    }
    return found
  }

  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-ctl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data(hostile).write(to: dir.appendingPathComponent("h.plan"))
    // A second plan for diff: the field renamed, so both names are printed.
    let other = String(decoding: hostile, as: UTF8.self).replacingOccurrences(of: "name\u{9B}31m", with: "x\u{1B}[1m")
    try Data(other.utf8).write(to: dir.appendingPathComponent("h2.plan"))
    return dir
  }

  @Test(arguments: [
    ["check", "h.plan"],
    ["check", "h.plan", "--lang", "zh"],
    ["check", "h.plan", "--color", "always"],
    ["rank", "h.plan"],
    ["diff", "h.plan", "h2.plan"],
    ["export", "h.plan", "--format", "text"],
    ["export", "h.plan", "--format", "markdown"],
    ["export", "h.plan", "--format", "csv"],
    ["export", "h.plan", "--format", "json"],
    ["export", "h.plan", "--format", "html"],
    ["h.plan", "-c", "show field F1", "-c", "show plan", "-c", "show consortium K1", "-c", "list field"],
    ["h.plan", "-c", "list goal", "-c", "list measure", "-c", "show goal G1", "-c", "validate", "-c", "show roadmap"],
    ["h.plan", "-c", "set field F1 name \"a\"", "-c", "undo", "-c", "rank"],
  ])
  func nothingRawReachesTheOutput(_ arguments: [String]) throws {
    let dir = try Self.folder()
    let r = try CLI.run(arguments, directory: dir)
    if !arguments.contains("always") {
      #expect(Self.raw(r.outBytes) == [], "stdout of \(arguments): \(r.out)")
    }
    // With --color always, standard output carries the diagnostics' own colours (SGR) and
    // nothing else; the data's ESC are escaped.
    if arguments.contains("always") {
      let out = r.out.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
      #expect(Self.raw(Data(out.utf8)) == [], "\(r.out)")
    }
    #expect(Self.raw(Data(r.err.utf8)) == [], "stderr of \(arguments): \(r.err)")
  }

  @Test func showWritesTheEscapes() throws {
    let dir = try Self.folder()
    let r = try CLI.run(["h.plan", "-c", "show field F1"], directory: dir)
    #expect(r.out.contains(#"evil\u001b[2J\u202ename\u009b31m"#), "\(r.out)")
  }
}
