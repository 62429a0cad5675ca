import Testing

@testable import PlanIO
@testable import PlanModel

/// `save` writes the plan's text in pieces; the pieces must make exactly the canonical text.
@Suite struct PlanWriterStreamTests {
  @Test(arguments: ExportFixtures.planNames)
  func piecesMakeTheCanonicalText(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    let whole = PlanWriter.write(plan)
    for size in [1, 100, 4096, 1 << 18] {
      var pieces: [String] = []
      PlanWriter.write(plan, pieceSize: size) { pieces.append($0) }
      #expect(pieces.joined() == whole, "piece size \(size)")
      // Every piece but the last holds at least `size` bytes and ends a line.
      for piece in pieces.dropLast() {
        #expect(piece.utf8.count >= size)
        #expect(piece.hasSuffix("\n"))
      }
      #expect(pieces.last?.hasSuffix("\n") == true)
      // Small pieces split the plan: one per line at size 1.
      if size == 1 { #expect(pieces.count == whole.utf8.count { $0 == 0x0A }) }
    }
  }
}
