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

  /// Steps through every attribute many times with strides prime to the width, so that values
  /// are set, replaced and unset before, after and between others in every pattern.
  @Test(arguments: [1, 3, 7])
  func readsAndWritesAsTheArrayOfEveryAttribute(stride: Int) {
    let width = 10  // a goal's attributes
    var model = [Value?](repeating: nil, count: width)
    var row = ValueRow()
    for step in 0..<600 {
      let i = (step * stride) % width
      // Two steps in three set a value (one of the samples), the third unsets.
      let v: Value? = step % 3 == 2 ? nil : Self.samples[(step / 3) % Self.samples.count]
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

  /// Every kind fits a row: its attributes are bits of the 16-bit mask (checked here once,
  /// not on every entity made).
  @Test func everyKindOfTheSchemaFitsARow() {
    for kind in Kind.allCases { #expect(kind.spec.attributes.count <= ValueRow.capacity, "\(kind)") }
  }

  /// The entity's subscript gives the default for an attribute not set, the set value else.
  @Test func anEntityReadsTheDefaultOfAnAttributeNotSet() {
    let goal = Entity(
      kind: .goal, key: EntityKey("G1"), values: [.ref("P1")],
      location: PlanLanguage.SourceLocation(file: "t", line: 1, column: 1))
    #expect(goal.values[Attr.Goal.phase] == .ref("P1"))
    #expect(goal.values[Attr.Goal.direction] == nil)
    #expect(goal[Attr.Goal.direction] == Schema.defaults[Kind.goal.index][Attr.Goal.direction])
  }
}
