import Testing

@testable import PlanModel

@Suite struct NaturalOrderTests {
  @Test func digitRunsCompareAsNumbers() {
    let ids = ["G10", "G2", "G1", "G100", "F1", "G02", "目标2", "目标10", "a"]
    let sorted = ids.sorted(by: NaturalOrder.less)
    #expect(sorted == ["F1", "G1", "G2", "G02", "G10", "G100", "a", "目标2", "目标10"])
  }

  @Test func composite() {
    #expect(NaturalOrder.less(["F2", "C10"], ["F10", "C1"]))
    #expect(NaturalOrder.less(["F1", "C2"], ["F1", "C10"]))
    #expect(!NaturalOrder.less(["F1", "C2"], ["F1", "C2"]))
  }
}
