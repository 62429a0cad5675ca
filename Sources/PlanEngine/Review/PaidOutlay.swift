/// Money actually paid to a consortium by one source in one year (SPEC §11 kind `outlay`).
package struct PaidOutlay: Sendable, Hashable {
  /// A calendar year.
  package var year: Int
  /// The funding source (as for funding lines).
  package var source: String
  /// The amount paid in `year`, in the plan's currency (万元 by default), ≥ 0.
  package var amount: Double

  package init(year: Int, source: String, amount: Double) {
    self.year = year
    self.source = source
    self.amount = amount
  }
}
