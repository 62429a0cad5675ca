import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

@Suite("Review: money planned against money paid (SPEC §11)")
struct ReviewMoneyTests {
  /// Phase P1 2025-03..2026-06 (16 months: 10 in 2025, 6 in 2026) and phase P2 2026-07..2027-12
  /// (18 months: 6 in 2026, 12 in 2027).
  static let p1 = Period(start: YearMonth(year: 2025, month: 3), end: YearMonth(year: 2026, month: 6), monthly: true)
  static let p2 = Period(start: YearMonth(year: 2026, month: 7), end: YearMonth(year: 2027, month: 12), monthly: true)

  /// Consortium K1's funding lines, and by hand per year (amount × months in the year / months):
  ///   P1 central      320: 2025 200, 2026 120
  ///   P1 provincial   800: 2025 500, 2026 300
  ///   P1 enterprise  1600: 2025 1000, 2026 600
  ///   P2 municipal    360: 2026 120, 2027 240
  ///   P2 enterprise   900: 2026 300, 2027 600
  /// Planned by year: 2025 1700, 2026 120+300+600+120+300 = 1440, 2027 840 (sum 3980 = all lines).
  static let funding = [
    PlannedFunding(source: "central", amount: 320, period: p1),
    PlannedFunding(source: "provincial", amount: 800, period: p1),
    PlannedFunding(source: "enterprise", amount: 1600, period: p1),
    PlannedFunding(source: "municipal", amount: 360, period: p2),
    PlannedFunding(source: "enterprise", amount: 900, period: p2),
  ]

  /// Paid: 2025 central 200, provincial 400, enterprise 900, bank 50 (no line) = 1550;
  /// 2026 provincial 300, municipal 60, enterprise 800 = 1160; 2027 enterprise 100.
  static let outlays = [
    PaidOutlay(year: 2025, source: "central", amount: 200),
    PaidOutlay(year: 2025, source: "provincial", amount: 400),
    PaidOutlay(year: 2026, source: "provincial", amount: 300),
    PaidOutlay(year: 2025, source: "enterprise", amount: 900),
    PaidOutlay(year: 2025, source: "bank", amount: 50),
    PaidOutlay(year: 2026, source: "municipal", amount: 60),
    PaidOutlay(year: 2026, source: "enterprise", amount: 800),
    PaidOutlay(year: 2027, source: "enterprise", amount: 100),
  ]

  static func close(_ a: Double?, _ b: Double?) -> Bool { ReviewFixtures.close(a, b) }

  @Test(
    "a funding line planned evenly over the months of its phase, per year",
    arguments: [
      // 800 over 2025-03..2026-06: 800·10/16 = 500, 800·6/16 = 300.
      (PlannedFunding(source: "provincial", amount: 800, period: p1), [2025, 2026], [500.0, 300]),
      // 360 over 2026-07..2027-12: 360·6/18 = 120, 360·12/18 = 240.
      (PlannedFunding(source: "municipal", amount: 360, period: p2), [2026, 2027], [120, 240]),
      // 900 over the years 2025..2027: 300 each.
      (
        PlannedFunding(source: "central", amount: 900, period: Period(years: 2025, 2027)), [2025, 2026, 2027],
        [300, 300, 300]
      ),
      // One month: all of it.
      (
        PlannedFunding(
          source: "bank", amount: 70,
          period: Period(start: YearMonth(year: 2026, month: 5), end: YearMonth(year: 2026, month: 5), monthly: true)),
        [2026], [70]
      ),
      // A period that ends before it starts (R20): nothing planned.
      (
        PlannedFunding(
          source: "bank", amount: 70,
          period: Period(start: YearMonth(year: 2027, month: 5), end: YearMonth(year: 2026, month: 5), monthly: true)),
        [], []
      ),
    ] as [(PlannedFunding, [Int], [Double])])
  func amountByYear(line: PlannedFunding, years: [Int], amounts: [Double]) {
    let split = line.amountByYear()
    #expect(split.map(\.year) == years)
    #expect(zip(split.map(\.amount), amounts).allSatisfy { abs($0 - $1) <= 1e-9 } && split.count == amounts.count)
  }

  @Test("a consortium's planned and paid by year")
  func byYear() {
    let money = ConsortiumMoney(funding: Self.funding, outlays: Self.outlays, asOf: 2026)
    #expect(money.plannedByYear.keys.sorted() == [2025, 2026, 2027])
    #expect(Self.close(money.plannedByYear[2025], 1700))
    #expect(Self.close(money.plannedByYear[2026], 1440))
    #expect(Self.close(money.plannedByYear[2027], 840))
    #expect(money.paidByYear == [2025: 1550, 2026: 1160, 2027: 100])
  }

