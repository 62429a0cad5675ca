import PlanLanguage
import Testing

@testable import PlanModel

/// `ValueRow` stores only the values set; it must read and write as the array of every
/// attribute (`nil` for not set) it replaces. The model here is that array.
@Suite struct ValueRowTests {
  static let samples: [Value] = [
    .text("联合体"), .number(0.3), .integer(2025), .ref("K1"), .refs(["G1", "G2"]), .choice("core"), .flag(true),
    .period(Period(years: 2025, 2027)), .range(1, 2), .month(YearMonth(year: 2026, month: 3)),
  ]

  @Test(arguments: [1, 2, 3, 4, 5])
  func readsAndWritesAsTheArrayOfEveryAttribute(seed: UInt64) {
    var rng = SplitMix(seed: seed)
    let width = 10  // a goal's attributes
    var model = [Value?](repeating: nil, count: width)
    var row = ValueRow()
    for _ in 0..<2_000 {
      let i = Int(rng.next() % UInt64(width))
      // Half the time set a value, else unset (sometimes one not set).
      let v: Value? = rng.next() % 2 == 0 ? Self.samples[Int(rng.next() % UInt64(Self.samples.count))] : nil
      model[i] = v
      row[i] = v
      for j in 0..<width { #expect(row[j] == model[j]) }
      #expect(row.count == model.count { $0 != nil })
      #expect(row == ValueRow(model))
    }
  }

  @Test func anEmptyRowAndAFullOne() {
    #expect(ValueRow().count == 0)
    #expect(ValueRow([nil, nil, nil]) == ValueRow())
    let all = ValueRow(Array(Self.samples))
    #expect(all.count == Self.samples.count)
    for (i, v) in Self.samples.enumerated() { #expect(all[i] == v) }
    // The last of 16 attributes, the most a kind may have.
    var last = ValueRow()
    last[15] = .flag(false)
    #expect(last[15] == .flag(false) && last[14] == nil && last.count == 1)
  }

  /// The entity's subscript gives the default for an attribute not set, the set value else.
  @Test func anEntityReadsTheDefaultOfAnAttributeNotSet() {
    let goal = Entity(kind: .goal, key: EntityKey("G1"), values: [.ref("P1")], location: PlanLanguage.SourceLocation(file: "t", line: 1, column: 1))
    #expect(goal.values[Attr.Goal.phase] == .ref("P1"))
    #expect(goal.values[Attr.Goal.direction] == nil)
    #expect(goal[Attr.Goal.direction] == Schema.defaults[Kind.goal.index][Attr.Goal.direction])
  }
}

/// A small deterministic generator (SplitMix64, Steele et al. 2014) for the tests above.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