  /// As of 2025: planned 1700, paid 1550, execution 1550/1700 = 0.911764705882…; government paid
  /// central 200 + provincial 400 = 600, share 600/1550 = 0.387096774193…
  /// By source: central 200/200 = 1, provincial 400/500 = 0.8, enterprise 900/1000 = 0.9,
  /// municipal 0 planned yet (its line starts 2026-07) → nil, bank paid 50 with no line → nil.
  @Test("as of 2025: planned, paid, execution, government share, by source")
  func asOf2025() {
    let money = ConsortiumMoney(funding: Self.funding, outlays: Self.outlays, asOf: 2025)
    #expect(Self.close(money.planned, 1700))
    #expect(money.paid == 1550)
    #expect(Self.close(money.execution, 0.911_764_705_882_352_9))
    #expect(money.governmentPaid == 600)
    #expect(Self.close(money.governmentShare, 0.387_096_774_193_548_4))
    #expect(Set(money.bySource.keys) == ["central", "provincial", "enterprise", "municipal", "bank"])
    #expect(Self.close(money.bySource["central"]?.execution, 1))
    #expect(Self.close(money.bySource["provincial"]?.execution, 0.8))
    #expect(Self.close(money.bySource["enterprise"]?.execution, 0.9))
    #expect(money.bySource["municipal"] == SourceMoney(planned: 0, paid: 0))
    #expect(money.bySource["municipal"]?.execution == nil)
    #expect(money.bySource["bank"] == SourceMoney(planned: 0, paid: 50))
    #expect(money.bySource["bank"]?.execution == nil)
  }

  /// As of 2026 (the 2027 outlay of 100 ignored): planned 1700 + 1440 = 3140, paid 1550 + 1160 = 2710,
  /// execution 2710/3140 = 0.863057324840…; government 200 + 700 + 60 = 960, share 960/2710 = 0.354243542435…
  /// By source: central 320/200 → 0.625; provincial 800/700 → 0.875; enterprise 1900/1700 → 0.894736842105…;
  /// municipal 120/60 → 0.5.
  @Test("as of 2026: a later year's outlay is not counted")
  func asOf2026() {
    let money = ConsortiumMoney(funding: Self.funding, outlays: Self.outlays, asOf: 2026)
    #expect(Self.close(money.planned, 3140))
    #expect(money.paid == 2710)
    #expect(Self.close(money.execution, 0.863_057_324_840_764_3))
    #expect(money.governmentPaid == 960)
    #expect(Self.close(money.governmentShare, 0.354_243_542_435_424_36))
    #expect(Self.close(money.bySource["central"]?.planned, 320))
    #expect(Self.close(money.bySource["central"]?.execution, 0.625))
    #expect(Self.close(money.bySource["provincial"]?.execution, 0.875))
    #expect(Self.close(money.bySource["enterprise"]?.planned, 1900))
    #expect(Self.close(money.bySource["enterprise"]?.execution, 0.894_736_842_105_263_2))
    #expect(Self.close(money.bySource["municipal"]?.execution, 0.5))
  }

  /// Before anything is planned or paid: execution and share are null, not 0 or NaN.
  @Test("nothing planned yet: execution and share nil")
  func nothingYet() {
    let money = ConsortiumMoney(funding: Self.funding, outlays: Self.outlays, asOf: 2024)
    #expect(money.planned == 0 && money.paid == 0)
    #expect(money.execution == nil && money.governmentShare == nil)
    let empty = ConsortiumMoney(funding: [], outlays: [], asOf: 2026)
    #expect(empty.execution == nil && empty.governmentShare == nil && empty.bySource.isEmpty)
  }

  /// Paid with nothing planned (a consortium without funding lines): execution nil, share still
  /// computed — 300 provincial of 300 + 700 = 0.3.
  @Test("outlays without funding lines: share without execution")
  func unplanned() {
    let money = ConsortiumMoney(
      funding: [],
      outlays: [
        PaidOutlay(year: 2025, source: "provincial", amount: 300),
        PaidOutlay(year: 2025, source: "enterprise", amount: 700),
      ], asOf: 2025)
    #expect(money.execution == nil)
    #expect(Self.close(money.governmentShare, 0.3))
  }

  @Test("the government sources are central, provincial and municipal, in R27's order")
  func governmentSources() {
    #expect(ConsortiumMoney.governmentSources == ["central", "provincial", "municipal"])
  }
}
